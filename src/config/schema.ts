import { shiftDecimal } from '../model/companions';
import type { Compounding, FeeBasis, Instrument, MaintenanceBasis, MarginMode, OrderRole, Side, TierMeasure } from '../model/types';
import type { SizeUnit } from '../model/sizeUnits';

/*
 * The one input schema. Every key the outside world can set (URL parameters, element attributes, React props)
 * has one record here: its kind, unit, when it applies, default, and how its text is read. Blank inputs, hidden
 * keys, field visibility, percent keys, embed views and the attribute names are derived from these records.
 */

// ---------- Units: a percentage as typed and a fraction as the model reads it are different types ----------

declare const unit: unique symbol;
/** A rate as the reader types it: "0.4" means 0.4 %. */
export type PercentText = string & { readonly [unit]: 'percent' };
/** A rate as the model, links and attributes carry it: "0.004" means 0.4 %. */
export type FractionText = string & { readonly [unit]: 'fraction' };

// Brands are compile-time only: these predicates mark a string as one unit or the other where it is made.
const isPercentText = (text: string): text is PercentText => typeof text === 'string';
const isFractionText = (text: string): text is FractionText => typeof text === 'string';

/** Marks typed text as a percentage (where the reader typed it, or a test wrote it). */
export function percentText(text: string): PercentText {
  if (isPercentText(text)) return text;
  throw new Error('unreachable');
}

/** Marks text as a fraction (a link or attribute value). */
export function fractionText(text: string): FractionText {
  if (isFractionText(text)) return text;
  throw new Error('unreachable');
}

/** 12.5 % → 0.125. Empty stays empty; text that is not a number comes back unchanged (the model reports it). */
export function percentToFraction(text: PercentText): FractionText {
  const trimmed = text.trim();
  return fractionText(trimmed === '' ? '' : (shiftDecimal(trimmed, -2) ?? trimmed));
}

/** 0.125 → 12.5 %. */
export function fractionToPercent(text: FractionText | number): PercentText {
  const raw = typeof text === 'number' ? String(text) : text.trim();
  return percentText(raw === '' ? '' : (shiftDecimal(raw, 2) ?? raw));
}

// ---------- Numbers: what any price, size or rate may be ----------

/**
 * Bounds on every number the schema reads, checked on the text before anything is computed or stored: a short
 * text like 1e-300000000 would otherwise expand into a decimal of hundreds of millions of digits. The model's own
 * bound on amounts is 1e15; 1e-15 is far below any tick, rate or size a venue uses.
 */
export const NUMBER_LIMITS = { maxLength: 40, maxSignificantDigits: 30, smallestExponent: -15, largestExponent: 15 } as const;

const numberSyntax = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

export type NumberReading = { ok: true; text: string } | { ok: false; reason: string };

/**
 * Reads a number as typed or as written in a link: a point for decimals, no grouping. A comma is refused rather
 * than guessed (2,5 is 2.5 in Germany and 25 in the US), in every field and every list, on screen and in links.
 */
export function readNumberText(raw: string): NumberReading {
  const text = raw.trim();
  if (text === '') return { ok: true, text: '' };
  if (text.length > NUMBER_LIMITS.maxLength) return { ok: false, reason: `is too long: at most ${NUMBER_LIMITS.maxLength} characters.` };
  if (text.includes(',')) return { ok: false, reason: 'uses a comma: write decimals with a point and no thousands separators (2.5, 50000).' };
  const match = numberSyntax.exec(text);
  const whole = match?.[2] ?? '';
  const decimals = match?.[3] ?? '';
  if (match === null || (whole === '' && decimals === '')) return { ok: false, reason: 'must be a number.' };
  const digits = `${whole}${decimals}`.replace(/^0+/, '');
  if (digits.replace(/0+$/, '') === '') return { ok: true, text };
  const significant = digits.replace(/0+$/, '').length;
  if (significant > NUMBER_LIMITS.maxSignificantDigits) return { ok: false, reason: `has more than ${NUMBER_LIMITS.maxSignificantDigits} significant digits.` };
  // The decimal exponent of the first significant digit, worked out on the text (never by expanding the number).
  const exponentText = match[4] ?? '0';
  if (exponentText.replace(/^[+-]?0*/, '').length > 6) return { ok: false, reason: 'is out of range: use a number from 1e-15 to 1e15 (or 0).' };
  const leadingZerosOfDecimals = whole.replace(/^0+/, '') === '' ? decimals.length - decimals.replace(/^0+/, '').length : 0;
  const magnitude = (whole.replace(/^0+/, '') === '' ? -1 - leadingZerosOfDecimals : whole.replace(/^0+/, '').length - 1) + Number(exponentText);
  if (magnitude < NUMBER_LIMITS.smallestExponent || magnitude > NUMBER_LIMITS.largestExponent) {
    return { ok: false, reason: 'is out of range: use a number from 1e-15 to 1e15 (or 0).' };
  }
  return { ok: true, text };
}

// ---------- The records ----------

export type FieldKind = 'number' | 'percent' | 'choice' | 'boolean' | 'levels' | 'tiers' | 'fills' | 'portfolio';
export type FieldGroup = 'position' | 'maintenance' | 'cross' | 'loan' | 'markers' | 'venue' | 'carry' | 'risk' | 'toolbox' | 'path';
export type FieldUnit = 'price' | 'margin' | 'size' | 'times' | 'percent' | 'count' | 'hours' | 'days';
/** Position keys reach the model's spec; page keys steer the page; tool keys feed the trader's toolbox. */
export type FieldRole = 'position' | 'page' | 'tool';

/** What decides whether a field applies: the instrument and the margin mode. */
export interface FieldContext {
  instrument: Instrument;
  marginMode: MarginMode;
}

/** The smallest meaningful value of a number field and what to say below it. */
export interface Minimum {
  value: number;
  inclusive: boolean;
  message: string;
}

export interface FieldRecord {
  label: string;
  /** The label in cross margin, where the field means something else (the collateral is the wallet). */
  crossLabel?: string;
  role: FieldRole;
  kind: FieldKind;
  group: FieldGroup;
  advanced: boolean;
  hint: string;
  unit?: FieldUnit;
  /** Allowed values for choices (the venue's are the presets, read where presets are known). */
  options?: readonly { value: string; label: string }[];
  /** Shown and sent to the model only for these instruments (all when absent). */
  instruments?: readonly Instrument[];
  /** Shown and sent to the model only in this margin mode (any when absent). */
  marginMode?: MarginMode;
  /** The value of a blank form (before examples and venue presets fill it). */
  blank: string;
  /** The smallest meaningful value, checked on screen and in links before the model sees it. */
  min?: Minimum;
  /** Lists: how many entries at the most. */
  maxEntries?: number;
  /** Numbers: words accepted besides a number (loops: 'max', the limit). */
  words?: readonly string[];
}

const perpetual: readonly Instrument[] = ['linear', 'inverse'];
/** The trader's opening and closing orders: which fee each pays. */
const orderOptions = [
  { value: 'taker', label: 'Taker (market order)' },
  { value: 'maker', label: 'Maker (resting limit order)' },
] as const;
/** What the opening and closing order records share: perpetuals only, beside the fees, taker unless chosen. */
const orderRecord = { role: 'position', kind: 'choice', group: 'maintenance', instruments: perpetual, advanced: true, blank: 'taker', options: orderOptions } as const;
const loanOnly: readonly Instrument[] = ['loan'];

const LEVELS_MAX = 12;
const aboveZero = (label: string): Minimum => ({ value: 0, inclusive: false, message: `${label} must be more than zero.` });
export const MAX_TIERS = 40;
export const MAX_FILLS = 20;
export const MAX_PORTFOLIO_POSITIONS = 10;

/** One record per key, in the order the page lays them out and links write them. */
export const schema = {
  venue: { label: 'Venue preset', role: 'page', kind: 'choice', group: 'venue', advanced: false, blank: 'custom', hint: 'Fills the maintenance rules, fees and limits of a venue.' },
  instrument: {
    label: 'Instrument',
    role: 'position',
    kind: 'choice',
    group: 'venue',
    advanced: false,
    blank: 'linear',
    hint: 'Linear: margined in the quote currency. Inverse: margined in the coin. Loan: borrow against collateral.',
    options: [
      { value: 'linear', label: 'Linear (USDT-margined)' },
      { value: 'inverse', label: 'Inverse (coin-margined)' },
      { value: 'loan', label: 'Loan (spot margin, looping, CDP)' },
    ],
  },
  side: { label: 'Side', role: 'position', kind: 'choice', group: 'position', advanced: false, blank: 'long', hint: 'Long gains when the price rises; short gains when it falls.', options: [{ value: 'long', label: 'Long' }, { value: 'short', label: 'Short' }] },
  entry: { label: 'Entry price', role: 'position', kind: 'number', group: 'position', advanced: false, blank: '', hint: 'Price the position was opened at.', unit: 'price' },
  collateral: { label: 'Collateral', crossLabel: 'Wallet balance', role: 'position', kind: 'number', group: 'position', advanced: false, blank: '', hint: 'Margin posted (the wallet balance in cross margin). In coin for inverse contracts.', unit: 'margin' },
  leverage: {
    label: 'Leverage',
    role: 'position',
    kind: 'number',
    group: 'position',
    advanced: false,
    blank: '',
    hint: 'Notional ÷ collateral.',
    unit: 'times',
    min: { value: 0.01, inclusive: true, message: 'Leverage must be at least 0.01×.' },
  },
  size: { label: 'Size', role: 'position', kind: 'number', group: 'position', advanced: false, blank: '', hint: 'In the unit chosen below: the coin by default, USD face value for inverse contracts.', unit: 'size' },
  sizeUnit: {
    label: 'Size in',
    role: 'page',
    kind: 'choice',
    group: 'position',
    advanced: false,
    blank: 'base',
    hint: 'The coin, its quote value at the entry price, or the venue’s contracts.',
    options: [
      { value: 'base', label: 'Coin' },
      { value: 'quote', label: 'Quote value' },
      { value: 'contracts', label: 'Contracts' },
    ],
  },
  solveFor: {
    label: 'Work out',
    role: 'page',
    kind: 'choice',
    group: 'position',
    advanced: false,
    blank: 'size',
    hint: 'Which of size, collateral and leverage follows from the other two.',
    options: [
      { value: 'size', label: 'Size' },
      { value: 'collateral', label: 'Collateral' },
      { value: 'leverage', label: 'Leverage' },
    ],
  },
  marginMode: { label: 'Margin mode', role: 'position', kind: 'choice', group: 'cross', instruments: perpetual, advanced: false, blank: 'isolated', hint: 'Cross: the whole wallet backs the position.', options: [{ value: 'isolated', label: 'Isolated' }, { value: 'cross', label: 'Cross' }] },
  otherMaintenance: { label: 'Other positions’ maintenance', role: 'position', kind: 'number', group: 'cross', instruments: perpetual, marginMode: 'cross', advanced: true, blank: '0', hint: 'Cross only: maintenance margin used by the account’s other positions.', unit: 'margin' },
  otherPnl: { label: 'Other positions’ unrealized PnL', role: 'position', kind: 'number', group: 'cross', instruments: perpetual, marginMode: 'cross', advanced: true, blank: '0', hint: 'Cross only: negative for losses.', unit: 'margin' },
  mmr: { label: 'Maintenance rate', role: 'position', kind: 'percent', group: 'maintenance', instruments: perpetual, advanced: true, blank: '0', hint: 'Share of the position value that must stay as equity (ignored when brackets apply).', unit: 'percent' },
  mmAmount: { label: 'Maintenance amount', role: 'position', kind: 'number', group: 'maintenance', instruments: perpetual, advanced: true, blank: '0', hint: 'Subtracted from the requirement (Binance “cum”, Bybit “MM deduction”).', unit: 'margin' },
  mmBasis: { label: 'Maintenance measured at', role: 'position', kind: 'choice', group: 'maintenance', instruments: perpetual, advanced: true, blank: 'mark', hint: 'Mark: at the liquidation price (Binance, dYdX, Hyperliquid). Entry: on entry value (Bybit, BitMEX).', options: [{ value: 'mark', label: 'Liquidation price (mark)' }, { value: 'entry', label: 'Entry value' }] },
  tiers: { label: 'Brackets', role: 'position', kind: 'tiers', group: 'maintenance', instruments: perpetual, advanced: true, blank: '', maxEntries: MAX_TIERS, hint: 'floor:rate%:amount:max× per bracket, separated by semicolons.' },
  tierMeasure: {
    label: 'Brackets measured by',
    role: 'position',
    kind: 'choice',
    group: 'maintenance',
    instruments: perpetual,
    advanced: true,
    blank: 'value',
    hint: 'Position value: the floors are values in the margin currency (Binance, Bybit, Gate). Size: the floors are sizes (OKX writes its tiers in contracts); the bracket then stays the same at every price.',
    options: [
      { value: 'value', label: 'Position value' },
      { value: 'size', label: 'Position size' },
    ],
  },
  maxLeverage: { label: 'Venue maximum leverage', role: 'position', kind: 'number', group: 'maintenance', instruments: perpetual, advanced: true, blank: '', hint: 'Leverage above this is refused.', unit: 'times', min: { value: 1, inclusive: true, message: 'Venue maximum leverage must be at least 1×.' } },
  feeRate: { label: 'Taker fee', role: 'position', kind: 'percent', group: 'maintenance', advanced: true, blank: '0', hint: 'What a market order pays, on open and on close; the break-even price includes both. A liquidation is a market order: it always pays this fee.', unit: 'percent' },
  makerFeeRate: { label: 'Maker fee', role: 'position', kind: 'percent', group: 'maintenance', instruments: perpetual, advanced: true, blank: '', hint: 'What a resting limit order pays, −1 % to 10 % (negative: a rebate). Used for the opening or closing order set to Maker below: the fees, break-even and maximum loss follow; a liquidation still pays the taker fee.', unit: 'percent' },
  entryOrder: { ...orderRecord, label: 'Opening order', hint: 'A market order pays the taker fee; a resting limit order pays the maker fee (or earns its rebate).' },
  exitOrder: { ...orderRecord, label: 'Closing order', hint: 'The order that closes at your exit and at break-even. A stop-loss and a liquidation fill as market orders: the taker fee.' },
  closeFeeInLiquidation: { label: 'Count the fee to close in the liquidation condition', role: 'position', kind: 'boolean', group: 'maintenance', instruments: perpetual, advanced: true, blank: 'false', hint: 'OKX, Gate, Phemex and Bybit UTA do.' },
  feeBasis: {
    label: 'Fee to close valued at',
    role: 'position',
    kind: 'choice',
    group: 'maintenance',
    instruments: perpetual,
    advanced: true,
    blank: 'mark',
    hint: 'Where the fee to close counted in the liquidation condition is valued. Bybit inverse: at the bankruptcy price, which includes the fee.',
    options: [
      { value: 'mark', label: 'Where the maintenance is measured' },
      { value: 'entry', label: 'Entry value' },
      { value: 'bankruptcy', label: 'Bankruptcy price' },
    ],
  },
  liquidationFee: { label: 'Liquidation clearance fee', role: 'position', kind: 'percent', group: 'maintenance', instruments: perpetual, advanced: true, blank: '0', hint: 'Charged on the position value at the liquidation price, out of the margin left (Binance’s liquidation clearance fee).', unit: 'percent' },
  insuranceFundTakesRest: { label: 'The insurance fund keeps the margin left at liquidation', role: 'position', kind: 'boolean', group: 'maintenance', instruments: perpetual, advanced: true, blank: 'true', hint: 'Binance and Bybit close at the bankruptcy price and keep it; dYdX leaves it to the trader.' },
  markSpread: { label: 'Last − mark spread', role: 'position', kind: 'percent', group: 'maintenance', instruments: perpetual, advanced: true, blank: '0', hint: 'Venues liquidate on the mark price; the last price can sit above (+) or below (−) it. Shows the liquidation price in last-price terms.', unit: 'percent' },
  liquidationThreshold: { label: 'Liquidation threshold', role: 'position', kind: 'percent', group: 'loan', instruments: loanOnly, advanced: false, blank: '', hint: 'Aave LT: liquidation when collateral × LT falls below the debt.', unit: 'percent' },
  liquidationRatio: { label: 'CDP liquidation ratio', role: 'position', kind: 'percent', group: 'loan', instruments: loanOnly, advanced: false, blank: '', hint: 'Maker 145 %, Liquity 110 %; the same as a threshold of 1 ÷ ratio. Leave empty when a threshold is set.', unit: 'percent' },
  ltv: { label: 'Loan-to-value per loop', role: 'position', kind: 'percent', group: 'loan', instruments: loanOnly, advanced: false, blank: '', hint: 'Share of the collateral value borrowed each round.', unit: 'percent' },
  loops: { label: 'Loops', role: 'position', kind: 'number', group: 'loan', instruments: loanOnly, advanced: false, blank: '', words: ['max'], hint: 'Borrow rounds after the first deposit, any whole number, or “max” for the limit 1 ÷ (1 − LTV); sets the leverage when leverage is left empty.', unit: 'count' },
  liquidationBonus: { label: 'Liquidation bonus / penalty', role: 'position', kind: 'percent', group: 'loan', instruments: loanOnly, advanced: false, blank: '5', hint: 'Extra collateral the liquidator takes, as a share of the debt repaid: Aave 5 % on ETH, Maker ETH-A 13 %.', unit: 'percent' },
  closeFactor: { label: 'Close factor', role: 'position', kind: 'percent', group: 'loan', instruments: loanOnly, advanced: false, blank: '100', hint: 'Share of the debt one liquidation repays: Aave v3 50 % (all of it below health 0.95); Maker and Liquity 100 %.', unit: 'percent' },
  thresholds: { label: 'Health levels to mark', role: 'position', kind: 'levels', group: 'markers', advanced: true, blank: '1.25, 2', maxEntries: LEVELS_MAX, hint: 'Comma-separated; 1 is liquidation, 1.25 is Binance’s margin call (80 % margin ratio).' },
  fundingRate: { label: 'Funding rate (per 8 h)', role: 'position', kind: 'percent', group: 'carry', instruments: perpetual, advanced: false, blank: '0.01', hint: 'Positive: longs pay shorts. Quoted per 8 hours; hourly venues pay 1/8 of it each hour.', unit: 'percent' },
  fundingIntervalHours: { label: 'Funding interval', role: 'position', kind: 'number', group: 'carry', instruments: perpetual, advanced: false, blank: '8', hint: '8 h at Binance and Bybit, 1 h at Hyperliquid and dYdX.', unit: 'hours' },
  holdHours: { label: 'Holding period', role: 'position', kind: 'number', group: 'carry', advanced: false, blank: '168', hint: 'How long the position stays open: funding, interest and fees accrue over it.', unit: 'hours' },
  borrowApr: { label: 'Borrow rate (APR)', role: 'position', kind: 'percent', group: 'carry', instruments: loanOnly, advanced: false, blank: '5', hint: 'Interest on the debt, per year.', unit: 'percent' },
  supplyApr: { label: 'Supply yield (APY)', role: 'position', kind: 'percent', group: 'carry', instruments: loanOnly, advanced: false, blank: '2', hint: 'Yield earned on the collateral, per year.', unit: 'percent' },
  compounding: {
    label: 'Interest charged',
    role: 'position',
    kind: 'choice',
    group: 'carry',
    instruments: loanOnly,
    advanced: false,
    blank: 'simple',
    hint: 'How the borrow and supply rates accrue: Aave’s variable debt compounds every second; Binance margin charges simple interest per hour begun.',
    options: [
      { value: 'simple', label: 'Simple interest' },
      { value: 'per-second', label: 'Compounded every second (Aave)' },
      { value: 'hourly', label: 'Per hour begun (Binance margin)' },
      { value: 'continuous', label: 'Compounded continuously' },
    ],
  },
  volatility: { label: 'Volatility (annualized)', role: 'position', kind: 'percent', group: 'risk', advanced: false, blank: '60', hint: 'Scales with the square root of time: over d days the typical move is σ·√(d/365).', unit: 'percent' },
  horizonDays: { label: 'Horizon', role: 'position', kind: 'number', group: 'risk', advanced: false, blank: '7', hint: 'Days over which to estimate the chance of liquidation.', unit: 'days' },
  drift: { label: 'Drift (annualized)', role: 'position', kind: 'percent', group: 'risk', advanced: true, blank: '0', hint: 'Expected trend of the price per year; 0 assumes none.', unit: 'percent' },
  volatilityStress: { label: 'Volatility stress multiplier', role: 'position', kind: 'number', group: 'risk', advanced: false, blank: '1', hint: 'GBM has no jumps or fat tails: 1.5× or 2× gives a more cautious estimate.', unit: 'times' },
  // Toolbox keys: empty means "not set" (the toolbox falls back to a value derived from the position).
  exitPrice: { label: 'Exit price', role: 'tool', min: aboveZero('Exit price'), kind: 'number', group: 'toolbox', advanced: false, blank: '', hint: 'Price to close at; empty uses 5 % in your favour. Arrow keys move it by 0.1 %.', unit: 'price' },
  targetRoe: { label: 'Target ROE', role: 'tool', kind: 'percent', group: 'toolbox', advanced: false, blank: '', hint: 'Return on the initial margin to reach; negative for a loss.', unit: 'percent' },
  fills: { label: 'Fills', role: 'tool', kind: 'fills', group: 'toolbox', advanced: false, blank: '', maxEntries: MAX_FILLS, hint: 'price:size per fill, separated by semicolons (size in the position’s unit).' },
  riskBalance: { label: 'Account balance', role: 'tool', min: aboveZero('Account balance'), kind: 'number', group: 'toolbox', advanced: false, blank: '', hint: 'Balance available to this trade; empty uses the collateral.', unit: 'margin' },
  riskPercent: { label: 'Risk per trade', role: 'tool', min: aboveZero('Risk per trade'), kind: 'percent', group: 'toolbox', advanced: false, blank: '', hint: 'Share of the balance to lose at the stop, both fees included.', unit: 'percent' },
  riskAmount: { label: 'Risk amount', role: 'tool', min: aboveZero('Risk amount'), kind: 'number', group: 'toolbox', advanced: false, blank: '', hint: 'Amount to lose at the stop, both fees included; used instead of the percentage when set.', unit: 'margin' },
  stopPrice: { label: 'Stop-loss price', role: 'tool', min: aboveZero('Stop-loss price'), kind: 'number', group: 'toolbox', advanced: false, blank: '', hint: 'Where the trade is closed at a loss; empty uses 2 % against you.', unit: 'price' },
  takeProfitPrice: { label: 'Take-profit price', role: 'tool', min: aboveZero('Take-profit price'), kind: 'number', group: 'toolbox', advanced: false, blank: '', hint: 'Optional: where the trade is closed at a profit.', unit: 'price' },
  portfolio: { label: 'Cross-margin positions', role: 'tool', kind: 'portfolio', group: 'toolbox', advanced: false, blank: '', maxEntries: MAX_PORTFOLIO_POSITIONS, hint: 'name:side:entry:size:mark:maintenance% per position, separated by semicolons.' },
  portfolioWallet: { label: 'Cross wallet balance', role: 'tool', min: aboveZero('Cross wallet balance'), kind: 'number', group: 'toolbox', advanced: false, blank: '', hint: 'Wallet shared by every position of the portfolio.', unit: 'margin' },
  // The played price path's seed (src/model/simulate.ts): in the link, so a class sees the same path. Empty plays seed 1.
  seed: { label: 'Path seed', role: 'page', kind: 'number', group: 'path', advanced: false, blank: '', min: { value: 0, inclusive: true, message: 'Path seed must be zero or more.' }, hint: 'A whole number from 0 to 4294967295; the same seed plays the same path on every machine.', unit: 'count' },
} as const satisfies Record<string, FieldRecord>;

export type InputKey = keyof typeof schema;
type KeysWhere<Condition> = { [K in InputKey]: (typeof schema)[K] extends Condition ? K : never }[InputKey];
export type PositionKey = KeysWhere<{ role: 'position' }>;
export type PageKey = KeysWhere<{ role: 'page' }>;
export type ToolKey = KeysWhere<{ role: 'tool' }>;
export type PercentKey = KeysWhere<{ kind: 'percent' }>;

/** The choices whose values are typed (the venue's are preset ids, checked against the presets). */
export type ThreeWayKey = 'size' | 'collateral' | 'leverage';
interface ChoiceValues {
  sizeUnit: SizeUnit;
  instrument: Instrument;
  side: Side;
  marginMode: MarginMode;
  mmBasis: MaintenanceBasis;
  feeBasis: FeeBasis;
  entryOrder: OrderRole;
  exitOrder: OrderRole;
  tierMeasure: TierMeasure;
  compounding: Compounding;
  solveFor: ThreeWayKey;
  closeFeeInLiquidation: 'true' | 'false';
  insuranceFundTakesRest: 'true' | 'false';
}

/** What the reader typed, exactly as typed (rates in percent), with choices typed. */
export type Inputs = { [K in InputKey]: K extends keyof ChoiceValues ? ChoiceValues[K] : K extends PercentKey ? PercentText : string };

export interface FieldDefinition extends FieldRecord {
  key: InputKey;
}

const inputKeys: readonly InputKey[] = keysOf(schema);

/** Every field, in schema order, with its key. */
export const fields: readonly FieldDefinition[] = inputKeys.map((key) => ({ ...definitionOf(key), key }));

function definitionOf(key: InputKey): FieldRecord {
  const record: FieldRecord = schema[key];
  return record;
}

function keysOf<T extends object>(record: T): (keyof T)[] {
  const keys: (keyof T)[] = [];
  for (const key in record) keys.push(key);
  return keys;
}

export const positionKeys: readonly PositionKey[] = inputKeys.filter((key): key is PositionKey => schema[key].role === 'position');
export const toolKeys: readonly ToolKey[] = inputKeys.filter((key): key is ToolKey => schema[key].role === 'tool');
export const percentKeys: readonly PercentKey[] = inputKeys.filter((key): key is PercentKey => schema[key].kind === 'percent');

export function fieldDefinition(key: InputKey): FieldDefinition {
  return { ...definitionOf(key), key };
}

export function isInputKey(key: string): key is InputKey {
  return Object.hasOwn(schema, key);
}

export function isToolKey(key: string): key is ToolKey {
  return isInputKey(key) && schema[key].role === 'tool';
}

export function isPercentKey(key: InputKey): key is PercentKey {
  return schema[key].kind === 'percent';
}

function isOrderRole(value: string): value is OrderRole {
  return value === 'taker' || value === 'maker';
}

/** The choice values a typed choice key accepts. */
const choiceGuards: { [K in keyof ChoiceValues]: (value: string) => value is ChoiceValues[K] } = {
  instrument: (value): value is Instrument => value === 'linear' || value === 'inverse' || value === 'loan',
  side: (value): value is Side => value === 'long' || value === 'short',
  marginMode: (value): value is MarginMode => value === 'isolated' || value === 'cross',
  mmBasis: (value): value is MaintenanceBasis => value === 'mark' || value === 'entry',
  feeBasis: (value): value is FeeBasis => value === 'mark' || value === 'entry' || value === 'bankruptcy',
  entryOrder: isOrderRole,
  exitOrder: isOrderRole,
  tierMeasure: (value): value is TierMeasure => value === 'value' || value === 'size',
  compounding: (value): value is Compounding => value === 'simple' || value === 'continuous' || value === 'per-second' || value === 'hourly',
  solveFor: (value): value is ThreeWayKey => value === 'size' || value === 'collateral' || value === 'leverage',
  sizeUnit: (value): value is SizeUnit => value === 'base' || value === 'quote' || value === 'contracts',
  closeFeeInLiquidation: (value): value is 'true' | 'false' => value === 'true' || value === 'false',
  insuranceFundTakesRest: (value): value is 'true' | 'false' => value === 'true' || value === 'false',
};

/** Typed text per key: a choice keeps its previous value when the text is not one of its options. */
const acceptors: { [K in InputKey]: (text: string, previous: Inputs[K]) => Inputs[K] } = {
  venue: (text) => text,
  instrument: (text, previous) => (choiceGuards.instrument(text) ? text : previous),
  side: (text, previous) => (choiceGuards.side(text) ? text : previous),
  entry: (text) => text,
  collateral: (text) => text,
  leverage: (text) => text,
  size: (text) => text,
  sizeUnit: (text, previous) => (choiceGuards.sizeUnit(text) ? text : previous),
  solveFor: (text, previous) => (choiceGuards.solveFor(text) ? text : previous),
  marginMode: (text, previous) => (choiceGuards.marginMode(text) ? text : previous),
  otherMaintenance: (text) => text,
  otherPnl: (text) => text,
  mmr: percentText,
  mmAmount: (text) => text,
  mmBasis: (text, previous) => (choiceGuards.mmBasis(text) ? text : previous),
  tiers: (text) => text,
  tierMeasure: (text, previous) => (choiceGuards.tierMeasure(text) ? text : previous),
  maxLeverage: (text) => text,
  feeRate: percentText,
  makerFeeRate: percentText,
  entryOrder: (text, previous) => (choiceGuards.entryOrder(text) ? text : previous),
  exitOrder: (text, previous) => (choiceGuards.exitOrder(text) ? text : previous),
  closeFeeInLiquidation: (text, previous) => (choiceGuards.closeFeeInLiquidation(text) ? text : previous),
  feeBasis: (text, previous) => (choiceGuards.feeBasis(text) ? text : previous),
  liquidationFee: percentText,
  insuranceFundTakesRest: (text, previous) => (choiceGuards.insuranceFundTakesRest(text) ? text : previous),
  markSpread: percentText,
  liquidationThreshold: percentText,
  liquidationRatio: percentText,
  ltv: percentText,
  loops: (text) => text,
  liquidationBonus: percentText,
  closeFactor: percentText,
  thresholds: (text) => text,
  fundingRate: percentText,
  fundingIntervalHours: (text) => text,
  holdHours: (text) => text,
  borrowApr: percentText,
  supplyApr: percentText,
  compounding: (text, previous) => (choiceGuards.compounding(text) ? text : previous),
  volatility: percentText,
  horizonDays: (text) => text,
  drift: percentText,
  volatilityStress: (text) => text,
  exitPrice: (text) => text,
  targetRoe: percentText,
  fills: (text) => text,
  riskBalance: (text) => text,
  riskPercent: percentText,
  riskAmount: (text) => text,
  stopPrice: (text) => text,
  takeProfitPrice: (text) => text,
  portfolio: (text) => text,
  portfolioWallet: (text) => text,
  seed: (text) => text,
};

function assign<K extends InputKey>(target: Inputs, key: K, value: Inputs[K]): void {
  target[key] = value;
}

/** The inputs with one key set from typed text (rates in percent, as on screen). */
export function withText<K extends InputKey>(inputs: Inputs, key: K, text: string): Inputs {
  const next: Inputs = { ...inputs };
  assign(next, key, acceptors[key](text, inputs[key]));
  return next;
}

/** Typed inputs from loose text per key (a test's or a stored record's): unknown choices keep the base's value. */
export function withTexts(base: Inputs, texts: Partial<Record<InputKey, string>>): Inputs {
  let next = base;
  for (const key of inputKeys) {
    const text = texts[key];
    if (text !== undefined) next = withText(next, key, text);
  }
  return next;
}

/** A blank form: every key at its record's blank value. */
export function blankInputs(): Inputs {
  const blank: Record<string, string> = {};
  for (const key of inputKeys) blank[key] = schema[key].blank;
  return withTexts(
    {
      venue: 'custom',
      instrument: 'linear',
      side: 'long',
      solveFor: 'size',
      sizeUnit: 'base',
      marginMode: 'isolated',
      mmBasis: 'mark',
      feeBasis: 'mark',
      entryOrder: 'taker',
      exitOrder: 'taker',
      tierMeasure: 'value',
      compounding: 'simple',
      closeFeeInLiquidation: 'false',
      insuranceFundTakesRest: 'true',
      ...emptyTexts(),
    },
    blank,
  );
}

function emptyTexts(): Omit<Inputs, keyof ChoiceValues | 'venue'> {
  const empty = percentText('');
  return {
    entry: '', collateral: '', leverage: '', size: '', otherMaintenance: '', otherPnl: '', mmr: empty, mmAmount: '', tiers: '', maxLeverage: '',
    feeRate: empty, makerFeeRate: empty, liquidationThreshold: empty, liquidationRatio: empty, ltv: empty, loops: '', thresholds: '', fundingRate: empty,
    fundingIntervalHours: '', holdHours: '', borrowApr: empty, supplyApr: empty, volatility: empty, horizonDays: '', drift: empty,
    volatilityStress: '', exitPrice: '', targetRoe: empty, fills: '', riskBalance: '', riskPercent: empty, riskAmount: '', stopPrice: '',
    takeProfitPrice: '', portfolio: '', portfolioWallet: '', seed: '', liquidationFee: empty, markSpread: empty, liquidationBonus: empty, closeFactor: empty,
  };
}

// ---------- When a field applies ----------

export function fieldContext(inputs: Pick<Inputs, 'instrument' | 'marginMode'>): FieldContext {
  return { instrument: inputs.instrument, marginMode: inputs.instrument === 'loan' ? 'isolated' : inputs.marginMode };
}

/** Whether a field applies to an instrument and margin mode: shown on screen, sent to the model. */
export function applies(key: InputKey, context: FieldContext): boolean {
  const record: FieldRecord = schema[key];
  if (record.instruments !== undefined && !record.instruments.includes(context.instrument)) return false;
  if (record.marginMode !== undefined && record.marginMode !== context.marginMode) return false;
  // Cross margin takes size, collateral and leverage all three: nothing is worked out.
  if (key === 'solveFor') return context.instrument === 'loan' || context.marginMode !== 'cross';
  return true;
}

/** Which of size/collateral/leverage the model works out, or none when all three are typed (cross margin). */
export function solvedKeys(inputs: Inputs): ThreeWayKey[] {
  const context = fieldContext(inputs);
  if (!applies('solveFor', context)) return [];
  // Loops set a loan's leverage unless leverage is the figure worked out.
  if (context.instrument === 'loan' && inputs.loops.trim() !== '' && inputs.solveFor !== 'leverage') return [inputs.solveFor, 'leverage'];
  return [inputs.solveFor];
}

/** Keys the model does not see for these inputs: fields that do not apply and the worked-out figures. */
export function hiddenKeys(inputs: Inputs): Set<PositionKey> {
  const context = fieldContext(inputs);
  const hidden = new Set<PositionKey>(positionKeys.filter((key) => !applies(key, context)));
  const solved = solvedKeys(inputs);
  const loopsSetLeverage = solved.length === 2;
  // With loops the leverage comes from them; the two typed figures are the other two of the three.
  const leverage: ThreeWayKey = 'leverage';
  for (const key of loopsSetLeverage ? [leverage] : solved) hidden.add(key);
  if (context.instrument === 'loan' && inputs.liquidationThreshold.trim() !== '') hidden.add('liquidationRatio');
  return hidden;
}

// ---------- Widget settings ----------

export type ThemeChoice = 'auto' | 'light' | 'dark';
export const themeChoices: readonly ThemeChoice[] = ['auto', 'light', 'dark'];
export function isThemeChoice(value: string): value is ThemeChoice {
  return themeChoices.some((choice) => choice === value);
}

/** Panels an embed can show, in the order they are drawn; `figures` is the four key figures (the compact default), `results` every figure. */
export const embedViews = ['inputs', 'results', 'chart', 'figures', 'amplification', 'scenarios', 'path'] as const;
export type EmbedView = (typeof embedViews)[number];
export function isEmbedView(value: string): value is EmbedView {
  return embedViews.some((view) => view === value);
}

export const widgetKeys = ['theme', 'locale', 'currency', 'title', 'controls', 'views', 'height'] as const;
export type WidgetKey = (typeof widgetKeys)[number];
export type ConfigKey = InputKey | WidgetKey | LinkKey;

export function isWidgetKey(key: string): key is WidgetKey {
  return widgetKeys.some((widgetKey) => widgetKey === key);
}

/**
 * Other names a widget key is read under (attributes, iframe parameters, props), listed here only. `editable` is
 * the name to write for `controls`, which is HTML's attribute for media players: Astro's MDX turns
 * `controls="leverage"` into a bare boolean `controls`. The old name is still read.
 */
export const widgetKeyAliases = { editable: 'controls' } as const satisfies Record<string, WidgetKey>;
export type WidgetKeyAlias = keyof typeof widgetKeyAliases;
export function isWidgetKeyAlias(key: string): key is WidgetKeyAlias {
  return Object.hasOwn(widgetKeyAliases, key);
}

// ---------- Link keys: what a lesson link carries beside the inputs (saved scenarios, open tabs) ----------

/** The chart's tabs: equity against price, and amplification (the ROE fan and effective leverage). */
export const chartViews = ['equity', 'amplification'] as const;
export type ChartView = (typeof chartViews)[number];

/** The trader's toolbox tabs, in the order they are shown. */
export const toolTabs = ['exit', 'target', 'average', 'maxOpen', 'risk', 'portfolio'] as const;
export type ToolTab = (typeof toolTabs)[number];

/**
 * A lesson's "predict, then reveal": `predict=liquidation` hides the liquidation figures, its markers and the losing side
 * of the curve until the reader places a guess and reveals the answer. 'off' is the default (never written).
 */
export const predictTargets = ['off', 'liquidation'] as const;
export type PredictTarget = (typeof predictTargets)[number];

/** A saved scenario as a link carries it: its name and its inputs. */
export interface NamedInputs {
  name: string;
  inputs: Inputs;
}

export const MAX_SCENARIOS = 4;
export const SCENARIO_NAME_MAX_LENGTH = 40;

/**
 * Axes held still for a lesson: the price range and the equity range the chart keeps through any change of the
 * inputs or scenarios. In a link: `hold=minPrice,maxPrice,minValue,maxValue` (prices above zero, each pair rising).
 */
export interface HeldAxes {
  minPrice: number;
  maxPrice: number;
  minValue: number;
  maxValue: number;
}

export interface LinkKeyRecord {
  label: string;
  /** How the value is written: one of `options` (the first is the default, never written), a list of scenarios, or held axes. */
  kind: 'choice' | 'scenarios' | 'axes';
  options?: readonly [string, ...string[]];
  maxEntries?: number;
  /** Also read from element attributes, iframe parameters and props (the toolbox is not part of embeds). */
  embed: boolean;
}

/**
 * One record per link key. A key's value type follows from its record (LinkSettings) and the codec reads and writes
 * it by its kind, so another key (held axes, say) is one record here plus, for a new kind, its reader in the codec.
 */
export const linkKeyRecords = {
  scenarios: { label: 'Saved scenarios', kind: 'scenarios', maxEntries: MAX_SCENARIOS, embed: true },
  chart: { label: 'Chart tab', kind: 'choice', options: chartViews, embed: true },
  tool: { label: 'Toolbox tab', kind: 'choice', options: toolTabs, embed: false },
  hold: { label: 'Held axes', kind: 'axes', embed: false },
  predict: { label: 'Predict, then reveal', kind: 'choice', options: predictTargets, embed: true },
} as const satisfies Record<string, LinkKeyRecord>;

export type LinkKey = keyof typeof linkKeyRecords;
type LinkValue<Record> = Record extends { kind: 'choice'; options: readonly (infer Value)[] } ? Value : Record extends { kind: 'scenarios' } ? readonly NamedInputs[] : Record extends { kind: 'axes' } ? HeldAxes : never;
/** The typed value of every link key; a link sets some of them (`Partial<LinkSettings>`). */
export type LinkSettings = { [K in LinkKey]: LinkValue<(typeof linkKeyRecords)[K]> };

/** Every link key, in the order links write them. */
export const linkKeys: readonly LinkKey[] = keysOf(linkKeyRecords);

export function isLinkKey(key: string): key is LinkKey {
  return Object.hasOwn(linkKeyRecords, key);
}

/** Sets one link key, typed by its key; an absent value leaves it unset. */
export function setLinkValue<K extends LinkKey>(link: Partial<LinkSettings>, key: K, value: LinkSettings[K] | undefined): void {
  if (value !== undefined) link[key] = value;
}

export function linkKeyRecord(key: LinkKey): LinkKeyRecord {
  const record: LinkKeyRecord = linkKeyRecords[key];
  return record;
}

/** Widget settings as read from attributes, links or props: typed, each absent when not given. */
export interface WidgetSettings {
  theme: ThemeChoice;
  locale: string;
  currency: string;
  title: string;
  controls: InputKey[];
  views: EmbedView[];
  height: number;
}

export const TITLE_MAX_LENGTH = 200;
export const HEIGHT_RANGE = { min: 200, max: 4000 } as const;

/** Every key the schema knows: the element observes these attributes, the iframe page reads these parameters. */
export function schemaKeys(): string[] {
  return ['v', ...inputKeys, ...widgetKeys, ...keysOf(widgetKeyAliases), ...linkKeys.filter((key) => linkKeyRecord(key).embed)];
}

/** HTML lowercases attribute names (`mmBasis` is stored as `mmbasis`), so the element observes the lowercase forms. */
export function attributeName(key: string): string {
  return key.toLowerCase();
}
