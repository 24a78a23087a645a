import { Component, lazy, Suspense, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { analyze } from '../model/analyze';
import type { Analysis } from '../model/types';
import { ChartPanel } from '../chart/ChartPanel';
import { CalculatorProvider, useDerived } from '../store/context';
import { createCalculatorStore } from '../store/calculatorStore';
import { FormatProvider } from '../store/format';
import type { CalculatorStore, ChartView, Scenario } from '../store/calculatorStore';
import { HeadlineResults, KeyFigures } from '../ui/HeadlineResults';
import { InputsPanel } from '../ui/InputsPanel';
import { NoticeList } from '../ui/NoticeList';
import { ScenariosPanel } from '../ui/ScenariosPanel';
import { changedInputs, patchInputs, readEmbedConfig, sameScenarios } from './config';
import type { ConfigSource, EmbedConfig } from './config';
import { Controls } from './Controls';
import { useHostScheme } from './hostTheme';
import { useReaderLocale } from './readerLocale';
import type { ThemeChoice } from '../config/schema';
// Imported here, not only through the ui barrel: the app build treats src/ui modules as free of side effects.
import '../theme/tokens.css';
import '../ui/ui.css';
import '../chart/chart.css';
import './embed.css';

// `views=path`: the price-path panel arrives in its own chunk (inlined in the element's one file).
const PathSlot = lazy(() => import('../app/PathSlot').then((module) => ({ default: module.PathSlot })));

export interface EmbeddedWidgetProps {
  /** Flat key/value pairs: element attributes, URL parameters or props, rates as fractions. */
  entries: Iterable<readonly [string, string]>;
  source: ConfigSource;
  /** Called after the first render and whenever the analysis changes. */
  onChange?: ((analysis: Analysis) => void) | undefined;
  /** Inside a custom element's shadow root, where the colours come from the host element. */
  shadow?: boolean;
  /** The theme shown (`auto` resolved to the host page's scheme once mounted): the custom element sets its host's colours from it. */
  onThemeShown?: ((theme: ThemeChoice) => void) | undefined;
}

function scenariosOf(config: EmbedConfig): Scenario[] {
  return config.scenarios.map((scenario, index) => ({ id: `configured-${index}`, name: scenario.name, inputs: scenario.inputs }));
}

/** The chart tab to open: the only chart shown, else the configured `chart`, else the first. */
function openingView(config: EmbedConfig): ChartView {
  const offered = chartViewsOf(config.views);
  return (offered.length === 1 ? offered[0] : undefined) ?? config.chart ?? 'equity';
}

function createWidgetStore(config: EmbedConfig): CalculatorStore {
  return createCalculatorStore({ inputs: config.inputs, notices: config.notices, theme: config.theme, scenarios: scenariosOf(config), view: openingView(config), predict: config.predict });
}

/** `views` names the chart views `chart` (equity against price) and `amplification`; a widget with one has no tabs. */
function chartViewsOf(views: readonly string[]): ChartView[] {
  const offered: ChartView[] = [];
  if (views.includes('chart')) offered.push('equity');
  if (views.includes('amplification')) offered.push('amplification');
  return offered;
}

function Body({ config, onChange }: { config: EmbedConfig; onChange: EmbeddedWidgetProps['onChange'] }): ReactNode {
  const { spec } = useDerived();
  // analyze() is memoized per spec object, so this is the analysis the panels already drew.
  const analysis = useMemo(() => analyze(spec), [spec]);
  // The latest onChange without re-notifying when only the callback changes (useEffectEvent is React 19.2 only;
  // the package supports React 18.2 too). Effects run in order, so the ref is current when the next one reads it.
  const latestOnChange = useRef(onChange);
  useEffect(() => {
    latestOnChange.current = onChange;
  });
  useEffect(() => latestOnChange.current?.(analysis), [analysis]);
  const { views, controls } = config;
  const chartViews = useMemo(() => chartViewsOf(views), [views]);
  // Every figure (`results`) sits beside or above the chart; the compact default reads down one column: the picture,
  // the four figures a reader needs (liquidation, distance, amplification, loss), then the inputs they may move.
  const full = views.includes('results');
  const figures = views.includes('figures');
  const chart =
    chartViews.length > 0 ? (
      <div className="lev-panel lev-chart-section lev-embed__chart">
        <ChartPanel views={chartViews} holdingChart={full} />
      </div>
    ) : null;
  const inputs = controls.length > 0 ? <Controls keys={controls} /> : views.includes('inputs') ? <InputsPanel /> : null;
  return (
    <div className={`lev-embed__layout${full ? '' : ' lev-embed__layout--compact'}`}>
      {config.title !== '' ? (
        <h2 className="lev-embed__title">{config.title}</h2>
      ) : !full && figures ? (
        // The compact layout opens on the chart's h3: a level-2 name keeps the host page's heading order (axe heading-order).
        <h2 className="lev-visually-hidden">Leverage Lens calculator</h2>
      ) : null}
      <NoticeList />
      {full ? (
        <div className={`lev-embed__grid${chart !== null ? ' lev-embed__grid--split' : ''}`}>
          <div className="lev-embed__side">
            {inputs}
            <HeadlineResults />
          </div>
          {chart}
        </div>
      ) : (
        <>
          {chart}
          <div className={`lev-embed__below${figures && inputs !== null ? ' lev-embed__below--pair' : ''}`}>
            {figures ? (
              <div className="lev-panel lev-embed__figures">
                <KeyFigures />
              </div>
            ) : null}
            {inputs}
          </div>
        </>
      )}
      {views.includes('scenarios') ? <ScenariosPanel /> : null}
      {views.includes('path') ? (
        <section className="lev-panel" aria-label="Play a price path">
          <Suspense fallback={null}>
            <PathSlot />
          </Suspense>
        </section>
      ) : null}
      <p className="lev-embed__credit">Leverage Lens · a model, not advice · calculated in your browser.</p>
    </div>
  );
}

interface BoundaryState {
  message: string | null;
}

/** A widget failure stays inside the widget: the host page never sees an exception. */
class Boundary extends Component<{ children: ReactNode }, BoundaryState> {
  override state: BoundaryState = { message: null };

  static getDerivedStateFromError(error: unknown): BoundaryState {
    return { message: error instanceof Error ? error.message : 'unknown error' };
  }

  override render(): ReactNode {
    if (this.state.message === null) return this.props.children;
    return (
      <p className="lev-notice lev-notice--stale" role="alert">
        Leverage Lens could not be shown ({this.state.message.slice(0, 200)}).
      </p>
    );
  }
}

/**
 * The embeddable calculator: its own store (two widgets never share state), no URL or storage access, only the
 * inputs named in `controls` and the panels named in `views`. Configuration changes patch the keys that changed,
 * so a reader's own edits to other inputs survive.
 */
export function EmbeddedWidget({ entries, source, onChange, shadow = false, onThemeShown }: EmbeddedWidgetProps): ReactNode {
  // The canonical query string is the memo key: equal configurations are not parsed twice.
  const query = new URLSearchParams([...entries].map(([key, value]): [string, string] => [key, value])).toString();
  const config = useMemo(() => readEmbedConfig(new URLSearchParams(query).entries(), source), [query, source]);
  const [store] = useState(() => createWidgetStore(config));
  const applied = useRef(config);

  useEffect(() => {
    const previous = applied.current;
    if (previous === config) return;
    applied.current = config;
    const changed = changedInputs(previous.inputs, config.inputs);
    store.setState((state) => ({ inputs: patchInputs(state.inputs, config.inputs, changed), notices: config.notices, theme: config.theme }));
    if (!sameScenarios(previous.scenarios, config.scenarios)) store.setState({ scenarios: scenariosOf(config) });
    // The reader's own tab choice stays unless the configuration changes which charts or which tab it asks for.
    const opening = openingView(config);
    if (opening !== openingView(previous)) store.getState().setView(opening);
  }, [config, store]);

  // A fixed height goes through the CSSOM, not a style attribute: a strict style-src blocks those (and server HTML would carry one).
  const rootRef = useRef<HTMLDivElement>(null);
  const theme = useHostScheme(rootRef, config.theme, shadow);
  useLayoutEffect(() => onThemeShown?.(theme), [onThemeShown, theme]);
  // Server markup and hydration agree on SERVER_LOCALE; the reader's locale follows right after (readerLocale.ts).
  const readerLocale = useReaderLocale();
  const height = config.height;
  useLayoutEffect(() => {
    const root = rootRef.current;
    if (root === null) return;
    root.style.height = height === null ? '' : `${height}px`;
  }, [height]);
  const classes = `lev-theme lev-embed${shadow ? ' lev-embed--shadow' : ''}${height === null ? '' : ' lev-embed--fixed'}`;
  return (
    <div ref={rootRef} className={classes} data-theme={theme}>
      <Boundary>
        <CalculatorProvider store={store}>
          {/* Per widget: a locale or currency change re-renders this widget only, like any other attribute. */}
          <FormatProvider locale={config.locale ?? readerLocale} currency={config.currency ?? undefined}>
            <Body config={config} onChange={onChange} />
          </FormatProvider>
        </CalculatorProvider>
      </Boundary>
    </div>
  );
}
