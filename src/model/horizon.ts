/**
 * Carry and risk over time, on a resolved position (the spec-level API is in carry.ts).
 *
 * Conventions (all money in the margin currency: coin for inverse contracts, quote otherwise):
 * - Funding is quoted per 8 hours whatever the venue's interval. Every `fundingIntervalHours` the position
 *   pays fundingRate × interval/8 × notional (sign: longs pay when the rate is positive, shorts receive).
 *   Over a holding period only whole funding events count: floor(hours / interval) payments, the first at
 *   the end of the first interval. The risk drift uses the continuous version, rate/8 × notional per hour.
 * - Loans accrue interest on the opening amounts by the spec's compounding convention (interest.ts: simple by
 *   default, per started hour, per second as Aave's variable debt, or continuously), a year being 365 days
 *   (8760 h): with simple interest the debt grows by the factor 1 + r·t and the collateral by 1 + y·t. Both
 *   accrue in units (stablecoin debt and coin collateral for a long; coin debt and stablecoin collateral for a
 *   short), so the result does not depend on the price path. Over one year of simple interest the equity change
 *   at a flat price is exactly L·y − (L − 1)·r. Factors are floored at 0 (a −100 % rate cannot make a balance
 *   negative).
 * - For equity and liquidation over time funding is paid on the notional at entry: the price is taken as
 *   flat while carry accrues, then moves (carryAt can value the funding at another flat price). Fees are not carry: the open fee is paid when opening (outside the collateral, as `maxLoss`
 *   counts it), the close fee when closing.
 */
import { Dec, ONE, ZERO, toOutput } from './decimal';
import { equityAt, healthAt, notionalAt, priceAtHealth, requirementAt } from './engine';
import { HOURS_PER_YEAR, crossingHours, growth } from './interest';
import type { Compounding } from './types';
import type { Position } from './position';
import { barrierRisk, normalCdf, priceQuantile } from './risk';
import type { BarrierInput } from './risk';
import type { BarrierOdds, HorizonBands, HorizonRisk, ThresholdOdds } from './types';

const EIGHT_HOURS = new Dec(8);
/** Carry that takes longer than this to liquidate is reported as never. */
export const CARRY_HORIZON_CAP_HOURS = new Dec(876000);

/** Carry accrued over a period, in the margin currency, valued at a price. Positive funding and interest are costs. */
export interface Accrual {
  funding: Dec;
  borrowInterest: Dec;
  supplyYield: Dec;
}

/** How funding events are counted: whole events (what the venue pays) or continuously (for the risk drift). */
export type FundingClock = 'events' | 'continuous';

export function fundingEvents(position: Position, hours: Dec): Dec {
  return hours.div(position.carry.fundingIntervalHours).floor();
}

/** Funding owed per hour of the funding clock, per unit of notional, signed for the side (positive = pays). */
function fundingPerHour(position: Position): Dec {
  return position.carry.fundingRate.div(EIGHT_HOURS).mul(position.sign);
}

/** Funding paid over `hours` on the notional at `price`; zero for loans. */
export function fundingOver(position: Position, hours: Dec, price: Dec, clock: FundingClock): Dec {
  if (position.instrument === 'loan') return ZERO;
  const fundedHours = clock === 'events' ? fundingEvents(position, hours).mul(position.carry.fundingIntervalHours) : hours;
  return fundingPerHour(position).mul(fundedHours).mul(notionalAt(position, price));
}

/** Interest on a balance over `hours` by the compounding convention, never below −balance. */
function accrued(balance: Dec, apr: Dec, hours: Dec, compounding: Compounding): Dec {
  return balance.mul(growth(apr, hours, compounding));
}

/** Loans: what is supplied and what is borrowed, in their own units, and what each has grown by after `hours`. */
interface LoanBalances {
  /** Long: base units of collateral; short: stablecoin collateral value. */
  supplied: Dec;
  /** Long: stablecoin debt; short: base units borrowed. */
  borrowed: Dec;
  suppliedGrowth: Dec;
  borrowedGrowth: Dec;
}

function loanBalancesAt(position: Position, hours: Dec): LoanBalances {
  const { size, entry, collateral, carry } = position;
  const supplied = position.sign === 1 ? size : collateral.plus(size.mul(entry));
  const borrowed = position.sign === 1 ? size.mul(entry).minus(collateral) : size;
  // Growth is computed on its own (not as later − start) so that tiny rates keep their digits.
  return {
    supplied,
    borrowed,
    suppliedGrowth: accrued(supplied, carry.supplyApr, hours, carry.compounding),
    borrowedGrowth: accrued(borrowed, carry.borrowApr, hours, carry.compounding),
  };
}

/** Carry over `hours` valued at `price`. */
export function accrualAt(position: Position, hours: Dec, price: Dec, clock: FundingClock = 'events'): Accrual {
  if (position.instrument !== 'loan') {
    return { funding: fundingOver(position, hours, price, clock), borrowInterest: ZERO, supplyYield: ZERO };
  }
  const { borrowedGrowth, suppliedGrowth } = loanBalancesAt(position, hours);
  // Long: coin collateral valued at the price, stablecoin debt at par; short: the other way round.
  return position.sign === 1
    ? { funding: ZERO, borrowInterest: borrowedGrowth, supplyYield: suppliedGrowth.mul(price) }
    : { funding: ZERO, borrowInterest: borrowedGrowth.mul(price), supplyYield: suppliedGrowth };
}

export function netCarry(accrual: Accrual): Dec {
  return accrual.funding.plus(accrual.borrowInterest).minus(accrual.supplyYield);
}

/**
 * The same position after `hours` of carry at a flat (entry) price: perpetuals lose the funding from their
 * collateral; loans hold their grown balances. The engine then answers every question about it exactly.
 * Null when a loan's balance has been wiped out by a −100 % rate (nothing left to price).
 */
export function positionAfter(position: Position, hours: Dec, clock: FundingClock = 'events'): Position | null {
  if (hours.isZero()) return position;
  if (position.instrument !== 'loan') {
    const funding = fundingOver(position, hours, position.entry, clock);
    return { ...position, collateral: position.collateral.minus(funding), walletOrMargin: position.walletOrMargin.minus(funding) };
  }
  const balances = loanBalancesAt(position, hours);
  const supplied = balances.supplied.plus(balances.suppliedGrowth);
  const borrowed = balances.borrowed.plus(balances.borrowedGrowth);
  const { entry } = position;
  if (position.sign === 1) {
    // The engine's long loan: size = coin held, debt = size·entry − collateral.
    if (supplied.lte(0)) return null;
    return { ...position, size: supplied, collateral: supplied.mul(entry).minus(borrowed) };
  }
  // The engine's short loan: size = coin owed, collateral value = collateral + size·entry.
  if (borrowed.lte(0)) return null;
  return { ...position, size: borrowed, collateral: supplied.minus(borrowed.mul(entry)) };
}

export function liquidationAfter(position: Position, hours: Dec, level: Dec = ONE, clock: FundingClock = 'events'): Dec | null {
  const later = positionAfter(position, hours, clock);
  if (later === null) return null;
  const price = priceAtHealth(later, level);
  return price !== null && price.isFinite() && price.gt(0) ? price : null;
}

export function equityAfter(position: Position, price: Dec, hours: Dec): Dec | null {
  const later = positionAfter(position, hours);
  return later === null ? null : equityAt(later, price);
}

/** Loans: annual return on equity at a flat price, (collateral value · y − debt · r) ÷ equity; L·y − (L − 1)·r for a long. */
export function loanNetApy(position: Position): Dec | null {
  if (position.instrument !== 'loan') return null;
  const accrual = accrualAt(position, HOURS_PER_YEAR, position.entry);
  return netCarry(accrual).neg().div(position.collateral);
}

/**
 * Hours until carry alone brings health to 1 at a flat (entry) price; null when it never does or only after
 * 100 years. Perpetuals: the first funding event at which health ≤ 1. Loans: the exact moment health = 1.
 */
export function carryLiquidationHours(position: Position): Dec | null {
  const { entry } = position;
  let hours: Dec | null;
  if (position.instrument !== 'loan') {
    const perEvent = fundingOver(position, position.carry.fundingIntervalHours, entry, 'events');
    if (perEvent.lte(0)) return null;
    // Collateral only shifts equity; the requirement at entry stays put.
    const headroom = equityAt(position, entry).minus(requirementAt(position, entry));
    hours = headroom.div(perEvent).ceil().mul(position.carry.fundingIntervalHours);
  } else {
    hours = loanCrossing(position);
  }
  // 0 is a loan charged by the hour whose first hour's interest already liquidates it.
  return hours !== null && !hours.isNegative() && hours.lte(CARRY_HORIZON_CAP_HOURS) ? hours : null;
}

/**
 * Health at a flat price is A·(1 + g_y(t))/(1 + g_r(t)) with A the health now (> 1) and g the growth of each
 * balance under the compounding convention; interest.ts solves health = 1 for t.
 */
function loanCrossing(position: Position): Dec | null {
  const health = healthAt(position, position.entry);
  if (health === null) return null;
  const { borrowApr, supplyApr, compounding } = position.carry;
  return crossingHours(health, borrowApr, supplyApr, compounding);
}

// --- Risk over a horizon ------------------------------------------------------------------------

function probability(value: number): number {
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
}

function finiteOrNull(value: number | null): number | null {
  return value !== null && Number.isFinite(value) ? value : null;
}

function oddsOf(input: BarrierInput): BarrierOdds {
  const risk = barrierRisk(input);
  const endBeyond = probability(risk.endBeyondProbability);
  // Touching includes ending beyond; keep that exact even after clamping.
  return { touchProbability: Math.max(probability(risk.touchProbability), endBeyond), endBeyondProbability: endBeyond, zScore: finiteOrNull(risk.zScore) };
}

interface DriftingBarrier {
  /** The level the odds are measured against. */
  barrier: Dec;
  /** Annualized log drift of the level from carry. */
  drift: number;
}

/**
 * A health level whose price moves with carry, as a fixed level plus a drift. A level moving as
 * B(t) = B0·e^{c·t} is touched by P exactly when P·e^{−c·t} touches B0, and P·e^{−c·t} is a GBM with
 * drift μ − c: so the odds are the plain odds with μ replaced by μ − c. Carry moves the level linearly
 * (or as a ratio of linear factors for loans), not exponentially: c is chosen so that the level is exact at
 * the start and at the horizon (c = ln(B_T/B_0)/T), which makes the end-beyond odds exact and the touch
 * odds an approximation in the shape of the path between. A level that exists only at one end is held
 * fixed where it exists (the conservative side: the level the position is nearest to).
 */
function driftingBarrier(position: Position, level: Dec, hours: Dec, years: number): DriftingBarrier | null {
  const start = priceAtHealth(position, level);
  const validStart = start !== null && start.isFinite() && start.gt(0) ? start : null;
  if (hours.isZero() || years === 0) return validStart === null ? null : { barrier: validStart, drift: 0 };
  const end = liquidationAfter(position, hours, level, 'continuous');
  if (validStart === null) return end === null ? null : { barrier: end, drift: 0 };
  if (end === null) return { barrier: validStart, drift: 0 };
  // The drift only feeds floating-point odds: a 50-digit decimal logarithm here cost more than the rest of the analysis.
  const drift = Math.log(end.div(validStart).toNumber()) / years;
  return { barrier: validStart, drift: Number.isFinite(drift) ? drift : 0 };
}

const bandLevels = { minus2: normalCdf(-2), minus1: normalCdf(-1), median: 0.5, plus1: normalCdf(1), plus2: normalCdf(2) };

function band(p: number, spot: number, volatility: number, years: number, drift: number): number {
  const price = priceQuantile(p, spot, volatility, years, drift);
  return Number.isFinite(price) ? price : 0;
}

/** Liquidation and health-level odds over the horizon; null unless both volatility and horizon are given. */
export function horizonRisk(position: Position): HorizonRisk | null {
  const { volatility, horizonDays, drift, volatilityStress } = position.horizon;
  if (volatility === null || horizonDays === null) return null;
  const sigma = volatility.mul(volatilityStress).toNumber();
  const years = horizonDays.div(365).toNumber();
  const mu = drift.toNumber();
  const hours = horizonDays.mul(24);
  const spot = position.entry.toNumber();
  const oddsBeyond = (barrier: DriftingBarrier | null): BarrierOdds | null =>
    barrier === null ? null : oddsOf({ spot, barrier: barrier.barrier.toNumber(), volatility: sigma, years, drift: mu - barrier.drift });
  const oddsAt = (level: Dec): BarrierOdds | null => oddsBeyond(driftingBarrier(position, level, hours, years));
  const liquidationBarrier = driftingBarrier(position, ONE, hours, years);
  const never: BarrierOdds = { touchProbability: 0, endBeyondProbability: 0, zScore: null };
  const thresholds: ThresholdOdds[] = position.thresholds.map((level) => ({ level: toOutput(level), ...(oddsAt(level) ?? never) }));
  const horizonBands: HorizonBands = {
    minus2: band(bandLevels.minus2, spot, sigma, years, mu),
    minus1: band(bandLevels.minus1, spot, sigma, years, mu),
    median: band(bandLevels.median, spot, sigma, years, mu),
    plus1: band(bandLevels.plus1, spot, sigma, years, mu),
    plus2: band(bandLevels.plus2, spot, sigma, years, mu),
  };
  return {
    horizonDays: toOutput(horizonDays),
    years,
    volatility: sigma,
    volatilityStress: volatilityStress.toNumber(),
    drift: mu,
    carryDrift: liquidationBarrier?.drift ?? 0,
    liquidation: oddsBeyond(liquidationBarrier),
    thresholds,
    horizonBands,
  };
}
