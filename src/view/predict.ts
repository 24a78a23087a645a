import type { HeadlineRow } from './readings';

/**
 * The headline figures that give a lesson's answer away (where the position is liquidated): while the reader is still
 * guessing they read "Hidden", with no working to open. Everything else stays, amplification included: it is the
 * clue the lesson wants the reader to use.
 */
const answerKeys: ReadonlySet<string> = new Set(['liquidationPrice', 'liquidationDistance', 'bankruptcyPrice', 'lastPriceLiquidation', 'lossAtLiquidation', 'afterLiquidation']);

/** What a hidden figure reads: in the headline, the scenario table and anywhere else the answer would appear. */
export const HIDDEN_ANSWER = 'Hidden';

/** The health-level prices bracket the liquidation price just as closely: they wait for the reveal too. */
function givesAnswer(key: string): boolean {
  return answerKeys.has(key) || key.startsWith('thresholdPrice-');
}

export function hideAnswers(rows: readonly HeadlineRow[]): HeadlineRow[] {
  return rows.map((row) => (givesAnswer(row.key) ? { ...row, value: HIDDEN_ANSWER, unit: '', reading: 'Hidden until you reveal your guess on the chart.' } : row));
}

export function isHiddenAnswer(row: HeadlineRow): boolean {
  return givesAnswer(row.key) && row.value === HIDDEN_ANSWER;
}

/** Whether a lesson hides the answer now: it asks for a guess (`predict` is set) and the reader has not revealed it yet. */
export function hidingAnswer(predict: { revealed: boolean } | null): boolean {
  return predict !== null && !predict.revealed;
}
