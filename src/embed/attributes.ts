import type { ConfigKey, LinkKey, linkKeyRecords, WidgetKeyAlias } from '../config/schema';

/*
 * The attributes of `<leverage-lens>` for JSX typings (jsx-react.ts, jsx-vue.d.ts), derived from the schema's key
 * types: a new schema key is a new attribute here without an edit. Link keys count only where the schema lets
 * embeds read them (`embed: true`); `v` is the link format's version, which embeds accept too. Nothing here names
 * the element's class: `leverage-lens/element` declares it (HTMLElementTagNameMap), and a second declaration in a
 * JSX typing file would clash with it in a project that loads both.
 */

type EmbedLinkKey = { [Key in LinkKey]: (typeof linkKeyRecords)[Key]['embed'] extends true ? Key : never }[LinkKey];

/** Every key the element reads, under its schema name (`mmBasis`), and the other names a key is read under (`editable`). */
export type LeverageLensAttributeKey = Exclude<ConfigKey, LinkKey> | EmbedLinkKey | WidgetKeyAlias | 'v';

/**
 * The element's own attributes, each under its schema name and its lowercase form (HTML lowercases attribute names,
 * so `mmBasis` and `mmbasis` are the same attribute). Values are written as in a link: rates as fractions.
 */
export type LeverageLensAttributes = { [Key in LeverageLensAttributeKey | Lowercase<LeverageLensAttributeKey>]?: string | number };
