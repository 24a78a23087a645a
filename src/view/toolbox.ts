import { addToPosition, exitPnl, maxOpen, priceForNetRoe, sizeByRisk } from '../model/toolbox';
import { analyzePortfolio } from '../model/portfolio';
import { priceForRoe, roundToTick } from '../model/companions';
import { equityPath } from '../model/path';
import { Dec, toOutput } from '../model/decimal';
import { positionEnd, reachesEnd } from './ending';
import { isPositiveNumberText } from '../config/lists';
import { percentText, percentToFraction, readNumberText } from '../config/schema';
import type { AddToPosition, ExitPnl, MaxOpen, SizeByRisk } from '../model/toolbox';
import type { Portfolio, PortfolioAnalysis, PortfolioPosition } from '../model/portfolio';
import type { PositionSpec, ValidAnalysis } from '../model/types';
import { fillsFromText, portfolioFromText } from '../config/lists';
import type { FillRow, PortfolioRow } from '../config/lists';
import type { Inputs } from '../config/schema';
import type { Derived } from './derive';

/*
 * The trader's toolbox view model, derived from the raw inputs: pure, shared by the toolbox panel and the chart's
 * markers (src/toolbox/ui and src/toolbox/chart, which may not import each other). Every figure comes from the model.
 */

// The tabs are link state (a lesson link opens on its tab), so the schema defines them.
import type { ToolTab } from '../config/schema';
export { toolTabs } from '../config/schema';
export type { ToolTab };

/** A value the user typed, or the stand-in used while the field is empty. */
export interface ToolValue {
  /** What the computation uses (on-screen units: percent for rates). */
  value: string;
  /** True when the field is empty and `value` is the stand-in. */
  auto: boolean;
}

/** An exit the position never reaches: the venue closes it first. */
export interface LiquidatedFirst {
  /** Where the venue closes it (the model's liquidation price, else bankruptcy). */
  price: string;
  /** What is lost there: the backing collateral less what the venue leaves, plus the fee to open. */
  loss: string;
  /** What is assumed about the liquidation, in words. */
  assumption: string;
}

export interface ExitTool {
  price: ToolValue;
  /** The model's exitPnl, as if the position were still open there: not a result to show when liquidatedFirst is set. */
  result: ExitPnl | null;
  /** Set when the exit price lies at or beyond the liquidation price: the position never gets there. */
  liquidatedFirst: LiquidatedFirst | null;
  error: string | null;
}

export interface TargetTool {
  /** Target ROE in percent (on screen). */
  roe: ToolValue;
  /** Price at which the exchanges' ROE (no fees) is reached. */
  grossPrice: string | null;
  /** Price at which the ROE net of both fees and funding over the holding period is reached. */
  netPrice: string | null;
  /** Set when a price for this ROE lies beyond liquidation: that ROE is never reached, the venue closes the position at this price first. */
  liquidatedFirstAt: string | null;
  error: string | null;
}

export interface FillErrors {
  price?: string;
  size?: string;
}

export interface AverageTool {
  rows: FillRow[];
  rowErrors: FillErrors[];
  result: AddToPosition | null;
  error: string | null;
}

export interface MaxOpenTool {
  result: MaxOpen | null;
  error: string | null;
}

export type RiskField = 'riskBalance' | 'riskPercent' | 'riskAmount' | 'stopPrice' | 'takeProfitPrice';

export interface RiskTool {
  balance: ToolValue;
  /** Risk in percent of the balance (on screen), used when no amount is set. */
  percent: ToolValue;
  /** 'amount' when an amount is typed. */
  mode: 'percent' | 'amount';
  stop: ToolValue;
  /** The typed take-profit price, or null when none is set. */
  takeProfit: string | null;
  result: SizeByRisk | null;
  errors: Partial<Record<RiskField, string>>;
  /** A problem that belongs to no single field. */
  error: string | null;
}

export interface PortfolioRowErrors {
  name?: string;
  entry?: string;
  size?: string;
  mark?: string;
  mmr?: string;
}

export interface PortfolioTool {
  rows: PortfolioRow[];
  rowErrors: PortfolioRowErrors[];
  /** The model's input, when every row reads. */
  portfolio: Portfolio | null;
  result: PortfolioAnalysis | null;
  walletError: string | null;
  /** Account-level problems (mixed instruments, no positions). */
  errors: string[];
  marginCurrency: 'quote' | 'coin';
}

/** What each tab works out. */
export interface ToolsByTab {
  exit: ExitTool;
  target: TargetTool;
  average: AverageTool;
  maxOpen: MaxOpenTool;
  risk: RiskTool;
  portfolio: PortfolioTool;
}

/**
 * One tab's figures with the position they work on (null while the inputs are invalid). Only the open tab is
 * worked out: a slider step then costs that tab's figures alone.
 */
export type OpenTool = { [Tab in ToolTab]: { tab: Tab; analysis: ValidAnalysis | null; tool: ToolsByTab[Tab] } }[ToolTab];

const NO_POSITION = 'Enter a valid position above first: this tool works on it.';


function numberError(text: string, what: string): string | null {
  if (text.trim() === '') return `Give ${what}.`;
  return isPositiveNumberText(text) ? null : `${what.charAt(0).toUpperCase()}${what.slice(1)} must be a number above zero.`;
}

/** A price a share away from entry, rounded to the tick: the stand-in for an empty price field. */
export function priceAway(entry: string, share: number, tick: string): string {
  const moved = Number(entry) * (1 + share);
  return roundToTick(Number.isFinite(moved) && moved > 0 ? moved.toPrecision(12) : entry, tick) ?? entry;
}

function toolValue(typed: string, fallback: string): ToolValue {
  return typed.trim() === '' ? { value: fallback, auto: true } : { value: typed.trim(), auto: false };
}

/** The exit as the venue would end it when the price reaches liquidation first; null while the position is open there. */
function liquidatedBefore(spec: PositionSpec, exitPrice: string, openFee: string): LiquidatedFirst | null {
  const path = equityPath(spec, [exitPrice]);
  const point = path?.points[0];
  if (path === null || path.endPrice === null || point === undefined || point.state !== 'liquidated') return null;
  // The fee to open was paid outside the margin: the loss is the margin (less anything left) and that fee.
  const loss = new Dec(point.pnl).neg().plus(openFee);
  return { price: path.endPrice, loss: toOutput(loss), assumption: path.assumption };
}

function exitTool(inputs: Inputs, spec: PositionSpec | null, analysis: ValidAnalysis | null, tick: string): ExitTool {
  const sign = analysis?.side === 'short' ? -1 : 1;
  const price = toolValue(inputs.exitPrice, analysis === null ? '' : priceAway(analysis.entry, 0.05 * sign, tick));
  const none = { price, result: null, liquidatedFirst: null } as const;
  if (spec === null || analysis === null) return { ...none, error: NO_POSITION };
  const problem = numberError(price.value, 'an exit price');
  if (problem !== null) return { ...none, error: problem };
  const result = exitPnl(spec, price.value);
  if (result === null) return { ...none, error: 'This exit price or holding period cannot be used.' };
  // The result stays (the chart's exit handle follows its price); the tab shows the liquidation instead of its PnL.
  return { price, result, liquidatedFirst: liquidatedBefore(spec, price.value, result.openFee), error: null };
}

function targetTool(inputs: Inputs, spec: PositionSpec | null, analysis: ValidAnalysis | null): TargetTool {
  const roe = toolValue(inputs.targetRoe, '50');
  const none = { roe, grossPrice: null, netPrice: null, liquidatedFirstAt: null } as const;
  if (spec === null || analysis === null) return { ...none, error: NO_POSITION };
  const reading = readNumberText(roe.value);
  const fraction = reading.ok && reading.text !== '' ? percentToFraction(percentText(reading.text)) : null;
  if (fraction === null) return { ...none, error: 'The target ROE must be a number (negative for a loss).' };
  const end = positionEnd(spec, analysis);
  // A price at or beyond liquidation is one the position never reaches open: that ROE is not on offer.
  const reachable = (price: string | null): string | null => (price === null || reachesEnd(end, Number(price)) ? null : price);
  const rawGross = priceForRoe(spec, fraction);
  const rawNet = priceForNetRoe(spec, fraction);
  const grossPrice = reachable(rawGross);
  const netPrice = reachable(rawNet);
  const cut = (rawGross !== null && grossPrice === null) || (rawNet !== null && netPrice === null);
  const liquidatedFirstAt = cut && end !== null ? end.exact : null;
  const error =
    grossPrice !== null || netPrice !== null
      ? null
      : liquidatedFirstAt !== null
        ? 'This ROE is never reached: the position is liquidated first.'
        : 'No price reaches this ROE: a loss beyond the price going to zero (or to infinity for a short).';
  return { roe, grossPrice, netPrice, liquidatedFirstAt, error };
}

function averageTool(inputs: Inputs, spec: PositionSpec | null): AverageTool {
  const rows = fillsFromText(inputs.fills);
  const rowErrors = rows.map((row): FillErrors => {
    const errors: FillErrors = {};
    const price = numberError(row.price, 'a price');
    const size = numberError(row.size, 'a size');
    if (price !== null) errors.price = price;
    if (size !== null) errors.size = size;
    return errors;
  });
  if (spec === null) return { rows, rowErrors, result: null, error: NO_POSITION };
  if (rows.length === 0) return { rows, rowErrors, result: null, error: 'Add a fill: the price and size of an order that adds to the position.' };
  if (rowErrors.some((errors) => errors.price !== undefined || errors.size !== undefined)) return { rows, rowErrors, result: null, error: 'Complete the fills marked below.' };
  const result = addToPosition(spec, rows);
  if (!result.valid) return { rows, rowErrors, result: null, error: result.errors.map((error) => error.message).join(' ') };
  return { rows, rowErrors, result, error: null };
}

function maxOpenTool(spec: PositionSpec | null, analysis: ValidAnalysis | null): MaxOpenTool {
  if (spec === null || analysis === null) return { result: null, error: NO_POSITION };
  const result = maxOpen({ ...spec, collateral: analysis.collateral, leverage: analysis.leverage });
  return result.valid ? { result, error: null } : { result: null, error: result.errors.map((error) => error.message).join(' ') };
}

function riskTool(inputs: Inputs, spec: PositionSpec | null, analysis: ValidAnalysis | null, tick: string): RiskTool {
  const sign = analysis?.side === 'short' ? -1 : 1;
  const balance = toolValue(inputs.riskBalance, analysis?.collateral ?? '');
  const percent = toolValue(inputs.riskPercent, '1');
  const mode = inputs.riskAmount.trim() === '' ? 'percent' : 'amount';
  const stop = toolValue(inputs.stopPrice, analysis === null ? '' : priceAway(analysis.entry, -0.02 * sign, tick));
  const typedTakeProfit = inputs.takeProfitPrice.trim();
  const base = { balance, percent, mode, stop, takeProfit: typedTakeProfit === '' ? null : typedTakeProfit } as const;
  if (spec === null || analysis === null) return { ...base, result: null, errors: {}, error: NO_POSITION };
  const errors: Partial<Record<RiskField, string>> = {};
  const balanceProblem = numberError(balance.value, 'the account balance');
  if (balanceProblem !== null) errors.riskBalance = balanceProblem;
  const stopProblem = numberError(stop.value, 'a stop-loss price');
  if (stopProblem !== null) errors.stopPrice = stopProblem;
  if (mode === 'amount') {
    const problem = numberError(inputs.riskAmount, 'the risk amount');
    if (problem !== null) errors.riskAmount = problem;
  } else if (!isPositiveNumberText(percent.value) || Number(percent.value) > 100) {
    errors.riskPercent = 'The risk per trade must be above 0 and at most 100 %.';
  }
  const takeProfit = inputs.takeProfitPrice.trim();
  if (takeProfit !== '' && !isPositiveNumberText(takeProfit)) errors.takeProfitPrice = 'The take-profit price must be a number above zero.';
  if (Object.keys(errors).length > 0) return { ...base, result: null, errors, error: null };
  const result = sizeByRisk({
    spec,
    balance: balance.value,
    ...(mode === 'amount' ? { riskAmount: inputs.riskAmount.trim() } : { riskFraction: percentToFraction(percentText(percent.value)) }),
    stopPrice: stop.value,
    ...(takeProfit === '' ? {} : { takeProfitPrice: takeProfit }),
    leverage: analysis.leverage,
  });
  if (result.valid) return { ...base, result, errors: {}, error: null };
  const fieldOf = (field: string): RiskField | null =>
    field === 'balance' ? 'riskBalance' : field === 'risk' ? (mode === 'amount' ? 'riskAmount' : 'riskPercent') : field === 'stopPrice' || field === 'takeProfitPrice' ? field : null;
  const general: string[] = [];
  for (const error of result.errors) {
    const field = fieldOf(error.field);
    if (field !== null && errors[field] === undefined) errors[field] = error.message;
    else if (field === null) general.push(error.message);
  }
  return { ...base, result: null, errors, error: general.length > 0 ? general.join(' ') : null };
}

function portfolioTool(inputs: Inputs): PortfolioTool {
  const rows = portfolioFromText(inputs.portfolio);
  const marginCurrency = inputs.instrument === 'inverse' ? 'coin' : 'quote';
  const rowErrors = rows.map((row): PortfolioRowErrors => {
    const errors: PortfolioRowErrors = {};
    const entry = numberError(row.entry, 'an entry price');
    const size = numberError(row.size, 'a size');
    if (entry !== null) errors.entry = entry;
    if (size !== null) errors.size = size;
    if (row.mark.trim() !== '' && !isPositiveNumberText(row.mark)) errors.mark = 'The mark price must be a number above zero (empty: the entry).';
    const rate = readNumberText(row.mmr);
    if (row.mmr.trim() !== '' && !(rate.ok && Number(rate.text) >= 0 && Number(rate.text) < 100)) errors.mmr = 'The maintenance rate must be a percentage from 0 to below 100.';
    return errors;
  });
  const walletText = inputs.portfolioWallet.trim();
  const walletError = walletText === '' ? 'Give the wallet balance shared by the positions.' : isPositiveNumberText(walletText) ? null : 'The wallet balance must be a number above zero.';
  const empty = { rows, rowErrors, portfolio: null, result: null, walletError, marginCurrency } as const;
  if (rows.length === 0) return { ...empty, errors: ['Add positions to see how they share one wallet.'] };
  if (walletError !== null || rowErrors.some((errors) => Object.keys(errors).length > 0)) return { ...empty, errors: [] };
  const instrument = marginCurrency === 'coin' ? 'inverse' : 'linear';
  const positions = rows.map((row, index): PortfolioPosition => {
    const position: PortfolioPosition = { id: row.name === '' ? `#${index + 1}` : row.name, instrument, side: row.side, entry: row.entry.trim(), size: row.size.trim() };
    if (row.mark.trim() !== '') position.mark = row.mark.trim();
    if (row.mmr.trim() !== '') position.mmr = percentToFraction(percentText(row.mmr));
    return position;
  });
  const portfolio: Portfolio = { wallet: walletText, positions };
  const result = analyzePortfolio(portfolio);
  if (result.valid) return { ...empty, portfolio, result, errors: [] };
  const errors: string[] = [];
  const perRow = rowErrors.map((row) => ({ ...row }));
  for (const error of result.errors) {
    const target = error.position === null ? undefined : perRow[error.position];
    if (target !== undefined && (error.field === 'entry' || error.field === 'size' || error.field === 'mark' || error.field === 'mmr')) target[error.field] = error.message;
    else if (error.field === 'wallet') errors.push(error.message);
    else errors.push(error.message);
  }
  return { ...empty, rowErrors: perRow, portfolio: null, errors };
}

/** The open tab's figures, from the derived inputs (the position is only used while its analysis is valid). */
export function openTool(derived: Derived, tab: ToolTab): OpenTool {
  const { inputs, current: analysis } = derived;
  const spec = analysis === null ? null : derived.spec;
  const tick = derived.tick;
  switch (tab) {
    case 'exit':
      return { tab, analysis, tool: exitTool(inputs, spec, analysis, tick) };
    case 'target':
      return { tab, analysis, tool: targetTool(inputs, spec, analysis) };
    case 'average':
      return { tab, analysis, tool: averageTool(inputs, spec) };
    case 'maxOpen':
      return { tab, analysis, tool: maxOpenTool(spec, analysis) };
    case 'risk':
      return { tab, analysis, tool: riskTool(inputs, spec, analysis, tick) };
    case 'portfolio':
      return { tab, analysis, tool: portfolioTool(inputs) };
  }
}

export type ToolMarkId = 'exit' | 'target-gross' | 'target-net' | 'liquidation-before' | 'liquidation-after' | 'average-entry' | 'stop' | 'take-profit';

/** A price the open tool marks on the main chart; the chart gives it its colour and dash. */
export interface ToolMark {
  id: ToolMarkId;
  price: number;
  /** The model's exact decimal string, for display. */
  exact: string;
  label: string;
  shortLabel: string;
  /** Display rounding to the tick: liquidation prices round toward entry. */
  rounding: 'nearest' | 'up' | 'down';
}

function mark(id: ToolMarkId, exact: string | null | undefined, label: string, shortLabel: string, rounding: ToolMark['rounding'] = 'nearest'): ToolMark | null {
  if (exact === null || exact === undefined) return null;
  const price = Number(exact);
  return Number.isFinite(price) && price > 0 ? { id, price, exact, label, shortLabel, rounding } : null;
}

/** The open tool's prices on the main chart: exit, targets, stop and take-profit, liquidation before/after the last fill. */
export function toolMarks(open: OpenTool): ToolMark[] {
  if (open.analysis === null) return [];
  const towardEntry = open.analysis.side === 'long' ? 'up' : 'down';
  const list: (ToolMark | null)[] = [];
  switch (open.tab) {
    case 'exit':
      // No exit on the chart until the reader sets one: the tab's fallback (5 % in their favour) is only a reading.
      if (!open.tool.price.auto) list.push(mark('exit', open.tool.result?.exitPrice ?? (open.tool.error === null ? open.tool.price.value : null), 'Exit', 'Exit'));
      break;
    case 'target':
      list.push(mark('target-gross', open.tool.grossPrice, 'Target ROE', 'Tgt'), mark('target-net', open.tool.netPrice, 'Target net of fees', 'Tgt net'));
      break;
    case 'average': {
      const result = open.tool.result;
      if (result !== null) {
        list.push(
          mark('liquidation-before', result.before.liquidationPrice, 'Liq. before last fill', 'Liq. before', towardEntry),
          mark('liquidation-after', result.after.liquidationPrice, 'Liq. after last fill', 'Liq. after', towardEntry),
          mark('average-entry', result.averageEntry, 'Average entry', 'Avg'),
        );
      }
      break;
    }
    case 'risk':
      if (open.tool.result !== null) {
        list.push(mark('stop', open.tool.stop.value, 'Stop', 'SL'));
        if (open.tool.result.rewardAtTakeProfit !== null) list.push(mark('take-profit', open.tool.takeProfit, 'Take-profit', 'TP'));
      }
      break;
    case 'maxOpen':
    case 'portfolio':
      break;
  }
  return list.filter((item): item is ToolMark => item !== null);
}

/** Equal by value: a step that leaves the marked prices alone keeps the chart's markers. */
export function sameMarks(a: readonly ToolMark[], b: readonly ToolMark[]): boolean {
  return a.length === b.length && a.every((item, index) => {
    const other = b[index];
    return other !== undefined && item.id === other.id && item.exact === other.exact && item.label === other.label && item.rounding === other.rounding;
  });
}

/** Display tick for a portfolio price (positions may be any asset): about six significant digits. */
export function portfolioTick(price: string | number): string {
  const value = Math.abs(Number(price));
  if (!Number.isFinite(value) || value === 0) return '0.01';
  const exponent = Math.min(-2, Math.max(-10, Math.floor(Math.log10(value)) - 5));
  return `0.${'0'.repeat(-exponent - 1)}1`;
}
