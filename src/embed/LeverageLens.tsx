import type { ReactNode } from 'react';
import type { Analysis } from '../model/types';
import type { ConfigKey, WidgetKeyAlias } from '../config/schema';
import { propsToEntries } from './config';
import { EmbeddedWidget } from './Widget';

/** A schema value as a prop: strings as in attributes; numbers and booleans are written out the same way. */
export type LeverageLensValue = string | number | boolean;

/**
 * Props are the schema's flat keys (the URL parameters and element attributes) and their aliases (`editable` for
 * `controls`), rates as fractions (`mmr={0.004}` is 0.4 %), plus `onChange`.
 */
export type LeverageLensConfig = { [Key in ConfigKey | WidgetKeyAlias | 'v']?: LeverageLensValue };

export interface LeverageLensProps extends LeverageLensConfig {
  /** Called after the first render and whenever the analysis changes (valid or not). */
  onChange?: (analysis: Analysis) => void;
}

/** The embeddable calculator as a React component; import `leverage-lens/style.css` once for its styles. */
export function LeverageLens(props: LeverageLensProps): ReactNode {
  return <EmbeddedWidget entries={propsToEntries(props)} source="props" onChange={props.onChange} />;
}
