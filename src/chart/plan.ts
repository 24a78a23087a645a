import type { Curve } from '../model/curve';
import type { PositionSpec, ValidAnalysis } from '../model/types';
import type { Formatter } from '../config/format';
import { chartMarkers, domainFor, equityRows, inDomain, mainCurve, riskZones, scenarioPlan, scenarioPrices, startingEquity } from './series';
import type { EquityRow, EquityUnit, Marker, PriceDomain, RiskZones, ScenarioInput, ScenarioOverlay } from './series';

export interface EquityPlanOptions {
  zoom: number;
  unit: EquityUnit;
  scenarios: readonly ScenarioInput[];
  tick: string;
  /** More prices to keep in view (the toolbox's markers). */
  extraPrices?: readonly number[];
  /** A price range the chart keeps (followed or held axes) instead of fitting one to this position. */
  domain?: PriceDomain | undefined;
}

/** Everything the main chart draws, from one analysis: pure, so it is memoized once per inputs object. */
export interface EquityPlan {
  domain: PriceDomain;
  /** Markers inside the visible range, the scenarios' liquidation markers included. */
  markers: Marker[];
  zones: RiskZones;
  curve: Curve;
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
  const curve = mainCurve(spec, domain, own.map((marker) => marker.price).filter((price) => inDomain(price, domain)));
  if (curve === null) return null;
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
