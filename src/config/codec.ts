import { findVenue, venuePresets } from '../model/venues';
import { shiftDecimal } from '../model/companions';
import { validate } from '../model/analyze';
import type { Instrument, PositionSpec, SpecKey, TierInput } from '../model/types';
import type { VenuePreset } from '../model/venues';
import { fieldDefinition, fields, isInputKey, isToolKey, isWidgetKey, positionKeys, widgetKeys } from './fields';
import type { ConfigKey, InputKey, Inputs, PositionKey, ToolKey, WidgetKey, WidgetSettings } from './fields';

export const SCHEMA_VERSION = '1';
const MAX_VALUE_LENGTH = 2000;

/** Example inputs per instrument, so switching instrument never leaves nonsense (500 BTC of collateral). */
const instrumentExamples: Record<Instrument, Pick<Inputs, 'entry' | 'collateral' | 'leverage' | 'size'>> = {
  linear: { entry: '50000', collateral: '500', leverage: '20', size: '' },
  inverse: { entry: '50000', collateral: '0.01', leverage: '20', size: '' },
  loan: { entry: '3000', collateral: '1000', leverage: '3', size: '' },
};

const blankInputs: Inputs = {
  venue: 'custom',
  solveFor: 'size',
  instrument: 'linear',
  side: 'long',
  entry: '',
  collateral: '',
  leverage: '',
  size: '',
  marginMode: 'isolated',
  otherMaintenance: '0',
  otherPnl: '0',
  mmr: '0',
  mmAmount: '0',
  mmBasis: 'mark',
  tiers: '',
  maxLeverage: '',
  feeRate: '0',
  closeFeeInLiquidation: 'false',
  liquidationThreshold: '',
  liquidationRatio: '',
  ltv: '',
  loops: '',
  thresholds: '1.25, 2',
  fundingRate: '0.01',
  fundingIntervalHours: '8',
  holdHours: '168',
  borrowApr: '5',
  supplyApr: '2',
  volatility: '60',
  horizonDays: '7',
  drift: '0',
  volatilityStress: '1',
  // Toolbox keys: empty means "not set" (the toolbox falls back to a value derived from the position).
  exitPrice: '',
  targetRoe: '',
  fills: '',
  riskBalance: '',
  riskPercent: '',
  riskAmount: '',
  stopPrice: '',
  takeProfitPrice: '',
  portfolio: '',
  portfolioWallet: '',
};

const percentKeys = new Set<InputKey>(fields.filter((field) => field.kind === 'percent').map((field) => field.key));

/** Brackets as text: `floor:rate:amount:maxLeverage;…`, the rate in percent on screen and a fraction in links. */
export function tiersToText(tiers: readonly TierInput[] | undefined, ratesInPercent: boolean): string {
  if (tiers === undefined) return '';
  return tiers
    .map((tier) => {
      const rate = ratesInPercent ? (shiftDecimal(tier.mmr, 2) ?? String(tier.mmr)) : String(tier.mmr);
      return [String(tier.floor), rate, String(tier.mmAmount ?? '0'), String(tier.maxLeverage ?? '')].join(':');
    })
    .join('; ');
}

export function textToTiers(text: string, ratesInPercent: boolean): TierInput[] | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return trimmed.split(';').map((row) => {
    const [floor = '', rate = '', amount = '', maxLeverage = ''] = row.split(':').map((part) => part.trim());
    const mmr = ratesInPercent ? (shiftDecimal(rate, -2) ?? rate) : rate;
    return maxLeverage === '' ? { floor, mmr, mmAmount: amount } : { floor, mmr, mmAmount: amount, maxLeverage };
  });
}

// ---------- Toolbox lists: fills and cross-margin positions ----------

/** One fill of the average-entry tool, as typed. */
export interface FillRow {
  price: string;
  size: string;
}

/** One position of the cross-margin portfolio, as typed (the maintenance rate in percent on screen). */
export interface PortfolioRow {
  name: string;
  side: 'long' | 'short';
  entry: string;
  size: string;
  mark: string;
  mmr: string;
}

export const MAX_FILLS = 20;
export const MAX_PORTFOLIO_POSITIONS = 10;
const NAME_PATTERN = /^[A-Za-z0-9._-]{0,16}$/;

/** What a list cell may hold: separators and spaces would break the encoding, so they never get in. */
export function cleanCell(text: string): string {
  return text.replace(/[:;\s]/g, '');
}

/** A portfolio position's name: letters, digits, dot, dash and underscore, at most 16. */
export function cleanName(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]/g, '').slice(0, 16);
}

function splitRows(text: string): string[][] {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  return trimmed.split(';').map((row) => row.split(':').map((part) => part.trim()));
}

/** `price:size; price:size` → rows (cells kept as typed). */
export function fillsFromText(text: string): FillRow[] {
  return splitRows(text).map(([price = '', size = '']) => ({ price, size }));
}

export function fillsToText(rows: readonly FillRow[]): string {
  return rows.map((row) => `${cleanCell(row.price)}:${cleanCell(row.size)}`).join('; ');
}

/** `name:side:entry:size:mark:mmr; …` → rows; the rate in percent when `ratesInPercent`, else a fraction. */
export function portfolioFromText(text: string, ratesInPercent = true): PortfolioRow[] {
  return splitRows(text).map(([name = '', side = 'long', entry = '', size = '', mark = '', mmr = '']) => ({
    name,
    side: side === 'short' ? 'short' : 'long',
    entry,
    size,
    mark,
    mmr: ratesInPercent || mmr === '' ? mmr : (shiftDecimal(mmr, 2) ?? mmr),
  }));
}

export function portfolioToText(rows: readonly PortfolioRow[], ratesInPercent = true): string {
  return rows
    .map((row) => {
      const mmr = cleanCell(row.mmr);
      const rate = ratesInPercent || mmr === '' ? mmr : (shiftDecimal(mmr, -2) ?? mmr);
      return [cleanName(row.name), row.side, cleanCell(row.entry), cleanCell(row.size), cleanCell(row.mark), rate].join(':');
    })
    .join('; ');
}

/** A plain decimal above zero (no exponent, no sign): what a price, size or balance in a link may be. */
function isPositiveDecimal(text: string): boolean {
  return /^(\d+(\.\d*)?|\.\d+)$/.test(text) && Number(text) > 0 && Number.isFinite(Number(text));
}

const isSignedDecimal = (text: string): boolean => /^-?(\d+(\.\d*)?|\.\d+)$/.test(text);

function readFillsLink(raw: string): string | null {
  const rows = splitRows(raw);
  if (rows.length > MAX_FILLS) return null;
  const fine = rows.every((row) => row.length === 2 && row.every((cell) => cell === '' || isPositiveDecimal(cell)));
  return fine ? fillsToText(fillsFromText(raw)) : null;
}

function readPortfolioLink(raw: string): string | null {
  const rows = splitRows(raw);
  if (rows.length > MAX_PORTFOLIO_POSITIONS) return null;
  const fine = rows.every((row) => {
    const [name = '', side = '', entry = '', size = '', mark = '', mmr = ''] = row;
    const numbers = [entry, size, mark].every((cell) => cell === '' || isPositiveDecimal(cell));
    const rate = mmr === '' || (/^(\d+(\.\d*)?|\.\d+)$/.test(mmr) && Number(mmr) < 1);
    return row.length === 6 && NAME_PATTERN.test(name) && (side === 'long' || side === 'short') && numbers && rate;
  });
  return fine ? portfolioToText(portfolioFromText(raw, false), true) : null;
}

/** Toolbox values in a link (rates as fractions) → on-screen strings, or null when out of bounds. */
function toolValue(key: ToolKey, raw: string): string | null {
  if (raw === '') return '';
  switch (key) {
    case 'fills':
      return readFillsLink(raw);
    case 'portfolio':
      return readPortfolioLink(raw);
    case 'targetRoe':
      // Any gain, a loss down to the whole margin and beyond (cross), within reason.
      return isSignedDecimal(raw) && Math.abs(Number(raw)) <= 10000 ? shiftDecimal(raw, 2) : null;
    case 'riskPercent':
      // Above 100 % reads (every percent field round-trips); the toolbox explains it inline.
      return isPositiveDecimal(raw) ? shiftDecimal(raw, 2) : null;
    case 'exitPrice':
    case 'riskBalance':
    case 'riskAmount':
    case 'stopPrice':
    case 'takeProfitPrice':
    case 'portfolioWallet':
      return isPositiveDecimal(raw) ? raw : null;
  }
}

/** Spec values of a venue, as on-screen input strings. */
export function venueInputs(venue: VenuePreset): Partial<Inputs> {
  const spec = venue.spec;
  const text = (value: string | number | undefined, fallback: string): string => (value === undefined ? fallback : String(value));
  const percent = (value: string | number | undefined, fallback: string): string => (value === undefined ? fallback : (shiftDecimal(value, 2) ?? fallback));
  return {
    venue: venue.id,
    instrument: spec.instrument ?? 'linear',
    mmr: percent(spec.mmr, '0'),
    mmAmount: text(spec.mmAmount, '0'),
    mmBasis: spec.mmBasis ?? 'mark',
    tiers: tiersToText(spec.tiers, true),
    maxLeverage: text(spec.maxLeverage, ''),
    feeRate: percent(spec.feeRate, '0'),
    closeFeeInLiquidation: spec.closeFeeInLiquidation === true || spec.closeFeeInLiquidation === 'true' ? 'true' : 'false',
    liquidationThreshold: percent(spec.liquidationThreshold, ''),
    liquidationRatio: percent(spec.liquidationRatio, ''),
    ltv: percent(spec.ltv, ''),
  };
}

/** Applies a venue preset: its rules replace the old ones; position inputs stay unless the instrument changes. */
export function applyVenue(inputs: Inputs, venueId: string): Inputs {
  const venue = findVenue(venueId);
  if (venue === undefined) return inputs;
  const next: Inputs = { ...inputs, ...venueInputs(venue), loops: '' };
  if (venue.id === 'custom') return { ...inputs, venue: 'custom' };
  if (next.instrument !== inputs.instrument) {
    const example = instrumentExamples[instrumentOf(next)];
    return { ...next, ...example, entry: venue.examplePrice, marginMode: 'isolated', solveFor: 'size' };
  }
  return next;
}

export function instrumentOf(inputs: Inputs): Instrument {
  return inputs.instrument === 'inverse' || inputs.instrument === 'loan' ? inputs.instrument : 'linear';
}

export const DEFAULT_VENUE = 'binance-usdm-btcusdt';

/** The first view teaches something: a BTC long at 20× on Binance. */
export function defaultInputs(): Inputs {
  return { ...applyVenue({ ...blankInputs, ...instrumentExamples.linear }, DEFAULT_VENUE), ...instrumentExamples.linear, entry: '50000' };
}

/** Which input keys differ from the venue preset (shown as “custom”). */
export function customizedKeys(inputs: Inputs): InputKey[] {
  const venue = findVenue(inputs.venue);
  if (venue === undefined || venue.id === 'custom') return [];
  const preset = venueInputs(venue);
  return fields
    .map((field) => field.key)
    .filter((key) => key !== 'venue' && key !== 'instrument')
    .filter((key) => {
      const expected = preset[key];
      return expected !== undefined && normalize(expected) !== normalize(inputs[key]);
    });
}

function normalize(value: string): string {
  return value.replace(/\s+/g, '');
}

const threeWay: readonly PositionKey[] = ['size', 'collateral', 'leverage'];

const crossOnly: readonly PositionKey[] = ['marginMode', 'otherMaintenance', 'otherPnl'];
const perpetualOnly: readonly PositionKey[] = ['mmr', 'mmAmount', 'mmBasis', 'tiers', 'maxLeverage', 'closeFeeInLiquidation', 'fundingRate', 'fundingIntervalHours'];
const loanOnly: readonly PositionKey[] = ['liquidationThreshold', 'liquidationRatio', 'ltv', 'loops', 'borrowApr', 'supplyApr'];

/** Keys the model should not see for these inputs: the other instrument's fields and the worked-out figure. */
function hiddenKeys(inputs: Inputs): Set<PositionKey> {
  const loan = inputs.instrument === 'loan';
  const cross = inputs.marginMode === 'cross' && !loan;
  const hidden = new Set<PositionKey>(loan ? perpetualOnly : loanOnly);
  if (!cross) crossOnly.forEach((key) => hidden.add(key));
  const solved = threeWay.find((key) => key === inputs.solveFor);
  if (!cross && solved !== undefined) hidden.add(solved);
  // Loops set a loan's leverage unless leverage is the figure being worked out.
  if (loan && inputs.loops.trim() !== '' && solved !== 'leverage') {
    hidden.add('leverage');
    if (solved !== undefined) hidden.delete(solved === 'size' ? 'collateral' : 'size');
  }
  if (loan && inputs.liquidationThreshold.trim() !== '') hidden.add('liquidationRatio');
  return hidden;
}

/** What the model sees: fractions for rates, two of size/collateral/leverage (all three in cross). */
export function inputsToSpec(inputs: Inputs): PositionSpec {
  const hidden = hiddenKeys(inputs);
  const spec: Record<string, unknown> = {};
  for (const key of positionKeys) {
    const raw = inputs[key].trim();
    if (raw === '' || hidden.has(key)) continue;
    if (key === 'tiers') spec[key] = textToTiers(raw, true);
    else if (key === 'thresholds') spec[key] = raw.split(/[,;\s]+/).filter((part) => part !== '');
    else if (percentKeys.has(key)) spec[key] = shiftDecimal(raw, -2) ?? raw;
    else spec[key] = raw;
  }
  return toPositionSpec(spec);
}

type NumericPositionKey = Exclude<PositionKey, 'instrument' | 'side' | 'marginMode' | 'mmBasis' | 'closeFeeInLiquidation' | 'tiers' | 'thresholds'>;

/** Spec keys whose values are plain numbers, read from the field definitions so a new key needs no second list. */
const numericPositionKeys: readonly NumericPositionKey[] = positionKeys.filter((key): key is NumericPositionKey => {
  const kind = fieldDefinition(key).kind;
  return kind === 'number' || kind === 'percent';
});

// The record above was assembled key by key; this re-reads it into the typed spec without casts.
function toPositionSpec(record: Record<string, unknown>): PositionSpec {
  const text = (key: string): string | undefined => {
    const value = record[key];
    return typeof value === 'string' ? value : undefined;
  };
  const spec: PositionSpec = {};
  const assign = <K extends keyof PositionSpec>(key: K, value: PositionSpec[K] | undefined): void => {
    if (value !== undefined) spec[key] = value;
  };
  const instrument = text('instrument');
  assign('instrument', instrument === 'linear' || instrument === 'inverse' || instrument === 'loan' ? instrument : undefined);
  const side = text('side');
  assign('side', side === 'long' || side === 'short' ? side : undefined);
  const marginMode = text('marginMode');
  assign('marginMode', marginMode === 'isolated' || marginMode === 'cross' ? marginMode : undefined);
  const basis = text('mmBasis');
  assign('mmBasis', basis === 'mark' || basis === 'entry' ? basis : undefined);
  const closeFee = text('closeFeeInLiquidation');
  assign('closeFeeInLiquidation', closeFee === 'true' ? true : closeFee === 'false' ? false : undefined);
  for (const key of numericPositionKeys) {
    assign(key, text(key));
  }
  const tiers = record['tiers'];
  if (Array.isArray(tiers)) spec.tiers = tiers.filter((tier): tier is TierInput => typeof tier === 'object' && tier !== null);
  const thresholds = record['thresholds'];
  if (Array.isArray(thresholds)) spec.thresholds = thresholds.filter((level): level is string => typeof level === 'string');
  return spec;
}

/** Field errors from the model, keyed by input key; an error on the worked-out figure goes to that figure. */
export function fieldErrors(inputs: Inputs): Partial<Record<InputKey, string>> {
  const errors: Partial<Record<InputKey, string>> = {};
  for (const error of validate(inputsToSpec(inputs))) {
    const key: SpecKey = error.field;
    if (isInputKey(key) && errors[key] === undefined) errors[key] = error.message;
  }
  return errors;
}

// ---------- The outside world: URL parameters, element attributes, React props ----------

export interface ParsedConfig {
  inputs: Inputs;
  widget: Partial<WidgetSettings>;
  /** Keys whose values were malformed and replaced by defaults. */
  rejected: ConfigKey[];
  /** Keys not in the schema. */
  unknown: string[];
  versionNote: string | null;
}

function choiceValues(key: InputKey): string[] {
  if (key === 'venue') return venuePresets.map((venue) => venue.id);
  return (fieldDefinition(key).options ?? []).map((option) => option.value);
}

/** Outside-world value (rates as fractions) → on-screen input string, or null when malformed. */
export function externalToInput(key: InputKey, value: string): string | null {
  const raw = value.trim();
  if (raw.length > MAX_VALUE_LENGTH) return null;
  if (isToolKey(key)) return toolValue(key, raw);
  const definition = fieldDefinition(key);
  switch (definition.kind) {
    case 'fills':
    case 'portfolio':
      // Only toolbox keys have these kinds (handled above).
      return null;
    case 'choice':
      return choiceValues(key).includes(raw) ? raw : null;
    case 'boolean':
      return raw === 'true' || raw === 'false' ? raw : raw === '' ? 'true' : null;
    case 'percent':
      return raw === '' ? '' : shiftDecimal(raw, 2);
    case 'number':
      return raw === '' || shiftDecimal(raw, 0) !== null ? raw : null;
    case 'levels': {
      const parts = raw.split(/[,;\s]+/).filter((part) => part !== '');
      return parts.every((part) => shiftDecimal(part, 0) !== null) ? parts.join(', ') : null;
    }
    case 'tiers': {
      const tiers = textToTiers(raw, false);
      if (tiers === undefined) return '';
      const readable = tiers.every((tier) => shiftDecimal(tier.floor, 0) !== null && shiftDecimal(tier.mmr, 0) !== null);
      return readable ? tiersToText(tiers, true) : null;
    }
  }
}

/** On-screen input string → outside-world value (rates as fractions). */
export function inputToExternal(key: InputKey, value: string): string {
  const kind = fieldDefinition(key).kind;
  if (kind === 'percent') return value.trim() === '' ? '' : (shiftDecimal(value, -2) ?? value);
  if (kind === 'tiers') return tiersToText(textToTiers(value, true), false).replace(/\s+/g, '');
  if (kind === 'levels') return value.replace(/\s+/g, '');
  if (kind === 'fills') return value.replace(/\s+/g, '');
  if (kind === 'portfolio') return portfolioToText(portfolioFromText(value, true), false).replace(/\s+/g, '');
  return value.trim();
}

const views = ['inputs', 'results', 'chart', 'amplification', 'scenarios'] as const;

function widgetValue(key: WidgetKey, value: string): string | null {
  const raw = value.trim();
  if (raw.length > 200) return null;
  switch (key) {
    case 'theme':
      return raw === 'light' || raw === 'dark' || raw === 'auto' ? raw : null;
    case 'locale':
      try {
        return Intl.NumberFormat.supportedLocalesOf([raw]).length > 0 ? raw : null;
      } catch {
        return null;
      }
    case 'currency':
      return /^[A-Za-z]{3}$/.test(raw) ? raw.toUpperCase() : null;
    case 'height': {
      const height = Number(raw);
      return Number.isInteger(height) && height >= 200 && height <= 4000 ? raw : null;
    }
    case 'title':
      return raw;
    case 'controls': {
      const keys = raw.split(',').map((part) => part.trim()).filter((part) => part !== '');
      return keys.every((part) => isInputKey(part)) ? keys.join(',') : null;
    }
    case 'views': {
      const chosen = raw.split(',').map((part) => part.trim()).filter((part) => part !== '');
      return chosen.every((part) => views.some((view) => view === part)) ? chosen.join(',') : null;
    }
  }
}

/**
 * Reads a configuration from flat key/value pairs (URL query, attributes or props). Malformed values
 * fall back to defaults and are named in `rejected`; values the model refuses are treated the same.
 */
export function parseConfig(entries: Iterable<readonly [string, string]>, base: Inputs = defaultInputs()): ParsedConfig {
  const given = new Map<string, string>();
  for (const [key, value] of entries) given.set(key, value);
  const rejected: ConfigKey[] = [];
  const unknown: string[] = [];
  const widget: Partial<WidgetSettings> = {};
  let inputs: Inputs = { ...base };
  const version = given.get('v');
  const versionNote = version !== undefined && version !== SCHEMA_VERSION ? `This link was made by schema version ${version.slice(0, 10)}; it was read as version ${SCHEMA_VERSION}.` : null;

  // The venue comes first: its rules are the base that explicit keys then override.
  const venue = given.get('venue');
  if (venue !== undefined) {
    const parsed = externalToInput('venue', venue);
    if (parsed === null) rejected.push('venue');
    else inputs = applyVenue(inputs, parsed);
  }
  const explicit = new Set<InputKey>();
  for (const [key, value] of given) {
    if (key === 'v' || key === 'venue') continue;
    if (isWidgetKey(key)) {
      const parsed = widgetValue(key, value);
      if (parsed === null) rejected.push(key);
      else widget[key] = parsed;
      continue;
    }
    if (!isInputKey(key)) {
      unknown.push(key.slice(0, 40));
      continue;
    }
    const parsed = externalToInput(key, value);
    if (parsed === null) rejected.push(key);
    else {
      inputs = { ...inputs, [key]: parsed };
      explicit.add(key);
    }
  }
  // Three-way keys: whichever of size/collateral/leverage was not given is the one worked out.
  if (!explicit.has('solveFor')) {
    const given = (key: InputKey): boolean => explicit.has(key) && inputs[key].trim() !== '';
    const missing = threeWay.find((key) => !given(key));
    const givenCount = threeWay.filter(given).length;
    if (givenCount === 2 && missing !== undefined) inputs = { ...inputs, solveFor: missing };
  }
  // Values that parse but that the model refuses (leverage 500× on a 125× venue) are reset too.
  const errors = fieldErrors(inputs);
  for (const key of explicit) {
    if (errors[key] !== undefined) {
      const candidate = { ...inputs, [key]: base[key] };
      if (fieldErrors(candidate)[key] === undefined) {
        inputs = candidate;
        rejected.push(key);
      }
    }
  }
  return { inputs, widget, rejected, unknown, versionNote };
}

/** Flat outside-world pairs for the current inputs (rates as fractions), versioned. Values the venue preset restores are left out. */
export function serializeInputs(inputs: Inputs): [string, string][] {
  const pairs: [string, string][] = [['v', SCHEMA_VERSION]];
  const venue = findVenue(inputs.venue);
  const preset = venue === undefined || venue.id === 'custom' ? {} : venueInputs(venue);
  const customized = new Set(customizedKeys(inputs));
  const defaults = defaultInputs();
  for (const field of fields) {
    const fromPreset = preset[field.key] !== undefined && field.key !== 'venue' && !customized.has(field.key);
    const value = inputToExternal(field.key, inputs[field.key]);
    // An emptied field is written as `key=` when the reader would otherwise fill it from the preset or the defaults.
    const reference = preset[field.key] ?? defaults[field.key];
    if (!fromPreset && (value !== '' || reference !== '')) pairs.push([field.key, value]);
  }
  return pairs;
}

export function toQueryString(inputs: Inputs): string {
  return new URLSearchParams(serializeInputs(inputs)).toString();
}

export { positionKeys, widgetKeys };
export type { InputKey, Inputs, WidgetKey, WidgetSettings };
