import type { PositionSpec, ValidAnalysis } from '../model/types';
import type { Formatter } from '../config/format';
import { positionEnd } from '../view/ending';
import type { PositionEnd } from '../view/ending';
import { chartMarkers, domainFor, endCurve, equityRows, inDomain, mainCurve, riskZones, scenarioPlan, scenarioPrices, startingEquity } from './series';
import type { EndedCurve, EquityRow, EquityUnit, Marker, PriceDomain, RiskZones, ScenarioInput, ScenarioOverlay } from './series';

export interface EquityPlanOptions {
  zoom: number;
  unit: EquityUnit;
  scenarios: readonly ScenarioInput[];
  tick: string;
  /** More prices to keep in view (the toolbox's markers). */
  extraPrices?: readonly number[];
  /** A price range the chart keeps (followed or held axes) instead of fitting one to this position. */
  domain?: PriceDomain | undefined;
  /** Only this many evenly spaced prices, without the marker prices: the CSV's round grid over a round domain. */
  points?: number | undefined;
}

/** Everything the main chart draws, from one analysis: pure, so it is memoized once per inputs object. */
export interface EquityPlan {
  domain: PriceDomain;
  /** Markers inside the visible range, the scenarios' liquidation markers included. */
  markers: Marker[];
  zones: RiskZones;
  /** Ends where the position ends: the state at each price (the CSV's state column). */
  curve: EndedCurve;
  /** Where and how the venue ends the position; null when nothing does. */
  end: PositionEnd | null;
  rows: EquityRow[];
  overlays: ScenarioOverlay[];
  startEquity: number;
  /** Plain-language notes: skipped scenarios, markers outside a zoomed-in range. */
  notes: string[];
}

export function equityPlan(analysis: ValidAnalysis, spec: PositionSpec, options: EquityPlanOptions, format: Formatter): EquityPlan | null {
  // The markers are made once per plan: their prices set the range, and their labels are drawn.
  const own = chartMarkers(analysis, format);
  const domain = options.domain ?? domainFor(analysis, options.zoom, [...own.map((marker) => marker.price), ...scenarioPrices(options.scenarios, analysis), ...(options.extraPrices ?? [])]);
  const numeric = mainCurve(spec, domain, options.points === undefined ? own.map((marker) => marker.price).filter((price) => inDomain(price, domain)) : [], options.points);
  if (numeric === null) return null;
  // The plotted numbers come from the numeric curve; where the position ends, and its state, from the model.
  const end = positionEnd(spec, analysis);
  const curve = endCurve(numeric, end, { inverse: analysis.instrument === 'inverse', initialMargin: Number(analysis.initialMargin), edge: true });
  const scenarios = scenarioPlan(options.scenarios, analysis, options.unit, curve.price, domain);
  const rows = equityRows(curve, analysis, options.unit, scenarios.curves);
  const notes = [...scenarios.notes];
  const visible = own.filter((marker) => inDomain(marker.price, domain));
  const hidden = own.filter((marker) => !inDomain(marker.price, domain));
  if (hidden.length > 0) {
    notes.push(`Outside the visible range: ${hidden.map((marker) => `${marker.label} ${markerPrice(marker, options.tick, format)}`).join(', ')}.`);
  }
  const scenarioMarkers = scenarios.overlays.map((overlay) => overlay.marker).filter((marker): marker is Marker => marker !== null);
  return {
    domain,
    markers: [...visible, ...scenarioMarkers],
    zones: riskZones(analysis, domain),
    curve,
    end,
    rows,
    overlays: scenarios.overlays,
    startEquity: startingEquity(analysis, options.unit),
    notes,
  };
}

/** A marker's price for display, rounded to the tick the way the marker asks (liquidation toward entry). */
export function markerPrice(marker: Marker, tick: string, format: Formatter): string {
  return format.price(marker.exact, tick, { direction: marker.rounding });
}
