import { DECIMAL_LIMITS, Dec, ONE, parseDecimal, toOutput, toOutputOrNull, toPlainString } from './decimal';
import type { DecimalInput } from './decimal';
import * as engine from './engine';
import { resolve } from './analyze';
import { HUGE, MAX_LOOPS_WORD, loopCeiling, loopLeverage } from './position';
import type { Position } from './position';
import type { Instrument, PositionSpec } from './types';

function withPosition<T>(spec: PositionSpec, price: DecimalInput, compute: (position: Position, price: Dec) => T | null): T | null {
  const resolution = resolve(spec);
  const parsed = parseDecimal(price);
  if (!resolution.ok || parsed === null || parsed.lte(0)) return null;
  return compute(resolution.position, parsed);
}


/** Equity in the margin currency (coin for inverse) at a price; null for an invalid spec or price. */
export function equityAt(spec: PositionSpec, price: DecimalInput): string | null {
  return withPosition(spec, price, (position, at) => toOutput(engine.equityAt(position, at)));
}

/** Equity valued in quote currency (USD): for inverse contracts price × coin equity. */
export function equityQuoteAt(spec: PositionSpec, price: DecimalInput): string | null {
  return withPosition(spec, price, (position, at) => {
    const equity = engine.equityAt(position, at);
    return toOutput(position.instrument === 'inverse' ? equity.mul(at) : equity);
  });
}

export function pnlAt(spec: PositionSpec, price: DecimalInput): string | null {
  return withPosition(spec, price, (position, at) => toOutput(engine.pnlAt(position, at)));
}

/** Return on the initial margin (as exchanges show ROE), as a fraction. */
export function roeAt(spec: PositionSpec, price: DecimalInput): string | null {
  return withPosition(spec, price, (position, at) => toOutput(engine.pnlAt(position, at).div(engine.initialMarginOf(position))));
}

export function healthAt(spec: PositionSpec, price: DecimalInput): string | null {
  return withPosition(spec, price, (position, at) => toOutputOrNull(engine.healthAt(position, at)));
}

/** Notional ÷ equity; null at or beyond bankruptcy, where it has run away to infinity. */
export function effectiveLeverageAt(spec: PositionSpec, price: DecimalInput): string | null {
  return withPosition(spec, price, (position, at) => toOutputOrNull(engine.effectiveLeverageAt(position, at)));
}

/** The exchanges' "target price" tab: the price at which ROE (a fraction, may be negative) is reached. */
export function priceForRoe(spec: PositionSpec, roe: DecimalInput): string | null {
  const resolution = resolve(spec);
  const target = parseDecimal(roe);
  if (!resolution.ok || target === null) return null;
  const position = resolution.position;
  const pnl = target.mul(engine.initialMarginOf(position));
  const { entry, size, sign } = position;
  const price =
    position.instrument === 'inverse'
      ? ONE.div(ONE.div(entry).minus(pnl.div(size).mul(sign)))
      : entry.plus(pnl.div(size).mul(sign));
  return price.isFinite() && price.gt(0) ? toOutput(price) : null;
}

export interface Fill {
  price: DecimalInput;
  /** Base units for linear and loans; USD face value (contracts × contract value) for inverse. */
  size: DecimalInput;
}

/** More fills than anyone averages by hand: the toolbox and the API stop there. */
export const MAX_FILLS = 1000;

/** Average entry of several fills: size-weighted for linear, by USD value (harmonic) for inverse. */
export function averageEntry(fills: readonly Fill[], instrument: Instrument = 'linear'): string | null {
  const list: unknown = fills;
  if (!Array.isArray(list) || list.length > MAX_FILLS) return null;
  let totalSize = new Dec(0);
  let weighted = new Dec(0);
  for (const fill of fills) {
    if (typeof fill !== 'object' || fill === null) return null;
    const price = parseDecimal(fill.price);
    const size = parseDecimal(fill.size);
    if (price === null || size === null || price.lte(0) || size.lte(0)) return null;
    totalSize = totalSize.plus(size);
    weighted = weighted.plus(instrument === 'inverse' ? size.div(price) : size.mul(price));
  }
  if (totalSize.isZero()) return null;
  return toOutput(instrument === 'inverse' ? totalSize.div(weighted) : weighted.div(totalSize));
}

/** Rounds a price to a tick for display. Liquidation prices round toward entry ("conservatively"). */
export function roundToTick(value: DecimalInput, tick: DecimalInput, direction: 'nearest' | 'up' | 'down' = 'nearest'): string | null {
  const parsed = parseDecimal(value);
  const step = parseDecimal(tick);
  if (parsed === null || step === null || step.lte(0)) return null;
  const steps = parsed.div(step);
  const rounded = direction === 'up' ? steps.ceil() : direction === 'down' ? steps.floor() : steps.toDecimalPlaces(0, Dec.ROUND_HALF_UP);
  return toOutput(rounded.mul(step));
}

/**
 * Leverage of a loop of borrow rounds at a loan-to-value: 1 + ltv + … + ltv^loops (any whole count, by the closed
 * form), or with loops 'max' the limit 1/(1 − ltv).
 */
export function leverageFromLoops(ltv: DecimalInput, loops: DecimalInput | 'max'): string | null {
  const rate = parseDecimal(ltv);
  if (rate === null || rate.lt(0) || rate.gte(1)) return null;
  if (typeof loops === 'string' && loops.trim().toLowerCase() === MAX_LOOPS_WORD) return toOutput(loopLeverage(rate, null));
  const rounds = parseDecimal(loops);
  if (rounds === null || !rounds.isInteger() || rounds.lt(0) || rounds.gt(HUGE)) return null;
  return toOutput(loopLeverage(rate, rounds));
}

/** Loan terms that bound a loop: the loan-to-value of each round, or a CDP's liquidation ratio (or threshold). */
export interface LoopTerms {
  ltv?: DecimalInput;
  liquidationRatio?: DecimalInput;
  liquidationThreshold?: DecimalInput;
}

/**
 * The ceiling of a loop: 1/(1 − LTV) (Aave ETH, LTV 80 %: 5×), or without a loan-to-value a CDP's LR/(LR − 1)
 * (Liquity's 110 %: 11×), where the last round leaves health exactly 1. Null for unusable terms.
 */
export function loopLimit(terms: LoopTerms): string | null {
  const ltv = terms.ltv === undefined ? null : parseDecimal(terms.ltv);
  const ratio = terms.liquidationRatio === undefined ? null : parseDecimal(terms.liquidationRatio);
  const threshold = terms.liquidationThreshold === undefined ? null : parseDecimal(terms.liquidationThreshold);
  if (ltv !== null && (ltv.lt(0) || ltv.gte(1))) return null;
  const liquidationThreshold = threshold !== null && threshold.gt(0) ? threshold : ratio !== null && ratio.gt(1) ? ONE.div(ratio) : null;
  const ceiling = loopCeiling(ltv, liquidationThreshold);
  return ceiling === null ? null : toOutput(ceiling);
}

/** Moves the decimal point exactly (percent ↔ fraction) without binary rounding; null for non-numbers. */
export function shiftDecimal(value: DecimalInput, places: number): string | null {
  const parsed = parseDecimal(value);
  // Percent ↔ fraction needs ±2; a shift beyond the decimal bounds would only print a wall of zeros.
  if (parsed === null || !Number.isInteger(places) || Math.abs(places) > DECIMAL_LIMITS.maxExponent) return null;
  return toPlainString(parsed.mul(new Dec(10).pow(places)));
}
