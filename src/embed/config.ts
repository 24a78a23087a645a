import { configNotices, parseConfig } from '../config/codec';
import { attributeName, embedViews, fields, isWidgetKeyAlias, schemaKeys, widgetKeyAliases, withText } from '../config/schema';
import type { ChartView, PredictTarget, EmbedView, InputKey, Inputs, NamedInputs, ThemeChoice } from '../config/schema';

export { embedViews, schemaKeys };
export type { EmbedView };

/** With no `views` key an embed is compact (about one screen): the equity chart, then the key figures and the `controls`. */
export const DEFAULT_VIEWS: readonly EmbedView[] = ['chart', 'figures'];

/** Where a configuration came from, for the wording of notices. */
export type ConfigSource = 'attributes' | 'link' | 'props';

/** HTML lowercases attribute names (`mmBasis` is stored as `mmbasis`), so the element observes the lowercase forms. */
export function observedAttributeNames(): string[] {
  return schemaKeys().map(attributeName);
}

/** Attributes any element may carry; anything else that is not in the schema is probably a typo worth a notice. */
const globalAttributes = new Set(['id', 'class', 'style', 'hidden', 'lang', 'dir', 'slot', 'part', 'exportparts', 'tabindex', 'role', 'is', 'nonce', 'inert', 'translate', 'autofocus', 'accesskey', 'draggable', 'spellcheck', 'popover']);

function isGlobalAttribute(name: string): boolean {
  return globalAttributes.has(name) || name.startsWith('data-') || name.startsWith('aria-') || name.startsWith('on') || name.startsWith('item');
}

/**
 * An element's attributes under their schema names (getAttribute is case-insensitive on HTML elements), plus any
 * attribute that is neither in the schema nor a global HTML attribute, so a misspelt key is reported, not ignored.
 */
export function attributeEntries(element: Element): [string, string][] {
  const known = schemaKeys();
  const lowercase = new Set(known.map(attributeName));
  const entries = known.flatMap((key): [string, string][] => {
    const value = element.getAttribute(key);
    return value === null ? [] : [[key, value]];
  });
  for (const name of element.getAttributeNames()) {
    const lower = name.toLowerCase();
    if (!lowercase.has(lower) && !isGlobalAttribute(lower)) entries.push([name, '']);
  }
  return entries;
}

export interface EmbedConfig {
  inputs: Inputs;
  /** Inputs the reader may change; everything else is fixed by the author. */
  controls: InputKey[];
  views: EmbedView[];
  theme: ThemeChoice;
  title: string;
  /** Fixed height in CSS pixels, or null to fit the content. */
  height: number | null;
  locale: string | null;
  currency: string | null;
  /** Saved scenarios to compare (`scenarios`, written as links write them). */
  scenarios: readonly NamedInputs[];
  /** The chart tab to open on when both charts are shown, or null for the first. */
  chart: ChartView | null;
  /** Predict, then reveal: 'liquidation' hides the answer until the reader guesses. */
  predict: PredictTarget;
  /** Plain-text notices about values that were not used. */
  notices: string[];
}

const sourceLeads: Record<ConfigSource, { rejected: string; unknown: string }> = {
  attributes: { rejected: 'Some attributes of this widget could not be used, so defaults were loaded for', unknown: 'Unknown attributes were ignored' },
  link: { rejected: 'Some parameters of this embed link could not be used, so defaults were loaded for', unknown: 'Unknown parameters were ignored' },
  props: { rejected: 'Some props of this widget could not be used, so defaults were loaded for', unknown: 'Unknown props were ignored' },
};

const sourceNouns: Record<ConfigSource, string> = { attributes: 'attribute', link: 'parameter', props: 'prop' };

/** What to write instead of an empty list key, which would otherwise mean "nothing" without a word. */
function emptyListNotice(name: string, source: ConfigSource): string | null {
  const noun = sourceNouns[source];
  if (name === 'views') return `The views ${noun} arrived empty, so the default views are shown (${DEFAULT_VIEWS.join(', ')}). List the panels to show, e.g. views="${DEFAULT_VIEWS.join(',')}".`;
  if (name === 'controls' || isWidgetKeyAlias(name)) {
    return `The ${name} ${noun} arrived empty, so no input can be changed. List the inputs the reader may change, e.g. editable="leverage,side". Some frameworks (Astro's MDX among them) turn controls="…" into an empty attribute: write editable instead.`;
  }
  return null;
}

/**
 * Reads an embed's configuration (attributes, URL parameters or props, all flat strings with rates as fractions)
 * through the page's own validator. Nothing here throws: bad values become defaults plus a notice. Aliases
 * (`editable` for `controls`) are read as their key; an empty list key is dropped with a notice saying what to write.
 */
export function readEmbedConfig(entries: Iterable<readonly [string, string]>, source: ConfigSource): EmbedConfig {
  const pairs: [string, string][] = [];
  const aliasesUsed = new Map<string, string>();
  const empty = new Map<string, string>();
  for (const [name, value] of entries) {
    const key = isWidgetKeyAlias(name) ? widgetKeyAliases[name] : name;
    const notice = value.trim() === '' ? emptyListNotice(name, source) : null;
    if (notice !== null) {
      empty.set(key, notice);
      continue;
    }
    if (key !== name) aliasesUsed.set(key, name);
    pairs.push([key, value]);
  }
  // `controls=""` beside a usable `editable="…"` needs no notice.
  const emptyNotices = [...empty].filter(([key]) => !pairs.some(([given]) => given === key)).map(([, notice]) => notice);
  const parsed = parseConfig(pairs);
  // A refused value is reported under the name the author wrote.
  const rejected = parsed.rejected.map((entry) => {
    const alias = aliasesUsed.get(entry.key);
    return alias === undefined ? entry : { ...entry, reason: `(written as ${alias}) ${entry.reason}` };
  });
  const widget = parsed.widget;
  return {
    inputs: parsed.inputs,
    controls: widget.controls ?? [],
    views: widget.views ?? [...DEFAULT_VIEWS],
    theme: widget.theme ?? 'auto',
    title: widget.title ?? '',
    height: widget.height ?? null,
    locale: widget.locale ?? null,
    currency: widget.currency ?? null,
    scenarios: parsed.link.scenarios ?? [],
    chart: parsed.link.chart ?? null,
    predict: parsed.link.predict ?? 'off',
    notices: [...emptyNotices, ...configNotices({ ...parsed, rejected }, sourceLeads[source])],
  };
}

/** Flat string pairs from React props: numbers and booleans are written as the attributes would be. */
export function propsToEntries(props: object): [string, string][] {
  const known = new Set(schemaKeys());
  const entries: [string, string][] = [];
  const given: [string, unknown][] = Object.entries(props);
  for (const [key, value] of given) {
    if (!known.has(key)) continue;
    if (typeof value === 'string') entries.push([key, value]);
    else if ((typeof value === 'number' && Number.isFinite(value)) || typeof value === 'boolean') entries.push([key, String(value)]);
    else if (Array.isArray(value) && value.every((part) => typeof part === 'string')) entries.push([key, value.join(',')]);
  }
  return entries;
}

/** Whether two configurations give the same scenarios: an unrelated attribute change leaves the reader's list alone. */
export function sameScenarios(previous: readonly NamedInputs[], next: readonly NamedInputs[]): boolean {
  return previous.length === next.length && previous.every((scenario, index) => scenario.name === next[index]?.name && changedInputs(scenario.inputs, next[index].inputs).length === 0);
}

/** The input keys whose values differ between two configurations: an attribute change patches only these. */
export function changedInputs(previous: Inputs, next: Inputs): InputKey[] {
  return fields.map((field) => field.key).filter((key) => previous[key] !== next[key]);
}

/** The inputs with the changed keys of `next` written over `current` (the reader's own edits to other keys stay). */
export function patchInputs(current: Inputs, next: Inputs, keys: readonly InputKey[]): Inputs {
  return keys.reduce((patched, key) => withText(patched, key, next[key]), current);
}
