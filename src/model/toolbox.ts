/**
 * The trader's toolbox: exit PnL with its components, target price net of fees, adding to a position,
 * the largest position a balance opens, and sizing by risk. Every liquidation figure comes from analyze()
 * and the engine; this module only decides which position to ask about.
 *
 * Conventions (money in the margin currency: coin for inverse contracts, quote otherwise):
 * - Fees: on the position value at entry (to open) and at the exit price (to close), each at its order's rate
 *   (`entryOrder`, `exitOrder`: the maker fee for a resting limit order, else the taker fee `feeRate`), the same
 *   convention as breakEvenPrice. A stop-loss fills as a market order: its fee to close is always the taker fee.
 *   Added fills pay the opening order's rate (a ladder of limit orders is maker, market buys are taker). A maker
 *   rebate (negative rate) is a credit, but never held back against the balance: it is paid after the fill.
 *   Exchanges' PnL and ROE leave the fees out.
 * - Carry (funding for perpetuals, borrow interest and supply yield for loans) is carryAt's accrual over the
 *   holding period, valued at the entry price (the price path in between is unknown): a constant.
 * - ROE is on the initial margin (notional ÷ leverage; the collateral for loans), as exchanges show it.
 */
import { analyze, resolve } from './analyze';
import { CARRY_HORIZON_CAP_HOURS, accrualAt } from './horizon';
import type { Accrual } from './horizon';
import { averageEntry } from './companions';
import { Dec, ONE, ZERO, parseDecimal, toOutput, toPlainString } from './decimal';
import type { DecimalInput } from './decimal';
import { closeFeeAt, entryNotional, exitFeeRateOf, initialMarginOf, notionalAt, openFeeOf, openFeeRateOf, pnlAt, requirementAt, tierMeasureOfValue, valueOfTierMeasure } from './engine';
import { HUGE, MAX_PLAIN_LEVERAGE, isMissing, readSpec, tierAt } from './position';
import type { Position, Resolution } from './position';
import type { FieldError, PositionSpec, SpecKey, ValidAnalysis } from './types';

export type ToolboxField = SpecKey | 'fills' | 'balance' | 'risk' | 'stopPrice' | 'takeProfitPrice';

export interface ToolboxError {
  field: ToolboxField;
  message: string;
}

export interface InvalidToolboxInput {
  valid: false;
  errors: ToolboxError[];
}

// --- Shared pieces --------------------------------------------------------------------------------

/** PnL after the fee to open and the fee to close (at the exit order's rate unless a rate is given), no carry. */
function netOfFeesAt(position: Position, price: Dec, closeRate: Dec = exitFeeRateOf(position)): Dec {
  return pnlAt(position, price).minus(openFeeOf(position)).minus(closeFeeAt(position, price, closeRate));
}

/** Untyped callers can pass anything: tools that read fields before resolving check for an object first. */
function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

const NOT_A_SPEC: InvalidToolboxInput = { valid: false, errors: [{ field: 'entry', message: 'A position spec must be an object.' }] };

function readPositive(value: DecimalInput | undefined): Dec | null {
  const parsed = value === undefined ? null : parseDecimal(value);
  return parsed === null || parsed.lte(0) || parsed.gt(HUGE) ? null : parsed;
}

function holdHoursOf(spec: PositionSpec, holdHours: DecimalInput | undefined): Dec | null {
  const raw = holdHours ?? spec.holdHours;
  if (isMissing(raw)) return ZERO;
  const parsed = parseDecimal(raw);
  return parsed === null || parsed.isNegative() ? null : parsed;
}

type CarryFigures = Accrual;

const NO_CARRY: CarryFigures = { funding: ZERO, borrowInterest: ZERO, supplyYield: ZERO };

/** Carry over the holding period at the entry price (carryAt's figures, kept exact); null beyond carry's horizon. */
function carryOver(position: Position, hours: Dec): CarryFigures | null {
  if (hours.isZero()) return NO_CARRY;
  if (hours.gt(CARRY_HORIZON_CAP_HOURS)) return null;
  return accrualAt(position, hours, position.entry);
}

interface ExitTerms {
  position: Position;
  hours: Dec;
  carry: CarryFigures;
}

/** What an exit depends on besides its price: the position and the carry over the holding period; null when invalid. */
function exitTerms(spec: PositionSpec, holdHours: DecimalInput | undefined): ExitTerms | null {
  const resolution = resolve(spec);
  if (!resolution.ok) return null;
  const hours = holdHoursOf(spec, holdHours);
  const carry = hours === null ? null : carryOver(resolution.position, hours);
  return hours === null || carry === null ? null : { position: resolution.position, hours, carry };
}

/** Funding and interest are costs, the supply yield a gain. */
function carryCost(carry: CarryFigures): Dec {
  return carry.funding.plus(carry.borrowInterest).minus(carry.supplyYield);
}

function errorsOf(errors: readonly FieldError[], rename: Partial<Record<SpecKey, ToolboxField>> = {}): ToolboxError[] {
  return errors.map((error) => ({ field: rename[error.field] ?? error.field, message: error.message }));
}

// --- Exit price → PnL -----------------------------------------------------------------------------

export interface PnlComponent {
  label: string;
  /** Signed effect on PnL: negative for fees and costs. */
  amount: string;
}

export interface ExitPnl {
  exitPrice: string;
  holdHours: string;
  /** Price PnL, as exchanges show it (no fees, no funding). */
  grossPnl: string;
  openFee: string;
  closeFee: string;
  /** Funding paid over the holding period (negative when received). */
  funding: string;
  /** Loans: interest on the debt. */
  borrowInterest: string;
  /** Loans: yield on the collateral (a gain). */
  supplyYield: string;
  netPnl: string;
  initialMargin: string;
  /** Gross PnL ÷ initial margin: the exchanges' ROE. */
  roe: string;
  netRoe: string;
  /** The same collateral held at 1× (no fees): the price return, s·(P/P0 − 1) linear, s·(1 − P0/P) inverse. */
  unleveragedReturn: string;
  components: PnlComponent[];
  note: string;
}

const EXIT_NOTE =
  'Exchanges’ PnL and ROE leave out fees and funding. Net PnL takes off the fee to open (on the entry value) and to close (on the exit value), each at its order’s rate (maker for a resting limit order, else taker; a maker rebate adds), and the carry over the holding period, valued at the entry price.';

/**
 * PnL of closing at `exitPrice` after `holdHours` (default: the spec's holdHours, else 0), each component
 * listed. Null for an invalid spec, price or holding period.
 */
export function exitPnl(spec: PositionSpec, exitPrice: DecimalInput, holdHours?: DecimalInput): ExitPnl | null {
  const terms = exitTerms(spec, holdHours);
  const price = readPositive(exitPrice);
  if (terms === null || price === null) return null;
  const { position, hours, carry } = terms;
  const gross = pnlAt(position, price);
  const openFee = openFeeOf(position);
  const closeFee = closeFeeAt(position, price);
  const net = gross.minus(openFee).minus(closeFee).minus(carryCost(carry));
  const margin = initialMarginOf(position);
  // 1× on the same margin: the same contract at the size that margin buys outright.
  const unleveragedSize = position.instrument === 'inverse' ? margin.mul(position.entry) : margin.div(position.entry);
  const unleveragedReturn = pnlAt({ ...position, size: unleveragedSize }, price).div(margin);
  const components: PnlComponent[] = [
    { label: 'Price PnL (what exchanges show)', amount: toOutput(gross) },
    { label: openFee.isNegative() ? 'Maker rebate on opening' : 'Fee to open', amount: toOutput(openFee.neg()) },
    { label: closeFee.isNegative() ? 'Maker rebate on closing' : 'Fee to close', amount: toOutput(closeFee.neg()) },
  ];
  if (position.instrument === 'loan') {
    components.push({ label: 'Borrow interest', amount: toOutput(carry.borrowInterest.neg()) });
    components.push({ label: 'Supply yield', amount: toOutput(carry.supplyYield) });
  } else {
    components.push({ label: carry.funding.isNegative() ? 'Funding received' : 'Funding paid', amount: toOutput(carry.funding.neg()) });
  }
  return {
    exitPrice: toOutput(price),
    holdHours: toOutput(hours),
    grossPnl: toOutput(gross),
    openFee: toOutput(openFee),
    closeFee: toOutput(closeFee),
    funding: toOutput(carry.funding),
    borrowInterest: toOutput(carry.borrowInterest),
    supplyYield: toOutput(carry.supplyYield),
    netPnl: toOutput(net),
    initialMargin: toOutput(margin),
    roe: toOutput(gross.div(margin)),
    netRoe: toOutput(net.div(margin)),
    unleveragedReturn: toOutput(unleveragedReturn),
    components,
    note: EXIT_NOTE,
  };
}

/**
 * The exit price at which the ROE net of both fees and the carry over `holdHours` (default: the spec's
 * holdHours) reaches `roe` (a fraction). Null when no positive price reaches it.
 */
export function priceForNetRoe(spec: PositionSpec, roe: DecimalInput, holdHours?: DecimalInput): string | null {
  const terms = exitTerms(spec, holdHours);
  const target = parseDecimal(roe);
  if (terms === null || target === null) return null;
  const { position, carry } = terms;
  const { entry, size, sign } = position;
  const open = openFeeRateOf(position);
  const close = exitFeeRateOf(position);
  // Net PnL wanted before the constants (open fee, carry) come off.
  const wanted = target.mul(initialMarginOf(position)).plus(carryCost(carry));
  let price: Dec;
  if (position.instrument === 'inverse') {
    // s·N·(1/P0 − x) − f₀·N/P0 − f₁·N·x = wanted, with x = 1/P.
    const x = size.div(entry).mul(open.neg().plus(sign)).minus(wanted).div(size.mul(close.plus(sign)));
    price = ONE.div(x);
  } else {
    // s·Q·(P − P0) − f₀·Q·P0 − f₁·Q·P = wanted.
    price = wanted.plus(size.mul(entry).mul(open.plus(sign))).div(size.mul(close.neg().plus(sign)));
  }
  return price.isFinite() && price.gt(0) && price.lte(HUGE) ? toOutput(price) : null;
}

// --- Adding to a position -------------------------------------------------------------------------

export interface FillInput {
  price: DecimalInput;
  /** Base units (linear, loans) or USD face value (inverse), as the spec's size. */
  size: DecimalInput;
}

export interface AddToPosition {
  valid: true;
  /** The position before the last fill (the spec itself when there is one fill). */
  before: ValidAnalysis;
  /** The position after every fill. */
  after: ValidAnalysis;
  /** Size-weighted (linear, loans) or harmonic (inverse) average of the entry and the fills. */
  averageEntry: string;
  totalSize: string;
  /** Margin the fills add at the position's leverage: Σ fill value ÷ leverage (cross: initial margin taken from the wallet). */
  addedMargin: string;
  /** Fees to open the fills at the opening order's rate (paid from the balance, not from the margin; negative: a maker rebate). */
  addedOpenFee: string;
  /** The analysis after each fill, in order (the last one is `after`). */
  steps: ValidAnalysis[];
  /** The combined position as a spec, to chart or analyze further. */
  spec: PositionSpec;
}

/** Each fill is analyzed on its own (before/after figures), so the list is bounded to keep a call quick. */
const MAX_ADDED_FILLS = 100;

interface ParsedFill {
  price: Dec;
  size: Dec;
}

function readFills(fills: readonly FillInput[]): ParsedFill[] | ToolboxError {
  if (!Array.isArray(fills) || fills.length === 0) return { field: 'fills', message: 'Add at least one fill (price and size).' };
  if (fills.length > MAX_ADDED_FILLS) return { field: 'fills', message: `At most ${MAX_ADDED_FILLS} fills at a time.` };
  const parsed: ParsedFill[] = [];
  for (const [index, fill] of fills.entries()) {
    const price = typeof fill === 'object' && fill !== null ? readPositive(fill.price) : null;
    const size = typeof fill === 'object' && fill !== null ? readPositive(fill.size) : null;
    if (price === null || size === null) return { field: 'fills', message: `Fill ${index + 1} needs a price and a size above zero.` };
    parsed.push({ price, size });
  }
  return parsed;
}

/**
 * Adds fills to a position. Isolated: each fill brings margin = fill value ÷ the position's leverage, so
 * the collateral after is the old collateral plus that margin. Cross: the wallet stays the wallet and the
 * fills take their initial margin from it. The entry after is averageEntry of the position and the fills;
 * every liquidation price is analyze() of the combined position.
 */
export function addToPosition(spec: PositionSpec, fills: readonly FillInput[]): AddToPosition | InvalidToolboxInput {
  const resolution = resolve(spec);
  if (!resolution.ok) return { valid: false, errors: errorsOf(resolution.errors) };
  const original = analyze(spec);
  if (!original.valid) return { valid: false, errors: errorsOf(original.errors) };
  const parsed = readFills(fills);
  if (!Array.isArray(parsed)) return { valid: false, errors: [parsed] };
  const position = resolution.position;
  const cross = position.marginMode === 'cross';
  const leverage = position.leverage;
  const fillValue = (fill: ParsedFill): Dec => notionalAt({ ...position, size: fill.size }, fill.price);

  const steps: ValidAnalysis[] = [];
  const specs: PositionSpec[] = [];
  let size = position.size;
  let addedMargin = ZERO;
  let addedOpenFee = ZERO;
  for (const [index, fill] of parsed.entries()) {
    size = size.plus(fill.size);
    addedMargin = addedMargin.plus(fillValue(fill).div(leverage));
    addedOpenFee = addedOpenFee.plus(fillValue(fill).mul(openFeeRateOf(position)));
    const legs = [{ price: toPlainString(position.entry), size: toPlainString(position.size) }, ...parsed.slice(0, index + 1).map((leg) => ({ price: toPlainString(leg.price), size: toPlainString(leg.size) }))];
    const entry = averageEntry(legs, position.instrument === 'inverse' ? 'inverse' : 'linear');
    if (entry === null) return { valid: false, errors: [{ field: 'fills', message: 'The fills could not be averaged.' }] };
    const combined: PositionSpec = { ...spec, entry, size: toPlainString(size) };
    delete combined.loops;
    if (cross) {
      combined.leverage = toPlainString(leverage);
    } else {
      combined.collateral = toPlainString(position.walletOrMargin.plus(addedMargin));
      delete combined.leverage;
    }
    const analysis = analyze(combined);
    if (!analysis.valid) {
      return { valid: false, errors: analysis.errors.map((error) => ({ field: error.field, message: `After fill ${index + 1}: ${error.message}` })) };
    }
    steps.push(analysis);
    specs.push(combined);
  }
  const after = steps[steps.length - 1];
  const combinedSpec = specs[specs.length - 1];
  if (after === undefined || combinedSpec === undefined) return { valid: false, errors: [{ field: 'fills', message: 'Add at least one fill (price and size).' }] };
  return {
    valid: true,
    before: steps.length > 1 ? (steps[steps.length - 2] ?? original) : original,
    after,
    averageEntry: after.entry,
    totalSize: toOutput(size),
    addedMargin: toOutput(addedMargin),
    addedOpenFee: toOutput(addedOpenFee),
    steps,
    spec: combinedSpec,
  };
}

// --- Largest position a balance opens -------------------------------------------------------------

/**
 * Fees held back from the balance when opening: none, the fee to open, or (the default, the cautious
 * choice) the fee to open plus an estimated fee to close, both on the position value at entry. Binance's
 * published order cost is initial margin + open loss, with no fee: 'none' reproduces it (at an order price
 * equal to the mark, where the open loss is 0); the default leaves the balance able to pay both fees.
 */
export type FeeReserve = 'none' | 'open' | 'openAndClose';

export interface MaxOpenOptions {
  feeReserve?: FeeReserve;
}

export interface MaxOpen {
  valid: true;
  balance: string;
  leverage: string;
  /** Largest position value (margin currency). When limited by a bracket it is that bracket's cap, which a position may reach (venues write brackets as floor < notional ≤ cap). */
  maxNotional: string;
  /** In the spec's size unit: base units, or USD face value for inverse. */
  maxSize: string;
  /** Initial margin of the largest position: maxNotional ÷ leverage. */
  margin: string;
  /** Fees held back from the balance for it. */
  reservedFees: string;
  feeReserve: FeeReserve;
  /** Index of the bracket the largest position lands in; null when nothing can be opened. */
  tier: number | null;
  /** The balance, a bracket's maximum leverage, or the venue's maximum leverage (nothing can be opened). */
  limitedBy: 'balance' | 'tier' | 'venue';
  note: string;
}

/** The fee rates held back per unit of position value; a rebate counts as nothing, as it is paid only after the fill. */
function reserveRate(position: Position, reserve: FeeReserve): Dec {
  const open = reserve === 'none' ? ZERO : Dec.max(openFeeRateOf(position), ZERO);
  return reserve === 'openAndClose' ? open.plus(Dec.max(exitFeeRateOf(position), ZERO)) : open;
}

function sizeOfNotional(position: Position, notional: Dec): Dec {
  return position.instrument === 'inverse' ? notional.mul(position.entry) : notional.div(position.entry);
}

/**
 * A spec stripped to what a tool needs parsed (entry, side, instrument, venue rules, fees): an isolated 1×
 * position of the given collateral, so no size, leverage or cross field gets in the way.
 */
function probePosition(spec: PositionSpec, collateral: DecimalInput): Resolution {
  const probe: PositionSpec = { ...spec, marginMode: 'isolated', collateral, leverage: '1' };
  delete probe.size;
  delete probe.loops;
  delete probe.otherMaintenance;
  delete probe.otherPnl;
  return readSpec(probe);
}

function readLeverage(value: DecimalInput | undefined): Dec | null {
  const parsed = value === undefined ? null : parseDecimal(value);
  return parsed === null || parsed.lte(0) || parsed.gt(MAX_PLAIN_LEVERAGE) ? null : parsed;
}

/**
 * The largest position that `spec.collateral` (the available balance) opens at `spec.leverage`, with the
 * venue's brackets and maximum leverage. Cost = value ÷ leverage + the reserved fees ≤ balance.
 */
export function maxOpen(spec: PositionSpec, options: MaxOpenOptions = {}): MaxOpen | InvalidToolboxInput {
  if (!isObject(spec)) return NOT_A_SPEC;
  const errors: ToolboxError[] = [];
  const balance = readPositive(spec.collateral);
  if (balance === null) errors.push({ field: 'balance', message: 'The balance must be a number above zero.' });
  const leverage = readLeverage(spec.leverage);
  if (leverage === null) errors.push({ field: 'leverage', message: 'Give a leverage above zero (at most 10,000×).' });
  if (spec.instrument === 'loan') errors.push({ field: 'instrument', message: 'The largest position applies to perpetuals; a loan’s is set by its loan-to-value.' });
  const resolution = probePosition(spec, balance === null ? '1' : toPlainString(balance));
  if (!resolution.ok) errors.push(...errorsOf(resolution.errors, { collateral: 'balance' }));
  if (errors.length > 0 || !resolution.ok || balance === null || leverage === null) return { valid: false, errors };

  const position = resolution.position;
  const feeReserve = (typeof options === 'object' && options !== null ? options.feeReserve : undefined) ?? 'openAndClose';
  const fees = reserveRate(position, feeReserve);
  const result = (notional: Dec, tier: number | null, limitedBy: MaxOpen['limitedBy'], note: string): MaxOpen => ({
    valid: true,
    balance: toOutput(balance),
    leverage: toOutput(leverage),
    maxNotional: toOutput(notional),
    maxSize: toOutput(sizeOfNotional(position, notional)),
    margin: toOutput(notional.div(leverage)),
    reservedFees: toOutput(notional.mul(fees)),
    feeReserve,
    tier,
    limitedBy,
    note,
  });
  if (position.maxLeverage !== null && leverage.gt(position.maxLeverage)) {
    return result(ZERO, null, 'venue', `This venue allows at most ${position.maxLeverage.toString()}×.`);
  }
  const byBalance = balance.div(ONE.div(leverage).plus(fees));
  const allows = (index: number): boolean => {
    const cap = position.tiers[index]?.maxLeverage;
    return cap === null || cap === undefined || leverage.lte(cap);
  };
  // Brackets by size (OKX contracts) are looked up by the size that value buys at entry.
  const landing = tierAt(position.tiers, tierMeasureOfValue(position, byBalance));
  if (allows(landing.index)) return result(byBalance, landing.index, 'balance', 'The balance is the limit: margin plus the reserved fees use all of it.');
  // The highest bracket below that still allows this leverage: its cap (the next floor) bounds the position.
  for (let index = landing.index - 1; index >= 0; index -= 1) {
    const next = position.tiers[index + 1];
    if (allows(index) && next !== undefined) {
      return result(valueOfTierMeasure(position, next.floor), index, 'tier', `Bracket ${index + 2} allows less than ${leverage.toString()}×: positions up to its floor fit, or lower the leverage to open more.`);
    }
  }
  return result(ZERO, null, 'venue', `No bracket allows ${leverage.toString()}×.`);
}

// --- Size by risk ---------------------------------------------------------------------------------

export interface SizeByRiskInput {
  /** Entry, side, instrument, venue rules, fee rate, margin mode (and, for cross, the other positions). */
  spec: PositionSpec;
  /** Account balance available to this trade (margin currency). */
  balance: DecimalInput;
  /** Amount to lose at the stop, fees included; or give riskFraction of the balance. */
  riskAmount?: DecimalInput;
  riskFraction?: DecimalInput;
  stopPrice: DecimalInput;
  takeProfitPrice?: DecimalInput;
  /** Leverage to open at; default: the smallest at which margin and reserved fees fit the balance. */
  leverage?: DecimalInput;
  feeReserve?: FeeReserve;
}

export interface SizeByRisk {
  valid: true;
  riskAmount: string;
  size: string;
  notional: string;
  /** The leverage used (the given one, or requiredLeverage). */
  leverage: string;
  /** Smallest leverage (at least 1×) at which margin plus the reserved fees fit the balance. */
  requiredLeverage: string;
  /** Initial margin: notional ÷ leverage (isolated: the position's collateral). */
  margin: string;
  openFee: string;
  closeFeeAtStop: string;
  /** Margin plus the reserved fees fit the balance. */
  fitsBalance: boolean;
  liquidationPrice: string | null;
  /** The stop triggers before the liquidation price is reached (true when there is none). */
  stopBeforeLiquidation: boolean;
  /** s·(stop − liquidation) ÷ entry: positive when the stop comes first; null without a liquidation price. */
  stopMargin: string | null;
  /** Collateral that puts the liquidation price exactly at the stop (isolated margin, or cross backing); null when any does. */
  minSafeCollateral: string | null;
  /** Isolated: the leverage at which the liquidation price reaches the stop; stay below it. */
  maxSafeLeverage: string | null;
  /** Loss when closed at the stop, both fees included: equal to riskAmount. */
  lossAtStop: string;
  /** Net PnL at the take-profit price, both fees included. */
  rewardAtTakeProfit: string | null;
  rewardToRisk: string | null;
  /** The sized position, to chart or analyze further. */
  spec: PositionSpec;
  analysis: ValidAnalysis;
  warnings: string[];
}

function readRisk(input: SizeByRiskInput, balance: Dec): Dec | ToolboxError {
  const hasAmount = !isMissing(input.riskAmount);
  const hasFraction = !isMissing(input.riskFraction);
  if (hasAmount === hasFraction) return { field: 'risk', message: 'Give the risk as an amount or as a fraction of the balance (one of the two).' };
  if (hasAmount) {
    const amount = parseDecimal(input.riskAmount);
    if (amount === null || amount.lte(0) || amount.gt(balance)) return { field: 'risk', message: 'The risk amount must be above zero and at most the balance.' };
    return amount;
  }
  const fraction = parseDecimal(input.riskFraction);
  if (fraction === null || fraction.lte(0) || fraction.gt(1)) return { field: 'risk', message: 'The risk fraction must be above 0 and at most 100 %.' };
  return balance.mul(fraction);
}

const FIT_TOLERANCE = new Dec('1e-30').plus(1);

function percentText(fraction: Dec): string {
  return `${fraction.mul(100).toSignificantDigits(3).toString()} %`;
}

/**
 * Sizes a position so that closing at the stop loses exactly the risk amount, the fee to open and the fee
 * to close (at the stop, a market order: the taker fee) included; funding is left out (the holding time is unknown). Then picks the
 * leverage and reads the liquidation price from analyze() of the sized position.
 */
export function sizeByRisk(input: SizeByRiskInput): SizeByRisk | InvalidToolboxInput {
  if (!isObject(input) || !isObject(input.spec)) return NOT_A_SPEC;
  const errors: ToolboxError[] = [];
  const balance = readPositive(input.balance);
  if (balance === null) return { valid: false, errors: [{ field: 'balance', message: 'The balance must be a number above zero.' }] };
  const risk = readRisk(input, balance);
  if (!(risk instanceof Dec)) errors.push(risk);
  const stop = readPositive(input.stopPrice);
  if (stop === null) errors.push({ field: 'stopPrice', message: 'The stop-loss price must be a number above zero.' });
  const hasTarget = !isMissing(input.takeProfitPrice);
  const target = hasTarget ? readPositive(input.takeProfitPrice) : null;
  if (hasTarget && target === null) errors.push({ field: 'takeProfitPrice', message: 'The take-profit price must be a number above zero.' });
  const hasLeverage = !isMissing(input.leverage);
  const givenLeverage = hasLeverage ? readLeverage(input.leverage) : null;
  if (hasLeverage && givenLeverage === null) errors.push({ field: 'leverage', message: 'Give a leverage above zero (at most 10,000×).' });
  const resolution = probePosition(input.spec, toPlainString(balance));
  if (!resolution.ok) errors.push(...errorsOf(resolution.errors, { collateral: 'balance' }));
  if (errors.length > 0 || !resolution.ok || !(risk instanceof Dec) || stop === null) return { valid: false, errors };

  const probe = resolution.position;
  const sign = probe.sign;
  if (stop.minus(probe.entry).mul(sign).gte(0)) {
    return { valid: false, errors: [{ field: 'stopPrice', message: `For a ${probe.side} the stop-loss must be ${sign === 1 ? 'below' : 'above'} the entry price.` }] };
  }
  if (target !== null && target.minus(probe.entry).mul(sign).lte(0)) {
    return { valid: false, errors: [{ field: 'takeProfitPrice', message: `For a ${probe.side} the take-profit must be ${sign === 1 ? 'above' : 'below'} the entry price.` }] };
  }
  // Loss and fees are proportional to size: solve on one unit, then scale.
  const unit = { ...probe, size: ONE };
  // A stop-loss fills as a market order: the fee to close at the stop is the taker fee, whatever the exit order.
  const lossPerUnit = netOfFeesAt(unit, stop, probe.feeRate).neg();
  if (lossPerUnit.lte(0)) return { valid: false, errors: [{ field: 'stopPrice', message: 'At this stop nothing is lost: move it further from the entry.' }] };
  const size = risk.div(lossPerUnit);
  const sized = { ...probe, size };
  const notional = entryNotional(sized);
  const reserved = notional.mul(reserveRate(probe, input.feeReserve ?? 'openAndClose'));
  const room = balance.minus(reserved);
  if (room.lte(0)) return { valid: false, errors: [{ field: 'balance', message: 'The fees alone use the whole balance at this size: widen the stop or lower the risk.' }] };
  const requiredLeverage = Dec.max(ONE, notional.div(room));
  const leverage = givenLeverage ?? requiredLeverage;
  const margin = notional.div(leverage);
  // The required leverage fits by construction; a given one is checked (rounding at the 50th digit aside).
  const fitsBalance = givenLeverage === null || margin.plus(reserved).lte(balance.mul(FIT_TOLERANCE));

  const sizedSpec: PositionSpec = { ...input.spec, size: toPlainString(size) };
  delete sizedSpec.loops;
  if (input.spec.marginMode === 'cross') {
    sizedSpec.collateral = toPlainString(balance);
    sizedSpec.leverage = toPlainString(leverage);
  } else {
    sizedSpec.collateral = toPlainString(margin);
    delete sizedSpec.leverage;
  }
  const analysis = analyze(sizedSpec);
  if (!analysis.valid) {
    const context = `Risking ${toOutput(risk)} with this stop needs a position of ${notional.toSignificantDigits(8).toString()} at ${leverage.toSignificantDigits(6).toString()}×: `;
    return { valid: false, errors: analysis.errors.map((error) => ({ field: error.field, message: context + error.message })) };
  }
  const sizedResolution = resolve(sizedSpec);
  const position = sizedResolution.ok ? sizedResolution.position : sized;

  const warnings: string[] = [];
  if (!fitsBalance) warnings.push(`At ${leverage.toString()}× the margin and reserved fees (${toOutput(margin.plus(reserved))}) exceed the balance: use at least ${requiredLeverage.toSignificantDigits(6).toString()}×.`);
  const liquidation = analysis.liquidationPrice === null ? null : new Dec(analysis.liquidationPrice);
  const stopMargin = liquidation === null ? null : stop.minus(liquidation).mul(sign).div(probe.entry);
  const stopBeforeLiquidation = stopMargin === null || stopMargin.gt(0);
  // Collateral C with C + pnl(stop) = requirement(stop): the liquidation price sits exactly at the stop.
  const safeCollateral = requirementAt(position, stop).minus(pnlAt(position, stop));
  const minSafeCollateral = safeCollateral.gt(0) ? safeCollateral : null;
  const isolated = position.marginMode === 'isolated';
  const maxSafeLeverage = isolated && minSafeCollateral !== null ? notional.div(minSafeCollateral) : null;
  if (!stopBeforeLiquidation && stopMargin !== null && liquidation !== null) {
    const fix = maxSafeLeverage === null ? 'Add collateral or move the stop closer to entry.' : `Stay below ${maxSafeLeverage.toSignificantDigits(4).toString()}× (margin above ${minSafeCollateral?.toSignificantDigits(8).toString() ?? ''}) or move the stop closer to entry.`;
    warnings.push(`The liquidation price (${liquidation.toSignificantDigits(8).toString()}) comes ${percentText(stopMargin.neg())} of entry before the stop: the position is liquidated before the stop triggers. ${fix}`);
  }
  const reward = target === null ? null : netOfFeesAt(position, target);
  return {
    valid: true,
    riskAmount: toOutput(risk),
    size: toOutput(size),
    notional: toOutput(notional),
    leverage: toOutput(leverage),
    requiredLeverage: toOutput(requiredLeverage),
    margin: toOutput(margin),
    openFee: toOutput(openFeeOf(position)),
    closeFeeAtStop: toOutput(closeFeeAt(position, stop, position.feeRate)),
    fitsBalance,
    liquidationPrice: analysis.liquidationPrice,
    stopBeforeLiquidation,
    stopMargin: stopMargin === null ? null : toOutput(stopMargin),
    minSafeCollateral: minSafeCollateral === null ? null : toOutput(minSafeCollateral),
    maxSafeLeverage: maxSafeLeverage === null ? null : toOutput(maxSafeLeverage),
    lossAtStop: toOutput(netOfFeesAt(position, stop, position.feeRate).neg()),
    rewardAtTakeProfit: reward === null ? null : toOutput(reward),
    rewardToRisk: reward === null ? null : toOutput(reward.div(risk)),
    spec: sizedSpec,
    analysis,
    warnings,
  };
}
