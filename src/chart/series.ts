import { analyze, validate } from '../model/analyze';
import { buildCurve, curveFromNumbers, numericSpec, priceGrid } from '../model/curve';
import type { Curve } from '../model/curve';
import type { PositionSpec, ValidAnalysis } from '../model/types';
import { defaultFormatter } from '../config/format';
import type { Formatter } from '../config/format';
import { priceRounding } from '../view/display';
import { positionEnd, reachesEnd } from '../view/ending';
import type { PositionEnd, PositionState } from '../view/ending';

/*
 * Pure builders behind the charts: everything here is plain numbers in, plain numbers out, so it can be
 * unit-tested in node and memoized by the components. Colours are CSS custom properties (see chart.css).
 */

export type MarkerKind = 'entry' | 'liquidation' | 'bankruptcy' | 'breakEven' | 'threshold' | 'scenario';

export interface Marker {
  /** Stable key, unique within one chart. */
  id: string;
  kind: MarkerKind;
  price: number;
  /** The model's exact decimal string, for display. */
  exact: string;
  label: string;
  /** For narrow screens. */
  shortLabel: string;
  /** SVG stroke-dasharray: every marker has its own, so colour is never the only signal. */
  dash: string;
  color: string;
  /** Stable CSS hooks (`lev-marker lev-marker-liquidation`), also what browser tests look for. */
  className: string;
  /** Display rounding to the tick, by the page's one rule per kind (priceRounding in src/view/display.ts). */
  rounding: 'nearest' | 'up' | 'down';
  /** Health level for thresholds. */
  level?: string;
}

export interface PriceDomain {
  from: number;
  to: number;
}

export const colors = {
  equity: 'var(--lev-equity)',
  unleveraged: 'var(--lev-unleveraged)',
  danger: 'var(--lev-danger)',
  bankruptcy: 'var(--lev-bankruptcy)',
  warning: 'var(--lev-warning)',
  threshold: 'var(--lev-threshold)',
  entry: 'var(--lev-entry)',
  breakEven: 'var(--lev-breakeven)',
  grid: 'var(--lev-grid)',
  axis: 'var(--lev-axis)',
  text: 'var(--lev-text)',
  muted: 'var(--lev-muted)',
  bg: 'var(--lev-bg)',
  fan: 'var(--lev-fan)',
} as const;

export const scenarioColors: readonly string[] = [
  'var(--lev-scenario-1)',
  'var(--lev-scenario-2)',
  'var(--lev-scenario-3)',
  'var(--lev-scenario-4)',
];

const thresholdDashes: readonly string[] = ['4 4', '1 3', '6 2 1 2', '3 6'];
export const scenarioDashes: readonly string[] = ['10 4', '2 4', '10 3 2 3 2 3', '14 6'];

const positiveFinite = (value: number): boolean => Number.isFinite(value) && value > 0;

function toPrice(value: string | null): number | null {
  if (value === null) return null;
  const price = Number(value);
  return positiveFinite(price) ? price : null;
}

function levelClass(level: string): string {
  return level.replace(/[^0-9a-zA-Z]+/g, '-');
}

/** Entry, liquidation, bankruptcy, break-even and each health threshold that exists at a positive price. */
export function chartMarkers(analysis: ValidAnalysis, format: Formatter): Marker[] {
  const markers: Marker[] = [];
  const add = (kind: MarkerKind, id: string, value: string | null, label: string, shortLabel: string, dash: string, color: string, level?: string): void => {
    const price = toPrice(value);
    if (price === null || value === null) return;
    // The page's one rounding per kind of price (src/view/display.ts): the label matches the cards and the text.
    const rounding = priceRounding(kind === 'scenario' ? 'liquidation' : kind, analysis.side);
    const marker: Marker = { id, kind, price, exact: value, label, shortLabel, dash, color, className: `lev-marker lev-marker-${id}`, rounding };
    if (level !== undefined) marker.level = level;
    markers.push(marker);
  };
  add('entry', 'entry', analysis.entry, 'Entry', 'Entry', '0', colors.entry);
  add('liquidation', 'liquidation', analysis.liquidationPrice, 'Liquidation', 'Liq.', '8 4', colors.danger);
  add('bankruptcy', 'bankruptcy', analysis.bankruptcyPrice, 'Bankruptcy', 'Bkr.', '2 3', colors.bankruptcy);
  add('breakEven', 'break-even', analysis.breakEvenPrice, 'Break-even', 'B/E', '8 3 2 3', colors.breakEven);
  const healthName = analysis.instrument === 'loan' ? 'Health factor' : 'Health';
  analysis.thresholdPrices.forEach((threshold, index) => {
    // Level 1 is the liquidation price itself, already marked.
    if (Number(threshold.level) === 1) return;
    const dash = thresholdDashes[index % thresholdDashes.length] ?? '4 4';
    const level = format.number(threshold.level, { digits: 4 });
    add('threshold', `threshold-${levelClass(threshold.level)}`, threshold.price, `${healthName} ${level}`, `H ${level}`, dash, colors.threshold, threshold.level);
  });
  for (const marker of markers) {
    if (marker.kind === 'threshold') marker.className = `lev-marker lev-marker-threshold lev-marker-${marker.id}`;
  }
  return markers;
}

/** Share of the distance from entry left as margin beyond the furthest marker. */
const DOMAIN_MARGIN = 0.25;

/** Half-width of the automatic range at least: about half the move that wipes out the position, 2 % to 50 %. */
function minimumHalfWidth(entry: number, effectiveLeverage: number): number {
  const share = Number.isFinite(effectiveLeverage) && effectiveLeverage > 0 ? 0.5 / effectiveLeverage : 0.5;
  return entry * Math.min(0.5, Math.max(0.02, share));
}

const shareSteps: readonly number[] = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10];

/**
 * Rounds a share of entry up to 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 × 10ⁿ: the range moves in steps, so while a
 * slider changes leverage the axis stays put for several steps (the curve visibly pivots, and recharts can skip
 * re-laying out the axis).
 */
export function roundUpShare(share: number): number {
  if (!(share > 0) || !Number.isFinite(share)) return share;
  const power = 10 ** Math.floor(Math.log10(share));
  const scaled = share / power;
  const step = shareSteps.find((candidate) => candidate >= scaled * (1 - 1e-12)) ?? 10;
  return step * power;
}

/**
 * The automatic price range: centred on entry (upside as wide as downside, so amplification reads both ways)
 * and wide enough that every price lies inside with a margin. Never reaches zero or below.
 */
export function autoDomain(entry: number, prices: readonly number[], effectiveLeverage = 1): PriceDomain {
  const safeEntry = positiveFinite(entry) ? entry : 1;
  const usable = prices.filter(positiveFinite);
  let needed = minimumHalfWidth(safeEntry, effectiveLeverage);
  for (const price of usable) needed = Math.max(needed, Math.abs(price - safeEntry) * (1 + DOMAIN_MARGIN));
  const half = roundUpShare(needed / safeEntry) * safeEntry;
  const to = safeEntry + half;
  let from = safeEntry - half;
  if (!(from > 0)) from = Math.min(safeEntry, ...usable) / (1 + DOMAIN_MARGIN);
  return { from, to };
}

/** Zoom around entry: 1 is the automatic range, 2 twice its span, 0.5 half. Stays above zero. */
export function zoomDomain(domain: PriceDomain, entry: number, zoom: number): PriceDomain {
  const factor = Number.isFinite(zoom) && zoom > 0 ? zoom : 1;
  const centre = Math.min(Math.max(entry, domain.from), domain.to);
  const to = centre + (domain.to - centre) * factor;
  let from = centre - (centre - domain.from) * factor;
  if (!(from > 0)) from = domain.from / (1 + factor);
  return { from, to };
}

/** The chart's x range for a position, a zoom level and the prices to keep in view (its markers' and any others). */
export function domainFor(analysis: ValidAnalysis, zoom: number, prices: readonly number[]): PriceDomain {
  const entry = Number(analysis.entry);
  return zoomDomain(autoDomain(entry, prices, Number(analysis.effectiveLeverage)), entry, zoom);
}

/** The chart's x range for a position, a zoom level and any extra prices to keep in view (scenario markers). */
export function priceDomain(analysis: ValidAnalysis, zoom: number, extraPrices: readonly number[] = []): PriceDomain {
  // Only the prices are used here, so the labels' number format does not matter.
  const markerPrices = chartMarkers(analysis, defaultFormatter).map((marker) => marker.price);
  return domainFor(analysis, zoom, [...markerPrices, ...extraPrices]);
}

/**
 * What the automatic axes follow: entry, collateral and the way equity is drawn, never the leverage, so that a
 * leverage change steepens the line on the same axes (the chart re-fits when this changes, or on "Fit").
 */
export function axisAnchor(analysis: ValidAnalysis, unit: EquityUnit, zoom: number): string {
  return [analysis.instrument, analysis.side, analysis.marginMode, analysis.entry, analysis.collateral, unit, zoom].join('|');
}

export function inDomain(price: number, domain: PriceDomain): boolean {
  return price >= domain.from && price <= domain.to;
}

export interface LabelBox {
  /** Centre of the label, in pixels. */
  x: number;
  width: number;
}

/**
 * Vertical rows for marker labels so that labels of close markers never overlap: greedy interval
 * packing, left to right, each label going to the first row whose last label ends before it starts.
 */
export function staggerLabels(boxes: readonly LabelBox[], gap = 4): number[] {
  const order = boxes.map((box, index) => ({ box, index })).sort((a, b) => a.box.x - a.box.width / 2 - (b.box.x - b.box.width / 2) || a.index - b.index);
  const rowEnds: number[] = [];
  const rows = new Array<number>(boxes.length).fill(0);
  for (const { box, index } of order) {
    const start = box.x - box.width / 2;
    let row = rowEnds.findIndex((end) => end + gap <= start);
    if (row === -1) {
      row = rowEnds.length;
      rowEnds.push(box.x + box.width / 2);
    } else {
      rowEnds[row] = box.x + box.width / 2;
    }
    rows[index] = row;
  }
  return rows;
}

/** Marker label rows above the plot, at most: more would squeeze the plot (the rest go to the marker list). */
export const MAX_LABEL_ROWS = 3;

export interface PlacedLabel {
  /** Row above the plot (0 = nearest), or null when the label does not fit and the marker list names it instead. */
  row: number | null;
  /** Centre of the label, moved inward where the marker sits near an edge so the text stays over the plot. */
  x: number;
}

/**
 * Marker labels in at most `maxRows` rows between `left` and `right`, in order of importance (the order given):
 * each goes to the first row where it overlaps no label already placed, centred on its marker but moved inward
 * to stay between the bounds. A label that fits nowhere gets no row: no tower, no overlap, nothing off the chart.
 */
export function layoutLabels(boxes: readonly LabelBox[], bounds: { left: number; right: number }, maxRows = MAX_LABEL_ROWS, gap = 6): PlacedLabel[] {
  const rows: { start: number; end: number }[][] = Array.from({ length: Math.max(0, maxRows) }, () => []);
  return boxes.map((box) => {
    const half = box.width / 2;
    const x = Math.min(Math.max(box.x, bounds.left + half), bounds.right - half);
    const start = x - half;
    const end = x + half;
    if (start < bounds.left - 0.5 || end > bounds.right + 0.5) return { row: null, x };
    const row = rows.findIndex((placed) => placed.every((other) => end + gap <= other.start || start >= other.end + gap));
    if (row === -1) return { row: null, x };
    rows[row]?.push({ start, end });
    return { row, x };
  });
}

/** Rough width of a label in pixels: enough to keep labels apart without measuring text in the DOM. */
export function estimateLabelWidth(text: string, fontSize = 11): number {
  return text.length * fontSize * 0.6 + 6;
}

/** Pixel x of a price on a linear axis spanning `width` pixels. */
export function priceToPixel(price: number, domain: PriceDomain, width: number): number {
  const span = domain.to - domain.from;
  return span > 0 ? ((price - domain.from) / span) * width : 0;
}

export type EquityUnit = 'quote' | 'coin';
export type ScenarioKey = 's0' | 's1' | 's2' | 's3';
export const scenarioKeys: readonly ScenarioKey[] = ['s0', 's1', 's2', 's3'];

/** One plotted price: everything the tooltip shows. Scenario equities sit under s0…s3. */
export type EquityRow = {
  price: number;
  /** (price − entry) ÷ entry. */
  change: number;
  /** Equity in the displayed unit. */
  equity: number;
  /** The same collateral held at 1×, in the displayed unit. */
  unleveraged: number;
  /** PnL in the margin currency. */
  pnl: number;
  /** Fraction of the initial margin. */
  roe: number;
  /** Null where there is no requirement, and once liquidated. */
  health: number | null;
  leverage: number | null;
  /** 'liquidated' at and beyond the price where the venue ends the position (the model's equityPath). */
  state: PositionState;
} & Partial<Record<ScenarioKey, number | null>>;

/** About this many evenly spaced points, plus an exact point at every marker. */
export const CURVE_POINTS = 320;

export function displayedEquity(curve: Curve, index: number, inverse: boolean, unit: EquityUnit): { equity: number; unleveraged: number } {
  const price = curve.price[index] ?? 0;
  const equity = curve.equity[index] ?? 0;
  const unleveraged = curve.unleveragedEquity[index] ?? 0;
  if (!inverse || unit === 'coin') return { equity, unleveraged };
  return { equity: curve.equityQuote[index] ?? equity * price, unleveraged: unleveraged * price };
}

/**
 * The prices the main chart's tooltip steps through (one per arrow key): the main curve's evenly spaced prices
 * without the marker prices, so they stay the same while only the position changes within one range.
 */
export function tooltipGrid(domain: PriceDomain, points = CURVE_POINTS): { price: number }[] {
  return priceGrid(domain.from, domain.to, points)
    .filter((price) => price > 0)
    .map((price) => ({ price }));
}

/** The main curve over a domain: evenly spaced prices plus exact marker prices, as numbers. */
export function mainCurve(spec: PositionSpec, domain: PriceDomain, markerPrices: readonly number[], points = CURVE_POINTS): Curve | null {
  return buildCurve(spec, { from: domain.from, to: domain.to, points, include: markerPrices });
}

/** A curve that ends where the position ends: its state at each price, and after the end what the venue leaves. */
export interface EndedCurve extends Curve {
  state: PositionState[];
}

export interface EndOptions {
  /** Inverse contracts: equity is in coin and its quote value is equity × price. */
  inverse: boolean;
  /** ROE is PnL ÷ initial margin. */
  initialMargin: number;
  /**
   * The main curve: at the exact end price keep the last open point too (on the entry side), so the equity line
   * follows the curve to the liquidation price and drops straight down there. Scenario curves stay aligned with
   * the main curve's prices instead.
   */
  edge: boolean;
}

/**
 * The numeric curve cut at the model's end price: from there on (away from entry) the position is liquidated,
 * equity is what the venue leaves (PnL the rest of the backing collateral), health and leverage do not exist.
 * The 1× holding goes on.
 */
export function endCurve(curve: Curve, end: PositionEnd | null, options: EndOptions): EndedCurve {
  const ended: EndedCurve = { price: [], equity: [], equityQuote: [], pnl: [], roe: [], health: [], effectiveLeverage: [], unleveragedEquity: [], state: [] };
  const push = (index: number, price: number, state: PositionState): void => {
    const equity = curve.equity[index] ?? 0;
    const pnl = curve.pnl[index] ?? 0;
    ended.price.push(price);
    ended.unleveragedEquity.push(curve.unleveragedEquity[index] ?? 0);
    ended.state.push(state);
    if (state === 'open' || end === null) {
      ended.equity.push(equity);
      ended.equityQuote.push(curve.equityQuote[index] ?? equity);
      ended.pnl.push(pnl);
      ended.roe.push(curve.roe[index] ?? 0);
      ended.health.push(curve.health[index] ?? null);
      ended.effectiveLeverage.push(curve.effectiveLeverage[index] ?? null);
      return;
    }
    // Equity − PnL is the backing collateral, the same at every price.
    const lost = end.left - (equity - pnl);
    ended.equity.push(end.left);
    ended.equityQuote.push(options.inverse ? end.left * price : end.left);
    ended.pnl.push(lost);
    ended.roe.push(options.initialMargin > 0 ? lost / options.initialMargin : 0);
    ended.health.push(null);
    ended.effectiveLeverage.push(null);
  };
  for (let index = 0; index < curve.price.length; index += 1) {
    const price = curve.price[index] ?? 0;
    if (!reachesEnd(end, price)) {
      push(index, price, 'open');
      continue;
    }
    // Prices ascend: the open side of a long's end price comes after it, a short's before it. The end price may
    // be in the curve twice (a marker at the range's edge): the open point goes on the entry side of them all.
    const edge = options.edge && end !== null && price === end.price;
    if (edge && end.side === 'short' && curve.price[index - 1] !== price) push(index, price, 'open');
    push(index, price, 'liquidated');
    if (edge && end.side === 'long' && curve.price[index + 1] !== price) push(index, price, 'open');
  }
  return ended;
}

export interface ScenarioCurve {
  key: ScenarioKey;
  /** Equity of the scenario at each price of the main curve, in the displayed unit; null where undefined. */
  equity: (number | null)[];
}

/** Rows for the main chart: the position's curve and any scenario curves on the same prices. */
export function equityRows(curve: EndedCurve, analysis: ValidAnalysis, unit: EquityUnit, scenarios: readonly ScenarioCurve[] = []): EquityRow[] {
  const entry = Number(analysis.entry);
  const inverse = analysis.instrument === 'inverse';
  const collateral = Math.abs(Number(analysis.effectiveCollateral));
  const rows: EquityRow[] = new Array<EquityRow>(curve.price.length);
  for (let index = 0; index < curve.price.length; index += 1) {
    const price = curve.price[index] ?? entry;
    const shown = displayedEquity(curve, index, inverse, unit);
    const pnl = curve.pnl[index] ?? 0;
    // At the bankruptcy price float noise leaves equity at ±1e-13 instead of 0, and leverage at 1e16×: call it none.
    const bankrupt = (curve.equity[index] ?? 0) <= (collateral + Math.abs(pnl)) * 1e-9;
    const row: EquityRow = {
      price,
      change: (price - entry) / entry,
      equity: shown.equity,
      unleveraged: shown.unleveraged,
      pnl,
      roe: curve.roe[index] ?? 0,
      health: curve.health[index] ?? null,
      leverage: bankrupt ? null : (curve.effectiveLeverage[index] ?? null),
      state: curve.state[index] ?? 'open',
    };
    for (const scenario of scenarios) row[scenario.key] = scenario.equity[index] ?? null;
    rows[index] = row;
  }
  return rows;
}

/** Equity at entry in the displayed unit: the "starting collateral" reference line. */
export function startingEquity(analysis: ValidAnalysis, unit: EquityUnit): number {
  const collateral = Number(analysis.effectiveCollateral);
  return analysis.instrument === 'inverse' && unit === 'quote' ? collateral * Number(analysis.entry) : collateral;
}

export interface Zone {
  x1: number;
  x2: number;
}

export interface RiskZones {
  /** Beyond the liquidation price. */
  liquidated: Zone | null;
  /** Between liquidation and the first health threshold the price meets on its way there. */
  warning: Zone | null;
  /** Health level whose price bounds the warning zone. */
  warningLevel: string | null;
}

function clip(zone: Zone, domain: PriceDomain): Zone | null {
  const x1 = Math.max(zone.x1, domain.from);
  const x2 = Math.min(zone.x2, domain.to);
  return x2 > x1 ? { x1, x2 } : null;
}

export function riskZones(analysis: ValidAnalysis, domain: PriceDomain): RiskZones {
  const liquidation = toPrice(analysis.liquidationPrice);
  if (liquidation === null) return { liquidated: null, warning: null, warningLevel: null };
  const entry = Number(analysis.entry);
  const long = analysis.side === 'long';
  const liquidated = clip(long ? { x1: domain.from, x2: liquidation } : { x1: liquidation, x2: domain.to }, domain);
  // Health < level holds between liquidation and that level's price; the widest such band is the warning zone.
  const towardEntry = Math.sign(entry - liquidation);
  let chosen: { price: number; level: string } | null = null;
  for (const threshold of analysis.thresholdPrices) {
    const price = toPrice(threshold.price);
    if (price === null || Number(threshold.level) <= 1 || Math.sign(price - liquidation) !== towardEntry) continue;
    if (chosen === null || Math.abs(price - liquidation) > Math.abs(chosen.price - liquidation)) chosen = { price, level: threshold.level };
  }
  const warning = chosen === null ? null : clip({ x1: Math.min(liquidation, chosen.price), x2: Math.max(liquidation, chosen.price) }, domain);
  return { liquidated, warning, warningLevel: warning === null || chosen === null ? null : chosen.level };
}

/* ---------- Amplification view ---------- */

export const FAN_LEVERAGES: readonly number[] = [1, 2, 5, 10, 25, 50];

export interface FanLine {
  /** Row key in the fan rows. */
  key: string;
  leverage: number;
  label: string;
  current: boolean;
  dash: string;
  /** Liquidation as a price change in percent, where the line ends; null when it never liquidates. */
  endChange: number | null;
  /** ROE in percent at the liquidation price. */
  endRoe: number | null;
  liquidationPrice: string | null;
}

export interface FanSkip {
  leverage: number;
  reason: string;
}

/** Rows keyed by price change in percent; each line's ROE in percent or null beyond its liquidation. */
export type FanRow = { change: number } & Record<string, number | null>;

export interface AmplificationFan {
  lines: FanLine[];
  rows: FanRow[];
  skipped: FanSkip[];
  /** Half-width of the x range, in percent. */
  span: number;
}

const fanDashes: readonly string[] = ['2 3', '6 3', '10 3', '12 3 3 3', '4 2', '1 2'];

/** The same position at another leverage: collateral kept, size worked out (or set from the wallet in cross). */
export function withLeverage(spec: PositionSpec, analysis: ValidAnalysis, leverage: number): PositionSpec {
  const { size: omittedSize, loops: omittedLoops, ...rest } = spec;
  void omittedSize;
  void omittedLoops;
  const variant: PositionSpec = { ...rest, leverage: String(leverage) };
  if (analysis.marginMode === 'cross') {
    // Cross needs all three; the size is what this wallet buys at this leverage.
    const wallet = Number(analysis.collateral);
    const entry = Number(analysis.entry);
    const size = analysis.instrument === 'inverse' ? wallet * leverage * entry : (wallet * leverage) / entry;
    variant.size = size.toPrecision(15);
  } else {
    variant.collateral = analysis.collateral;
  }
  return variant;
}

function sameLeverage(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

export interface FanOptions {
  leverages?: readonly number[];
  points?: number;
  /** Rows at the multiples of this price change (percent) instead of the plotted points: the CSV's round grid. */
  changeStep?: number;
}

/**
 * ROE against price change for several leverages, each line ending at its own liquidation price as analyze()
 * computes it. Leverages the spec refuses (above the venue's maximum, below a loan's 1×) are skipped and listed.
 */
export function amplificationFan(spec: PositionSpec, analysis: ValidAnalysis, format: Formatter, options: FanOptions = {}): AmplificationFan {
  const current = Number(analysis.leverage);
  const requested = [...(options.leverages ?? FAN_LEVERAGES)];
  if (Number.isFinite(current) && current > 0 && !requested.some((leverage) => sameLeverage(leverage, current))) requested.push(current);
  requested.sort((a, b) => a - b);
  const entry = Number(analysis.entry);
  const long = analysis.side === 'long';
  const accepted: { line: FanLine; spec: PositionSpec }[] = [];
  const skipped: FanSkip[] = [];
  requested.forEach((leverage, index) => {
    const variant = withLeverage(spec, analysis, leverage);
    const errors = validate(variant);
    const result = errors.length === 0 ? analyze(variant) : null;
    if (result === null || !result.valid) {
      skipped.push({ leverage, reason: errors[0]?.message ?? 'This leverage is not accepted.' });
      return;
    }
    const liquidation = toPrice(result.liquidationPrice);
    const isCurrent = sameLeverage(leverage, current);
    accepted.push({
      spec: variant,
      line: {
        key: `l${index}`,
        leverage,
        label: `${format.times(leverage)}${isCurrent ? ' (yours)' : ''}`,
        current: isCurrent,
        dash: isCurrent ? '0' : (fanDashes[index % fanDashes.length] ?? '0'),
        endChange: liquidation === null ? null : ((liquidation - entry) / entry) * 100,
        endRoe: null,
        liquidationPrice: result.liquidationPrice,
      },
    });
  });
  const endChanges = accepted.map(({ line }) => line.endChange).filter((change): change is number => change !== null);
  const furthest = Math.max(5 / 1.15, ...endChanges.map((change) => Math.abs(change)));
  const span = Math.min(100, furthest * 1.15);
  const count = Math.max(2, Math.floor(options.points ?? 121));
  const changes: number[] = [];
  const step = options.changeStep;
  if (step !== undefined && step > 0 && Number.isFinite(step)) {
    for (let index = Math.ceil(-span / step - 1e-9); index * step <= span + step * 1e-9 && changes.length < 2000; index += 1) changes.push(Number((index * step).toPrecision(12)));
  } else {
    for (let index = 0; index < count; index += 1) changes.push(-span + (2 * span * index) / (count - 1));
    for (const change of endChanges) if (Math.abs(change) <= span) changes.push(change);
  }
  // Prices must stay positive: a long's range stops just above −100 %.
  const usable = [...new Set(changes)].filter((change) => change > -100).sort((a, b) => a - b);
  const prices = usable.map((change) => entry * (1 + change / 100));
  const rows: FanRow[] = usable.map((change) => ({ change }));
  for (const { line, spec: variant } of accepted) {
    const numeric = numericSpec(variant);
    if (numeric === null) continue;
    const curve = curveFromNumbers(numeric, prices);
    rows.forEach((row, index) => {
      const roe = (curve.roe[index] ?? Number.NaN) * 100;
      const alive = line.endChange === null || (long ? row.change >= line.endChange : row.change <= line.endChange);
      row[line.key] = alive && Number.isFinite(roe) ? roe : null;
      if (line.endChange !== null && row.change === line.endChange) line.endRoe = Number.isFinite(roe) ? roe : null;
    });
  }
  return { lines: accepted.map(({ line }) => line), rows, skipped, span };
}

/** Effective leverage against price, capped for the axis: it runs to infinity at bankruptcy. */
export function leverageCap(analysis: ValidAnalysis): number {
  const current = Number(analysis.effectiveLeverage);
  const base = Number.isFinite(current) && current > 0 ? current : 1;
  return Math.min(200, Math.max(10, Math.ceil(base * 5)));
}

/* ---------- Scenarios ---------- */

export interface ScenarioInput {
  id: string;
  name: string;
  spec: PositionSpec;
  analysis: ValidAnalysis | null;
}

export interface ScenarioOverlay {
  key: ScenarioKey;
  id: string;
  name: string;
  color: string;
  dash: string;
  marker: Marker | null;
}

export interface ScenarioPlan {
  overlays: ScenarioOverlay[];
  curves: ScenarioCurve[];
  notes: string[];
}

/** Prices the scenarios want in view: their liquidation prices, when not absurdly far from this entry. */
export function scenarioPrices(scenarios: readonly ScenarioInput[], analysis: ValidAnalysis): number[] {
  const entry = Number(analysis.entry);
  const prices: number[] = [];
  for (const scenario of scenarios) {
    const price = toPrice(scenario.analysis?.liquidationPrice ?? null);
    if (price !== null && price > entry / 10 && price < entry * 10) prices.push(price);
  }
  return prices;
}

/**
 * Overlay curves of saved scenarios on the main curve's prices, in the displayed unit. Invalid scenarios, or
 * ones whose equity is in another currency than the one shown, are skipped with a note.
 */
export function scenarioPlan(scenarios: readonly ScenarioInput[], analysis: ValidAnalysis, unit: EquityUnit, prices: readonly number[], domain: PriceDomain): ScenarioPlan {
  const overlays: ScenarioOverlay[] = [];
  const curves: ScenarioCurve[] = [];
  const notes: string[] = [];
  const shownInCoin = analysis.instrument === 'inverse' && unit === 'coin';
  scenarios.slice(0, scenarioKeys.length).forEach((scenario, index) => {
    const key = scenarioKeys[index];
    if (key === undefined) return;
    const numeric = scenario.analysis === null ? null : numericSpec(scenario.spec);
    if (scenario.analysis === null || numeric === null) {
      notes.push(`Scenario “${scenario.name}” is not shown: its inputs are not valid any more.`);
      return;
    }
    const inverse = scenario.analysis.instrument === 'inverse';
    if (shownInCoin && !inverse) {
      notes.push(`Scenario “${scenario.name}” is not shown in coin: its equity is in the quote currency.`);
      return;
    }
    // A scenario ends where its own position ends, on the main curve's prices.
    const end = positionEnd(scenario.spec, scenario.analysis);
    const curve = endCurve(curveFromNumbers(numeric, prices), end, { inverse, initialMargin: Number(scenario.analysis.initialMargin), edge: false });
    const equity = curve.price.map((_, position) => displayedEquity(curve, position, inverse, shownInCoin ? 'coin' : 'quote').equity);
    curves.push({ key, equity });
    const color = scenarioColors[index] ?? colors.muted;
    const dash = scenarioDashes[index] ?? '10 4';
    const liquidation = toPrice(scenario.analysis.liquidationPrice);
    let marker: Marker | null = null;
    if (liquidation !== null && scenario.analysis.liquidationPrice !== null) {
      marker = {
        id: `scenario-${index + 1}`,
        kind: 'scenario',
        price: liquidation,
        exact: scenario.analysis.liquidationPrice,
        label: `${scenario.name}: liq.`,
        shortLabel: `S${index + 1} liq.`,
        dash,
        color,
        className: `lev-marker lev-marker-scenario lev-marker-scenario-${index + 1}`,
        rounding: priceRounding('liquidation', scenario.analysis.side),
      };
      if (!inDomain(liquidation, domain)) {
        notes.push(`Scenario “${scenario.name}” liquidates outside the visible range.`);
        marker = null;
      }
    }
    overlays.push({ key, id: scenario.id, name: scenario.name, color, dash, marker });
  });
  return { overlays, curves, notes };
}

/** ROE axis of the fan: down to the wiped-out margin (−100 %), up to at most +300 % so the low leverages stay readable. */
export const FAN_ROE_CAP = 300;

export function fanValueDomain(fan: AmplificationFan): [number, number] {
  let min = -100;
  let max = 0;
  for (const row of fan.rows) {
    for (const line of fan.lines) {
      const value = row[line.key];
      if (typeof value !== 'number' || !Number.isFinite(value)) continue;
      min = Math.min(min, value);
      max = Math.max(max, value);
    }
  }
  return [Math.floor(min / 10) * 10 - 10, Math.min(FAN_ROE_CAP, Math.ceil(max / 10) * 10 + 10)];
}

/** SVG dash attributes: none for a solid line ('0'). */
export function dashProps(dash: string): { strokeDasharray?: string } {
  return dash === '0' ? {} : { strokeDasharray: dash };
}

/** What a custom tooltip needs from recharts: whether it shows and which row. */
export interface TooltipState {
  active: boolean;
  activeIndex?: string | null | undefined;
}

/** Pixel position of a value; undefined when the scale cannot place it. */
export type PixelScale = (value: number) => number | undefined;

const pixel = (value: number): string => String(Math.round(value * 100) / 100);

/**
 * An SVG path through (x, y) pairs. A missing y (null: a scenario past its liquidation, or no value)
 * breaks the line, so a gap is never bridged by a straight segment.
 */
export function linePath(xs: readonly number[], ys: readonly (number | null | undefined)[], toX: PixelScale, toY: PixelScale): string {
  const parts: string[] = [];
  let drawing = false;
  for (let index = 0; index < xs.length; index += 1) {
    const xValue = xs[index];
    const yValue = ys[index];
    const x = xValue === undefined ? undefined : toX(xValue);
    const y = yValue === undefined || yValue === null || !Number.isFinite(yValue) ? undefined : toY(yValue);
    if (x === undefined || y === undefined || !Number.isFinite(x) || !Number.isFinite(y)) {
      drawing = false;
      continue;
    }
    parts.push(`${drawing ? 'L' : 'M'}${pixel(x)},${pixel(y)}`);
    drawing = true;
  }
  return parts.join('');
}

/** Index of the value nearest `target` in an ascending list; -1 when there is none. */
export function nearestIndex(ascending: readonly number[], target: number): number {
  if (ascending.length === 0 || !Number.isFinite(target)) return -1;
  let low = 0;
  let high = ascending.length - 1;
  while (high - low > 1) {
    const middle = (low + high) >> 1;
    if ((ascending[middle] ?? 0) <= target) low = middle;
    else high = middle;
  }
  const below = ascending[low] ?? 0;
  const above = ascending[high] ?? 0;
  return Math.abs(target - below) <= Math.abs(above - target) ? low : high;
}
