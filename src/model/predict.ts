import { parseDecimal, toOutput } from './decimal';
import type { DecimalInput } from './decimal';

/** How far a reader's guess of a price was from the model's answer. */
export interface GuessError {
  /** guess − answer, signed, in price units (exact decimal string). */
  difference: string;
  /** |guess − answer| as a fraction of the distance from entry to the answer: 0 is exact, 1 is as far off as the whole move. */
  shareOfMove: string;
  /** The guess lies between the entry and the answer: the reader expected the venue to act sooner than it does. */
  early: boolean;
}

/**
 * A guess compared with the answer, measured against the move that leads from entry to it: a guess 100 off matters
 * more when liquidation is 500 away than when it is 20,000 away. Null when a price is not a positive number or the
 * answer is the entry itself (there is no move to measure against).
 */
export function guessError(entry: DecimalInput, answer: DecimalInput, guess: DecimalInput): GuessError | null {
  const from = parseDecimal(entry);
  const target = parseDecimal(answer);
  const guessed = parseDecimal(guess);
  if (from === null || target === null || guessed === null || !from.gt(0) || !target.gt(0) || !guessed.gt(0)) return null;
  const move = target.minus(from).abs();
  if (move.isZero()) return null;
  const difference = guessed.minus(target);
  const towardAnswer = target.minus(from).isNegative() ? from.minus(guessed) : guessed.minus(from);
  return {
    difference: toOutput(difference),
    shareOfMove: toOutput(difference.abs().div(move)),
    // gt(0), not isPositive(): decimal.js counts +0 as positive, and a guess at the entry is not early.
    early: towardAnswer.gt(0) && towardAnswer.lt(move),
  };
}
