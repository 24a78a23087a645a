/**
 * What a liquidation costs, and what it leaves.
 *
 * Perpetuals (isolated and cross). At the liquidation price the equity left is about the maintenance requirement.
 * The venue closes the position and takes a liquidation clearance fee on the position's value there (Binance's
 * "liquidation clearance fee", at most the equity left). What remains of the margin goes to the insurance fund at
 * Binance and Bybit, which take the position over at its bankruptcy price; at dYdX it stays with the trader. So a
 * liquidated trader loses the price move to the liquidation price, the fee and (where the fund takes it) the rest.
 *
 * Loans. At health 1 a liquidator repays a share of the debt (the close factor: Aave v3 50 %, all of it when health
 * is below 0.95; Maker and Liquity the whole debt) and takes collateral worth the repaid debt plus a bonus (Aave's
 * liquidation bonus, Maker's liquidation penalty). Liquity takes the whole trove: a bonus of MCR − 1 seizes all the
 * collateral at the liquidation point. Collateral is never seized beyond what is deposited. After a partial
 * liquidation the rest of the loan is still open, with a higher health factor when LT × (1 + bonus) < 1.
 *
 * Not modelled: slippage past the bankruptcy price (the insurance fund's loss, not the trader's), Binance's and
 * Bybit's tiered partial liquidations of large positions, auction prices below the oracle (Maker), gas compensation.
 */
import { Dec, ONE, ZERO, decimalProblemText, readDecimal, toOutput, toOutputOrNull } from './decimal';
import { bankruptcyPrice, debtAt, equityAt, healthAt, notionalAt, openFeeOf, priceAtHealth } from './engine';
import { isMissing } from './position';
import type { Position } from './position';
import type { FieldError, LastPriceLiquidation, LiquidationCost, PositionSpec, SpecKey } from './types';

/** Aave v3: below this health factor one liquidation may repay the whole debt (LiquidationLogic, CLOSE_FACTOR_HF_THRESHOLD). */
export const FULL_CLOSE_BELOW_HEALTH = new Dec('0.95');
/** Used when a loan gives no bonus: Aave's common liquidation bonus, the assumption equityPath always stated. */
export const DEFAULT_LOAN_BONUS = new Dec('0.05');
/** A mark−last spread beyond ±50 % is a typo, not a market. */
const MAX_SPREAD = new Dec('0.5');

export interface LiquidationTerms {
  clearanceFeeRate: Dec;
  insuranceFundTakesRest: boolean;
  bonus: Dec;
  closeFactor: Dec;
  markSpread: Dec;
}

/** The terms of a spec that sets none of the liquidation keys. */
export const defaultTerms: LiquidationTerms = { clearanceFeeRate: ZERO, insuranceFundTakesRest: true, bonus: DEFAULT_LOAN_BONUS, closeFactor: ONE, markSpread: ZERO };

export type TermsReading = { ok: true; terms: LiquidationTerms } | { ok: false; errors: FieldError[] };

interface RateRule {
  label: string;
  fallback: Dec;
  /** Lowest value allowed (inclusive unless `aboveMin`). */
  min: Dec;
  aboveMin?: boolean;
  max: Dec;
  rangeText: string;
}

function readRate(errors: FieldError[], field: SpecKey, value: unknown, rule: RateRule): Dec {
  if (isMissing(value)) return rule.fallback;
  const reading = readDecimal(value);
  if (!reading.ok) {
    errors.push({ field, message: decimalProblemText(rule.label, reading.problem) });
    return rule.fallback;
  }
  const below = rule.aboveMin === true ? reading.value.lte(rule.min) : reading.value.lt(rule.min);
  if (below || reading.value.gt(rule.max)) {
    errors.push({ field, message: `${rule.label} must be ${rule.rangeText}.` });
    return rule.fallback;
  }
  return reading.value;
}

function readFlag(errors: FieldError[], field: SpecKey, value: unknown, fallback: boolean): boolean {
  if (isMissing(value)) return fallback;
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  errors.push({ field, message: 'Where the remaining margin goes must be true (the insurance fund) or false (the trader).' });
  return fallback;
}

/** Reads the liquidation keys of a spec; each bad value is a field error in plain words. Never throws. */
export function readLiquidationTerms(spec: PositionSpec): TermsReading {
  try {
    return readTerms(spec);
  } catch {
    return { ok: false, errors: [{ field: 'liquidationFee', message: 'The liquidation terms could not be read: they hold values that are not plain numbers or words.' }] };
  }
}

function readTerms(spec: PositionSpec): TermsReading {
  const errors: FieldError[] = [];
  const terms: LiquidationTerms = {
    clearanceFeeRate: readRate(errors, 'liquidationFee', spec.liquidationFee, { label: 'Liquidation fee', fallback: ZERO, min: ZERO, max: new Dec('0.5'), rangeText: 'from 0 to 50 %' }),
    insuranceFundTakesRest: readFlag(errors, 'insuranceFundTakesRest', spec.insuranceFundTakesRest, true),
    bonus: readRate(errors, 'liquidationBonus', spec.liquidationBonus, { label: 'Liquidation bonus', fallback: DEFAULT_LOAN_BONUS, min: ZERO, max: new Dec('0.5'), rangeText: 'from 0 to 50 %' }),
    closeFactor: readRate(errors, 'closeFactor', spec.closeFactor, { label: 'Close factor', fallback: ONE, min: ZERO, aboveMin: true, max: ONE, rangeText: 'more than 0 % and at most 100 %' }),
    markSpread: readRate(errors, 'markSpread', spec.markSpread, { label: 'Mark–last spread', fallback: ZERO, min: MAX_SPREAD.neg(), max: MAX_SPREAD, rangeText: 'between −50 % and 50 %' }),
  };
  return errors.length > 0 ? { ok: false, errors } : { ok: true, terms };
}

/** Aave v3's rule: the close factor as given, or the whole debt once health is below 0.95. */
export function closeFactorAt(closeFactor: Dec, health: Dec | null): Dec {
  return health !== null && health.lt(FULL_CLOSE_BELOW_HEALTH) ? ONE : closeFactor;
}

/** Where the venue ends a perpetual: the liquidation price, or bankruptcy when that comes first on the losing side. */
export function perpetualEndPrice(position: Position): Dec | null {
  // A requirement that turns negative would put the solved liquidation price past bankruptcy, and no venue lets
  // equity go below zero: whichever comes first on the way down (long) or up (short) ends the position.
  const candidates = [priceAtHealth(position, ONE), bankruptcyPrice(position)].filter((price): price is Dec => price !== null);
  return candidates.reduce<Dec | null>((first, price) => (first === null || price.minus(first).mul(position.sign).gt(0) ? price : first), null);
}

/** Where a position is liquidated: health 1 for loans, the first of liquidation and bankruptcy for perpetuals. */
export function liquidationEndPrice(position: Position): Dec | null {
  return position.instrument === 'loan' ? priceAtHealth(position, ONE) : perpetualEndPrice(position);
}

function perpetualCost(position: Position, terms: LiquidationTerms, price: Dec): LiquidationCost {
  const equity = equityAt(position, price);
  const cushion = Dec.max(equity, ZERO);
  const clearanceFee = Dec.min(cushion, notionalAt(position, price).mul(terms.clearanceFeeRate));
  const rest = cushion.minus(clearanceFee);
  const insuranceFund = terms.insuranceFundTakesRest ? rest : ZERO;
  const left = terms.insuranceFundTakesRest ? ZERO : rest;
  const openFee = openFeeOf(position);
  // Beyond bankruptcy the insurance fund covers the shortfall: the trader never loses more than the collateral.
  const priceLoss = position.collateral.minus(cushion);
  const where = terms.insuranceFundTakesRest ? 'the margin left after it goes to the insurance fund: the trader keeps nothing' : 'the margin left after it stays with the trader';
  return {
    price: toOutput(price),
    equityBefore: toOutput(equity),
    priceLoss: toOutput(priceLoss),
    clearanceFee: toOutput(clearanceFee),
    insuranceFund: toOutput(insuranceFund),
    penalty: '0',
    openFee: toOutput(openFee),
    total: toOutput(priceLoss.plus(clearanceFee).plus(insuranceFund).plus(openFee)),
    left: toOutput(left),
    rate: toOutput(terms.clearanceFeeRate),
    closeFactor: '1',
    after: null,
    assumption: `The whole position is closed at the liquidation price; a clearance fee of ${terms.clearanceFeeRate.mul(100).toString()} % of its value there is charged (at most the equity left) and ${where}.`,
  };
}

/** Collateral value at a price: the asset for a long loan, the stablecoin for a short one. */
function loanCollateralValue(position: Position, price: Dec): Dec {
  return position.sign === 1 ? position.size.mul(price) : position.collateral.plus(position.size.mul(position.entry));
}

function loanCost(position: Position, terms: LiquidationTerms, price: Dec): LiquidationCost {
  const debt = Dec.max(debtAt(position, price), ZERO);
  const collateralValue = loanCollateralValue(position, price);
  const equity = collateralValue.minus(debt);
  const closeFactor = closeFactorAt(terms.closeFactor, healthAt(position, price));
  const repaid = debt.mul(closeFactor);
  // The liquidator takes collateral worth the repaid debt plus the bonus, never more than is deposited.
  const seized = Dec.min(collateralValue, repaid.mul(ONE.plus(terms.bonus)));
  const penalty = Dec.max(seized.minus(repaid), ZERO);
  const debtLeft = debt.minus(repaid);
  const collateralLeft = collateralValue.minus(seized);
  const left = Dec.max(collateralLeft.minus(debtLeft), ZERO);
  const threshold = position.liquidationThreshold ?? ONE;
  const partial = debtLeft.gt(0);
  const openFee = openFeeOf(position);
  const priceLoss = position.collateral.minus(Dec.max(equity, ZERO));
  const share = closeFactor.mul(100).toString();
  return {
    price: toOutput(price),
    equityBefore: toOutput(equity),
    priceLoss: toOutput(priceLoss),
    clearanceFee: '0',
    insuranceFund: '0',
    penalty: toOutput(penalty),
    openFee: toOutput(openFee),
    total: toOutput(position.collateral.minus(left).plus(openFee)),
    left: toOutput(left),
    rate: toOutput(terms.bonus),
    closeFactor: toOutput(closeFactor),
    after: partial
      ? {
          collateral: toOutput(position.sign === 1 ? collateralLeft.div(price) : collateralLeft),
          debt: toOutput(debtLeft),
          equity: toOutput(collateralLeft.minus(debtLeft)),
          health: toOutputOrNull(collateralLeft.mul(threshold).div(debtLeft)),
        }
      : null,
    assumption: partial
      ? `At health 1 a liquidator repays ${share} % of the debt and takes collateral worth it plus a penalty of ${terms.bonus.mul(100).toString()} % of the debt repaid; the rest of the loan stays open.`
      : `At health 1 the whole debt is repaid from the collateral and the liquidator takes a penalty of ${terms.bonus.mul(100).toString()} % of the debt (never more than the collateral); the remainder is the trader's.`,
  };
}

/** The cost of a liquidation at a given price (a gap can liquidate beyond the liquidation price). */
export function liquidationCostAt(position: Position, terms: LiquidationTerms, price: Dec): LiquidationCost {
  return position.instrument === 'loan' ? loanCost(position, terms, price) : perpetualCost(position, terms, price);
}

/** The cost of being liquidated where the position is liquidated; null when nothing ends it at a positive price. */
export function liquidationCost(position: Position, terms: LiquidationTerms): LiquidationCost | null {
  const price = liquidationEndPrice(position);
  return price === null ? null : liquidationCostAt(position, terms, price);
}

/** The liquidation price seen in last prices: the mark reaches it when the last price is at mark × (1 + spread). */
export function lastPriceLiquidation(position: Position, terms: LiquidationTerms): LastPriceLiquidation | null {
  if (position.instrument === 'loan') return null;
  const mark = priceAtHealth(position, ONE);
  if (mark === null) return null;
  const last = mark.mul(ONE.plus(terms.markSpread));
  return {
    spread: toOutput(terms.markSpread),
    markPrice: toOutput(mark),
    lastPrice: toOutput(last),
    low: toOutput(Dec.min(mark, last)),
    high: toOutput(Dec.max(mark, last)),
  };
}
