import type { Contagion } from '../model/portfolio';
import type { ValidAnalysis } from '../model/types';
import type { ToolboxView, ToolTab } from '../store/toolbox';
import { colors } from './series';
import type { Marker } from './series';

/*
 * Pure builders for the toolbox on the charts: the main chart's toolbox markers and the contagion chart's
 * rows. Numbers in, numbers out; every price comes from the model through the store's toolbox view.
 */

export const toolboxColors = {
  exit: 'var(--lev-tool-exit, #0f766e)',
  target: 'var(--lev-tool-target, #7c3aed)',
  stop: 'var(--lev-danger, #c0262d)',
  takeProfit: 'var(--lev-breakeven, #047857)',
  before: 'var(--lev-muted, #5b6272)',
  capped: 'var(--lev-tool-capped, #d97706)',
  maintenance: 'var(--lev-warning, #b45309)',
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

function toPrice(value: string | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  const price = Number(value);
  return Number.isFinite(price) && price > 0 ? price : null;
}

function marker(id: string, value: string | null | undefined, label: string, shortLabel: string, dash: string, color: string, rounding: Marker['rounding'] = 'nearest'): Marker | null {
  const price = toPrice(value);
  if (price === null || value === null || value === undefined) return null;
  // Kind 'scenario' keeps the existing chart's styling rules generic (thin line, own dash).
  return { id: `tool-${id}`, kind: 'scenario', price, exact: value, label, shortLabel, dash, color, className: `lev-marker lev-marker-tool lev-marker-tool-${id}`, rounding };
}

/** The open tool's markers on the main chart: exit, target, stop and take-profit, liquidation before/after the last fill. */
export function toolboxMarkers(view: ToolboxView, tab: ToolTab): Marker[] {
  const analysis = view.analysis;
  if (analysis === null) return [];
  const towardEntry = analysis.side === 'long' ? 'up' : 'down';
  const list: (Marker | null)[] = [];
  switch (tab) {
    case 'exit':
      list.push(marker('exit', view.exit.result?.exitPrice ?? (view.exit.error === null ? view.exit.price.value : null), 'Exit', 'Exit', toolboxDashes.exit, toolboxColors.exit));
      break;
    case 'target':
      list.push(marker('target-gross', view.target.grossPrice, 'Target ROE', 'Tgt', toolboxDashes.targetGross, toolboxColors.target));
      list.push(marker('target-net', view.target.netPrice, 'Target net of fees', 'Tgt net', toolboxDashes.targetNet, toolboxColors.target));
      break;
    case 'average': {
      const result = view.average.result;
      if (result !== null) {
        list.push(marker('liquidation-before', result.before.liquidationPrice, 'Liq. before last fill', 'Liq. before', toolboxDashes.liquidationBefore, toolboxColors.before, towardEntry));
        list.push(marker('liquidation-after', result.after.liquidationPrice, 'Liq. after last fill', 'Liq. after', toolboxDashes.liquidationAfter, colors.danger, towardEntry));
        list.push(marker('average-entry', result.averageEntry, 'Average entry', 'Avg', '2 2', colors.entry));
      }
      break;
    }
    case 'risk': {
      const result = view.risk.result;
      if (result !== null) {
        list.push(marker('stop', view.risk.stop.value, 'Stop', 'SL', toolboxDashes.stop, toolboxColors.stop));
        if (result.rewardAtTakeProfit !== null) list.push(marker('take-profit', view.risk.takeProfit, 'Take-profit', 'TP', toolboxDashes.takeProfit, toolboxColors.takeProfit));
      }
      break;
    }
    case 'maxOpen':
    case 'portfolio':
      break;
  }
  return list.filter((item): item is Marker => item !== null);
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
