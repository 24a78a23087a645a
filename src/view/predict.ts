import type { HeadlineRow } from './readings';

/**
 * The headline figures that give a lesson's answer away (where the position is liquidated): while the reader is still
 * guessing they read "Hidden", with no working to open. Everything else stays, amplification included: it is the
 * clue the lesson wants the reader to use.
 */
const answerKeys: ReadonlySet<string> = new Set(['liquidationPrice', 'liquidationDistance', 'bankruptcyPrice', 'lastPriceLiquidation', 'lossAtLiquidation', 'afterLiquidation']);

const HIDDEN = 'Hidden';

export function hideAnswers(rows: readonly HeadlineRow[]): HeadlineRow[] {
  return rows.map((row) => (answerKeys.has(row.key) ? { ...row, value: HIDDEN, unit: '', reading: 'Hidden until you reveal your guess on the chart.' } : row));
}

export function isHiddenAnswer(row: HeadlineRow): boolean {
  return answerKeys.has(row.key) && row.value === HIDDEN;
}

/** Whether a lesson hides the answer now: it asks for a guess (`predict` is set) and the reader has not revealed it yet. */
export function hidingAnswer(predict: { revealed: boolean } | null): boolean {
  return predict !== null && !predict.revealed;
}
