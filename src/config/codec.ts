import { findVenue, venuePresets } from '../model/venues';
import { readFillsLink, readPortfolioLink, readTiersLink, portfolioFromText, portfolioToText, textToTiers, tiersToText } from './lists';
import { applyVenue, customizedKeys, defaultInputs, venueInputs } from './presets';
import { fieldErrors, levelParts, textProblem } from './spec';
import {
  embedViews,
  fieldDefinition,
  fields,
  fractionText,
  fractionToPercent,
  HEIGHT_RANGE,
  isEmbedView,
  isInputKey,
  isPercentKey,
  isThemeChoice,
  isLinkKey,
  isWidgetKey,
  linkKeyRecord,
  linkKeyRecords,
  linkKeys,
  MAX_SCENARIOS,
  percentText,
  percentToFraction,
  readNumberText,
  SCENARIO_NAME_MAX_LENGTH,
  setLinkValue,
  TITLE_MAX_LENGTH,
  withText,
} from './schema';
import type { ConfigKey, HeldAxes, InputKey, Inputs, LinkKey, LinkSettings, NamedInputs, ThreeWayKey, WidgetKey, WidgetSettings } from './schema';

/*
 * The link codec: flat key/value pairs from the outside world (URL parameters, element attributes, React props;
 * rates as fractions) to inputs and widget settings, and back. Every value goes through the schema's reading.
 */

export const SCHEMA_VERSION = '1';
/** A link, attribute set or prop object with more pairs than this is read up to here; the rest is reported. */
const MAX_PAIRS = 200;

export interface ParsedConfig {
  inputs: Inputs;
  widget: Partial<WidgetSettings>;
  /** What the link carries beside the inputs: saved scenarios, open tabs. */
  link: Partial<LinkSettings>;
  /** Keys whose values were not used (defaults kept), each with the reason in plain words. */
  rejected: { key: ConfigKey; reason: string }[];
  /** Keys not in the schema. */
  unknown: string[];
  versionNote: string | null;
}

function choiceValues(key: InputKey): string[] {
  if (key === 'venue') return venuePresets.map((venue) => venue.id);
  return (fieldDefinition(key).options ?? []).map((option) => option.value);
}

type Reading = { ok: true; value: string } | { ok: false; reason: string };
const refused = (reason: string): Reading => ({ ok: false, reason });

/** Outside-world value (rates as fractions) → on-screen input text, or the reason it cannot be used. */
export function readExternal(key: InputKey, value: string): Reading {
  const raw = value.trim();
  const definition = fieldDefinition(key);
  const problem = textProblem(key, raw);
  switch (definition.kind) {
    case 'choice':
      return choiceValues(key).includes(raw) ? { ok: true, value: raw } : refused(`is not one of ${choiceValues(key).slice(0, 6).join(', ')}.`);
    case 'boolean':
      return raw === 'true' || raw === 'false' ? { ok: true, value: raw } : raw === '' ? { ok: true, value: 'true' } : refused('must be true or false.');
    case 'number':
      return problem === null ? { ok: true, value: raw } : refused(problem);
    case 'percent':
      if (problem !== null) return refused(problem);
      if (key === 'targetRoe' && Math.abs(Number(raw)) > 10000) return refused('must be within ±1,000,000 %.');
      return { ok: true, value: fractionToPercent(fractionText(raw)) };
    case 'levels':
      return problem === null ? { ok: true, value: levelParts(raw).join(', ') } : refused(problem);
    case 'tiers': {
      const text = problem === null ? readTiersLink(raw) : null;
      return text === null ? refused(problem ?? 'Brackets need floor:rate:amount:maxLeverage rows with numbers.') : { ok: true, value: text };
    }
    case 'fills': {
      const text = problem === null ? readFillsLink(raw) : null;
      return text === null ? refused(problem ?? 'Fills need price:size rows with positive numbers.') : { ok: true, value: text };
    }
    case 'portfolio': {
      const text = problem === null ? readPortfolioLink(raw) : null;
      return text === null ? refused(problem ?? 'Positions need name:side:entry:size:mark:rate rows.') : { ok: true, value: text };
    }
  }
}

/** Outside-world value → on-screen input text, or null when it cannot be used. */
export function externalToInput(key: InputKey, value: string): string | null {
  const reading = readExternal(key, value);
  return reading.ok ? reading.value : null;
}

/** On-screen input text → outside-world value (rates as fractions). */
export function inputToExternal(key: InputKey, value: string): string {
  switch (fieldDefinition(key).kind) {
    case 'tiers':
      return tiersToText(textToTiers(value, true), false).replace(/\s+/g, '');
    case 'levels':
    case 'fills':
      return value.replace(/\s+/g, '');
    case 'portfolio':
      return portfolioToText(portfolioFromText(value, true), false).replace(/\s+/g, '');
    default:
      return isPercentKey(key) ? percentToFraction(percentText(value)) : value.trim();
  }
}

function list(raw: string): string[] {
  return raw
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

type WidgetReading = { ok: true; settings: Partial<WidgetSettings> } | { ok: false; reason: string };

/** A widget setting, typed, or the reason it cannot be used. */
function readWidget(key: WidgetKey, value: string): WidgetReading {
  const raw = value.trim();
  if (raw.length > TITLE_MAX_LENGTH) return { ok: false, reason: `is too long: at most ${TITLE_MAX_LENGTH} characters.` };
  switch (key) {
    case 'theme':
      return isThemeChoice(raw) ? { ok: true, settings: { theme: raw } } : { ok: false, reason: 'must be light, dark or auto.' };
    case 'locale':
      try {
        if (Intl.NumberFormat.supportedLocalesOf([raw]).length > 0) return { ok: true, settings: { locale: raw } };
      } catch {
        // An invalid tag throws; it is reported below like an unsupported one.
      }
      return { ok: false, reason: 'is not a locale this browser knows (e.g. en-US, de-DE).' };
    case 'currency':
      return /^[A-Za-z]{3}$/.test(raw) ? { ok: true, settings: { currency: raw.toUpperCase() } } : { ok: false, reason: 'must be a three-letter code such as USD or EUR.' };
    case 'height': {
      const height = Number(raw);
      return Number.isInteger(height) && height >= HEIGHT_RANGE.min && height <= HEIGHT_RANGE.max
        ? { ok: true, settings: { height } }
        : { ok: false, reason: `must be a whole number of pixels from ${HEIGHT_RANGE.min} to ${HEIGHT_RANGE.max}.` };
    }
    case 'title':
      return { ok: true, settings: { title: raw } };
    case 'controls': {
      const keys = list(raw);
      const unknown = keys.find((part) => !isInputKey(part));
      return unknown === undefined ? { ok: true, settings: { controls: [...new Set(keys.filter(isInputKey))] } } : { ok: false, reason: `names an unknown input (${unknown.slice(0, 30)}).` };
    }
    case 'views': {
      const chosen = list(raw);
      const unknown = chosen.find((part) => !isEmbedView(part));
      return unknown === undefined ? { ok: true, settings: { views: embedViews.filter((view) => chosen.includes(view)) } } : { ok: false, reason: `must list views from ${embedViews.join(', ')}.` };
    }
  }
}

const threeWay: readonly ThreeWayKey[] = ['size', 'collateral', 'leverage'];

/**
 * Reads a configuration from flat key/value pairs (URL query, attributes or props). Unusable values fall back to
 * defaults and are named in `rejected` with the reason; values the model refuses are treated the same.
 */
export function parseConfig(entries: Iterable<readonly [string, string]>, base: Inputs = defaultInputs()): ParsedConfig {
  const given = new Map<string, string>();
  let count = 0;
  for (const [key, value] of entries) {
    if (++count > MAX_PAIRS) break;
    given.set(key, value);
  }
  const rejected: ParsedConfig['rejected'] = [];
  const unknown: string[] = [];
  let widget: Partial<WidgetSettings> = {};
  const linkTexts: [LinkKey, string][] = [];
  let inputs: Inputs = { ...base };
  const version = given.get('v');
  const versionNote = version !== undefined && version !== SCHEMA_VERSION ? `This link was made by schema version ${version.slice(0, 10)}; it was read as version ${SCHEMA_VERSION}.` : null;

  // The venue comes first: its rules are the base that explicit keys then override.
  const venue = given.get('venue');
  if (venue !== undefined) {
    const reading = readExternal('venue', venue);
    if (reading.ok) inputs = applyVenue(inputs, reading.value);
    else rejected.push({ key: 'venue', reason: reading.reason });
  }
  const explicit = new Set<InputKey>();
  for (const [key, value] of given) {
    if (key === 'v' || key === 'venue') continue;
    if (isWidgetKey(key)) {
      const reading = readWidget(key, value);
      if (reading.ok) widget = { ...widget, ...reading.settings };
      else rejected.push({ key, reason: reading.reason });
      continue;
    }
    if (isLinkKey(key)) {
      linkTexts.push([key, value]);
      continue;
    }
    if (!isInputKey(key)) {
      unknown.push(key.slice(0, 40));
      continue;
    }
    const reading = readExternal(key, value);
    if (!reading.ok) rejected.push({ key, reason: reading.reason });
    else {
      inputs = withText(inputs, key, reading.value);
      explicit.add(key);
    }
  }
  if (count > MAX_PAIRS) unknown.push(`(${count - MAX_PAIRS} or more pairs past the first ${MAX_PAIRS})`);
  // Three-way keys: whichever of size/collateral/leverage was not given is the one worked out.
  if (!explicit.has('solveFor')) {
    const isGiven = (key: InputKey): boolean => explicit.has(key) && inputs[key].trim() !== '';
    const missing = threeWay.find((key) => !isGiven(key));
    const givenCount = threeWay.filter(isGiven).length;
    if (givenCount === 2 && missing !== undefined) inputs = { ...inputs, solveFor: missing };
  }
  // Links and attributes made before `sizeUnit` gave an inverse size as USD face value: read it so when no unit is named.
  if (!explicit.has('sizeUnit') && inputs.instrument === 'inverse' && inputs.sizeUnit === 'base') inputs = { ...inputs, sizeUnit: 'quote' };
  // Values that parse but that the model refuses (leverage 500× on a 125× venue) are reset too.
  const errors = fieldErrors(inputs);
  for (const key of explicit) {
    const error = errors[key];
    if (error !== undefined) {
      const candidate = withText(inputs, key, base[key]);
      if (fieldErrors(candidate)[key] === undefined) {
        inputs = candidate;
        rejected.push({ key, reason: error });
      }
    }
  }
  // Link keys last: scenarios are written as their differences from the inputs read above.
  const link: Partial<LinkSettings> = {};
  for (const [key, value] of linkTexts) readLinkKey(link, key, value, inputs, rejected);
  return { inputs, widget, link, rejected, unknown, versionNote };
}

/**
 * Flat outside-world pairs for the current inputs (rates as fractions), versioned. Values the venue preset restores
 * are left out, and so is text the schema cannot read (a half-typed or hostile value never reaches a link or storage).
 */
export function serializeInputs(inputs: Inputs): [string, string][] {
  const pairs: [string, string][] = [['v', SCHEMA_VERSION]];
  const venue = findVenue(inputs.venue);
  const preset = venue === undefined || venue.id === 'custom' ? {} : venueInputs(venue);
  const customized = new Set(customizedKeys(inputs));
  const defaults = defaultInputs();
  for (const field of fields) {
    if (textProblem(field.key, inputs[field.key].trim()) !== null) continue;
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

// ---------- Link keys: saved scenarios and open tabs ----------

/** A link key read: its value when usable, and what was wrong (a scenario list can be read in part). */
interface LinkReading<Value> {
  value: Value | null;
  problems: string[];
}

interface LinkCodec<Value> {
  read: (raw: string, main: Inputs) => LinkReading<Value>;
  /** The text to write, or null when there is nothing to write (the default). */
  write: (value: Value, main: Inputs) => string | null;
}

/** A choice: one of the record's options; the first is the default and is left out of links. */
function choiceCodec<Value extends string>(options: readonly [Value, ...Value[]]): LinkCodec<Value> {
  return {
    read: (raw) => {
      const value = options.find((option) => option === raw.trim());
      return value === undefined ? { value: null, problems: [`must be one of ${options.join(', ')}.`] } : { value, problems: [] };
    },
    write: (value) => (value === options[0] ? null : value),
  };
}

const HELD_AXES_FORMAT = 'must be four numbers: lowest price, highest price, lowest value, highest value (prices above zero, each pair rising).';

/** Held axes: `minPrice,maxPrice,minValue,maxValue`, each read by the schema's number rule. */
function readHeldAxes(raw: string): LinkReading<HeldAxes> {
  const parts = raw.split(',');
  const numbers = parts.map((part) => {
    const reading = readNumberText(part);
    return reading.ok && reading.text !== '' ? Number(reading.text) : Number.NaN;
  });
  const [minPrice = Number.NaN, maxPrice = Number.NaN, minValue = Number.NaN, maxValue = Number.NaN] = numbers;
  const usable = parts.length === 4 && numbers.every(Number.isFinite) && minPrice > 0 && maxPrice > minPrice && maxValue > minValue;
  return usable ? { value: { minPrice, maxPrice, minValue, maxValue }, problems: [] } : { value: null, problems: [HELD_AXES_FORMAT] };
}

/** 12 significant digits: what a held range keeps (axesOf in src/chart/axes.ts rounds to the same), so a link reads back exactly. */
function writeHeldAxes(axes: HeldAxes): string {
  return [axes.minPrice, axes.maxPrice, axes.minValue, axes.maxValue].map((value) => String(Number(value.toPrecision(12)))).join(',');
}

/*
 * Scenarios in a link: `name*key=value*key=value|name*…`. Each scenario carries only the keys where it differs from
 * the link's own inputs, written as links write them (rates as fractions). Inside a name or value, `%`, `|` and `*`
 * are written %25, %7C and %2A; the query string encodes the rest.
 */
const SCENARIO_SEPARATOR = '|';
const FIELD_SEPARATOR = '*';
/** Four scenarios with long bracket tables fit in a few KB; longer text could only be hostile. */
export const MAX_SCENARIOS_TEXT = 16_000;

const scenarioEscapes: Readonly<Record<string, string>> = { '%': '%25', '|': '%7C', '*': '%2A' };

function escapeScenarioText(text: string): string {
  return text.replace(/[%|*]/g, (char) => scenarioEscapes[char] ?? char);
}

function unescapeScenarioText(text: string): string {
  return text.replace(/%(25|7C|2A)/gi, (_escape, code: string) => String.fromCharCode(Number.parseInt(code, 16)));
}

/** The keys where a scenario differs from the main inputs, as `parseConfig(pairs, main)` restores it exactly. */
function scenarioPairs(scenario: Inputs, main: Inputs): [string, string][] {
  const venueChanged = scenario.venue !== main.venue;
  // The reader applies the scenario's venue to the main inputs first, as parseConfig does for any link.
  const reference = venueChanged ? applyVenue(main, scenario.venue) : main;
  const pairs: [string, string][] = venueChanged ? [['venue', scenario.venue]] : [];
  for (const { key } of fields) {
    if (key === 'venue' || scenario[key] === reference[key] || textProblem(key, scenario[key].trim()) !== null) continue;
    pairs.push([key, inputToExternal(key, scenario[key])]);
  }
  // Two of size, collateral and leverage without `solveFor` make the reader work out the third: say which it is.
  const threeWayGiven = pairs.filter(([key, value]) => value !== '' && threeWay.some((candidate) => candidate === key)).length;
  if (threeWayGiven === 2 && !pairs.some(([key]) => key === 'solveFor')) pairs.push(['solveFor', scenario.solveFor]);
  return pairs;
}

function writeScenarios(scenarios: readonly NamedInputs[], main: Inputs): string | null {
  if (scenarios.length === 0) return null;
  // The differences are taken from the main inputs as the link's reader will see them.
  const reference = parseConfig(serializeInputs(main)).inputs;
  return scenarios
    .slice(0, MAX_SCENARIOS)
    .map(({ name, inputs }) => [escapeScenarioText(name), ...scenarioPairs(inputs, reference).map(([key, value]) => `${key}=${escapeScenarioText(value)}`)].join(FIELD_SEPARATOR))
    .join(SCENARIO_SEPARATOR);
}

/** A scenario's name as shown: no control characters, at most the schema's length, never empty. */
function scenarioName(raw: string, index: number, problems: string[]): string {
  const name = raw.replace(/\p{Cc}/gu, '').trim();
  if (name.length > SCENARIO_NAME_MAX_LENGTH) problems.push(`, scenario ${index + 1}: its name is longer than ${SCENARIO_NAME_MAX_LENGTH} characters and was shortened.`);
  const shortened = name.slice(0, SCENARIO_NAME_MAX_LENGTH).trim();
  return shortened === '' ? `Scenario ${index + 1}` : shortened;
}

function readScenario(text: string, index: number, main: Inputs, problems: string[]): NamedInputs {
  const [rawName = '', ...fieldTexts] = text.split(FIELD_SEPARATOR);
  const label = `, scenario ${index + 1}`;
  const pairs: [InputKey, string][] = [];
  for (const fieldText of fieldTexts) {
    const at = fieldText.indexOf('=');
    const key = at < 0 ? fieldText : fieldText.slice(0, at);
    if (at < 0 || !isInputKey(key)) problems.push(`${label}: ${key.slice(0, 40)} is not an input with a value.`);
    else pairs.push([key, unescapeScenarioText(fieldText.slice(at + 1))]);
  }
  const parsed = parseConfig(pairs, main);
  for (const rejected of parsed.rejected) problems.push(`${label}: ${rejection(rejected)}`);
  if (parsed.unknown.length > 0) problems.push(`${label}: ${listed(parsed.unknown, ', ')} ignored.`);
  return { name: scenarioName(unescapeScenarioText(rawName), index, problems), inputs: parsed.inputs };
}

function readScenarios(raw: string, main: Inputs): LinkReading<readonly NamedInputs[]> {
  if (raw.length > MAX_SCENARIOS_TEXT) return { value: null, problems: [`is too long: at most ${MAX_SCENARIOS_TEXT} characters.`] };
  if (raw.trim() === '') return { value: [], problems: [] };
  const texts = raw.split(SCENARIO_SEPARATOR);
  const problems: string[] = [];
  if (texts.length > MAX_SCENARIOS) problems.push(`lists ${texts.length} scenarios: the first ${MAX_SCENARIOS} were read.`);
  const scenarios = texts.slice(0, MAX_SCENARIOS).map((text, index) => readScenario(text, index, main, problems));
  return { value: scenarios, problems };
}

const linkCodecs: { [K in LinkKey]: LinkCodec<LinkSettings[K]> } = {
  scenarios: { read: readScenarios, write: writeScenarios },
  chart: choiceCodec(linkKeyRecords.chart.options),
  tool: choiceCodec(linkKeyRecords.tool.options),
  hold: { read: readHeldAxes, write: writeHeldAxes },
  predict: choiceCodec(linkKeyRecords.predict.options),
};

function readLinkKey<K extends LinkKey>(link: Partial<LinkSettings>, key: K, raw: string, main: Inputs, rejected: ParsedConfig['rejected']): void {
  const codec: LinkCodec<LinkSettings[K]> = linkCodecs[key];
  const reading = codec.read(raw, main);
  for (const reason of reading.problems) rejected.push({ key, reason });
  if (reading.value !== null) setLinkValue(link, key, reading.value);
}

function linkText<K extends LinkKey>(link: Partial<LinkSettings>, key: K, main: Inputs): string | null {
  const value: LinkSettings[K] | undefined = link[key];
  const codec: LinkCodec<LinkSettings[K]> = linkCodecs[key];
  return value === undefined ? null : codec.write(value, main);
}

/** The inputs' pairs (serializeInputs) followed by the link keys that differ from their defaults. */
export function serializeLink(inputs: Inputs, link: Partial<LinkSettings>): [string, string][] {
  const pairs = serializeInputs(inputs);
  for (const key of linkKeys) {
    const text = linkText(link, key, inputs);
    if (text !== null) pairs.push([key, text]);
  }
  return pairs;
}

const MAX_LISTED = 8;

function listed(items: readonly string[], separator: string): string {
  const shown = items.slice(0, MAX_LISTED).join(separator);
  return items.length > MAX_LISTED ? `${shown}${separator}and ${items.length - MAX_LISTED} more` : shown;
}

function keyName(key: ConfigKey): string {
  if (isInputKey(key)) return `${fieldDefinition(key).label} (${key})`;
  return isLinkKey(key) ? `${linkKeyRecord(key).label} (${key})` : key;
}

/** "Entry price (entry) is out of range: …": the key named once, then the reason without the label repeated. */
function rejection({ key, reason }: ParsedConfig['rejected'][number]): string {
  const label = isInputKey(key) ? fieldDefinition(key).label : '';
  const bare = label !== '' && reason.startsWith(label) ? reason.slice(label.length).trim() : reason;
  const sentence = /[.!?]$/.test(bare) ? bare : `${bare}.`;
  // A reason that goes on naming a part (", scenario 2: …") follows the key without a space.
  return /^[:,]/.test(sentence) ? `${keyName(key)}${sentence}` : `${keyName(key)} ${sentence}`;
}

/** Plain-text notices for what a configuration got wrong: each names the key and the reason. */
export function configNotices(parsed: ParsedConfig, leads: { rejected: string; unknown: string }): string[] {
  const notices: string[] = [];
  if (parsed.rejected.length > 0) notices.push(`${leads.rejected}: ${listed(parsed.rejected.map(rejection), ' ')}`);
  if (parsed.unknown.length > 0) notices.push(`${leads.unknown}: ${listed(parsed.unknown, ', ')}.`);
  if (parsed.versionNote !== null) notices.push(parsed.versionNote);
  return notices;
}
