// The named export: decimal.js types its default export for bundlers only (under nodenext it is the namespace).
import { Decimal } from 'decimal.js';

/** A private Decimal constructor: the host page's global Decimal settings never leak into our math. */
export const Dec = Decimal.clone({ precision: 50, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -30, toExpPos: 40 });
export type Dec = InstanceType<typeof Dec>;

export type DecimalInput = number | string;

/**
 * What the model reads as a number. Every price, size, balance and rate it needs fits in these bounds with room
 * to spare (prices down to 1e-12 for inverse shorts, sizes up to 1e15, rates down to a millionth), and nothing
 * beyond them is a real input: a ten-character `1e-300000000` would otherwise expand into hundreds of millions
 * of digits the moment it is printed. Zero is always allowed; each field sets its own meaningful minimum.
 */
export const DECIMAL_LIMITS = {
  /**
   * Longest text read, surrounding spaces aside. The model's own exact figures carry 50 digits, and a spec a tool
   * hands back (sizeByRisk's sized position) must read back: 50 digits after "0." and 29 zeros fit in 100.
   */
  maxLength: 100,
  /** The precision of every calculation: digits beyond these are rounded off, as they could not change a result. */
  significantDigits: 50,
  /**
   * Decimal exponent of the leading digit: 1e-30 ≤ |value| < 1e41. Inputs stay far inside (amounts up to 1e15);
   * the top leaves room for what the model itself writes (a coin notional of 1e15 USD at a price of 1e-18 is 1e33),
   * so every figure it returns reads back as input.
   */
  minExponent: -30,
  maxExponent: 40,
} as const;

/** Why a value is not a number the model reads; the field's message says it in words. */
export type DecimalProblem = 'not-a-number' | 'comma' | 'too-long' | 'out-of-range';

export type DecimalReading = { ok: true; value: Dec } | { ok: false; problem: DecimalProblem };

const plainNumber = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const notANumber: DecimalReading = { ok: false, problem: 'not-a-number' };

function checkBounds(parsed: Dec, nonZeroDigits: boolean): DecimalReading {
  // decimal.js turns an exponent beyond its own range into Infinity or 0: both are out of range.
  if (!parsed.isFinite()) return { ok: false, problem: 'out-of-range' };
  if (parsed.isZero()) return nonZeroDigits ? { ok: false, problem: 'out-of-range' } : { ok: true, value: parsed.abs() };
  if (parsed.e < DECIMAL_LIMITS.minExponent || parsed.e > DECIMAL_LIMITS.maxExponent) return { ok: false, problem: 'out-of-range' };
  return { ok: true, value: parsed.toSignificantDigits(DECIMAL_LIMITS.significantDigits) };
}

/**
 * Reads user or API input as an exact decimal, or says why it cannot (never throws). Plain numbers only:
 * a comma, an underscore or a space inside the number is refused, because `2,5` may mean 2.5 or 25 and the
 * model does not guess (the on-screen inputs read the reader's locale before anything reaches the model).
 */
export function readDecimal(value: unknown): DecimalReading {
  if (typeof value === 'number') return Number.isFinite(value) ? checkBounds(new Dec(value), value !== 0) : notANumber;
  if (typeof value !== 'string') return notANumber;
  const trimmed = value.trim();
  // The length check comes first, so no long text is ever scanned by the pattern or handed to decimal.js.
  if (trimmed.length > DECIMAL_LIMITS.maxLength) return { ok: false, problem: 'too-long' };
  if (trimmed.includes(',')) return { ok: false, problem: 'comma' };
  if (trimmed === '' || !plainNumber.test(trimmed)) return notANumber;
  const mantissa = trimmed.split(/e/i)[0] ?? '';
  return checkBounds(new Dec(trimmed), /[1-9]/.test(mantissa));
}

/** Parses user or API input; null for anything readDecimal refuses (never throws). */
export function parseDecimal(value: unknown): Dec | null {
  const reading = readDecimal(value);
  return reading.ok ? reading.value : null;
}

/** The reason a value was refused, in plain words, after the field's label ("Entry price must be a number."). */
export function decimalProblemText(label: string, problem: DecimalProblem): string {
  switch (problem) {
    case 'not-a-number':
      return `${label} must be a number.`;
    case 'comma':
      return `${label} must be written with a decimal point and no commas (2.5, not 2,5).`;
    case 'too-long':
      return `${label} is too long: at most ${DECIMAL_LIMITS.maxLength} characters.`;
    case 'out-of-range':
      return `${label} is out of range: it must be 0 or between 1e${DECIMAL_LIMITS.minExponent} and 1e${DECIMAL_LIMITS.maxExponent + 1} in size.`;
  }
}

/** Plain decimal notation, never exponent form, trailing zeros dropped. */
export function toPlainString(value: Dec): string {
  const fixed = value.toFixed();
  return fixed === '-0' ? '0' : fixed;
}

/** toOutput, passing null through (a figure that does not exist). */
export function toOutputOrNull(value: Dec | null): string | null {
  return value === null ? null : toOutput(value);
}

const NOISE = new Dec(`1e${DECIMAL_LIMITS.minExponent}`);

/**
 * Exact figures are kept to 30 significant digits in the JSON output: far below any tick, still readable. A figure
 * below 1e-30 in size is cancellation noise at 50-digit precision (1 − 0.99…9) and is written as 0, so every figure
 * the model writes reads back as input.
 */
export function toOutput(value: Dec): string {
  return value.abs().lt(NOISE) ? '0' : toPlainString(value.toSignificantDigits(30));
}

export const ZERO = new Dec(0);
export const ONE = new Dec(1);
