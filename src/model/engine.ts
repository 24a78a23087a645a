import { Dec, ONE, ZERO } from './decimal';
import { tierAt } from './position';
import type { Position, Tier } from './position';
import type { FieldError } from './types';

// Every perpetual reduces to equity and requirement that are linear in one variable x:
// x = P for linear contracts and loans, x = 1/P for inverse contracts (their PnL is linear in 1/P).

/** Position value in the margin currency at a price. */
export function notionalAt(position: Position, price: Dec): Dec {
  return position.instrument === 'inverse' ? position.size.div(price) : position.size.mul(price);
}

/** Base units held (for inverse: the coin value of the face value at entry). */
export function quantityOf(position: Position): Dec {
  return position.instrument === 'inverse' ? position.size.div(position.entry) : position.size;
}

export function entryNotional(position: Position): Dec {
  return notionalAt(position, position.entry);
}

/** Initial margin: the position value at entry ÷ leverage (as exchanges show it and ROE divides by); a loan's is its own collateral. */
export function initialMarginOf(position: Position): Dec {
  return position.instrument === 'loan' ? position.collateral : entryNotional(position).div(position.leverage);
}

/** Taker fee to open: on the position value at entry. */
export function openFeeOf(position: Position): Dec {
  return entryNotional(position).mul(position.feeRate);
}

/** Taker fee to close at a price: on the position value there. */
export function closeFeeAt(position: Position, price: Dec): Dec {
  return notionalAt(position, price).mul(position.feeRate);
}

/** Unrealized PnL in the margin currency, fees excluded (as exchanges show it). */
export function pnlAt(position: Position, price: Dec): Dec {
  const { size, entry, sign } = position;
  if (position.instrument === 'inverse') return size.mul(ONE.div(entry).minus(ONE.div(price))).mul(sign);
  return size.mul(price.minus(entry)).mul(sign);
}

export function equityAt(position: Position, price: Dec): Dec {
  return position.collateral.plus(pnlAt(position, price));
}

function feeInCondition(position: Position): Dec {
  return position.closeFeeInLiquidation ? position.feeRate : ZERO;
}

/** The bracket the requirement uses at a price: looked up by notional at that price (mark) or at entry. */
export function tierUsedAt(position: Position, price: Dec): Tier {
  const measuredAt = position.basis === 'mark' ? price : position.entry;
  return tierAt(position.tiers, notionalAt(position, measuredAt));
}

/** Maintenance requirement (plus the fee to close when the venue counts it) at a price. */
export function requirementAt(position: Position, price: Dec): Dec {
  const tier = tierUsedAt(position, price);
  const measuredAt = position.basis === 'mark' ? price : position.entry;
  return notionalAt(position, measuredAt).mul(tier.mmr.plus(feeInCondition(position))).minus(tier.mmAmount);
}

/** Loans: debt value at a price (long: stablecoin debt; short: the borrowed asset). */
export function debtAt(position: Position, price: Dec): Dec {
  if (position.sign === 1) return position.size.mul(position.entry).minus(position.collateral);
  return position.size.mul(price);
}

/** Health: equity ÷ requirement for perpetuals, the health factor for loans. 1 is liquidation. */
export function healthAt(position: Position, price: Dec): Dec | null {
  if (position.instrument === 'loan') {
    const threshold = position.liquidationThreshold ?? ONE;
    const debt = debtAt(position, price);
    if (debt.lte(0)) return null;
    const collateralValue = position.sign === 1 ? position.size.mul(price) : position.collateral.plus(position.size.mul(position.entry));
    return collateralValue.mul(threshold).div(debt);
  }
  const requirement = requirementAt(position, price);
  if (requirement.lte(0)) return null;
  return equityAt(position, price).div(requirement);
}

export function effectiveLeverageAt(position: Position, price: Dec): Dec | null {
  const equity = equityAt(position, price);
  if (equity.lte(0)) return null;
  return notionalAt(position, price).div(equity);
}

/** Below this fraction of the entry's x the solution is rounding noise around zero (e.g. a 1× long). */
const NEGLIGIBLE = new Dec('1e-25');

function toPrice(position: Position, x: Dec): Dec | null {
  const xAtEntry = position.instrument === 'inverse' ? ONE.div(position.entry) : position.entry;
  if (!x.isFinite() || x.lte(xAtEntry.mul(NEGLIGIBLE))) return null;
  return position.instrument === 'inverse' ? ONE.div(x) : x;
}

/** Solves equity = level × requirement inside one bracket; null when the line never crosses at a positive price. */
function solveInTier(position: Position, tier: Tier, level: Dec): Dec | null {
  const { collateral, size, entry, sign } = position;
  const rate = tier.mmr.plus(feeInCondition(position));
  const inverse = position.instrument === 'inverse';
  // equity(x) = a0 + a1·x
  const a0 = inverse ? collateral.plus(size.div(entry).mul(sign)) : collateral.minus(size.mul(entry).mul(sign));
  const a1 = inverse ? size.mul(-sign) : size.mul(sign);
  // requirement(x) = r0 + r1·x
  const markBasis = position.basis === 'mark';
  const r1 = markBasis ? size.mul(rate) : ZERO;
  const r0 = markBasis ? tier.mmAmount.neg() : entryNotional(position).mul(rate).minus(tier.mmAmount);
  const denominator = a1.minus(level.mul(r1));
  if (denominator.isZero()) return null;
  return toPrice(position, level.mul(r0).minus(a0).div(denominator));
}

/** Price at which health reaches a level (1 = liquidation), re-solving until the bracket is consistent. */
export function priceAtHealth(position: Position, level: Dec): Dec | null {
  if (position.instrument === 'loan') {
    const threshold = position.liquidationThreshold ?? ONE;
    if (position.sign === 1) {
      const debt = debtAt(position, position.entry);
      if (debt.lte(0)) return null;
      return level.mul(debt).div(position.size.mul(threshold));
    }
    const collateralValue = position.collateral.plus(position.size.mul(position.entry));
    return collateralValue.mul(threshold).div(level.mul(position.size));
  }
  if (position.basis === 'entry') {
    return solveInTier(position, tierUsedAt(position, position.entry), level);
  }
  // The requirement is continuous and piecewise linear in x, so exactly one bracket is self-consistent.
  for (const tier of position.tiers) {
    const price = solveInTier(position, tier, level);
    if (price !== null && tierUsedAt(position, price).index === tier.index) return price;
  }
  // Brackets whose amounts do not join up leave a jump: the level is crossed at a bracket boundary.
  for (const tier of position.tiers.slice(1)) {
    // notional = size·x for both linear (x = P) and inverse (x = 1/P)
    const boundary = toPrice(position, tier.floor.div(position.size));
    if (boundary === null) continue;
    const equity = equityAt(position, boundary);
    const above = requirementAt(position, boundary).mul(level);
    const previous = position.tiers[tier.index - 1];
    if (previous === undefined) continue;
    const rate = previous.mmr.plus(feeInCondition(position));
    const below = notionalAt(position, boundary).mul(rate).minus(previous.mmAmount).mul(level);
    if (equity.lte(Dec.max(above, below)) && equity.gte(Dec.min(above, below))) return boundary;
  }
  return null;
}

/** Equity reaches zero. */
export function bankruptcyPrice(position: Position): Dec | null {
  const { collateral, size, entry, sign } = position;
  if (position.instrument === 'inverse') {
    return toPrice(position, ONE.div(entry).plus(collateral.div(size).mul(sign)));
  }
  return toPrice(position, entry.minus(collateral.div(size).mul(sign)));
}

/** Price where closing pays back both taker fees. */
export function breakEvenPrice(position: Position): Dec {
  const fee = position.feeRate.mul(position.sign);
  return position.entry.mul(ONE.plus(fee)).div(ONE.minus(fee));
}

/** A maintenance requirement already breached at entry liquidates the position at once. */
export function entryBreach(position: Position): FieldError | null {
  const health = healthAt(position, position.entry);
  if (health === null || health.gt(1)) return null;
  if (position.instrument === 'loan') {
    return { field: 'leverage', message: `At this leverage the health factor at entry is ${health.toSignificantDigits(4).toString()}: the loan would be liquidated at once.` };
  }
  if (position.marginMode === 'cross') {
    return { field: 'collateral', message: 'The wallet does not cover the maintenance requirement at entry: the position would be liquidated at once.' };
  }
  const field = position.tiers.length > 1 ? 'tiers' : 'mmr';
  return { field, message: `The maintenance requirement (${requirementAt(position, position.entry).toSignificantDigits(6).toString()}) is not below the collateral at entry: the position would be liquidated at once. Lower the maintenance rate or the leverage.` };
}
