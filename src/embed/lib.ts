/*
 * The npm package `leverage-lens`: the React component, the model API and their types.
 * Styles are a separate import: `import 'leverage-lens/style.css'`.
 */
export { LeverageLens } from './LeverageLens';
export type { LeverageLensConfig, LeverageLensProps, LeverageLensValue } from './LeverageLens';
export { embedViews, readEmbedConfig, schemaKeys } from './config';
export type { EmbedConfig, EmbedView } from './config';
export { parseConfig, serializeInputs, toQueryString } from '../config/codec';
export { defaultInputs } from '../config/presets';
export type { ParsedConfig } from '../config/codec';
export type { ConfigKey, InputKey, Inputs, WidgetKey, WidgetSettings } from '../config/schema';
export * from '../model/api';
