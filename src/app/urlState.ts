import { defaultInputs } from '../config/presets';
import { configNotices, parseConfig, serializeInputs } from '../config/codec';
import type { Inputs } from '../config/schema';
import type { ParsedConfig } from '../config/codec';
import type { CalculatorStoreOptions, Scenario, ThemeChoice } from '../store/calculatorStore';

/** localStorage key of the standalone page; bump the suffix with the URL schema version. */
export const STORAGE_KEY = 'leverage-lens:v1';
/** A saved session longer than this is not read (it could only come from tampering): four scenarios fit in a few KB. */
export const MAX_STORED_LENGTH = 64_000;

export interface PersistedState {
  inputs: Inputs;
  theme: ThemeChoice;
  scenarios: readonly Scenario[];
}

/** The query string for a state: the codec's flat keys (rates as fractions), plus the theme when chosen. */
export function queryFor(inputs: Inputs, theme: ThemeChoice): string {
  const pairs = serializeInputs(inputs);
  if (theme !== 'auto') pairs.push(['theme', theme]);
  return new URLSearchParams(pairs).toString();
}

/** Plain-text notices for what a link got wrong: each names the key and the reason. */
export function noticesFor(parsed: ParsedConfig, source: 'link' | 'saved session'): string[] {
  return configNotices(parsed, {
    rejected: `Some values in the ${source} could not be used, so defaults were loaded for`,
    unknown: `The ${source} had settings this page does not know, which were ignored`,
  });
}

export interface LinkState {
  inputs: Inputs;
  theme: ThemeChoice | null;
  notices: string[];
}

/** The page's own number format from its query (`locale`, `currency`, as for embeds); the browser's when absent. */
export function formatSettingsFrom(search: string): { locale: string | undefined; currency: string | undefined } {
  const widget = parseConfig(new URLSearchParams(search).entries()).widget;
  return { locale: widget.locale, currency: widget.currency };
}

/** The valid `locale` and `currency` of a query, kept when the address bar is rewritten (the store does not hold them). */
export function formatParams(search: string): [string, string][] {
  const { locale, currency } = formatSettingsFrom(search);
  const pairs: [string, string][] = [];
  if (locale !== undefined) pairs.push(['locale', locale]);
  if (currency !== undefined) pairs.push(['currency', currency]);
  return pairs;
}

/** Reads a query string (with or without "?"); null when it carries no parameters. */
export function readLink(search: string, source: 'link' | 'saved session' = 'link'): LinkState | null {
  const params = new URLSearchParams(search);
  if ([...params.keys()].length === 0) return null;
  const parsed = parseConfig(params.entries());
  return { inputs: parsed.inputs, theme: parsed.widget.theme ?? null, notices: noticesFor(parsed, source) };
}

/** The saved session as text, or null for the default state (nothing worth keeping). */
export function storedText(state: PersistedState): string | null {
  if (isDefaultState(state)) return null;
  return JSON.stringify({
    v: 1,
    query: queryFor(state.inputs, state.theme),
    scenarios: state.scenarios.map((scenario) => ({ name: scenario.name, query: queryFor(scenario.inputs, 'auto') })),
  });
}

export function isDefaultState(state: PersistedState): boolean {
  return state.theme === 'auto' && state.scenarios.length === 0 && queryFor(state.inputs, 'auto') === queryFor(defaultInputs(), 'auto');
}

function field(record: unknown, key: string): unknown {
  return typeof record === 'object' && record !== null ? Object.entries(record).find(([name]) => name === key)?.[1] : undefined;
}

export interface StoredState {
  inputs: Inputs | null;
  theme: ThemeChoice | null;
  scenarios: Scenario[];
  notices: string[];
}

const emptyStored: StoredState = { inputs: null, theme: null, scenarios: [], notices: [] };

/** Reads the saved session; anything unreadable is dropped. It goes through the same codec as links. */
export function parseStored(text: string | null): StoredState {
  if (text === null) return emptyStored;
  if (text.length > MAX_STORED_LENGTH) return { ...emptyStored, notices: ['Your saved session was too large to be read, so the defaults were loaded.'] };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ...emptyStored, notices: ['Your saved session could not be read, so the defaults were loaded.'] };
  }
  const query = field(data, 'query');
  const link = typeof query === 'string' ? readLink(query, 'saved session') : null;
  const rawScenarios = field(data, 'scenarios');
  const scenarios: Scenario[] = [];
  if (Array.isArray(rawScenarios)) {
    rawScenarios.slice(0, 4).forEach((entry: unknown, index) => {
      const name = field(entry, 'name');
      const scenarioQuery = field(entry, 'query');
      if (typeof name !== 'string' || typeof scenarioQuery !== 'string') return;
      const parsed = parseConfig(new URLSearchParams(scenarioQuery).entries());
      scenarios.push({ id: `saved-${index}`, name: name.slice(0, 40), inputs: parsed.inputs });
    });
  }
  return { inputs: link?.inputs ?? null, theme: link?.theme ?? null, scenarios, notices: link?.notices ?? [] };
}

/** The store's first state: URL parameters win over the saved session; scenarios come from the session. */
export function initialState(search: string, stored: string | null): CalculatorStoreOptions {
  const link = readLink(search);
  const saved = parseStored(stored);
  const inputs = link?.inputs ?? saved.inputs ?? defaultInputs();
  const theme = link?.theme ?? saved.theme ?? 'auto';
  const notices = link !== null ? link.notices : saved.notices;
  return { inputs, theme, scenarios: saved.scenarios, notices };
}

/** The address bar for a state: no query at all for the default state. */
export function addressFor(pathname: string, hash: string, state: PersistedState, display: readonly [string, string][] = []): string {
  const extra = new URLSearchParams(display.map(([key, value]) => [key, value])).toString();
  if (isDefaultState({ ...state, scenarios: [] })) return extra === '' ? `${pathname}${hash}` : `${pathname}?${extra}${hash}`;
  return `${pathname}?${queryFor(state.inputs, state.theme)}${extra === '' ? '' : `&${extra}`}${hash}`;
}

/** The link to share: always carries the full query, so it works even when the defaults change later; the page's number format goes along. */
export function shareLink(origin: string, pathname: string, inputs: Inputs, theme: ThemeChoice, display: readonly [string, string][] = []): string {
  const extra = new URLSearchParams(display.map(([key, value]) => [key, value])).toString();
  return `${origin}${pathname}?${queryFor(inputs, theme)}${extra === '' ? '' : `&${extra}`}`;
}
