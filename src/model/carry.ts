/**
 * Carry over a holding period: funding, borrow interest, supply yield and fees, and what they do to equity
 * and the liquidation price. Conventions are documented in horizon.ts; in short: funding per 8 h, paid in
 * whole events of `fundingIntervalHours`; loans accrue interest over a 365-day year by the spec's compounding
 * convention (simple by default; interest.ts); carry is
 * accrued at a flat entry price unless a price is given.
 */
import { resolve, carryBreakdown } from './analyze';
import { parseDecimal, toOutput } from './decimal';
import type { Dec } from './decimal';
import type { DecimalInput } from './decimal';
import * as horizon from './horizon';
import type { Position } from './position';
import type { CarryBreakdown, PositionSpec } from './types';

function positionOf(spec: PositionSpec): Position | null {
  const resolution = resolve(spec);
  return resolution.ok ? resolution.position : null;
}

/** Hours from 0 up to 100 years; null otherwise. */
function readHours(hours: DecimalInput): Dec | null {
  const parsed = parseDecimal(hours);
  return parsed === null || parsed.isNegative() || parsed.gt(horizon.CARRY_HORIZON_CAP_HOURS) ? null : parsed;
}

function readPrice(price: DecimalInput): Dec | null {
  const parsed = parseDecimal(price);
  return parsed === null || parsed.lte(0) ? null : parsed;
}

/**
 * Carry over `hours` in the margin currency, funding valued on the notional at `price` (default: entry).
 * Null for an invalid spec, hours or price.
 */
export function carryAt(spec: PositionSpec, hours: DecimalInput, price?: DecimalInput): CarryBreakdown | null {
  const position = positionOf(spec);
  const period = readHours(hours);
  if (position === null || period === null) return null;
  const at = price === undefined ? position.entry : readPrice(price);
  return at === null ? null : carryBreakdown(position, period, at);
}

/**
 * Equity (margin currency, fees excluded, as equityAt) at `price` after `hours` of carry accrued at the
 * entry price: the same picture as liquidationPriceAt, so equity there equals the requirement.
 */
export function equityAtTime(spec: PositionSpec, price: DecimalInput, hours: DecimalInput): string | null {
  const position = positionOf(spec);
  const at = readPrice(price);
  const period = readHours(hours);
  if (position === null || at === null || period === null) return null;
  const equity = horizon.equityAfter(position, at, period);
  return equity === null ? null : toOutput(equity);
}

/** Liquidation price after `hours` of carry at a flat price: carry moves it toward entry (or away, when received). */
export function liquidationPriceAt(spec: PositionSpec, hours: DecimalInput): string | null {
  const position = positionOf(spec);
  const period = readHours(hours);
  if (position === null || period === null) return null;
  const price = horizon.liquidationAfter(position, period);
  return price === null ? null : toOutput(price);
}

/** Plain numbers for a small chart of carry over time. */
export interface LiquidationPath {
  hours: number[];
  /** Null where the position has no liquidation price. */
  liquidationPrice: (number | null)[];
  /** Equity at the entry price (margin currency). */
  equityAtEntry: number[];
}

/** Each point re-solves the liquidation price (bracket by bracket): 120 (twice what the chart draws) keeps a call within milliseconds. */
const MAX_PATH_POINTS = 120;

/** Liquidation price and flat-price equity at evenly spaced times from 0 to `hours` (2 to 120 points). */
export function liquidationPath(spec: PositionSpec, hours: DecimalInput, points: number): LiquidationPath | null {
  const position = positionOf(spec);
  const period = readHours(hours);
  if (position === null || period === null || period.isZero() || !Number.isFinite(points)) return null;
  const count = Math.min(MAX_PATH_POINTS, Math.max(2, Math.floor(points)));
  const path: LiquidationPath = { hours: [], liquidationPrice: [], equityAtEntry: [] };
  for (let index = 0; index < count; index += 1) {
    const at = period.mul(index).div(count - 1);
    const liquidation = horizon.liquidationAfter(position, at);
    const equity = horizon.equityAfter(position, position.entry, at);
    path.hours.push(at.toNumber());
    path.liquidationPrice.push(liquidation === null ? null : liquidation.toNumber());
    path.equityAtEntry.push(equity === null ? 0 : equity.toNumber());
  }
  return path;
}

/**
 * Loans: annual return on equity at a flat price from the borrow and supply rates, as a fraction:
 * L·y − (L − 1)·r for a long, (1 + L)·y − L·r for a short (its collateral is the own stake plus the sale).
 * Null for perpetuals and invalid specs.
 */
export function loanNetApy(spec: PositionSpec): string | null {
  const position = positionOf(spec);
  if (position === null) return null;
  const apy = horizon.loanNetApy(position);
  return apy === null ? null : toOutput(apy);
}

/**
 * Hours until carry alone liquidates the position at a flat (entry) price: for perpetuals the funding
 * event at which health first reaches 1 or below, for loans the moment health is 1. Null when carry never
 * liquidates (received funding, yield that outruns interest) or only after 100 years.
 */
export function timeToCarryLiquidation(spec: PositionSpec): string | null {
  const position = positionOf(spec);
  if (position === null) return null;
  const hours = horizon.carryLiquidationHours(position);
  return hours === null ? null : toOutput(hours);
}
