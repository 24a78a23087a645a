import { Dec, ONE, ZERO, decimalProblemText, parseDecimal, readDecimal } from './decimal';
import type { Compounding, FeeBasis, FieldError, Instrument, MaintenanceBasis, MarginMode, OrderRole, PositionSpec, Side, SpecKey, TierInput, TierMeasure } from './types';

/** A maintenance bracket with parsed numbers. `cap` is the next floor (null for the last bracket). */
export interface Tier {
  index: number;
  floor: Dec;
  cap: Dec | null;
  mmr: Dec;
  mmAmount: Dec;
  maxLeverage: Dec | null;
}

/** Carry rates as fractions (see carry.ts for the conventions). */
export interface CarryTerms {
  /** Per 8 hours, whatever the interval. */
  fundingRate: Dec;
  fundingIntervalHours: Dec;
  holdHours: Dec;
  borrowApr: Dec;
  supplyApr: Dec;
  /** How the loan rates accrue (horizon.ts has the growth factors). */
  compounding: Compounding;
  /** Whether a hold, a funding rate or a loan rate was given at all (the analysis reports carry only then). */
  holdGiven: boolean;
  fundingGiven: boolean;
  loanRatesGiven: boolean;
}

/** Inputs of the risk over a horizon; null volatility or horizon means no risk figures. */
export interface HorizonTerms {
  volatility: Dec | null;
  horizonDays: Dec | null;
  drift: Dec;
  volatilityStress: Dec;
}

/** A validated position, every figure exact. Money is in the margin currency (coin for inverse). */
export interface Position {
  instrument: Instrument;
  side: Side;
  sign: 1 | -1;
  marginMode: MarginMode;
  basis: MaintenanceBasis;
  entry: Dec;
  /** Base units for linear and loans, USD face value for inverse. */
  size: Dec;
  walletOrMargin: Dec;
  /** The collateral backing this position (cross: wallet − other maintenance + other uPnL). */
  collateral: Dec;
  leverage: Dec;
  /** The taker fee: market orders and every liquidation. */
  feeRate: Dec;
  /** The maker fee (negative: a rebate); null when not given. Set whenever an order below is 'maker'. */
  makerFeeRate: Dec | null;
  entryOrder: OrderRole;
  exitOrder: OrderRole;
  closeFeeInLiquidation: boolean;
  /** Where the fee to close is valued: 'mark' where the maintenance is measured, 'entry', or 'bankruptcy'. */
  feeBasis: FeeBasis;
  tiers: Tier[];
  /** What the bracket floors measure: the position value (margin currency) or its size (spec units). */
  tierMeasure: TierMeasure;
  maxLeverage: Dec | null;
  /** Loans only. */
  liquidationThreshold: Dec | null;
  loanMaxLeverage: Dec | null;
  thresholds: Dec[];
  carry: CarryTerms;
  horizon: HorizonTerms;
}

export type Resolution = { ok: true; position: Position } | { ok: false; errors: FieldError[] };

/** Money and prices above this are rejected: they are typos, and they keep every figure finite. */
export const HUGE = new Dec('1e15');
/**
 * The smallest meaningful price, size or balance: one wei (10⁻¹⁸), the finest unit any asset is divided into.
 * Anything smaller is dust that only makes the plotted numbers underflow.
 */
export const SMALLEST_AMOUNT = new Dec('1e-18');
/** The smallest leverage worth a calculation: 0.01× (a hedge of 1 % of the collateral). */
export const SMALLEST_LEVERAGE = new Dec('0.01');
/** A loan whose collateral counts for less than 1 % of its value is not a loan any lender offers. */
const SMALLEST_THRESHOLD = new Dec('0.01');
export const MAX_PLAIN_LEVERAGE = new Dec(10000);
/** More brackets than any venue publishes (Binance: about a dozen) or health levels than a chart can mark are typos. */
export const MAX_TIERS = 50;
export const MAX_THRESHOLDS = 20;
const LEVERAGE_TOLERANCE = new Dec('1e-12');

const instruments: readonly Instrument[] = ['linear', 'inverse', 'loan'];
const sides: readonly Side[] = ['long', 'short'];
const marginModes: readonly MarginMode[] = ['isolated', 'cross'];
const bases: readonly MaintenanceBasis[] = ['mark', 'entry'];
const feeBases: readonly FeeBasis[] = ['mark', 'entry', 'bankruptcy'];
const tierMeasures: readonly TierMeasure[] = ['value', 'size'];
const compoundings: readonly Compounding[] = ['simple', 'continuous', 'per-second', 'hourly'];
const orderRoles: readonly OrderRole[] = ['taker', 'maker'];
/** Digits beyond the model's 50: a term smaller than 10^−this cannot change a result. */
const NEGLIGIBLE_DIGITS = 60;
/** The loops value that asks for the limit of an endless loop. */
export const MAX_LOOPS_WORD = 'max';

function pick<T extends string>(allowed: readonly T[], value: unknown): T | undefined {
  return allowed.find((candidate) => candidate === value);
}

/** Not given: absent, null or blank text. */
export function isMissing(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

class ErrorList {
  readonly errors: FieldError[] = [];
  add(field: SpecKey, message: string): void {
    if (!this.errors.some((error) => error.field === field)) this.errors.push({ field, message });
  }
  has(field: SpecKey): boolean {
    return this.errors.some((error) => error.field === field);
  }
}

/** A choice key: its default when not given, else one of the allowed values; anything else is an error on the field. */
function readChoice<T extends string>(errors: ErrorList, field: SpecKey, value: unknown, allowed: readonly T[], fallback: T, message: string): T | undefined {
  if (isMissing(value)) return fallback;
  const chosen = pick(allowed, value);
  if (chosen === undefined) errors.add(field, message);
  return chosen;
}

interface NumberRule {
  label: string;
  min?: Dec;
  /** For positive fields: values above zero but below this are refused as dust. */
  smallest?: Dec;
  minInclusive?: boolean;
  max?: Dec;
  maxInclusive?: boolean;
  maxMessage?: string;
  minMessage?: string;
  integer?: boolean;
}

function readNumber(errors: ErrorList, field: SpecKey, value: unknown, rule: NumberRule): Dec | null {
  if (isMissing(value)) return null;
  const reading = readDecimal(value);
  if (!reading.ok) {
    errors.add(field, decimalProblemText(rule.label, reading.problem));
    return null;
  }
  const parsed = reading.value;
  if (rule.integer === true && !parsed.isInteger()) {
    errors.add(field, `${rule.label} must be a whole number.`);
    return null;
  }
  if (rule.min !== undefined) {
    const tooSmall = rule.minInclusive === true ? parsed.lt(rule.min) : parsed.lte(rule.min);
    if (tooSmall) {
      const bound = rule.min.isZero() ? (rule.minInclusive === true ? 'zero or more' : 'more than zero') : `${rule.minInclusive === true ? 'at least' : 'more than'} ${rule.min.toString()}`;
      errors.add(field, rule.minMessage ?? `${rule.label} must be ${bound}.`);
      return null;
    }
  }
  if (rule.smallest !== undefined && parsed.lt(rule.smallest)) {
    errors.add(field, `${rule.label} is too small to mean anything: the smallest is ${rule.smallest.toString()}.`);
    return null;
  }
  const max = rule.max ?? HUGE;
  const tooLarge = rule.maxInclusive === false ? parsed.gte(max) : parsed.gt(max);
  if (tooLarge) {
    errors.add(field, rule.maxMessage ?? `${rule.label} must be ${rule.maxInclusive === false ? 'below' : 'at most'} ${max.toString()}.`);
    return null;
  }
  return parsed;
}

const positive = (label: string, smallest: Dec = SMALLEST_AMOUNT): NumberRule => ({ label, min: ZERO, smallest });
const nonNegative = (label: string): NumberRule => ({ label, min: ZERO, minInclusive: true });
const rate = (label: string): NumberRule => ({ label, min: ZERO, minInclusive: true, max: ONE, maxInclusive: false, maxMessage: `${label} must be below 100 %.` });

function readTiers(errors: ErrorList, spec: PositionSpec): Tier[] | null {
  const raw: unknown = spec.tiers;
  if (raw === undefined || raw === null) return null;
  if (!Array.isArray(raw)) {
    errors.add('tiers', 'Brackets must be a list of floor, rate, amount and maximum leverage.');
    return null;
  }
  const list: readonly unknown[] = raw;
  if (list.length === 0) return null;
  if (list.length > MAX_TIERS) {
    errors.add('tiers', `At most ${MAX_TIERS} brackets: no venue publishes more.`);
    return null;
  }
  const tiers: Tier[] = [];
  let previousFloor: Dec | null = null;
  for (const [index, entry] of list.entries()) {
    const tier: Partial<Record<keyof TierInput, unknown>> = typeof entry === 'object' && entry !== null ? entry : {};
    const floor = parseDecimal(tier.floor);
    const mmr = parseDecimal(tier.mmr);
    const mmAmount = isMissing(tier.mmAmount) ? ZERO : parseDecimal(tier.mmAmount);
    const maxLeverage = isMissing(tier.maxLeverage) ? null : parseDecimal(tier.maxLeverage);
    const broken =
      floor === null || mmr === null || mmAmount === null || floor.isNegative() || mmr.isNegative() || mmr.gte(1) || mmAmount.isNegative() ||
      (maxLeverage !== null && maxLeverage.lte(0)) || (!isMissing(tier.maxLeverage) && maxLeverage === null);
    if (broken) {
      errors.add('tiers', `Bracket ${index + 1} needs a floor ≥ 0, a maintenance rate below 100 %, an amount ≥ 0 and a positive maximum leverage.`);
      return null;
    }
    if (index === 0 && !floor.isZero()) {
      errors.add('tiers', 'The first bracket must start at 0.');
      return null;
    }
    if (previousFloor !== null && floor.lte(previousFloor)) {
      errors.add('tiers', `Bracket floors must increase (bracket ${index + 1}).`);
      return null;
    }
    previousFloor = floor;
    tiers.push({ index, floor, cap: null, mmr, mmAmount, maxLeverage });
  }
  return tiers.map((tier, index) => ({ ...tier, cap: tiers[index + 1]?.floor ?? null }));
}

/**
 * Bracket that holds at a measure: the position value (margin currency) or, with tierMeasure 'size', the size.
 * Venues write brackets as floor < measure ≤ cap.
 */
export function tierAt(tiers: readonly Tier[], measure: Dec): Tier {
  let found = tiers[0];
  for (const tier of tiers) {
    if (tier.floor.lt(measure)) found = tier;
    else break;
  }
  if (found === undefined) throw new Error('A position always has at least one bracket.');
  return found;
}

/**
 * Leverage of a loop: 1 + ltv + ltv² + … + ltv^loops, by the closed form of the geometric series (one power by
 * repeated squaring, so a count of 10¹⁵ costs what 10 does). `loops` null is the endless loop's limit 1/(1 − ltv).
 */
export function loopLeverage(ltv: Dec, loops: Dec | null): Dec {
  // Callers pass a rate below 1 (validated as a loan-to-value).
  const limit = ONE.div(ONE.minus(ltv));
  // Once ltv^(loops + 1) is below 10⁻⁶⁰ it cannot change a 50-digit result: the sum is its limit.
  if (loops === null || loops.plus(1).toNumber() * -Math.log10(ltv.toNumber()) > NEGLIGIBLE_DIGITS) return limit;
  return ONE.minus(ltv.pow(loops.plus(1))).div(ONE.minus(ltv));
}

/**
 * The most a loop reaches: 1/(1 − LTV) when each round borrows at the LTV, else a CDP's LR/(LR − 1) = 1/(1 − LT),
 * where borrowing up to the liquidation ratio leaves health exactly 1. Null when neither is known or LT is 100 %.
 */
export function loopCeiling(ltv: Dec | null, liquidationThreshold: Dec | null): Dec | null {
  if (ltv !== null) return ltv.lt(1) ? ONE.div(ONE.minus(ltv)) : null;
  if (liquidationThreshold === null || liquidationThreshold.gte(1)) return null;
  return ONE.div(ONE.minus(liquidationThreshold));
}

/** Loops as given: a whole count, null for 'max' (the limit), undefined when absent or refused (with an error). */
function readLoops(errors: ErrorList, value: unknown): Dec | null | undefined {
  if (typeof value === 'string' && value.trim().toLowerCase() === MAX_LOOPS_WORD) return null;
  const loops = readNumber(errors, 'loops', value, { label: 'Loops', min: ZERO, minInclusive: true, integer: true, maxMessage: `Loops must be at most ${HUGE.toString()} (or “max” for the limit).` });
  return loops ?? undefined;
}

/** An inclusive range with messages in the units people type (percent, hours, days). */
function bounded(label: string, min: number, max: number, minMessage: string, maxMessage: string): NumberRule {
  return { label, min: new Dec(min), minInclusive: true, minMessage, max: new Dec(max), maxMessage };
}

const EIGHT = new Dec(8);

function readCarry(errors: ErrorList, spec: PositionSpec): CarryTerms {
  const fundingRate = readNumber(errors, 'fundingRate', spec.fundingRate, bounded('Funding rate', -1, 1, 'Funding rate must be at least −100 % per 8 hours.', 'Funding rate must be at most 100 % per 8 hours.'));
  const interval = readNumber(errors, 'fundingIntervalHours', spec.fundingIntervalHours, { label: 'Funding interval', min: ZERO, max: new Dec(168), maxMessage: 'Funding interval must be at most 168 hours (a week).' });
  const holdHours = readNumber(errors, 'holdHours', spec.holdHours, bounded('Holding period', 0, 87600, 'Holding period must be zero or more hours.', 'Holding period must be at most 87,600 hours (10 years).'));
  const borrowApr = readNumber(errors, 'borrowApr', spec.borrowApr, bounded('Borrow rate', -1, 10, 'Borrow rate must be at least −100 % a year.', 'Borrow rate must be at most 1000 % a year.'));
  const supplyApr = readNumber(errors, 'supplyApr', spec.supplyApr, bounded('Supply rate', -1, 10, 'Supply rate must be at least −100 % a year.', 'Supply rate must be at most 1000 % a year.'));
  const compounding = readChoice(errors, 'compounding', spec.compounding, compoundings, 'simple', 'Compounding must be simple, continuous, per-second or hourly.');
  return {
    compounding: compounding ?? 'simple',
    fundingRate: fundingRate ?? ZERO,
    fundingIntervalHours: interval ?? EIGHT,
    holdHours: holdHours ?? ZERO,
    borrowApr: borrowApr ?? ZERO,
    supplyApr: supplyApr ?? ZERO,
    holdGiven: holdHours !== null && holdHours.gt(0),
    fundingGiven: fundingRate !== null,
    loanRatesGiven: borrowApr !== null || supplyApr !== null,
  };
}

function readHorizon(errors: ErrorList, spec: PositionSpec): HorizonTerms {
  const volatility = readNumber(errors, 'volatility', spec.volatility, bounded('Volatility', 0, 10, 'Volatility must be zero or more.', 'Volatility must be at most 1000 % a year.'));
  const horizonDays = readNumber(errors, 'horizonDays', spec.horizonDays, bounded('Horizon', 0, 3650, 'Horizon must be zero or more days.', 'Horizon must be at most 3650 days (10 years).'));
  const drift = readNumber(errors, 'drift', spec.drift, bounded('Drift', -10, 10, 'Drift must be at least −1000 % a year.', 'Drift must be at most 1000 % a year.'));
  const stress = readNumber(errors, 'volatilityStress', spec.volatilityStress, bounded('Volatility stress', 1, 10, 'Volatility stress must be at least 1× (1 leaves σ as given).', 'Volatility stress must be at most 10×.'));
  return { volatility, horizonDays, drift: drift ?? ZERO, volatilityStress: stress ?? ONE };
}

function readBoolean(value: unknown): boolean {
  return value === true || value === 'true';
}

type MakerTerms = Pick<Position, 'makerFeeRate' | 'entryOrder' | 'exitOrder'>;

/**
 * The maker fee and which of the trader's orders pay it. A maker order without a maker fee is an error on the
 * maker fee field rather than a guess: 0 would hide a cost, and the taker fee would hide a rebate.
 */
function readMakerTerms(errors: ErrorList, spec: PositionSpec): MakerTerms {
  const makerFeeRate = readNumber(errors, 'makerFeeRate', spec.makerFeeRate, bounded('Maker fee', -0.01, 0.1, 'Maker fee must be at least −1 % (a rebate).', 'Maker fee must be at most 10 %.'));
  const entryOrder = readChoice(errors, 'entryOrder', spec.entryOrder, orderRoles, 'taker', 'Opening order must be taker or maker.');
  const exitOrder = readChoice(errors, 'exitOrder', spec.exitOrder, orderRoles, 'taker', 'Closing order must be taker or maker.');
  if ((entryOrder === 'maker' || exitOrder === 'maker') && isMissing(spec.makerFeeRate)) errors.add('makerFeeRate', 'Give the maker fee for a maker order.');
  return { makerFeeRate, entryOrder: entryOrder ?? 'taker', exitOrder: exitOrder ?? 'taker' };
}

/** Parses and checks a spec. Never throws on user input: every problem becomes a field error. */
export function resolveSpec(spec: PositionSpec): Resolution {
  const errors = new ErrorList();
  const instrument = readChoice(errors, 'instrument', spec.instrument, instruments, 'linear', 'Instrument must be linear, inverse or loan.');
  const side = readChoice(errors, 'side', spec.side, sides, 'long', 'Side must be long or short.');
  const marginMode = readChoice(errors, 'marginMode', spec.marginMode, marginModes, 'isolated', 'Margin mode must be isolated or cross.');
  const basis = readChoice(errors, 'mmBasis', spec.mmBasis, bases, 'mark', 'Maintenance basis must be mark or entry.');
  const feeBasis = readChoice(errors, 'feeBasis', spec.feeBasis, feeBases, 'mark', 'Fee basis must be mark, entry or bankruptcy.');
  const tierMeasure = readChoice(errors, 'tierMeasure', spec.tierMeasure, tierMeasures, 'value', 'Brackets are measured by value or by size.');
  if (instrument === 'loan' && marginMode === 'cross') errors.add('marginMode', 'Loans have no cross margin: use isolated.');

  const entry = readNumber(errors, 'entry', spec.entry, positive('Entry price'));
  if (isMissing(spec.entry)) errors.add('entry', 'Entry price is required.');
  let collateral = readNumber(errors, 'collateral', spec.collateral, positive('Collateral'));
  let size = readNumber(errors, 'size', spec.size, positive('Size'));
  const maxLeverage = readNumber(errors, 'maxLeverage', spec.maxLeverage, { ...positive('Maximum leverage', SMALLEST_LEVERAGE), max: MAX_PLAIN_LEVERAGE });
  let leverage = readNumber(errors, 'leverage', spec.leverage, { ...positive('Leverage', SMALLEST_LEVERAGE), max: MAX_PLAIN_LEVERAGE });
  const otherMaintenance = readNumber(errors, 'otherMaintenance', spec.otherMaintenance, nonNegative('Other positions’ maintenance')) ?? ZERO;
  const otherPnl = readNumber(errors, 'otherPnl', spec.otherPnl, { label: 'Other positions’ PnL', min: HUGE.neg(), minInclusive: true }) ?? ZERO;
  const mmr = readNumber(errors, 'mmr', spec.mmr, rate('Maintenance rate')) ?? ZERO;
  const mmAmount = readNumber(errors, 'mmAmount', spec.mmAmount, nonNegative('Maintenance amount')) ?? ZERO;
  const feeRate = readNumber(errors, 'feeRate', spec.feeRate, { ...nonNegative('Fee rate'), max: new Dec('0.1'), maxMessage: 'Fee rate must be at most 10 %.' }) ?? ZERO;
  const makerTerms = readMakerTerms(errors, spec);
  const closeFeeInLiquidation = readBoolean(spec.closeFeeInLiquidation);
  const tiers = readTiers(errors, spec);
  const carry = readCarry(errors, spec);
  const horizon = readHorizon(errors, spec);

  let liquidationThreshold: Dec | null = null;
  let loanMaxLeverage: Dec | null = null;
  if (instrument === 'loan') {
    const threshold = readNumber(errors, 'liquidationThreshold', spec.liquidationThreshold, { ...positive('Liquidation threshold', SMALLEST_THRESHOLD), max: ONE, maxMessage: 'Liquidation threshold must be at most 100 %.' });
    const ratio = readNumber(errors, 'liquidationRatio', spec.liquidationRatio, { label: 'Liquidation ratio', min: ONE });
    if (threshold !== null && ratio !== null) errors.add('liquidationRatio', 'Give a liquidation threshold or a liquidation ratio, not both.');
    liquidationThreshold = threshold ?? (ratio === null ? null : ONE.div(ratio));
    if (liquidationThreshold === null && !errors.has('liquidationThreshold') && !errors.has('liquidationRatio')) {
      errors.add('liquidationThreshold', 'A loan needs a liquidation threshold (or a CDP liquidation ratio).');
    }
    const ltv = readNumber(errors, 'ltv', spec.ltv, rate('Loan-to-value'));
    const loops = readLoops(errors, spec.loops);
    if (ltv !== null && liquidationThreshold !== null && ltv.gte(liquidationThreshold)) {
      errors.add('ltv', 'Loan-to-value must be below the liquidation threshold, or the first borrow is liquidated at once.');
    }
    loanMaxLeverage = loopCeiling(ltv, liquidationThreshold);
    if (loops !== undefined && ltv === null && !errors.has('ltv')) errors.add('ltv', 'Loops need a loan-to-value.');
    if (loops !== undefined && ltv !== null && leverage === null && !errors.has('ltv')) {
      leverage = loopLeverage(ltv, loops);
    }
    if (leverage !== null && leverage.lt(1)) {
      errors.add('leverage', 'A loan’s leverage is at least 1× (1× means no debt).');
      leverage = null;
    }
    // Without a loan-to-value the CDP's ceiling is health 1 at entry, which entryBreach reports in its own words.
    if (leverage !== null && ltv !== null && loanMaxLeverage !== null && side === 'long' && leverage.gt(loanMaxLeverage)) {
      errors.add('leverage', `Leverage ${leverage.toSignificantDigits(6).toString()}× is above what loan-to-value ${ltv?.mul(100).toString() ?? ''} % allows (${loanMaxLeverage.toSignificantDigits(6).toString()}×).`);
    }
  }

  if (entry === null || errors.errors.length > 0) {
    return { ok: false, errors: errors.errors };
  }
  if (instrument === undefined || side === undefined || marginMode === undefined || basis === undefined || feeBasis === undefined || tierMeasure === undefined) {
    return { ok: false, errors: errors.errors };
  }

  // Quote value of the position per unit of size, so that notional = size × perUnit for every instrument.
  const notionalOf = (positionSize: Dec): Dec => (instrument === 'inverse' ? positionSize.div(entry) : positionSize.mul(entry));
  const sizeFromNotional = (notional: Dec): Dec => (instrument === 'inverse' ? notional.mul(entry) : notional.div(entry));

  if (marginMode === 'cross') {
    if (collateral === null && !errors.has('collateral')) errors.add('collateral', 'Cross margin needs the wallet balance.');
    if (size === null && !errors.has('size')) errors.add('size', 'Cross margin needs the position size.');
    if (collateral !== null && size !== null && leverage === null) leverage = notionalOf(size).div(collateral);
  } else {
    const given = [collateral, size, leverage].filter((value) => value !== null).length;
    if (given < 2) {
      const missing = collateral === null ? 'collateral' : size === null ? 'size' : 'leverage';
      if (!errors.has(missing)) errors.add(missing, 'Give any two of size, collateral and leverage.');
    } else if (given === 3 && collateral !== null && size !== null && leverage !== null) {
      const implied = notionalOf(size).div(collateral);
      if (implied.minus(leverage).abs().gt(leverage.mul('1e-9'))) {
        errors.add('size', `Size, collateral and leverage disagree (they imply ${implied.toSignificantDigits(6).toString()}×): give any two.`);
      }
    } else if (collateral !== null && leverage !== null) {
      size = sizeFromNotional(collateral.mul(leverage));
      if (size.gt(HUGE)) errors.add('size', 'The position this implies is too large.');
    } else if (size !== null && leverage !== null) {
      collateral = notionalOf(size).div(leverage);
    } else if (size !== null && collateral !== null) {
      leverage = notionalOf(size).div(collateral);
      if (leverage.gt(MAX_PLAIN_LEVERAGE)) errors.add('leverage', 'Size and collateral imply a leverage above 10,000×.');
      if (leverage.lt(SMALLEST_LEVERAGE)) errors.add('leverage', `Size and collateral imply a leverage below ${SMALLEST_LEVERAGE.toString()}×.`);
    }
  }
  if (errors.errors.length > 0 || collateral === null || size === null || leverage === null) {
    return { ok: false, errors: errors.errors };
  }

  const notional = notionalOf(size);
  const effectiveCollateral = marginMode === 'cross' ? collateral.minus(otherMaintenance).plus(otherPnl) : collateral;
  if (effectiveCollateral.lte(0)) {
    errors.add('otherMaintenance', 'The other positions’ maintenance and losses already use the whole wallet: this account is at liquidation.');
  }

  let resolvedTiers: Tier[];
  if (instrument === 'loan') {
    const threshold = liquidationThreshold ?? ONE;
    // Health factor 1 is where equity equals this share of the position value (see formulas.md §3).
    const loanRate = side === 'long' ? ONE.minus(threshold) : ONE.minus(threshold).div(threshold);
    resolvedTiers = [{ index: 0, floor: ZERO, cap: null, mmr: loanRate, mmAmount: ZERO, maxLeverage: null }];
  } else if (tiers !== null) {
    // Tiers by size (OKX) charge one tier's rate on the whole position; an amount written for value slices has no meaning there.
    if (tierMeasure === 'size' && tiers.some((tier) => !tier.mmAmount.isZero())) {
      errors.add('tiers', 'Brackets by size charge the bracket’s rate on the whole position: leave every amount at 0.');
    }
    resolvedTiers = tiers;
  } else {
    if (mmAmount.gt(0) && mmAmount.gt(notional.mul(mmr))) {
      errors.add('mmAmount', 'The maintenance amount is larger than the maintenance requirement: nothing would be required.');
    }
    resolvedTiers = [{ index: 0, floor: ZERO, cap: null, mmr, mmAmount, maxLeverage }];
  }

  const feeInCondition = closeFeeInLiquidation ? feeRate : ZERO;
  const highestRate = resolvedTiers.reduce((max, tier) => Dec.max(max, tier.mmr), ZERO).plus(feeInCondition);
  if (instrument !== 'loan' && highestRate.gte(1)) errors.add('feeRate', 'Maintenance rate plus the fee to close must stay below 100 %.');

  if (instrument !== 'loan') {
    const bySize = tierMeasure === 'size';
    const entryTier = tierAt(resolvedTiers, bySize ? size : notional);
    const tierCap = entryTier.maxLeverage;
    // A leverage worked out from size and collateral may sit a rounding hair above a round maximum.
    const above = (limit: Dec): boolean => leverage.gt(limit.mul(ONE.plus(LEVERAGE_TOLERANCE)));
    if (maxLeverage !== null && above(maxLeverage)) {
      errors.add('leverage', `Leverage ${leverage.toSignificantDigits(6).toString()}× is above this venue’s maximum of ${maxLeverage.toString()}×.`);
    } else if (tierCap !== null && above(tierCap)) {
      const measured = bySize ? `size ${size.toSignificantDigits(8).toString()}` : `notional ${notional.toSignificantDigits(8).toString()}`;
      errors.add('leverage', `At this size (${measured}) bracket ${entryTier.index + 1} allows at most ${tierCap.toString()}×.`);
    }
  }

  const thresholds: Dec[] = [];
  const levels: unknown = spec.thresholds ?? [];
  const levelList: readonly unknown[] = Array.isArray(levels) ? levels : [];
  if (!Array.isArray(levels)) errors.add('thresholds', 'Health levels must be a list of numbers.');
  if (levelList.length > MAX_THRESHOLDS) errors.add('thresholds', `At most ${MAX_THRESHOLDS} health levels.`);
  for (const raw of levelList.slice(0, MAX_THRESHOLDS)) {
    const level = parseDecimal(raw);
    if (level === null || level.lt(1) || level.gt(1000)) {
      errors.add('thresholds', 'Health levels must be numbers from 1 (liquidation) to 1000.');
      break;
    }
    if (!thresholds.some((existing) => existing.eq(level))) thresholds.push(level);
  }
  thresholds.sort((a, b) => a.comparedTo(b));

  if (errors.errors.length > 0) return { ok: false, errors: errors.errors };

  return {
    ok: true,
    position: {
      instrument,
      side,
      sign: side === 'long' ? 1 : -1,
      marginMode,
      basis: instrument === 'loan' ? 'mark' : basis,
      entry,
      size,
      walletOrMargin: collateral,
      collateral: effectiveCollateral,
      leverage,
      feeRate,
      ...makerTerms,
      closeFeeInLiquidation,
      feeBasis,
      tiers: resolvedTiers,
      tierMeasure: instrument === 'loan' ? 'value' : tierMeasure,
      maxLeverage: instrument === 'loan' ? loanMaxLeverage : maxLeverage,
      liquidationThreshold,
      loanMaxLeverage,
      thresholds,
      carry,
      horizon,
    },
  };
}

const NOT_A_SPEC: Resolution = { ok: false, errors: [{ field: 'entry', message: 'A position spec must be an object.' }] };

/**
 * resolveSpec for input from anywhere (the API's callers are untyped): a non-object is an error, and input so
 * hostile that reading it throws (a getter that throws, a proxy) becomes an error instead of an exception.
 */
export function readSpec(spec: unknown): Resolution {
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) return NOT_A_SPEC;
  try {
    return resolveSpec(spec);
  } catch {
    return { ok: false, errors: [{ field: 'entry', message: 'The position spec could not be read: it holds values that are not plain numbers or words.' }] };
  }
}
