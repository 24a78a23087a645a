import { resolve } from './analyze';
import { feeInCondition, fixedConditionFee, initialMarginOf } from './engine';
import type { Position } from './position';
import type { PositionSpec } from './types';

export interface CurveOptions {
  from: number;
  to: number;
  /** Evenly spaced points between from and to: clamped to 2…2000 (a point per pixel of a wide chart). */
  points: number;
  /** Exact prices to include as well (markers), merged in order; the first 100 are used. */
  include?: readonly number[];
}

/** buildCurve's bounds: enough for any chart, and a call stays within milliseconds whatever it is asked for. */
export const CURVE_LIMITS = { minPoints: 2, maxPoints: 2000, maxInclude: 100 } as const;

/**
 * Plain numbers for plotting, every one finite. Null where a figure does not exist (health without a requirement,
 * leverage past bankruptcy). buildCurve leaves out a price at which a figure would overflow a number (an inverse
 * contract's equity at a price a hair above zero); the arrays stay aligned with `price`.
 */
export interface Curve {
  price: number[];
  /** Equity in the margin currency (coin for inverse). */
  equity: number[];
  /** Equity in quote currency (USD); equals equity except for inverse contracts. */
  equityQuote: number[];
  pnl: number[];
  /** PnL ÷ initial margin, a fraction. */
  roe: number[];
  health: (number | null)[];
  effectiveLeverage: (number | null)[];
  /** The same collateral held at 1×, for comparison. */
  unleveragedEquity: number[];
}

interface NumericTier {
  floor: number;
  rate: number;
  amount: number;
}

/** Number-valued coefficients of a position: the hot path of a chart that redraws on every slider step. */
export interface NumericPosition {
  inverse: boolean;
  loan: boolean;
  sign: number;
  entry: number;
  size: number;
  collateral: number;
  initialMargin: number;
  markBasis: boolean;
  /** Brackets picked by the size (OKX contracts), not by the value: one bracket at every price. */
  tiersBySize: boolean;
  tiers: NumericTier[];
  /** A fee to close valued away from the maintenance value (engine.fixedConditionFee): the same at every price. */
  feeFixed: number;
  liquidationThreshold: number;
  loanCollateralValue: number;
  loanDebt: number;
}

export function numericPosition(position: Position): NumericPosition {
  const fee = feeInCondition(position).toNumber();

  const entry = position.entry.toNumber();
  const size = position.size.toNumber();
  const collateral = position.collateral.toNumber();
  return {
    inverse: position.instrument === 'inverse',
    loan: position.instrument === 'loan',
    sign: position.sign,
    entry,
    size,
    collateral,
    initialMargin: initialMarginOf(position).toNumber(),
    markBasis: position.basis === 'mark',
    tiersBySize: position.tierMeasure === 'size',
    tiers: position.tiers.map((tier) => ({ floor: tier.floor.toNumber(), rate: tier.mmr.toNumber() + fee, amount: tier.mmAmount.toNumber() })),
    feeFixed: fixedConditionFee(position).toNumber(),
    liquidationThreshold: position.liquidationThreshold?.toNumber() ?? 1,
    loanCollateralValue: position.sign === 1 ? 0 : collateral + size * entry,
    loanDebt: size * entry - collateral,
  };
}

function notionalNumber(p: NumericPosition, price: number): number {
  return p.inverse ? p.size / price : p.size * price;
}

function pnlNumber(p: NumericPosition, price: number): number {
  return p.inverse ? p.sign * p.size * (1 / p.entry - 1 / price) : p.sign * p.size * (price - p.entry);
}

function requirementNumber(p: NumericPosition, price: number): number {
  const base = notionalNumber(p, p.markBasis ? price : p.entry);
  const measure = p.tiersBySize ? p.size : base;
  let tier = p.tiers[0];
  for (const candidate of p.tiers) {
    if (candidate.floor < measure) tier = candidate;
    else break;
  }
  return tier === undefined ? p.feeFixed : base * tier.rate - tier.amount + p.feeFixed;
}

function healthNumber(p: NumericPosition, price: number, equity: number): number | null {
  if (p.loan) {
    const debt = p.sign === 1 ? p.loanDebt : p.size * price;
    if (debt <= 0) return null;
    const value = p.sign === 1 ? p.size * price : p.loanCollateralValue;
    return (value * p.liquidationThreshold) / debt;
  }
  const requirement = requirementNumber(p, price);
  return requirement > 0 ? equity / requirement : null;
}

/** Evenly spaced prices from `from` to `to` (at least two); the same numbers every time for the same range. */
export function priceGrid(from: number, to: number, points: number): number[] {
  const count = Math.max(2, Math.floor(points));
  const step = (to - from) / (count - 1);
  const grid: number[] = [];
  for (let index = 0; index < count; index += 1) grid.push(from + step * index);
  return grid;
}

function samplePrices(from: number, to: number, points: number, include: readonly unknown[]): number[] {
  const count = Math.min(CURVE_LIMITS.maxPoints, Math.max(CURVE_LIMITS.minPoints, Math.floor(points)));
  const grid = priceGrid(from, to, count);
  const extra = include.slice(0, CURVE_LIMITS.maxInclude).filter((price): price is number => typeof price === 'number' && Number.isFinite(price) && price > 0 && price >= from && price <= to);
  if (extra.length === 0) return grid.filter((price) => Number.isFinite(price) && price > 0);
  return [...grid, ...extra].filter((price) => Number.isFinite(price) && price > 0).sort((a, b) => a - b);
}

/** A figure that is null (does not exist) is fine; a number must be finite; a missing entry is not. */
const isPlottable = (value: number | null | undefined): boolean => value === null || (value !== undefined && Number.isFinite(value));

/** The curve without the points where some figure is not a finite number (null figures are kept as null). */
function finitePoints(curve: Curve): Curve {
  const keep: number[] = [];
  const series = [curve.price, curve.equity, curve.equityQuote, curve.pnl, curve.roe, curve.health, curve.effectiveLeverage, curve.unleveragedEquity];
  for (let index = 0; index < curve.price.length; index += 1) {
    if (series.every((values) => isPlottable(values[index]))) keep.push(index);
  }
  if (keep.length === curve.price.length) return curve;
  const pick = <T>(values: readonly T[], fallback: T): T[] => keep.map((index) => values[index] ?? fallback);
  return {
    price: pick(curve.price, 0),
    equity: pick(curve.equity, 0),
    equityQuote: pick(curve.equityQuote, 0),
    pnl: pick(curve.pnl, 0),
    roe: pick(curve.roe, 0),
    health: pick(curve.health, null),
    effectiveLeverage: pick(curve.effectiveLeverage, null),
    unleveragedEquity: pick(curve.unleveragedEquity, 0),
  };
}

/**
 * Equity, PnL, ROE, health and effective leverage over a price range, as finite numbers. Null for an invalid
 * spec or range (from and to finite numbers with from < to; points a number). Never throws.
 */
export function buildCurve(spec: PositionSpec, options: CurveOptions): Curve | null {
  if (typeof options !== 'object' || options === null) return null;
  const { from, to, points } = options;
  if (typeof from !== 'number' || typeof to !== 'number' || typeof points !== 'number' || Number.isNaN(points)) return null;
  if (!Number.isFinite(from) || !Number.isFinite(to) || to <= from) return null;
  const resolution = resolve(spec);
  if (!resolution.ok) return null;
  const include: unknown = options.include;
  const prices = samplePrices(from, to, points, Array.isArray(include) ? include : []);
  return finitePoints(curveFromNumbers(numericPosition(resolution.position), prices));
}

export function curveFromNumbers(p: NumericPosition, prices: readonly number[]): Curve {
  const length = prices.length;
  const curve: Curve = {
    price: new Array<number>(length),
    equity: new Array<number>(length),
    equityQuote: new Array<number>(length),
    pnl: new Array<number>(length),
    roe: new Array<number>(length),
    health: new Array<number | null>(length),
    effectiveLeverage: new Array<number | null>(length),
    unleveragedEquity: new Array<number>(length),
  };
  // 1× holding of the same collateral: the same contract at a size of collateral ÷ entry (or × entry for inverse).
  const unleveragedSize = p.inverse ? p.collateral * p.entry : p.collateral / p.entry;
  for (let index = 0; index < length; index += 1) {
    const price = prices[index] ?? p.entry;
    const pnl = pnlNumber(p, price);
    const equity = p.collateral + pnl;
    curve.price[index] = price;
    curve.pnl[index] = pnl;
    curve.equity[index] = equity;
    curve.equityQuote[index] = p.inverse ? equity * price : equity;
    curve.roe[index] = pnl / p.initialMargin;
    curve.health[index] = healthNumber(p, price, equity);
    // Float noise leaves a sliver of equity at bankruptcy; below a trillionth of the collateral it is none.
    curve.effectiveLeverage[index] = equity > p.collateral * 1e-12 ? notionalNumber(p, price) / equity : null;
    curve.unleveragedEquity[index] = p.collateral + (p.inverse ? p.sign * unleveragedSize * (1 / p.entry - 1 / price) : p.sign * unleveragedSize * (price - p.entry));
  }
  return curve;
}

/** Numeric view of a spec for callers that draw many curves (scenarios, amplification fans). */
export function numericSpec(spec: PositionSpec): NumericPosition | null {
  const resolution = resolve(spec);
  return resolution.ok ? numericPosition(resolution.position) : null;
}
