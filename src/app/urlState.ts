import { defaultInputs } from '../config/presets';
import { configNotices, parseConfig, serializeLink } from '../config/codec';
import { linkKeys, MAX_SCENARIOS, SCENARIO_NAME_MAX_LENGTH, setLinkValue } from '../config/schema';
import type { Inputs, LinkSettings } from '../config/schema';
import type { ParsedConfig } from '../config/codec';
import type { CalculatorState, CalculatorStoreOptions, Scenario, ThemeChoice } from '../store/calculatorStore';

/** localStorage key of the standalone page; bump the suffix with the URL schema version. */
export const STORAGE_KEY = 'leverage-lens:v1';
/** A saved session longer than this is not read (it could only come from tampering): four scenarios fit in a few KB. */
export const MAX_STORED_LENGTH = 64_000;

/** What the page keeps in its address, its shared link and its saved session: one query string for all three. */
export type PersistedState = { inputs: Inputs; theme: ThemeChoice; scenarios?: readonly Scenario[] } & Omit<Partial<LinkSettings>, 'scenarios'>;

/** The store's persisted part, under the link's key names. */
export function persistedFrom(state: Pick<CalculatorState, 'inputs' | 'theme' | 'scenarios' | 'view' | 'toolTab' | 'heldAxes'> & Partial<Pick<CalculatorState, 'predict'>>): PersistedState {
  const held = state.heldAxes === null ? {} : { hold: state.heldAxes };
  // A lesson that asks for a guess keeps asking after a reload or in the shared link; the guess itself stays on the page.
  const predict = state.predict === undefined || state.predict === null ? {} : { predict: state.predict.target };
  return { inputs: state.inputs, theme: state.theme, scenarios: state.scenarios, chart: state.view, tool: state.toolTab, ...held, ...predict };
}

function linkOf(state: PersistedState): Partial<LinkSettings> {
  const link: Partial<LinkSettings> = {};
  for (const key of linkKeys) setLinkValue(link, key, state[key]);
  return link;
}

/** The query string for a state: the codec's flat keys (rates as fractions) and link keys, plus the theme when chosen. */
export function queryFor(inputs: Inputs, theme: ThemeChoice, link: Partial<LinkSettings> = {}): string {
  const pairs = serializeLink(inputs, link);
  if (theme !== 'auto') pairs.push(['theme', theme]);
  return new URLSearchParams(pairs).toString();
}

function stateQuery(state: PersistedState): string {
  return queryFor(state.inputs, state.theme, linkOf(state));
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
  /** Saved scenarios and open tabs, each only when the link gives it. */
  link: Partial<LinkSettings>;
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
  return { inputs: parsed.inputs, theme: parsed.widget.theme ?? null, link: parsed.link, notices: noticesFor(parsed, source) };
}

/** The saved session as text, or null for the default state (nothing worth keeping): the link's query, in a versioned record. */
export function storedText(state: PersistedState): string | null {
  return storedTextFor(persistedQuery(state));
}

/** The saved session for a query from persistedQuery (the sync works the query out once for address and storage). */
export function storedTextFor(query: string | null): string | null {
  return query === null ? null : JSON.stringify({ v: 1, query });
}

/** The state's query string, or null for the default state (a clean address, nothing to save). */
export function persistedQuery(state: PersistedState): string | null {
  const query = stateQuery(state);
  return query === queryFor(defaultInputs(), 'auto') ? null : query;
}

export function isDefaultState(state: PersistedState): boolean {
  return persistedQuery(state) === null;
}

function field(record: unknown, key: string): unknown {
  return typeof record === 'object' && record !== null ? Object.entries(record).find(([name]) => name === key)?.[1] : undefined;
}

export interface StoredState {
  inputs: Inputs | null;
  theme: ThemeChoice | null;
  link: Partial<LinkSettings>;
  notices: string[];
}

const emptyStored: StoredState = { inputs: null, theme: null, link: {}, notices: [] };

/** Sessions saved before scenarios joined the link kept them beside it, each as its own query. */
function legacyScenarios(data: unknown): Partial<LinkSettings> {
  const entries = field(data, 'scenarios');
  if (!Array.isArray(entries)) return {};
  const scenarios = entries.slice(0, MAX_SCENARIOS).flatMap((entry: unknown) => {
    const name = field(entry, 'name');
    const query = field(entry, 'query');
    if (typeof name !== 'string' || typeof query !== 'string') return [];
    return [{ name: name.slice(0, SCENARIO_NAME_MAX_LENGTH), inputs: parseConfig(new URLSearchParams(query).entries()).inputs }];
  });
  return { scenarios };
}

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
  const stored = typeof query === 'string' ? readLink(query, 'saved session') : null;
  const link = stored?.link.scenarios === undefined ? { ...stored?.link, ...legacyScenarios(data) } : stored.link;
  return { inputs: stored?.inputs ?? null, theme: stored?.theme ?? null, link, notices: stored?.notices ?? [] };
}

/**
 * The store's first state. A link's parameters win over the saved session, key by key: a link without scenarios
 * keeps the saved ones (the session is rewritten from this state at once, so they would be lost otherwise).
 */
export function initialState(search: string, stored: string | null): CalculatorStoreOptions {
  const link = readLink(search);
  const saved = parseStored(stored);
  const settings: Partial<LinkSettings> = { ...saved.link, ...link?.link };
  const scenarios: Scenario[] = (settings.scenarios ?? []).map((scenario, index) => ({ id: `linked-${index}`, name: scenario.name, inputs: scenario.inputs }));
  return {
    inputs: link?.inputs ?? saved.inputs ?? defaultInputs(),
    theme: link?.theme ?? saved.theme ?? 'auto',
    notices: link !== null ? link.notices : saved.notices,
    scenarios,
    view: settings.chart,
    toolTab: settings.tool,
    heldAxes: settings.hold,
    predict: settings.predict,
  };
}

function withDisplay(query: string, display: readonly [string, string][]): string {
  const extra = new URLSearchParams(display.map(([key, value]) => [key, value])).toString();
  return [query, extra].filter((part) => part !== '').join('&');
}

/** The address bar for a state: no query at all for the default state; otherwise the link to share. */
export function addressFor(pathname: string, hash: string, state: PersistedState, display: readonly [string, string][] = []): string {
  return addressForQuery(pathname, hash, persistedQuery(state), display);
}

/** The address bar for a query from persistedQuery. */
export function addressForQuery(pathname: string, hash: string, query: string | null, display: readonly [string, string][] = []): string {
  const search = withDisplay(query ?? '', display);
  return `${pathname}${search === '' ? '' : `?${search}`}${hash}`;
}

/** The link to share: always carries the full query, so it works even when the defaults change later; the page's number format goes along. */
export function shareLink(origin: string, pathname: string, state: PersistedState, display: readonly [string, string][] = []): string {
  return `${origin}${pathname}?${withDisplay(stateQuery(state), display)}`;
}
