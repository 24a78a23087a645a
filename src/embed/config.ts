import { parseConfig } from '../config/codec';
import { fieldDefinition, fields, isInputKey, widgetKeys } from '../config/fields';
import type { InputKey, Inputs, WidgetSettings } from '../config/fields';
import type { ThemeChoice } from '../store/calculatorStore';

/** Panels an embed can show, in the order they are drawn. */
export const embedViews = ['inputs', 'results', 'chart', 'amplification', 'scenarios'] as const;
export type EmbedView = (typeof embedViews)[number];

/** With no `views` key an embed shows the figures and the chart; `controls` add their inputs above. */
export const DEFAULT_VIEWS: readonly EmbedView[] = ['results', 'chart', 'amplification'];

/** Where a configuration came from, for the wording of notices. */
export type ConfigSource = 'attributes' | 'link' | 'props';

/** Every key the schema knows: the element observes these attributes, the iframe page reads these parameters. */
export function schemaKeys(): string[] {
  return ['v', ...fields.map((field) => field.key), ...widgetKeys];
}

/** HTML lowercases attribute names (`mmBasis` is stored as `mmbasis`), so the element observes the lowercase forms. */
export function observedAttributeNames(): string[] {
  return schemaKeys().map((key) => key.toLowerCase());
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
  const lowercase = new Set(known.map((key) => key.toLowerCase()));
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
  /** Plain-text notices about values that were not used. */
  notices: string[];
}

const MAX_LISTED = 8;

function listed(names: readonly string[]): string {
  const shown = names.slice(0, MAX_LISTED).join(', ');
  return names.length > MAX_LISTED ? `${shown} and ${names.length - MAX_LISTED} more` : shown;
}

function keyName(key: string): string {
  return isInputKey(key) ? `${fieldDefinition(key).label} (${key})` : key;
}

const sourceWords: Record<ConfigSource, { values: string; settings: string }> = {
  attributes: { values: 'Some attributes of this widget', settings: 'attributes' },
  link: { values: 'Some parameters of this embed link', settings: 'parameters' },
  props: { values: 'Some props of this widget', settings: 'props' },
};

function themeOf(value: string | undefined): ThemeChoice {
  return value === 'light' || value === 'dark' ? value : 'auto';
}

function listOf(value: string | undefined): string[] {
  return value === undefined ? [] : value.split(',').filter((part) => part !== '');
}

/**
 * Reads an embed's configuration (attributes, URL parameters or props, all flat strings with rates as fractions)
 * through the page's own validator. Nothing here throws: bad values become defaults plus a notice.
 */
export function readEmbedConfig(entries: Iterable<readonly [string, string]>, source: ConfigSource): EmbedConfig {
  const parsed = parseConfig(entries);
  const widget: Partial<WidgetSettings> = parsed.widget;
  const words = sourceWords[source];
  const notices: string[] = [];
  if (parsed.rejected.length > 0) notices.push(`${words.values} could not be used, so defaults were loaded for: ${listed(parsed.rejected.map(keyName))}.`);
  if (parsed.unknown.length > 0) notices.push(`Unknown ${words.settings} were ignored: ${listed(parsed.unknown)}.`);
  if (parsed.versionNote !== null) notices.push(parsed.versionNote);
  const controls = listOf(widget.controls).filter((key): key is InputKey => isInputKey(key));
  const chosenViews = listOf(widget.views);
  const views = widget.views === undefined ? [...DEFAULT_VIEWS] : embedViews.filter((view) => chosenViews.includes(view));
  const height = widget.height === undefined ? null : Number(widget.height);
  return {
    inputs: parsed.inputs,
    controls: [...new Set(controls)],
    views,
    theme: themeOf(widget.theme),
    title: widget.title ?? '',
    height: height !== null && Number.isFinite(height) ? height : null,
    locale: widget.locale ?? null,
    currency: widget.currency ?? null,
    notices,
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

/** The input keys whose values differ between two configurations: an attribute change patches only these. */
export function changedInputs(previous: Inputs, next: Inputs): Partial<Inputs> {
  const patch: Partial<Inputs> = {};
  for (const field of fields) {
    if (previous[field.key] !== next[field.key]) patch[field.key] = next[field.key];
  }
  return patch;
}
