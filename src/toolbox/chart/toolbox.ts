import type { Contagion } from '../../model/portfolio';
import type { ValidAnalysis } from '../../model/types';
import type { ToolMark, ToolMarkId } from '../../view/toolbox';
import { colors } from '../../chart/series';
import type { Marker } from '../../chart/series';

/*
 * Pure builders for the toolbox on the charts: the main chart's toolbox markers and the contagion chart's
 * rows. Numbers in, numbers out; every price comes from the model through the view's toolbox model.
 */

export const toolboxColors = {
  exit: 'var(--lev-tool-exit)',
  target: 'var(--lev-tool-target)',
  stop: 'var(--lev-danger)',
  takeProfit: 'var(--lev-breakeven)',
  before: 'var(--lev-muted)',
  capped: 'var(--lev-tool-capped)',
  maintenance: 'var(--lev-warning)',
} as const;

/** Each toolbox marker has its own dash, so colour is never the only signal. */
export const toolboxDashes = {
  exit: '0',
  targetGross: '5 3',
  targetNet: '1 3',
  stop: '10 3 2 3',
  takeProfit: '12 4',
  liquidationBefore: '3 3',
  liquidationAfter: '9 3',
} as const;

/** Colour and dash of each toolbox mark. */
const markStyle: Record<ToolMarkId, { dash: string; color: string }> = {
  exit: { dash: toolboxDashes.exit, color: toolboxColors.exit },
  'target-gross': { dash: toolboxDashes.targetGross, color: toolboxColors.target },
  'target-net': { dash: toolboxDashes.targetNet, color: toolboxColors.target },
  stop: { dash: toolboxDashes.stop, color: toolboxColors.stop },
  'take-profit': { dash: toolboxDashes.takeProfit, color: toolboxColors.takeProfit },
  'liquidation-before': { dash: toolboxDashes.liquidationBefore, color: toolboxColors.before },
  'liquidation-after': { dash: toolboxDashes.liquidationAfter, color: colors.danger },
  'average-entry': { dash: '2 2', color: colors.entry },
};

/** The open tool's marks as the main chart's markers. */
export function toolboxMarkers(marks: readonly ToolMark[]): Marker[] {
  // Kind 'scenario' keeps the existing chart's styling rules generic (thin line, own dash).
  return marks.map((mark): Marker => ({ ...mark, id: `tool-${mark.id}`, kind: 'scenario', ...markStyle[mark.id], className: `lev-marker lev-marker-tool lev-marker-tool-${mark.id}` }));
}

/**
 * The equity of the sized-by-risk trade capped at its stop: beyond the stop the trade is closed, so equity stays at
 * what was left there. Given as a value per plotted price (null where undefined), in the margin currency.
 */
export function stopCappedEquity(prices: readonly number[], equity: readonly number[], stop: number, side: ValidAnalysis['side']): (number | null)[] {
  if (!(stop > 0) || prices.length === 0) return prices.map(() => null);
  // Equity at the stop, interpolated between the neighbouring plotted prices.
  let atStop: number | null = null;
  for (let index = 1; index < prices.length; index += 1) {
    const a = prices[index - 1] ?? 0;
    const b = prices[index] ?? 0;
    if ((a - stop) * (b - stop) <= 0 && a !== b) {
      const ea = equity[index - 1] ?? 0;
      const eb = equity[index] ?? 0;
      atStop = ea + ((eb - ea) * (stop - a)) / (b - a);
      break;
    }
  }
  return prices.map((price, index) => {
    const beyond = side === 'long' ? price < stop : price > stop;
    if (!beyond) return equity[index] ?? null;
    return atStop;
  });
}

export interface ContagionRow {
  price: number;
  equity: number;
  maintenance: number;
  /** Every position's liquidation price as a change from its mark, in percent (so different assets share an axis). */
  [key: `p${number}`]: number | null;
}

/** Rows of the contagion chart: account equity and total maintenance, and each position's liquidation distance. */
export function contagionRows(result: Contagion, marks: readonly number[]): ContagionRow[] {
  return result.price.map((price, index) => {
    const row: ContagionRow = { price, equity: result.accountEquity[index] ?? 0, maintenance: result.totalMaintenance[index] ?? 0 };
    result.liquidationPrices.forEach((series, position) => {
      const mark = marks[position] ?? 0;
      const value = series[index];
      row[`p${position}`] = value === null || value === undefined || !(mark > 0) ? null : ((value - mark) / mark) * 100;
    });
    return row;
  });
}
