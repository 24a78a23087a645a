import type { Formatter } from '../config/format';
import { MAX_SEED, volatilityDrag } from '../model/simulate';
import type { Fan, PathShape, SimulatedPath, SimulatedPoint, TokenPath } from '../model/simulate';
import type { ValidAnalysis } from '../model/types';
import { priceText } from './display';
import type { ToolContext } from './readings';

/*
 * The played price path as the page shows it: which step is on screen, the seed read from its input, and every
 * sentence about the path, the fan and the leveraged token. Pure: the panel and the chart layer only draw these.
 */

/** Where the played path stands: the step on screen, its shape and whether it jumps. Lives in each widget's store. */
export interface PathCursor {
  step: number;
  shape: PathShape;
  jumps: boolean;
}

export const INITIAL_CURSOR: PathCursor = { step: 0, shape: 'random', jumps: false };

/** The seed an empty field plays: every class without a link sees the same first path. */
export const DEFAULT_SEED = 1;

/** Steps a second at 1× speed; the speed choices multiply it. */
export const STEPS_PER_SECOND = 12;
export const SPEEDS: readonly number[] = [0.5, 1, 2, 4];
/** Reduced motion: each press of "Step" moves this many steps at the most (about a day of hourly steps). */
export const REDUCED_MOTION_STEP = 24;

export type SeedReading = { ok: true; seed: number } | { ok: false; message: string };

/** The seed field's text as a seed: empty plays the default; a fraction or a number beyond 32 bits is refused in words. */
export function readSeed(text: string): SeedReading {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, seed: DEFAULT_SEED };
  const value = Number(trimmed);
  if (!/^\d+$/.test(trimmed) || !Number.isSafeInteger(value) || value > MAX_SEED) return { ok: false, message: `Path seed must be a whole number from 0 to ${MAX_SEED}.` };
  return { ok: true, seed: value };
}

/** A fresh seed from a uniform number in [0, 1) (the page passes Math.random's). */
export function seedFrom(uniform: number): number {
  const seed = Math.floor(uniform * (MAX_SEED + 1));
  return Math.min(MAX_SEED, Math.max(0, seed));
}

/** The step on screen, kept within the path (a shorter path after an input change ends at its own last step). */
export function clampStep(step: number, path: SimulatedPath): number {
  const last = path.points.length - 1;
  return Math.min(last, Math.max(0, Math.trunc(step)));
}

/** The last step a path can show: its liquidation or the horizon. */
export function lastStep(path: SimulatedPath): number {
  return path.points.length - 1;
}

/**
 * The dot's plotted position on the equity chart: the price, and the equity in the chart's unit (an inverse
 * contract's coin equity is valued at the price when the chart draws quote).
 */
export function dotPosition(point: SimulatedPoint, inverseInQuote: boolean): { price: number; equity: number } {
  const price = Number(point.price);
  const equity = Number(point.equity);
  return { price, equity: inverseInQuote ? equity * price : equity };
}

function days(hours: number, format: Formatter): string {
  return `day ${format.number(hours / 24, { digits: 1 })}`;
}

export interface PathFigures {
  /** "Step 12 of 168 (day 0.5)". */
  position: string;
  price: string;
  equity: string;
  health: string;
  carry: string;
  state: string;
}

/** The figures beside the controls for the step on screen (health worked out for that step only). */
export function pathFigures(path: SimulatedPath, step: number, health: string | null, analysis: ValidAnalysis, context: ToolContext, format: Formatter): PathFigures {
  const point = path.points[clampStep(step, path)] ?? path.points[0];
  const display = { tick: context.tick, side: analysis.side };
  const money = (value: string): string => format.money(value, context.marginUnit, { coin: context.coin });
  const liquidated = point?.state === 'liquidated';
  return {
    position: `Step ${point?.step ?? 0} of ${path.terms.steps} (${days(point?.hours ?? 0, format)})`,
    price: priceText(liquidated ? 'liquidation' : 'price', point?.price ?? null, display, format),
    equity: money(point?.equity ?? '0'),
    health: liquidated ? 'liquidated' : health === null ? 'no requirement' : format.number(health),
    carry: money(point?.carry ?? '0'),
    state: liquidated ? 'Liquidated: the position is over' : 'Open',
  };
}

/** The whole played path in one paragraph, for screen readers and for anyone who prefers text. */
export function pathSummary(path: SimulatedPath, analysis: ValidAnalysis, context: ToolContext, format: Formatter): string {
  const display = { tick: context.tick, side: analysis.side };
  const last = path.points[path.points.length - 1];
  if (last === undefined) return '';
  const money = (value: string): string => format.money(value, context.marginUnit, { coin: context.coin });
  const what = path.shape === 'sideways' ? 'A sideways market' : `Seed ${path.seed}`;
  const over = `${format.number(path.terms.hours / 24, { digits: 2 })} days in ${path.terms.steps} steps`;
  if (path.liquidatedAt !== null) {
    const horizonPrice = path.prices[path.prices.length - 1] ?? null;
    return `${what}, ${over}: liquidated at step ${path.liquidatedAt} (${days(last.hours, format)}) at ${priceText('liquidation', last.price, display, format)}; the trader keeps ${money(last.equity)}. Carry paid until then: ${money(last.carry)}. The market went on without the position: price ${priceText('price', horizonPrice, display, format)} at the horizon.`;
  }
  return `${what}, ${over}: not liquidated. Final price ${priceText('price', last.price, display, format)}, equity ${money(last.equity)} after ${money(last.carry)} of carry (started at ${money(path.points[0]?.equity ?? '0')}).`;
}

/** The fan's share of liquidated paths beside the formula's touch probability, with the Monte Carlo error. */
export function fanSummary(fan: Fan, touchProbability: number | null, format: Formatter): string {
  const share = `${fan.liquidated} of ${fan.count} paths (${format.percent(fan.share, { digits: 1 })}) touched the liquidation price within the horizon`;
  const error = `Monte Carlo error ±${format.percent(2 * fan.standardError, { digits: 1 })} (two binomial standard errors)`;
  if (touchProbability === null) return `${share}; ${error}.`;
  return `${share}. The formula (continuous GBM, shown under Risk over time) gives ${format.percent(touchProbability, { digits: 1 })}; ${error}.`;
}

export interface DecayText {
  /** The drag per year and over the path, in words with the numbers substituted. */
  formula: string;
  /** What the played path did to the token and to the fixed-size position. */
  outcome: string;
}

/**
 * The volatility drag explained: L(L − 1)σ²/2 per year with the reader's numbers, and what happened on this path.
 * The token's and the fixed position's values come from the model (decimal strings); percentages here are display.
 */
export function decayText(leverage: number, path: SimulatedPath, token: TokenPath, format: Formatter): DecayText {
  const { volatility, years } = path.terms;
  const perYear = volatilityDrag(leverage, volatility, 1);
  const overPath = volatilityDrag(leverage, volatility, years);
  const times = format.times(leverage, { digits: 0 });
  const formula = `A ${times} token rebalances every day to keep ${times} exposure: after a rise it buys, after a fall it sells. Up-and-down moves therefore cost it L(L − 1)σ²/2 a year in log return: ${format.number(leverage, { digits: 0 })}·${format.number(leverage - 1, { digits: 0 })}·${format.percent(volatility, { digits: 0 })}²/2 = ${format.percent(perYear, { digits: 1 })} a year, about ${format.percent(overPath, { digits: 2 })} over these ${format.number(years * 365, { digits: 1 })} days (a factor e^(−${format.number(overPath, { digits: 4 })}) = ${format.number(Math.exp(-overPath), { digits: 4 })} if the price ends where it began).`;
  const endToken = Number(token.token[token.token.length - 1] ?? '100') / 100 - 1;
  const endFixed = Number(token.fixed[token.fixed.length - 1] ?? '100') / 100 - 1;
  const first = path.prices[0] ?? 1;
  const endPrice = (path.prices[path.prices.length - 1] ?? first) / first - 1;
  const outcome = `On this path the price changed ${format.percent(endPrice, { digits: 2, signed: true })}; the fixed-size ${times} position ${format.percent(endFixed, { digits: 2, signed: true })} and the ${times} token ${format.percent(endToken, { digits: 2, signed: true })}.`;
  return { formula, outcome };
}

/** What the path panel hands to its charts (the chart layer draws them; the panel never imports it). */
export interface PathChartsData {
  path: SimulatedPath;
  step: number;
  /** Null for the sideways market: it is one drawn path, not a draw. */
  fan: Fan | null;
  token: TokenPath | null;
  tokenLeverage: number;
  /** Unit of the price axis. */
  quote: string;
}

/** Hours at each step of a path. */
export function stepHoursOf(path: SimulatedPath): number[] {
  return path.prices.map((_, step) => step * path.terms.stepHours);
}

/** The price chart's value range: every fan path, the played path and the liquidation price, so the axes hold still while the path plays. */
export function priceRange(data: Pick<PathChartsData, 'path' | 'fan'>): [number, number] {
  let low = Infinity;
  let high = -Infinity;
  const take = (value: number | null | undefined): void => {
    if (value === null || value === undefined || !Number.isFinite(value)) return;
    low = Math.min(low, value);
    high = Math.max(high, value);
  };
  data.path.prices.forEach(take);
  data.fan?.paths.forEach((prices) => prices.forEach(take));
  data.fan?.barrier.forEach(take);
  data.path.points.forEach((point) => take(Number(point.price)));
  return Number.isFinite(low) ? [low, high] : [0, 1];
}

/** The token chart's lines as numbers for plotting (the model's values are decimal strings), per 100 at the start. */
export function tokenLines(path: SimulatedPath, token: TokenPath): { price: number[]; fixed: number[]; token: number[] } {
  const first = path.prices[0] ?? 1;
  return { price: path.prices.map((price) => (100 * price) / first), fixed: token.fixed.map(Number), token: token.token.map(Number) };
}
