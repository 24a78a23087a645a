/*
 * The npm package `leverage-lens`: the React component, the model API and their types.
 * Styles are a separate import: `import 'leverage-lens/style.css'`.
 * The model API is also `leverage-lens/model` (src/embed/model.ts), with no React. It stays re-exported here: both
 * entries load it from one shared file of the package, and a bundler that finds only model imports from this entry
 * drops the widget (package.json `sideEffects`); measured by test/browser/package.test.ts, `analyze` imported from
 * here costs a consumer what it costs from `leverage-lens/model`.
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
