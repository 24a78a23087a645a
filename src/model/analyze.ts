import { Dec, ONE, ZERO, toOutput, toOutputOrNull as out } from './decimal';
import {
  bankruptcyPrice,
  breakEvenPrice,
  closeFeeAt,
  debtAt,
  entryBreach,
  entryNotional,
  healthAt,
  initialMarginOf,
  openFeeOf,
  priceAtHealth,
  quantityOf,
  requirementAt,
  tierUsedAt,
} from './engine';
import { accrualAt, carryLiquidationHours, horizonRisk, liquidationAfter, loanNetApy, netCarry } from './horizon';
import { defaultTerms, lastPriceLiquidation, liquidationCost, readLiquidationTerms } from './liquidation';
import type { LiquidationTerms, TermsReading } from './liquidation';
import { readSpec } from './position';
import type { Position, Resolution, Tier } from './position';
import type { Analysis, AppliedTier, CarryBreakdown, FeeBasis, FieldError, MaintenanceBasis, PositionSpec, ValidAnalysis } from './types';

/**
 * Reads and checks a spec: the one entry point of every spec-level function. No cache: resolving costs a few
 * microseconds, analyze stays far inside its 1 ms budget without one, and a hidden memo keyed by object identity
 * would hold stale results for a spec mutated in place.
 */
export function resolve(spec: PositionSpec): Resolution {
  return checkEntry(readSpec(spec));
}

function checkEntry(resolution: Resolution): Resolution {
  if (!resolution.ok) return resolution;
  const breach = entryBreach(resolution.position);
  return breach === null ? resolution : { ok: false, errors: [breach] };
}

type FullReading = { ok: true; position: Position; terms: LiquidationTerms } | { ok: false; errors: FieldError[] };

/** The position and its liquidation terms (fee, bonus, close factor, mark–last spread), or every field error. */
function readAll(spec: PositionSpec): FullReading {
  const resolution = resolve(spec);
  const terms: TermsReading = typeof spec === 'object' && spec !== null ? readLiquidationTerms(spec) : { ok: true, terms: defaultTerms };
  if (resolution.ok && terms.ok) return { ok: true, position: resolution.position, terms: terms.terms };
  return { ok: false, errors: [...(resolution.ok ? [] : resolution.errors), ...(terms.ok ? [] : terms.errors)] };
}

/** Field-level problems with a spec, in plain words. Never throws. */
export function validate(spec: PositionSpec): FieldError[] {
  const reading = readAll(spec);
  return reading.ok ? [] : reading.errors;
}

function describeTier(tier: Tier): AppliedTier {
  return {
    index: tier.index,
    floor: toOutput(tier.floor),
    cap: out(tier.cap),
    mmr: toOutput(tier.mmr),
    mmAmount: toOutput(tier.mmAmount),
    maxLeverage: out(tier.maxLeverage),
  };
}

function liquidationNote(position: Position): string {
  if (position.instrument === 'loan' && position.sign === 1) return 'No debt: a 1× loan position cannot be liquidated.';
  if (position.sign === 1) return 'The collateral covers the whole position: the price would have to fall to zero or below before the requirement is reached.';
  return 'The coin collateral covers the short’s whole face value: the position cannot be liquidated at any price.';
}

function feeBasisWords(feeBasis: FeeBasis, maintenanceBasis: MaintenanceBasis): string {
  if (feeBasis === 'bankruptcy') return 'valued at the bankruptcy price, which includes it (Bybit inverse)';
  return feeBasis === 'entry' || maintenanceBasis === 'entry' ? 'valued at entry' : 'valued at the liquidation price';
}

function makerWords(position: Position): string {
  const orders = position.entryOrder === position.exitOrder ? 'Opening and closing orders rest on the book and pay' : position.entryOrder === 'maker' ? 'The opening order rests on the book and pays' : 'The closing order rests on the book and pays';
  return `${orders} the maker fee; a liquidation is a market order and pays the taker fee.`;
}

function conventionText(position: Position, tier: Tier | null): string {
  const parts: string[] = [];
  if (position.instrument === 'loan') {
    parts.push(`Loan: liquidation when the health factor (collateral × ${toOutput(position.liquidationThreshold ?? ONE)} ÷ debt) falls below 1.`);
    return parts.join(' ');
  }
  parts.push(
    position.basis === 'mark'
      ? 'Maintenance measured at the liquidation price (mark basis: Binance USD-M, dYdX, Hyperliquid).'
      : 'Maintenance measured on entry value (entry basis: Bybit isolated, BitMEX).',
  );
  if (position.tiers.length > 1 && tier !== null) {
    const why = position.tierMeasure === 'size' ? 'holds the position’s size (brackets by size, as OKX writes them in contracts)' : 'is the one consistent with the liquidation notional';
    parts.push(`Bracket ${tier.index + 1} of ${position.tiers.length} (rate ${tier.mmr.mul(100).toString()} %, amount ${tier.mmAmount.toString()}) ${why}.`);
  }
  parts.push(position.closeFeeInLiquidation ? `The fee to close is part of the liquidation condition, ${feeBasisWords(position.feeBasis, position.basis)}.` : 'The fee to close is not part of the liquidation condition.');
  if (position.entryOrder === 'maker' || position.exitOrder === 'maker') parts.push(makerWords(position));
  if (position.marginMode === 'cross') parts.push('Cross margin: wallet balance − other positions’ maintenance + their unrealized PnL backs this position.');
  if (position.instrument === 'inverse') parts.push('Inverse contract: margin and PnL in coin.');
  return parts.join(' ');
}

/** Carry over `hours` valued at `price`, with the fee to open (at entry) and to close (at the price). */
export function carryBreakdown(position: Position, hours: Dec, price: Dec): CarryBreakdown {
  const accrual = accrualAt(position, hours, price);
  const fees = openFeeOf(position).plus(closeFeeAt(position, price));
  return {
    hours: toOutput(hours),
    funding: toOutput(accrual.funding),
    borrowInterest: toOutput(accrual.borrowInterest),
    supplyYield: toOutput(accrual.supplyYield),
    fees: toOutput(fees),
    total: toOutput(netCarry(accrual).plus(fees)),
  };
}

function carryWarnings(position: Position): string[] {
  const { carry } = position;
  const warnings: string[] = [];
  if (position.instrument === 'loan' && carry.fundingGiven && !carry.fundingRate.isZero()) {
    warnings.push('Funding applies to perpetual contracts: the funding rate is ignored for a loan.');
  }
  if (position.instrument !== 'loan' && carry.loanRatesGiven && !(carry.borrowApr.isZero() && carry.supplyApr.isZero())) {
    warnings.push('Borrow and supply rates apply to loans: they are ignored for a perpetual contract (use the funding rate).');
  }
  return warnings;
}

function buildAnalysis(position: Position, terms: LiquidationTerms): ValidAnalysis {
  const { entry, collateral, leverage, sign } = position;
  const notional = entryNotional(position);
  const liquidation = priceAtHealth(position, ONE);
  const liquidationTier = liquidation === null ? null : tierUsedAt(position, liquidation);
  const entryTier = tierUsedAt(position, entry);
  const appliedTier = liquidationTier ?? entryTier;
  const effectiveLeverage = notional.div(collateral);
  const openFee = openFeeOf(position);
  const warnings: string[] = [];
  const distance = liquidation === null ? null : liquidation.minus(entry).div(entry);
  if (distance !== null && distance.abs().lt('0.005')) warnings.push('The liquidation price is within 0.5 % of entry: ordinary noise can liquidate this position.');
  const closeFeeAtEntry = closeFeeAt(position, entry);
  // Either fee may be a maker rebate (negative): the warning is about what both cost together.
  if (openFee.plus(closeFeeAtEntry).gt(collateral.mul('0.1'))) warnings.push('Opening and closing fees use more than 10 % of the collateral.');
  const isPerp = position.instrument !== 'loan';
  warnings.push(...carryWarnings(position));
  const { carry } = position;
  const carryGiven = isPerp ? carry.fundingGiven : carry.loanRatesGiven;
  const carryHours = carryGiven ? carryLiquidationHours(position) : null;
  if (carry.holdGiven && carryHours !== null && carryHours.lte(carry.holdHours)) {
    warnings.push(`At a flat price, carry alone liquidates this position after about ${carryHours.toSignificantDigits(4).toString()} hours, within the holding period.`);
  }
  const showTier = isPerp && position.tiers.length > 1;
  return {
    valid: true,
    instrument: position.instrument,
    side: position.side,
    marginMode: position.marginMode,
    mmBasis: position.basis,
    feeBasis: position.feeBasis,
    tierMeasure: position.tierMeasure,
    compounding: position.carry.compounding,
    marginCurrency: position.instrument === 'inverse' ? 'coin' : 'quote',
    entry: toOutput(entry),
    quantity: toOutput(quantityOf(position)),
    size: toOutput(position.size),
    notional: toOutput(notional),
    notionalQuote: toOutput(position.instrument === 'inverse' ? position.size : notional),
    collateral: toOutput(position.walletOrMargin),
    effectiveCollateral: toOutput(collateral),
    leverage: toOutput(leverage),
    effectiveLeverage: toOutput(effectiveLeverage),
    maxLeverage: out(position.maxLeverage),
    initialMargin: toOutput(initialMarginOf(position)),
    availableBalance: position.marginMode === 'cross' ? toOutput(position.walletOrMargin.minus(initialMarginOf(position))) : null,
    maintenanceMargin: toOutput(requirementAt(position, entry)),
    maintenanceAtLiquidation: liquidation === null ? null : toOutput(requirementAt(position, liquidation)),
    appliedMmr: toOutput(appliedTier.mmr),
    appliedMmAmount: toOutput(appliedTier.mmAmount),
    appliedTier: showTier ? describeTier(appliedTier) : null,
    entryTier: showTier ? describeTier(entryTier) : null,
    liquidationPrice: out(liquidation),
    liquidationNote: liquidation === null ? liquidationNote(position) : null,
    bankruptcyPrice: out(bankruptcyPrice(position)),
    breakEvenPrice: toOutput(breakEvenPrice(position)),
    liquidationDistance: out(distance),
    healthAtEntry: out(healthAt(position, entry)),
    thresholdPrices: position.thresholds.map((level) => ({ level: toOutput(level), price: out(priceAtHealth(position, level)) })),
    amplification: toOutput(effectiveLeverage),
    amplificationUsd: toOutput(position.instrument === 'inverse' ? ONE.plus(effectiveLeverage.mul(sign)).abs() : effectiveLeverage),
    openFee: toOutput(openFee),
    closeFeeAtEntry: toOutput(closeFeeAtEntry),
    entryOrder: position.entryOrder,
    exitOrder: position.exitOrder,
    maxLoss: toOutput(collateral.plus(openFee)),
    debt: toOutput(position.instrument === 'loan' ? Dec.max(debtAt(position, entry), ZERO) : ZERO),
    loanMaxLeverage: out(position.loanMaxLeverage),
    liquidationThreshold: out(position.liquidationThreshold),
    convention: conventionText(position, liquidationTier),
    warnings,
    carry: carry.holdGiven ? carryBreakdown(position, carry.holdHours, entry) : null,
    liquidationPriceAfterHold: carry.holdGiven ? out(liquidationAfter(position, carry.holdHours)) : null,
    netApy: carry.loanRatesGiven ? out(loanNetApy(position)) : null,
    carryLiquidationHours: out(carryHours),
    risk: horizonRisk(position),
    liquidationCost: liquidationCost(position, terms),
    lastPriceLiquidation: lastPriceLiquidation(position, terms),
  };
}

/** The whole picture of one position. Plain JSON; money as decimal strings; never NaN or Infinity. */
export function analyze(spec: PositionSpec): Analysis {
  const reading = readAll(spec);
  if (!reading.ok) return { valid: false, errors: reading.errors };
  return buildAnalysis(reading.position, reading.terms);
}
