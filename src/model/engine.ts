import { Dec, ONE, ZERO } from './decimal';
import { tierAt } from './position';
import type { Position, Tier } from './position';
import type { FieldError, OrderRole } from './types';
import { difference, levelOf, product, quotient, sideOf, sum } from './working';
import type { Working } from './working';

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

/** The rate an order pays: the maker fee for a resting limit order ('maker'), else the taker fee. */
function orderFeeRate(position: Position, order: OrderRole): Dec {
  return order === 'maker' && position.makerFeeRate !== null ? position.makerFeeRate : position.feeRate;
}

/** The rate of the order that opens the position. */
export function openFeeRateOf(position: Position): Dec {
  return orderFeeRate(position, position.entryOrder);
}

/** The rate of the order that closes it at a chosen exit (or at break-even). A liquidation pays `feeRate`, the taker fee. */
export function exitFeeRateOf(position: Position): Dec {
  return orderFeeRate(position, position.exitOrder);
}

/** Fee to open: on the position value at entry, at the entry order's rate (negative for a maker rebate). */
export function openFeeOf(position: Position): Dec {
  return entryNotional(position).mul(openFeeRateOf(position));
}

/**
 * Fee to close at a price: on the position value there, at the exit order's rate unless a rate is given (a
 * liquidation or a stop is a market order: the taker rate).
 */
export function closeFeeAt(position: Position, price: Dec, rate: Dec = exitFeeRateOf(position)): Dec {
  return notionalAt(position, price).mul(rate);
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

/** Whether the fee to close rides on the value where the maintenance is measured ('mark' basis, or 'entry' on an entry basis). */
function feeOnMaintenanceValue(position: Position): boolean {
  return position.feeBasis === 'mark' || (position.feeBasis === 'entry' && position.basis === 'entry');
}

/**
 * The fee to close as a rate on the value where the maintenance is measured, when the venue counts it there. A
 * liquidation is a market order, so the condition counts the taker fee (`feeRate`) whatever the trader's exit order.
 */
export function feeInCondition(position: Position): Dec {
  return position.closeFeeInLiquidation && feeOnMaintenanceValue(position) ? position.feeRate : ZERO;
}

/**
 * The fee to close when it is valued away from the maintenance value: at entry under a mark-basis maintenance, or
 * at the fee-inclusive bankruptcy price (Bybit inverse). Either way a fixed amount, whatever the price.
 */
export function fixedConditionFee(position: Position): Dec {
  if (!position.closeFeeInLiquidation || feeOnMaintenanceValue(position) || position.feeRate.isZero()) return ZERO;
  if (position.feeBasis === 'entry') return closeFeeAt(position, position.entry, position.feeRate);
  // notional = size·x, so the fee at bankruptcy is f·size·x_bk: no price needed (this runs in every requirement).
  const x = feeInclusiveBankruptcyX(position);
  return x === null ? ZERO : position.feeRate.mul(position.size).mul(x);
}

/**
 * Bybit inverse: equity a₀ + a₁·x equals the fee to close valued there, f·size·x (notional = size·x), at
 * x = a₀ ÷ (f·size − a₁). Null when that is not a positive x (the position never goes bankrupt).
 */
function feeInclusiveBankruptcyX(position: Position): Dec | null {
  const { collateral, size, entry, sign } = position;
  const inverse = position.instrument === 'inverse';
  const a0 = inverse ? collateral.plus(size.div(entry).mul(sign)) : collateral.minus(size.mul(entry).mul(sign));
  const a1 = inverse ? size.mul(-sign) : size.mul(sign);
  const denominator = position.feeRate.mul(size).minus(a1);
  if (denominator.isZero()) return null;
  const x = a0.div(denominator);
  return x.gt(0) ? x : null;
}

/**
 * The bracket the requirement uses at a price: looked up by notional at that price (mark) or at entry, or by the
 * position's size when the venue writes its brackets in contracts (OKX), which no price changes.
 */
export function tierUsedAt(position: Position, price: Dec): Tier {
  if (position.tierMeasure === 'size') return tierAt(position.tiers, position.size);
  const measuredAt = position.basis === 'mark' ? price : position.entry;
  return tierAt(position.tiers, notionalAt(position, measuredAt));
}

/** The bracket measure of a position value (margin currency): the value itself, or the size it is at entry. */
export function tierMeasureOfValue(position: Position, value: Dec): Dec {
  if (position.tierMeasure === 'value') return value;
  return position.instrument === 'inverse' ? value.mul(position.entry) : value.div(position.entry);
}

/** The position value at entry (margin currency) of a bracket measure: the inverse of tierMeasureOfValue. */
export function valueOfTierMeasure(position: Position, measure: Dec): Dec {
  if (position.tierMeasure === 'value') return measure;
  return position.instrument === 'inverse' ? measure.div(position.entry) : measure.mul(position.entry);
}

/** Maintenance requirement (plus the fee to close when the venue counts it) at a price. */
export function requirementAt(position: Position, price: Dec): Dec {
  const tier = tierUsedAt(position, price);
  const measuredAt = position.basis === 'mark' ? price : position.entry;
  return notionalAt(position, measuredAt).mul(tier.mmr.plus(feeInCondition(position))).minus(tier.mmAmount).plus(fixedConditionFee(position));
}

/** Loans: debt value at a price (long: stablecoin debt; short: the borrowed asset). */
export function debtAt(position: Position, price: Dec): Dec {
  if (position.sign === 1) return position.size.mul(position.entry).minus(position.collateral);
  return position.size.mul(price);
}

/** Health: equity ÷ requirement for perpetuals, the health factor for loans. 1 is liquidation. */
export function healthAt(position: Position, price: Dec, trace?: Working): Dec | null {
  if (position.instrument === 'loan') {
    const threshold = position.liquidationThreshold ?? ONE;
    const debt = debtAt(position, price);
    if (debt.lte(0)) return null;
    const collateralValue = position.sign === 1 ? position.size.mul(price) : position.collateral.plus(position.size.mul(position.entry));
    const health = collateralValue.mul(threshold).div(debt);
    trace?.step('V', 'collateral value', 'money', position.sign === 1 ? product(position.size, price) : sum(position.collateral, product(position.size, position.entry)), collateralValue);
    trace?.step('D', 'debt', 'money', position.sign === 1 ? difference(product(position.size, position.entry), position.collateral) : product(position.size, price), debt);
    trace?.step('H', 'health factor: collateral value × liquidation threshold ÷ debt', 'number', quotient(product(collateralValue, threshold), debt), health);
    return health;
  }
  const requirement = requirementAt(position, price);
  if (requirement.lte(0)) return null;
  const equity = equityAt(position, price);
  if (trace !== undefined) traceHealth(trace, position, price, equity, requirement);
  return equity.div(requirement);
}

/** The fee to close valued away from the maintenance value (a fixed amount) as a named quantity; null when there is none. */
function conditionFeeTerm(trace: Working, position: Position): Dec | null {
  const fixed = fixedConditionFee(position);
  return fixed.isZero() ? null : trace.given('F꜀', 'fee to close in the condition, valued at entry or at bankruptcy (a fixed amount)', 'money', fixed);
}

/** The perpetual's health as the model computes it: PnL, equity, the requirement at its basis and their ratio. */
function traceHealth(trace: Working, position: Position, price: Dec, equity: Dec, requirement: Dec): void {
  const { size, entry, sign } = position;
  const side = sideOf(trace, sign);
  const pnl = pnlAt(position, price);
  const move = position.instrument === 'inverse' ? difference(quotient(ONE, entry), quotient(ONE, price)) : difference(price, entry);
  trace.step('PnL', 'unrealized PnL at the price', 'money', product(side, size, move), pnl);
  trace.step('Eq', 'equity: collateral plus PnL', 'money', sum(position.collateral, pnl), equity);
  const tier = tierUsedAt(position, price);
  const measuredAt = position.basis === 'mark' ? price : entry;
  const notional = trace.step('N', position.basis === 'mark' ? 'position value at the price (mark basis)' : 'position value at entry (entry basis)', 'money', position.instrument === 'inverse' ? quotient(size, measuredAt) : product(size, measuredAt), notionalAt(position, measuredAt));
  const fixedFee = conditionFeeTerm(trace, position);
  const valueTerm = difference(product(notional, sum(tier.mmr, feeInCondition(position))), tier.mmAmount);
  trace.step('R', 'maintenance requirement: value × (rate + fee in the condition) − bracket amount', 'money', fixedFee === null ? valueTerm : sum(valueTerm, fixedFee), requirement);
  trace.step('H', 'health: equity ÷ requirement', 'number', quotient(equity, requirement), equity.div(requirement));
}

export function effectiveLeverageAt(position: Position, price: Dec, trace?: Working): Dec | null {
  const equity = equityAt(position, price);
  if (equity.lte(0)) return null;
  const notional = notionalAt(position, price);
  const leverage = notional.div(equity);
  trace?.step('N', 'position value at the price', 'money', position.instrument === 'inverse' ? quotient(position.size, price) : product(position.size, price), notional);
  trace?.step('Eq', 'equity at the price', 'money', sum(position.collateral, pnlAt(position, price)), equity);
  trace?.step('A', 'amplification: position value ÷ equity (a 1 % move changes equity by this many %)', 'times', quotient(notional, equity), leverage);
  return leverage;
}

/** Below this fraction of the entry's x the solution is rounding noise around zero (e.g. a 1× long). */
const NEGLIGIBLE = new Dec('1e-25');

function toPrice(position: Position, x: Dec): Dec | null {
  const xAtEntry = position.instrument === 'inverse' ? ONE.div(position.entry) : position.entry;
  if (!x.isFinite() || x.lte(xAtEntry.mul(NEGLIGIBLE))) return null;
  return position.instrument === 'inverse' ? ONE.div(x) : x;
}

/** Solves equity = level × requirement inside one bracket; null when the line never crosses at a positive price. */
function solveInTier(position: Position, tier: Tier, level: Dec, trace?: Working): Dec | null {
  const { collateral, size, entry, sign } = position;
  const rate = tier.mmr.plus(feeInCondition(position));
  const inverse = position.instrument === 'inverse';
  // equity(x) = a0 + a1·x
  const a0 = inverse ? collateral.plus(size.div(entry).mul(sign)) : collateral.minus(size.mul(entry).mul(sign));
  const a1 = inverse ? size.mul(-sign) : size.mul(sign);
  // requirement(x) = r0 + r1·x
  const markBasis = position.basis === 'mark';
  const r1 = markBasis ? size.mul(rate) : ZERO;
  const r0 = (markBasis ? tier.mmAmount.neg() : entryNotional(position).mul(rate).minus(tier.mmAmount)).plus(fixedConditionFee(position));
  const denominator = a1.minus(level.mul(r1));
  if (denominator.isZero()) return null;
  const x = level.mul(r0).minus(a0).div(denominator);
  if (trace !== undefined) {
    const side = sideOf(trace, sign);
    const h = levelOf(trace, level);
    trace.step('m', 'rate in the condition: maintenance rate + fee to close (when the venue counts it)', 'rate', sum(tier.mmr, feeInCondition(position)), rate);
    trace.step('a₀', `equity = a₀ + a₁·x, where x = ${inverse ? '1/P' : 'P'}: the constant part`, 'money', inverse ? sum(collateral, product(quotient(size, entry), side)) : difference(collateral, product(size, entry, side)), a0);
    trace.step('a₁', 'equity’s change per unit of x', 'number', product(size, inverse ? product(side, new Dec(-1)) : side), a1);
    trace.step('r₁', markBasis ? 'requirement = r₀ + r₁·x; measured at the price (mark basis): size × m' : 'requirement measured on entry value (entry basis): no part moves with x', 'number', markBasis ? product(size, rate) : ZERO, r1);
    const constant = markBasis ? difference(ZERO, tier.mmAmount) : difference(product(entryNotional(position), rate), tier.mmAmount);
    const fixedFee = conditionFeeTerm(trace, position);
    trace.step('r₀', `${markBasis ? 'the requirement’s constant part: minus the bracket amount' : 'entry value × m − bracket amount'}${fixedFee === null ? '' : ', plus the fee to close valued apart'}`, 'money', fixedFee === null ? constant : sum(constant, fixedFee), r0);
    trace.step('x', `health h = ${level.toString()} where a₀ + a₁·x = h·(r₀ + r₁·x), so x = (h·r₀ − a₀) ÷ (a₁ − h·r₁)`, 'number', quotient(difference(product(h, r0), a0), difference(a1, product(h, r1))), x);
  }
  const price = toPrice(position, x);
  if (trace !== undefined && price !== null) trace.step('P', inverse ? 'the price: P = 1/x' : 'the price: P = x', 'price', inverse ? quotient(ONE, x) : x, price);
  return price;
}

/** Price at which health reaches a level (1 = liquidation), re-solving until the bracket is consistent. */
export function priceAtHealth(position: Position, level: Dec, trace?: Working): Dec | null {
  if (position.instrument === 'loan') {
    const threshold = position.liquidationThreshold ?? ONE;
    if (position.sign === 1) {
      const debt = debtAt(position, position.entry);
      if (debt.lte(0)) return null;
      const price = level.mul(debt).div(position.size.mul(threshold));
      trace?.step('D', 'debt: collateral value at entry − own funds', 'money', difference(product(position.size, position.entry), position.collateral), debt);
      trace?.step('P', `health ${level.toString()} where size × P × threshold = h × debt: P = h × D ÷ (Q × LT)`, 'price', quotient(product(level, debt), product(position.size, threshold)), price);
      return price;
    }
    const collateralValue = position.collateral.plus(position.size.mul(position.entry));
    const price = collateralValue.mul(threshold).div(level.mul(position.size));
    trace?.step('V', 'collateral value: own funds + the sold coin’s value at entry', 'money', sum(position.collateral, product(position.size, position.entry)), collateralValue);
    trace?.step('P', `health ${level.toString()} where V × threshold = h × Q × P: P = V × LT ÷ (h × Q)`, 'price', quotient(product(collateralValue, threshold), product(level, position.size)), price);
    return price;
  }
  // On an entry basis, or with brackets by size, the bracket is the same at every price: one linear solve.
  if (position.basis === 'entry' || position.tierMeasure === 'size') {
    const tier = tierUsedAt(position, position.entry);
    if (trace !== undefined && position.tierMeasure === 'size' && position.tiers.length > 1) {
      trace.note(`Bracket ${tier.index + 1} of ${position.tiers.length} holds the position’s size (${position.size.toString()}); brackets by size do not change with the price.`);
    }
    return solveInTier(position, tier, level, trace);
  }
  // The requirement is continuous and piecewise linear in x, so exactly one bracket is self-consistent.
  for (const tier of position.tiers) {
    const price = solveInTier(position, tier, level);
    if (price !== null && tierUsedAt(position, price).index === tier.index) {
      if (trace !== undefined) {
        if (position.tiers.length > 1) trace.note(`Bracket ${tier.index + 1} of ${position.tiers.length} is the one whose notional range holds the position value at the solved price.`);
        solveInTier(position, tier, level, trace);
      }
      return price;
    }
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
    const below = notionalAt(position, boundary).mul(rate).minus(previous.mmAmount).plus(fixedConditionFee(position)).mul(level);
    if (equity.lte(Dec.max(above, below)) && equity.gte(Dec.min(above, below))) return boundary;
  }
  return null;
}

/**
 * Equity reaches zero; with the fee to close valued at the bankruptcy price (Bybit inverse), equity reaches that
 * fee there. Equity is a line in x (a₀ + a₁·x) and so is the fee (f·size·x, notional = size·x), so the implicit
 * equation a₀ + a₁·x = f·size·x has the exact solution x = a₀ ÷ (f·size − a₁): no iteration.
 */
export function bankruptcyPrice(position: Position, trace?: Working): Dec | null {
  const { collateral, size, entry, sign } = position;
  if (position.instrument !== 'loan' && position.closeFeeInLiquidation && position.feeBasis === 'bankruptcy' && position.feeRate.gt(0)) {
    const x = feeInclusiveBankruptcyX(position);
    const price = x === null ? null : toPrice(position, x);
    if (x !== null && price !== null) {
      trace?.step('x', 'equity a₀ + a₁·x equals the fee to close valued here, f × Q × x: x = a₀ ÷ (f × Q − a₁)', 'number', x, x);
      trace?.step('P', position.instrument === 'inverse' ? 'the price: P = 1/x' : 'the price: P = x', 'bankruptcy', position.instrument === 'inverse' ? quotient(ONE, x) : x, price);
    }
    return price;
  }
  if (position.instrument === 'inverse') {
    const x = ONE.div(entry).plus(collateral.div(size).mul(sign));
    if (trace !== undefined) trace.step('x', 'equity is zero where 1/P = 1/E + s × C ÷ Q', 'number', sum(quotient(ONE, entry), product(quotient(collateral, size), sideOf(trace, sign))), x);
    const price = toPrice(position, x);
    if (price !== null) trace?.step('P', 'the price: P = 1/x', 'bankruptcy', quotient(ONE, x), price);
    return price;
  }
  const price = toPrice(position, entry.minus(collateral.div(size).mul(sign)));
  if (price !== null && trace !== undefined) trace.step('P', 'equity is zero where the loss s × Q × (E − P) uses up the collateral: P = E − s × C ÷ Q', 'bankruptcy', difference(entry, product(quotient(collateral, size), sideOf(trace, sign))), price);
  return price;
}

/** An order's fee rate as a named quantity of the working: f (taker) or f_m (maker); the rate object itself. */
export function orderRateTerm(trace: Working, position: Position, order: OrderRole): Dec {
  const rate = orderFeeRate(position, order);
  if (rate === position.feeRate) return trace.given('f', 'taker fee rate (market orders; every liquidation)', 'rate', rate);
  return trace.given('f_m', 'maker fee rate (resting limit orders; negative: a rebate)', 'rate', rate);
}

/**
 * Price where closing pays back the fee to open (f₀, the entry order's rate) and to close (f₁, the exit order's).
 * Linear: s·Q·(P − E) = f₀·Q·E + f₁·Q·P, so P = E·(1 + s·f₀) ÷ (1 − s·f₁). Inverse: s·Q·(1/E − 1/P) = f₀·Q/E + f₁·Q/P,
 * so P = E·(1 + s·f₁) ÷ (1 − s·f₀): the two rates trade places (with one rate for both, the same formula).
 */
export function breakEvenPrice(position: Position, trace?: Working): Dec {
  const inverse = position.instrument === 'inverse';
  const open = openFeeRateOf(position);
  const close = exitFeeRateOf(position);
  const [above, below] = inverse ? [close, open] : [open, close];
  const price = position.entry.mul(ONE.plus(above.mul(position.sign))).div(ONE.minus(below.mul(position.sign)));
  if (trace !== undefined) {
    const side = sideOf(trace, position.sign);
    const opening = orderRateTerm(trace, position, position.entryOrder);
    const closing = orderRateTerm(trace, position, position.exitOrder);
    const [up, down] = inverse ? [closing, opening] : [opening, closing];
    const [f0, f1] = [trace.nameOf(opening) ?? 'f', trace.nameOf(closing) ?? 'f'];
    const [u, d] = inverse ? [f1, f0] : [f0, f1];
    const value = (rate: string, at: string): string => (inverse ? `${rate} × Q ÷ ${at}` : `${rate} × Q × ${at}`);
    const words = `closing pays back the fee to open, a ${position.entryOrder} order (${value(f0, 'E')}), and to close, a ${position.exitOrder} order (${value(f1, 'P')}): P = E × (1 + s·${u}) ÷ (1 − s·${d})`;
    trace.step('P', words, 'breakEven', quotient(product(position.entry, sum(ONE, product(up, side))), difference(ONE, product(down, side))), price);
  }
  return price;
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
