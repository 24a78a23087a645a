import { lazy, memo, Suspense, useCallback, useId, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';
import type { PositionSpec, ValidAnalysis } from '../model/types';
import { useCalculator, useCalculatorStore, useDerived, useSelectors, useView } from '../store/context';
import { toQueryString } from '../config/codec';
import { useFormatter } from '../store/format';
import { useIdleReady, useSettledValue, useValueAfterInput } from '../store/useSettled';
import type { ChartView } from '../store/calculatorStore';
import type { DerivedView } from '../view/derive';
import { EquityChart } from './EquityChart';
import { ChartTools } from './ChartTools';
import { PresenterBar, usePresenter } from './Presenter';
import { GuessLayer, PredictBar, withoutAnswer } from './Predict';
import { hidingAnswer } from '../view/predict';
import { ToolboxLegend, useToolboxChart, useToolboxOnChart, useToolboxPrices } from '../toolbox/chart/ToolboxLayer';
import { CSV_ROWS, csvMetadata, curveToCsv, downloadBlob, downloadCsv, fanToCsv, legendFromPage, resolvedColor, roundPriceGrid, svgsToPng, withMetadata } from './export';
import type { SlideText } from './export';
import type { Formatter } from '../config/format';
import { equityPlan, markerPrice } from './plan';
import type { EquityPlan } from './plan';
import { amplificationFan, axisAnchor, colors, FAN_ROE_CAP, inDomain, leverageCap } from './series';
import { axesOf, equityValueRange, niceStep } from './axes';
import type { HeldAxes } from '../config/schema';
import type { AmplificationFan, EquityUnit, Marker, ScenarioOverlay } from './series';
import { chartSummary, unitsFor } from './summary';
import { priceText } from '../view/display';
import type { Units } from './summary';
import { afterHoldMarker, afterHoldSummary, bandOverflowNote, bandSummary, horizonBands } from './risk';
import type { PriceBand } from './risk';
import { BAND_COLOR } from './RiskBands';

// Not needed for the first chart: each arrives in its own chunk, the holding-period chart just after the first paint.
const RiskOverTime = lazy(() => import('./RiskOverTimeChart').then((module) => ({ default: module.RiskOverTime })));
const FanChart = lazy(() => import('./AmplificationChart').then((module) => ({ default: module.FanChart })));
const LeverageChart = lazy(() => import('./AmplificationChart').then((module) => ({ default: module.LeverageChart })));

/** Below the fold and secondary: the holding-period chart redraws once the inputs pause this long. */
const SECONDARY_CHART_DELAY_MS = 250;

const chartViews: readonly { id: ChartView; label: string }[] = [
  { id: 'equity', label: 'Equity vs price' },
  { id: 'amplification', label: 'Amplification' },
];

const ALL_VIEWS: readonly ChartView[] = ['equity', 'amplification'];

export interface ChartPanelProps {
  /** The chart views offered (an embed's `views` may keep one); tabs appear only when there is a choice. */
  views?: readonly ChartView[];
  /** Whether the liquidation price over the holding period follows the chart (the compact embed leaves it out). */
  holdingChart?: boolean;
}

/** SVG ids must be valid in url(#…): React's useId may contain characters that are not. */
function svgSafe(id: string): string {
  return `lev${id.replace(/[^A-Za-z0-9_-]/g, '')}`;
}

function Swatch({ color, dash, kind = 'line' }: { color: string; dash?: string; kind?: 'line' | 'hatch' | 'area' }): ReactNode {
  if (kind === 'line') {
    return (
      <svg className="lev-swatch" width={28} height={10} aria-hidden="true" focusable="false">
        <line x1={1} y1={5} x2={27} y2={5} stroke={color} strokeWidth={2.5} strokeDasharray={dash === undefined || dash === '0' ? undefined : dash} />
      </svg>
    );
  }
  return (
    <svg className="lev-swatch" width={28} height={10} aria-hidden="true" focusable="false">
      <rect x={1} y={0} width={26} height={10} fill={color} fillOpacity={kind === 'hatch' ? 0.1 : 0.15} stroke={color} strokeOpacity={0.4} />
      {kind === 'hatch' && <path d="M1 10 L11 0 M9 10 L19 0 M17 10 L27 0" stroke={color} strokeOpacity={0.5} strokeWidth={1.5} />}
    </svg>
  );
}

const NO_BANDS: readonly PriceBand[] = [];

/** The chart's text summary while a lesson hides the answer: it must not read it out either. */
const hiddenSummary = 'Equity against price on the winning side of the entry. The liquidation price, its markers and the losing side of the curve are hidden until you reveal your guess.';

/**
 * The axes fitted to a plan: its price range, and the value range of the position's own curve and its 1× line,
 * rounded as they are kept. Scenarios do not stretch it: a 100× scenario leaving the plot shows its amplification.
 */
function fittedAxes(plan: EquityPlan): HeldAxes {
  return axesOf(plan.domain, equityValueRange(plan.rows, [], plan.startEquity));
}

function EquityLegend({ plan, healthName, rangeLabel }: { plan: EquityPlan; healthName: string; rangeLabel: string | null }): ReactNode {
  const format = useFormatter();
  return (
    <ul className="lev-legend" aria-label="Legend">
      <li>
        <Swatch color={colors.equity} /> Equity
      </li>
      <li>
        <Swatch color={colors.unleveraged} dash="6 3" /> Same collateral at 1×
      </li>
      {plan.overlays.map((overlay: ScenarioOverlay) => (
        <li key={overlay.id}>
          <Swatch color={overlay.color} dash={overlay.dash} /> Scenario: {overlay.name}
        </li>
      ))}
      {plan.zones.liquidated !== null && (
        <li>
          <Swatch color={colors.danger} kind="hatch" /> Liquidated
        </li>
      )}
      {plan.zones.warning !== null && plan.zones.warningLevel !== null && (
        <li>
          <Swatch color={colors.warning} kind="area" /> {healthName} below {format.number(plan.zones.warningLevel, { digits: 4 })}
        </li>
      )}
      {rangeLabel !== null && (
        <li>
          <Swatch color={BAND_COLOR} kind="area" /> {rangeLabel}
        </li>
      )}
    </ul>
  );
}

/** Markers not labelled on the chart (no room above the plot), each with its price as the label would give it. */
function MarkerList({ markers, tick }: { markers: readonly Marker[]; tick: string }): ReactNode {
  const format = useFormatter();
  if (markers.length === 0) return null;
  return (
    <ul className="lev-legend lev-marker-list" aria-label="More price markers">
      {markers.map((marker) => (
        <li key={marker.id} className="lev-marker-item" data-marker={marker.id}>
          <Swatch color={marker.color} dash={marker.dash} /> {marker.label} {markerPrice(marker, tick, format)}
        </li>
      ))}
    </ul>
  );
}

/** The words of an exported picture: title, the legend as drawn, axis titles per chart, and the inputs with the convention. */
function slideText(data: PanelData, view: ChartView, root: Element, format: Formatter, venue: string | null, fan: AmplificationFan | null): SlideText {
  const { analysis, units, tick } = data;
  const marginUnit = analysis.marginCurrency === 'coin' ? units.coin : units.quote;
  const equityUnit = data.unit === 'coin' ? units.coin : units.quote;
  const position = `${analysis.side === 'long' ? 'Long' : 'Short'} ${analysis.instrument}, ${analysis.marginMode} margin: entry ${format.price(analysis.entry, tick)}, collateral ${format.money(analysis.collateral, marginUnit, { coin: analysis.marginCurrency === 'coin' })}, leverage ${format.times(analysis.leverage)}.`;
  const caption = `${venue === null ? '' : `${venue}. `}${position} ${analysis.convention}`;
  const price = `Price (${units.quote})`;
  // Only this tab's legend: the holding-period chart below the panel has its own.
  const panel = root.querySelector('.lev-chart-panel') ?? root;
  return view === 'equity'
    ? { title: `Equity against price: ${analysis.side} at ${format.times(analysis.leverage)}`, legend: legendFromPage(panel), axes: [{ x: price, y: `Equity (${equityUnit})` }], caption }
    : {
        title: `Amplification: return on margin by leverage (${analysis.side})`,
        // The fan's lines are labelled on the chart; the legend names their dashes once more, yours solid.
        legend: (fan?.lines ?? []).map((line) => ({ label: line.label, color: resolvedColor(root, line.current ? '--lev-equity' : '--lev-fan'), dash: line.dash })),
        axes: [
          { x: 'Price move from entry (%)', y: 'Return on margin (%)' },
          { x: price, y: 'Effective leverage (×)' },
        ],
        caption,
      };
}

interface PanelData {
  analysis: ValidAnalysis;
  spec: PositionSpec;
  tick: string;
  units: Units;
  unit: EquityUnit;
}

export function ChartPanel({ views = ALL_VIEWS, holdingChart = true }: ChartPanelProps): ReactNode {
  // The input and the headline figures commit at once; the chart (with its toolbox markers) follows in an
  // interruptible render one task later, so the input's frame is not held up by it and a held slider key never
  // queues a chart render per step. The urgent render stops here: the body is memoized.
  const derived = useValueAfterInput(useDerived());
  return <ChartBody derived={derived} offered={views} holdingChart={holdingChart} />;
}

const ChartBody = memo(function ChartBody({ derived, offered, holdingChart }: { derived: DerivedView; offered: readonly ChartView[]; holdingChart: boolean }): ReactNode {
  const chosenView = useCalculator((state) => state.view);
  // A lesson's open question (predict, then reveal) hides everything that gives the answer away until it is revealed.
  const predict = useCalculator((state) => state.predict);
  const hiding = hidingAnswer(predict);
  const setGuess = useCalculator((state) => state.setGuess);
  const views = useMemo(() => {
    // The amplification tab draws each leverage's liquidation: it waits for the reveal.
    const kept = chartViews.filter((candidate) => offered.includes(candidate.id) && (!hiding || candidate.id === 'equity'));
    return kept.length > 0 ? kept : chartViews.filter((candidate) => !hiding || candidate.id === 'equity');
  }, [offered, hiding]);
  const view: ChartView = views.some((candidate) => candidate.id === chosenView) ? chosenView : (views[0]?.id ?? 'equity');
  const setView = useCalculator((state) => state.setView);
  const calculator = useCalculatorStore();
  const zoom = useCalculator((state) => state.zoom);
  const setZoom = useCalculator((state) => state.setZoom);
  const unitChoice = useCalculator((state) => state.equityUnit);
  const setEquityUnit = useCalculator((state) => state.setEquityUnit);
  const scenarios = useView(useSelectors().selectScenarioPlans);
  const reactId = useId();
  const idBase = svgSafe(reactId);
  const rootRef = useRef<HTMLDivElement>(null);
  const presentButtonRef = useRef<HTMLButtonElement>(null);
  const presenter = usePresenter(rootRef, presentButtonRef);
  const [exportMessage, setExportMessage] = useState<string | null>(null);
  // Local, not in the store: a display preference of this panel only.
  const [showRange, setShowRange] = useState(true);
  const format = useFormatter();

  const analysis = derived.shown;
  const spec = derived.shownSpec;
  const tick = derived.tick;
  const units = useMemo(() => unitsFor(derived.venue), [derived.venue]);
  const inverse = analysis?.instrument === 'inverse';
  const unit: EquityUnit = inverse ? unitChoice : 'quote';

  const data = useMemo<PanelData | null>(() => (analysis === null || spec === null ? null : { analysis, spec, tick, units, unit }), [analysis, spec, tick, units, unit]);
  const settledData = useSettledValue(data, SECONDARY_CHART_DELAY_MS);
  const idle = useIdleReady();
  const toolboxOnChart = useToolboxOnChart(derived);
  const toolboxPrices = useToolboxPrices(toolboxOnChart);
  // The axes follow entry and collateral, not leverage: the fit is kept while its anchor stays, so a leverage change
  // steepens the line on the same axes. "Fit" re-fits now; held axes stay through any change (and travel in the link).
  const heldAxes = useCalculator((state) => state.heldAxes);
  const setHeldAxes = useCalculator((state) => state.setHeldAxes);
  const anchor = data === null ? null : axisAnchor(data.analysis, data.unit, zoom);
  const [fitted, setFitted] = useState<{ anchor: string; axes: HeldAxes } | null>(null);
  const fit = fitted !== null && fitted.anchor === anchor ? fitted.axes : null;
  // A toolbox price outside the kept fit (a new fill's liquidation, a far stop) re-fits the automatic axes, as a new
  // anchor does; held axes never move.
  const fitCovers = fit !== null && toolboxPrices.every((price) => price >= fit.minPrice && price <= fit.maxPrice);
  const kept = heldAxes ?? (fitCovers ? fit : null);
  const planFor = useCallback(
    (axes: HeldAxes | null): EquityPlan | null => {
      if (data === null) return null;
      const domain = axes === null ? undefined : { from: axes.minPrice, to: axes.maxPrice };
      return equityPlan(data.analysis, data.spec, { zoom, unit: data.unit, scenarios, tick: data.tick, extraPrices: toolboxPrices, domain }, format);
    },
    [data, zoom, scenarios, toolboxPrices, format],
  );
  const plan = useMemo(() => planFor(kept), [planFor, kept]);
  const drawnPlan = useMemo(() => (hiding && plan !== null && analysis !== null ? withoutAnswer(plan, analysis) : plan), [hiding, plan, analysis]);
  if (kept === null && plan !== null && anchor !== null) {
    // A new anchor (or "Fit"): this render's automatic axes become the kept ones (React re-renders at once, before painting).
    setFitted({ anchor, axes: fittedAxes(plan) });
  }
  const held = heldAxes !== null;
  const valueRange = useMemo<readonly [number, number] | undefined>(() => (kept === null ? undefined : [kept.minValue, kept.maxValue]), [kept]);
  const refit = useCallback(() => {
    if (heldAxes === null) {
      setFitted(null);
      return;
    }
    const auto = planFor(null);
    if (auto !== null) setHeldAxes(fittedAxes(auto));
  }, [heldAxes, planFor, setHeldAxes]);
  const toggleHold = useCallback(() => {
    if (heldAxes !== null) {
      // Released axes stay where they were until the anchor changes or "Fit" is pressed.
      if (anchor !== null) setFitted({ anchor, axes: heldAxes });
      setHeldAxes(null);
    } else if (kept !== null) {
      setHeldAxes(kept);
    }
  }, [heldAxes, anchor, kept, setHeldAxes]);
  const summary = useMemo(() => (data === null ? '' : chartSummary(data.analysis, data.spec, { tick: data.tick, quoteUnit: data.units.quote, coinUnit: data.units.coin }, format)), [data, format]);
  const risk = analysis?.risk ?? null;
  const horizonLabel = risk === null ? null : `${format.number(Number(risk.horizonDays), { digits: 2 })}-day`;
  const allBands = useMemo(() => horizonBands(risk), [risk]);
  const bands = showRange ? allBands : NO_BANDS;
  const holdMarker = useMemo(() => (analysis === null ? null : afterHoldMarker(analysis, format)), [analysis, format]);
  const markers = useMemo(() => {
    if (drawnPlan === null) return [];
    return !hiding && holdMarker !== null && inDomain(holdMarker.price, drawnPlan.domain) ? [...drawnPlan.markers, holdMarker] : drawnPlan.markers;
  }, [drawnPlan, holdMarker, hiding]);
  const toolbox = useToolboxChart(toolboxOnChart, markers, plan, tick);
  const guessLayer = useMemo(
    () => (predict === null || data === null ? null : <GuessLayer analysis={data.analysis} tick={data.tick} predict={predict} setGuess={setGuess} />),
    [predict, data, setGuess],
  );
  const chartLayers = useMemo(() => (guessLayer === null ? toolbox.layer : <>{toolbox.layer}{guessLayer}</>), [toolbox.layer, guessLayer]);
  // Markers whose labels did not fit above the plot (the chart says which): listed under it with their prices.
  const [unlabelled, setUnlabelled] = useState<readonly string[]>([]);
  const listedMarkers = useMemo(() => toolbox.markers.filter((marker) => unlabelled.includes(marker.id)), [toolbox.markers, unlabelled]);
  const rangeNote = useMemo(() => (plan === null || bands.length === 0 ? null : bandOverflowNote(risk, plan.domain, tick, format)), [plan, bands, risk, tick, format]);
  const riskSummary = useMemo(
    () => (data === null ? '' : [showRange ? bandSummary(data.analysis.risk, data.tick, data.units.quote, format) : '', afterHoldSummary(data.analysis, data.tick, data.units.quote, format)].filter((text) => text !== '').join(' ')),
    [data, showRange, format],
  );
  const fan = useMemo<AmplificationFan | null>(() => (data === null || view !== 'amplification' ? null : amplificationFan(data.spec, data.analysis, format)), [data, view, format]);

  const onTabKey = useCallback(
    (event: KeyboardEvent<HTMLButtonElement>) => {
      const index = views.findIndex((candidate) => candidate.id === view);
      const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
      const target = event.key === 'Home' ? views[0] : event.key === 'End' ? views[views.length - 1] : step !== 0 ? views[(index + step + views.length) % views.length] : undefined;
      if (target === undefined) return;
      event.preventDefault();
      setView(target.id);
      // By position, not by id: inside an embed's shadow root there is no document-wide id lookup.
      rootRef.current?.querySelectorAll<HTMLButtonElement>('[role="tab"]')[views.indexOf(target)]?.focus();
    },
    [view, setView, views],
  );

  const exportCsv = useCallback(() => {
    if (plan === null || data === null) return;
    const { analysis: shown, units: shownUnits } = data;
    const metadata = csvMetadata({
      chart: view === 'equity' ? 'equity against price' : 'return on margin against price move, by leverage',
      inputs: toQueryString(calculator.getState().inputs),
      convention: shown.convention,
      venue: derived.venue === undefined ? null : { label: derived.venue.label, asOf: derived.venue.asOf, source: derived.venue.source },
    });
    if (view === 'amplification') {
      if (fan === null) return;
      // The fan on a round grid of price changes (its plotted rows include each line's exact end).
      const roundFan = amplificationFan(data.spec, shown, format, { changeStep: niceStep(2 * fan.span, CSV_ROWS) });
      downloadCsv(withMetadata(fanToCsv(roundFan, Number(shown.entry), shownUnits.quote), metadata), 'leverage-lens-amplification.csv');
      setExportMessage('The amplification fan was saved as a CSV file.');
      return;
    }
    const grid = roundPriceGrid(plan.domain);
    const gridPlan = equityPlan(shown, data.spec, { zoom, unit: data.unit, scenarios: [], tick: data.tick, domain: { from: grid.from, to: grid.to }, points: grid.points }, format);
    if (gridPlan === null) return;
    const marginUnit = shown.marginCurrency === 'coin' ? shownUnits.coin : shownUnits.quote;
    const csvUnits = shown.instrument === 'inverse' ? { price: shownUnits.quote, margin: marginUnit, quote: shownUnits.quote } : { price: shownUnits.quote, margin: marginUnit };
    downloadCsv(withMetadata(curveToCsv(gridPlan.curve, { units: csvUnits }), metadata), 'leverage-lens-equity.csv');
    setExportMessage('The equity curve was saved as a CSV file.');
  }, [plan, data, view, fan, format, zoom, calculator, derived.venue]);

  const exportPng = useCallback(() => {
    const root = rootRef.current;
    if (root === null) return;
    const svgs = Array.from(root.querySelectorAll('.lev-plot svg.lev-surface, .lev-plot svg.recharts-surface')).filter((node): node is SVGSVGElement => node instanceof SVGSVGElement);
    const background = resolvedColor(root, '--lev-bg');
    const slide = data === null ? undefined : { text: slideText(data, view, root, format, derived.venue === undefined ? null : `${derived.venue.label} (data as of ${derived.venue.asOf})`, fan), colors: { text: resolvedColor(root, '--lev-text'), muted: resolvedColor(root, '--lev-muted') } };
    svgsToPng(svgs, background, 2, slide)
      .then((blob) => {
        downloadBlob(blob, view === 'equity' ? 'leverage-lens-equity.png' : 'leverage-lens-amplification.png');
        setExportMessage('The chart was saved as a PNG image.');
      })
      .catch((error: unknown) => setExportMessage(error instanceof Error ? error.message : 'The chart could not be exported.'));
  }, [view, data, format, derived.venue, fan]);

  const tabbed = views.length > 1;
  const summaryId = `${idBase}-summary`;
  const panelId = `${idBase}-panel`;
  const healthName = analysis?.instrument === 'loan' ? 'Health factor' : 'Health';

  return (
    <div
      className={presenter.presenting ? 'lev-chart lev-presenting' : 'lev-chart'}
      ref={rootRef}
      {...(presenter.presenting ? { role: 'dialog', 'aria-modal': true, 'aria-label': 'Presenter view' } : {})}
      onKeyDown={presenter.onKeyDown}
    >
      {presenter.presenting && <PresenterBar presenter={presenter} derived={derived} />}
      <div className="lev-chart-bar">
        {tabbed ? (
          <div role="tablist" aria-label="Chart view" className="lev-tabs">
            {views.map((candidate) => (
              <button
                key={candidate.id}
                type="button"
                role="tab"
                id={`${idBase}-tab-${candidate.id}`}
                aria-selected={view === candidate.id}
                aria-controls={panelId}
                tabIndex={view === candidate.id ? 0 : -1}
                className="lev-tab"
                onClick={() => setView(candidate.id)}
                onKeyDown={onTabKey}
              >
                {candidate.label}
              </button>
            ))}
          </div>
        ) : (
          <h3 className="lev-chart-title">{views[0]?.label ?? ''}</h3>
        )}
        {/* Beside the tabs, where the line has room: the tools below keep to one line on a laptop. */}
        {!presenter.presenting && (
          <button type="button" className="lev-tool lev-present" ref={presentButtonRef} onClick={presenter.open} disabled={data === null}>
            Present
          </button>
        )}
        <ChartTools
          main={
            view === 'equity' && (
              <div className="lev-tool-group" role="group" aria-label="Price range">
                <button type="button" className="lev-tool" onClick={() => setZoom(zoom / 2)} disabled={held || zoom <= 1 / 16} aria-label="Zoom in (narrower price range)">
                  +
                </button>
                <button type="button" className="lev-tool" onClick={() => setZoom(zoom * 2)} disabled={held || zoom >= 16} aria-label="Zoom out (wider price range)">
                  −
                </button>
                <button type="button" className="lev-tool" onClick={() => setZoom(1)} disabled={held || zoom === 1} aria-label="Reset the price range">
                  Reset
                </button>
                <button type="button" className="lev-tool" onClick={refit} disabled={data === null} aria-label="Fit the axes to this position">
                  Fit
                </button>
                <button type="button" className="lev-tool" onClick={toggleHold} disabled={data === null} aria-pressed={held}>
                  Hold axes
                </button>
                {/* A live region: where a narrow bar has no room to show it, a change is still read out. */}
                <span className="lev-zoom-level" role="status">
                  {held ? 'Axes held' : zoom === 1 ? 'Auto range' : `${format.times(zoom)} range`}
                </span>
              </div>
            )
          }
          options={
            <>
              {view === 'equity' && allBands.length > 0 && horizonLabel !== null && (
                // A checkbox already says show or hide: the short name keeps an inverse contract's tools (with the
                // equity unit) on one line at 1280 px.
                <label className="lev-tool-check">
                  <input type="checkbox" checked={showRange} onChange={(event) => setShowRange(event.target.checked)} />
                  {horizonLabel} price range
                </label>
              )}
              {/* Held axes are in one unit: the other waits until they are released. */}
              {inverse && view === 'equity' && (
                <div className="lev-tool-group" role="group" aria-label="Equity unit">
                  <button type="button" className="lev-tool" aria-pressed={unit === 'quote'} onClick={() => setEquityUnit('quote')} disabled={held && unit !== 'quote'}>
                    {units.quote}
                  </button>
                  <button type="button" className="lev-tool" aria-pressed={unit === 'coin'} onClick={() => setEquityUnit('coin')} disabled={held && unit !== 'coin'}>
                    {units.coin}
                  </button>
                </div>
              )}
              <div className="lev-tool-group" role="group" aria-label="Export">
                <span className="lev-tool-caption" aria-hidden="true">
                  Download
                </span>
                <button type="button" className="lev-tool" aria-label="Download PNG" onClick={exportPng} disabled={data === null || hiding}>
                  PNG
                </button>
                <button type="button" className="lev-tool" aria-label="Download CSV" onClick={exportCsv} disabled={plan === null || hiding}>
                  CSV
                </button>
              </div>
            </>
          }
        />
      </div>
      <div {...(tabbed ? { role: 'tabpanel', 'aria-labelledby': `${idBase}-tab-${view}` } : {})} id={panelId} className="lev-chart-panel">
        {derived.stale && <p className="lev-chart-note">Showing the last valid position while the inputs are corrected.</p>}
        {data !== null && predict !== null && <PredictBar analysis={data.analysis} tick={tick} unit={units.quote} />}
        {data === null || plan === null || drawnPlan === null ? (
          <p className="lev-chart-empty">Enter a valid position to see the chart.</p>
        ) : view === 'equity' ? (
          <>
            <div role="figure" aria-label={`Equity in ${unit === 'coin' ? units.coin : units.quote} against price`} aria-describedby={summaryId} className="lev-figure">
              <div className="lev-plot">
                <EquityChart
                  rows={drawnPlan.rows}
                  domain={drawnPlan.domain}
                  markers={toolbox.markers}
                  onLabelsHidden={setUnlabelled}
                  zones={drawnPlan.zones}
                  overlays={drawnPlan.overlays}
                  startEquity={drawnPlan.startEquity}
                  equityUnit={unit === 'coin' ? units.coin : units.quote}
                  equityInCoin={unit === 'coin'}
                  marginUnit={data.analysis.marginCurrency === 'coin' ? units.coin : units.quote}
                  marginInCoin={data.analysis.marginCurrency === 'coin'}
                  tick={tick}
                  healthName={healthName}
                  idBase={idBase}
                  title="Equity against price. Focus and use the left and right arrow keys to read values."
                  bands={bands}
                  overlay={chartLayers}
                  valueRange={valueRange}
                  largeText={presenter.presenting}
                />
              </div>
              <EquityLegend plan={plan} healthName={healthName} rangeLabel={bands.length > 0 && horizonLabel !== null ? `${horizonLabel} price range (±1σ, ±2σ)` : null} />
            </div>
            <MarkerList markers={listedMarkers} tick={tick} />
            <ToolboxLegend items={toolbox.legend} />
            {[...drawnPlan.notes, ...toolbox.notes].map((note) => (
              <p key={note} className="lev-chart-note">
                {note}
              </p>
            ))}
            {rangeNote !== null && <p className="lev-chart-note">{rangeNote}</p>}
            <p id={summaryId} className="lev-summary">
              {hiding ? hiddenSummary : riskSummary === '' ? summary : `${summary} ${riskSummary}`}
            </p>
          </>
        ) : (
          fan !== null && <AmplificationView fan={fan} plan={plan} data={data} idBase={idBase} />
        )}
        {exportMessage !== null && (
          <p className="lev-chart-note" role="status">
            {exportMessage}
          </p>
        )}
      </div>
      {idle && holdingChart && settledData !== null && !hiding && (
        <Suspense fallback={null}>
          <RiskOverTime analysis={settledData.analysis} spec={settledData.spec} tick={settledData.tick} quoteUnit={settledData.units.quote} coinUnit={settledData.units.coin} idBase={idBase} />
        </Suspense>
      )}
    </div>
  );
});

function AmplificationView({ fan, plan, data, idBase }: { fan: AmplificationFan; plan: EquityPlan; data: PanelData; idBase: string }): ReactNode {
  const { analysis, tick } = data;
  const format = useFormatter();
  const cap = leverageCap(analysis);
  const listed = fan.lines.map((line) => line.label).join(', ');
  const bankruptcy = analysis.bankruptcyPrice === null ? null : priceText('bankruptcy', analysis.bankruptcyPrice, { tick, side: analysis.side }, format);
  return (
    <>
      <div role="figure" aria-label="Return on margin against price move at several leverages" aria-describedby={`${idBase}-fan-caption`} className="lev-figure">
        <div className="lev-plot">
          <Suspense fallback={null}>
            <FanChart fan={fan} long={analysis.side === 'long'} title="Return on margin (ROE) against price move. Focus and use the arrow keys to read values." />
          </Suspense>
        </div>
      </div>
      <p id={`${idBase}-fan-caption`} className="lev-caption">
        Return on margin (ROE) against the price move for {listed}. Each line ends with a dot at its own liquidation price: the higher the leverage, the steeper the line and the
        sooner it ends. The axis stops at +{FAN_ROE_CAP} %.
        {fan.skipped.length > 0 && ` Not shown: ${fan.skipped.map((skip) => `${format.times(skip.leverage)} (${skip.reason})`).join('; ')}`}
      </p>
      <div role="figure" aria-label="Effective leverage against price" aria-describedby={`${idBase}-leverage-caption`} className="lev-figure">
        <div className="lev-plot">
          <Suspense fallback={null}>
            <LeverageChart rows={plan.rows} domain={plan.domain} markers={plan.markers} cap={cap} atEntry={Number(analysis.effectiveLeverage)} tick={tick} title="Effective leverage against price." />
          </Suspense>
        </div>
      </div>
      <p id={`${idBase}-leverage-caption`} className="lev-caption">
        Effective leverage (position value ÷ equity) is {format.times(analysis.effectiveLeverage)} at entry. As losses eat the equity it climbs
        {bankruptcy === null ? '' : ` toward infinity at the bankruptcy price ${bankruptcy}`}: leverage amplifies itself. The axis is capped at {format.times(cap, { digits: 0 })}.
      </p>
    </>
  );
}
