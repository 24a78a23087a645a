import { liquidationPath } from '../model/carry';
import type { HorizonRisk, PositionSpec, ValidAnalysis } from '../model/types';
import type { Formatter } from '../config/format';
import { priceRounding, priceText } from '../view/display';
import { colors } from './series';
import type { Marker } from './series';

/*
 * Pure builders for risk over time on the charts: the horizon's price range behind the equity curve, the
 * liquidation marker after the holding period, and the small chart of the liquidation price over time.
 */

/** One shaded price range at the horizon: ±1σ or ±2σ of the lognormal law (quantiles, so not symmetric in price). */
export interface PriceBand {
  id: 'band-2' | 'band-1';
  sigmas: 1 | 2;
  from: number;
  to: number;
  /** Stable CSS hooks: `lev-band lev-band-1`. */
  className: string;
  /** Short label drawn inside the band. */
  label: string;
}

const positiveFinite = (value: number): boolean => Number.isFinite(value) && value > 0;

/** The ±2σ band first (drawn underneath), then ±1σ; none without risk figures or with degenerate quantiles. */
export function horizonBands(risk: HorizonRisk | null): PriceBand[] {
  if (risk === null) return [];
  const { minus2, minus1, median, plus1, plus2 } = risk.horizonBands;
  const ordered = [minus2, minus1, median, plus1, plus2];
  if (!ordered.every(positiveFinite)) return [];
  if (!(minus2 <= minus1 && minus1 <= median && median <= plus1 && plus1 <= plus2) || !(plus2 > minus2)) return [];
  const bands: PriceBand[] = [{ id: 'band-2', sigmas: 2, from: minus2, to: plus2, className: 'lev-band lev-band-2', label: '±2σ' }];
  if (plus1 > minus1) bands.push({ id: 'band-1', sigmas: 1, from: minus1, to: plus1, className: 'lev-band lev-band-1', label: '±1σ' });
  return bands;
}

/** Hours in a chart label's short form: "12 h", "7 d", "2.5 y". */
export function shortHours(hours: number, format: Formatter): string {
  if (!Number.isFinite(hours) || hours < 0) return '—';
  if (hours < 48) return `${format.number(hours, { digits: 1 })} h`;
  const days = hours / 24;
  return days < 730 ? `${format.number(days, { digits: 1 })} d` : `${format.number(days / 365, { digits: 1 })} y`;
}

/** Hours as words: "12 hours", "7 days", "2.5 years". */
export function longHours(hours: number, format: Formatter): string {
  if (!Number.isFinite(hours) || hours < 0) return '—';
  if (hours < 48) return `${format.number(hours, { digits: 1 })} ${hours === 1 ? 'hour' : 'hours'}`;
  const days = hours / 24;
  if (days < 730) return `${format.number(days, { digits: 1 })} ${days === 1 ? 'day' : 'days'}`;
  return `${format.number(days / 365, { digits: 1 })} years`;
}

/**
 * The liquidation marker at the end of the holding period, differently dashed from the one for now; null
 * when there is no carry, no price, or carry does not move it.
 */
export function afterHoldMarker(analysis: ValidAnalysis, format: Formatter): Marker | null {
  const after = analysis.liquidationPriceAfterHold;
  if (analysis.carry === null || after === null) return null;
  const price = Number(after);
  if (!positiveFinite(price)) return null;
  if (analysis.liquidationPrice !== null && Number(analysis.liquidationPrice) === price) return null;
  const hold = shortHours(Number(analysis.carry.hours), format);
  return {
    id: 'liquidation-after-hold',
    kind: 'liquidation',
    price,
    exact: after,
    label: `Liq. after ${hold}`,
    shortLabel: `Liq. ${hold}`,
    dash: '2 2 6 2',
    color: colors.danger,
    className: 'lev-marker lev-marker-liquidation-after-hold',
    rounding: priceRounding('liquidation', analysis.side),
  };
}

/** The sentence under the main chart about the second liquidation marker. */
export function afterHoldSummary(analysis: ValidAnalysis, tick: string, quoteUnit: string, format: Formatter): string {
  const marker = afterHoldMarker(analysis, format);
  if (marker === null || analysis.carry === null) return '';
  const period = longHours(Number(analysis.carry.hours), format);
  const cost = analysis.instrument === 'loan' ? 'interest and yield' : 'funding';
  return `The second liquidation marker (${marker.label}, ${format.price(marker.exact, tick, { direction: marker.rounding })} ${quoteUnit}) is where liquidation would be after ${period} of ${cost} at a flat price.`;
}

/** A note when the shaded range reaches past the plotted prices, so a fully tinted chart is not misread. */
export function bandOverflowNote(risk: HorizonRisk | null, domain: { from: number; to: number }, tick: string, format: Formatter): string | null {
  const inner = horizonBands(risk).find((band) => band.sigmas === 1);
  if (risk === null || inner === undefined || (inner.from >= domain.from && inner.to <= domain.to)) return null;
  const days = format.number(Number(risk.horizonDays), { digits: 2 });
  return `The ${days}-day ±1σ range (${format.price(inner.from, tick)} to ${format.price(inner.to, tick)}) reaches past the plotted prices: zoom out (−) to see all of it.`;
}

/** The sentence under the main chart about the shaded range. */
export function bandSummary(risk: HorizonRisk | null, tick: string, quoteUnit: string, format: Formatter): string {
  const bands = horizonBands(risk);
  if (risk === null || bands.length === 0) return '';
  const days = Number(risk.horizonDays);
  const span = `${format.number(days, { digits: 2 })}-day`;
  const price = (value: number): string => format.price(value, tick);
  const { minus2, minus1, median, plus1, plus2 } = risk.horizonBands;
  return (
    `The shaded range is where the price may be after ${format.number(days, { digits: 2 })} ${days === 1 ? 'day' : 'days'} at ${format.percent(risk.volatility, { digits: 1 })} yearly volatility: ` +
    `about two in three ${span} outcomes end between ${price(minus1)} and ${price(plus1)} ${quoteUnit} (±1σ), 95 % between ${price(minus2)} and ${price(plus2)} (±2σ); the median is ${price(median)}.`
  );
}

// --- The liquidation price over the holding period ---------------------------------------------

/** At most this many samples: each costs an exact (decimal) liquidation solve. */
export const MAX_PATH_POINTS = 60;
const LOAN_PATH_POINTS = 40;

export interface RiskPathRow {
  /** Time in the chart's unit (hours or days). */
  time: number;
  hours: number;
  liquidation: number | null;
  equity: number;
}

export interface RiskPathPlan {
  rows: RiskPathRow[];
  timeUnit: 'h' | 'd';
  /** Perpetual funding is paid in whole events: drawn as steps. */
  step: boolean;
  holdHours: number;
  /** The position's side: the tooltip rounds each liquidation price toward entry, as everywhere else. */
  side: ValidAnalysis['side'];
  summary: string;
}

export interface RiskPathOptions {
  tick: string;
  quoteUnit: string;
  coinUnit: string;
}

function specNumber(value: PositionSpec[keyof PositionSpec], fallback: number): number {
  const number = typeof value === 'string' || typeof value === 'number' ? Number(value) : Number.NaN;
  return Number.isFinite(number) ? number : fallback;
}

/**
 * Samples for the path: on funding events exactly when they fit (one per event, plus the start), else
 * evenly spaced up to MAX_PATH_POINTS; loans accrue smoothly.
 */
export function pathPointCount(analysis: ValidAnalysis, spec: PositionSpec): number {
  const hold = analysis.carry === null ? 0 : Number(analysis.carry.hours);
  if (!(hold > 0)) return 2;
  if (analysis.instrument === 'loan') return LOAN_PATH_POINTS;
  const interval = specNumber(spec.fundingIntervalHours, 8);
  const events = interval > 0 ? hold / interval : Number.POSITIVE_INFINITY;
  const whole = Math.round(events);
  if (Math.abs(events - whole) < 1e-9 && whole >= 1 && whole + 1 <= MAX_PATH_POINTS) return whole + 1;
  return MAX_PATH_POINTS;
}

/** The small chart's rows and summary; null without a holding period or for an invalid spec. */
export function riskPathPlan(analysis: ValidAnalysis, spec: PositionSpec, options: RiskPathOptions, format: Formatter): RiskPathPlan | null {
  const carry = analysis.carry;
  if (carry === null) return null;
  const holdHours = Number(carry.hours);
  if (!(holdHours > 0) || !Number.isFinite(holdHours)) return null;
  const path = liquidationPath(spec, carry.hours, pathPointCount(analysis, spec));
  if (path === null) return null;
  const timeUnit = holdHours >= 48 ? 'd' : 'h';
  const rows: RiskPathRow[] = path.hours.map((hours, index) => {
    const liquidation = path.liquidationPrice[index] ?? null;
    const equity = path.equityAtEntry[index] ?? 0;
    return {
      time: timeUnit === 'd' ? hours / 24 : hours,
      hours,
      liquidation: liquidation !== null && positiveFinite(liquidation) ? liquidation : null,
      equity: Number.isFinite(equity) ? equity : 0,
    };
  });
  return { rows, timeUnit, step: analysis.instrument !== 'loan', holdHours, side: analysis.side, summary: pathSummary(analysis, rows, holdHours, options, format) };
}

function pathSummary(analysis: ValidAnalysis, rows: readonly RiskPathRow[], holdHours: number, options: RiskPathOptions, format: Formatter): string {
  const first = rows[0];
  const last = rows[rows.length - 1];
  if (first === undefined || last === undefined) return '';
  const coin = analysis.marginCurrency === 'coin';
  const unit = coin ? options.coinUnit : options.quoteUnit;
  const money = (value: number): string => format.money(value, unit, { coin });
  const price = (value: number): string => format.price(value, options.tick);
  const liquidationText = (value: number): string => priceText('liquidation', value, { tick: options.tick, side: analysis.side }, format);
  const period = longHours(holdHours, format);
  const [cost, verb] = analysis.instrument === 'loan' ? ['interest and yield', 'lower'] : ['funding', 'lowers'];
  const equityChange = last.equity - first.equity;
  const equityText =
    equityChange === 0
      ? `equity stays at ${money(first.equity)}`
      : `${cost} ${equityChange < 0 ? verb : verb.replace('lower', 'raise')} equity from ${money(first.equity)} to ${money(last.equity)}`;
  const intro = `Over ${period} at a flat price of ${price(Number(analysis.entry))}, ${equityText}`;
  if (first.liquidation === null && last.liquidation === null) return `${intro}; there is no liquidation price over the period.`;
  if (first.liquidation === null || last.liquidation === null) {
    const known = first.liquidation ?? last.liquidation ?? 0;
    return `${intro}; the liquidation price is ${liquidationText(known)} ${options.quoteUnit} only at the ${first.liquidation === null ? 'end' : 'start'} of the period.`;
  }
  const shift = last.liquidation - first.liquidation;
  const entry = Number(analysis.entry);
  const closer = analysis.side === 'long' ? shift > 0 : shift < 0;
  const movement =
    shift === 0
      ? `the liquidation price stays at ${liquidationText(first.liquidation)} ${options.quoteUnit}`
      : `the liquidation price moves from ${liquidationText(first.liquidation)} to ${liquidationText(last.liquidation)} ${options.quoteUnit}, ${format.percent(Math.abs(shift) / entry, { digits: 2 })} of entry ${closer ? 'closer to' : 'further from'} the entry price`;
  return `${intro}, and ${movement}.`;
}
