
import type { Formatter } from '../config/format';
import type { HeldAxes } from '../config/schema';
import type { EquityRow, PriceDomain, ScenarioKey } from './series';

/** [min, max] of the finite values under some keys plus extra values, padded by 5 % so lines never touch the frame. */
export function valueDomain<T, K extends keyof T>(rows: readonly T[], keys: readonly K[], extras: readonly number[] = []): [number, number] {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  const take = (value: unknown): void => {
    if (typeof value !== 'number' || !Number.isFinite(value)) return;
    if (value < min) min = value;
    if (value > max) max = value;
  };
  for (const row of rows) for (const key of keys) take(row[key]);
  extras.forEach(take);
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [0, 1];
  if (min === max) {
    const pad = Math.abs(min) > 0 ? Math.abs(min) * 0.1 : 1;
    return [min - pad, max + pad];
  }
  const pad = (max - min) * 0.05;
  return [min - pad, max + pad];
}

/** Axis tick text: as many decimals as the axis span needs, no more (0.0123 BTC, 1,250 USDT). */
export function axisNumber(value: number, span: number, format: Formatter): string {
  if (!Number.isFinite(value)) return '';
  const digits = Number.isFinite(span) && span > 0 ? Math.min(8, Math.max(0, 2 - Math.floor(Math.log10(span)))) : 2;
  return format.number(value, { digits });
}

/** A round step (1, 2, 2.5 or 5 × 10ⁿ) near span ÷ count. */
export function niceStep(span: number, count: number): number {
  if (!(span > 0) || !Number.isFinite(span) || !(count > 0)) return 1;
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  // A hair of tolerance: 0.0012 / 6 is 2.0000000000000004 × 10⁻⁴ in binary, which is a step of 2, not 2.5.
  const fraction = (raw / power) * (1 - 1e-9);
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

function snap(value: number, step: number): number {
  // Removes binary noise (0.30000000000000004) so tick labels and keys stay clean.
  return Number((Math.round(value / step) * step).toFixed(Math.min(20, stepDecimals(step))));
}

/**
 * Round ticks inside a fixed range (the price axis keeps its exact domain so markers keep their margins).
 * Passing explicit ticks also spares recharts from measuring tick text on every update.
 */
export function innerTicks(from: number, to: number, count: number): number[] {
  return ticksWithStep(from, to, niceStep(to - from, count));
}

function ticksWithStep(from: number, to: number, step: number): number[] {
  if (!(to > from) || !(step > 0) || !Number.isFinite(step)) return [];
  const ticks: number[] = [];
  const first = Math.ceil(from / step - 1e-9);
  for (let index = first; index * step <= to + step * 1e-9 && ticks.length < 50; index += 1) ticks.push(snap(index * step, step));
  return ticks;
}

/** A value axis widened to round numbers, with its ticks. */
export function niceScale(min: number, max: number, count: number): { domain: [number, number]; ticks: number[] } {
  if (!Number.isFinite(min) || !Number.isFinite(max) || max <= min) return { domain: [0, 1], ticks: [0, 1] };
  const step = niceStep(max - min, count);
  const first = Math.floor(min / step + 1e-9);
  const last = Math.ceil(max / step - 1e-9);
  const ticks: number[] = [];
  for (let index = first; index <= last && ticks.length < 50; index += 1) ticks.push(snap(index * step, step));
  return { domain: [snap(first * step, step), snap(last * step, step)], ticks };
}

/** Decimals needed to write a tick step exactly (2.5 → 1, 0.05 → 2, 500 → 0). */
export function stepDecimals(step: number): number {
  for (let decimals = 0; decimals <= 20; decimals += 1) {
    const scaled = Math.abs(step) * 10 ** decimals;
    const whole = Math.round(scaled);
    if (whole !== 0 && Math.abs(scaled - whole) <= 1e-9 * scaled) return decimals;
  }
  return 20;
}

/** Formats ticks of one axis with the same number of decimals, taken from their spacing. */
export function tickFormatter(ticks: readonly number[], format: Formatter): (value: number) => string {
  const first = ticks[0];
  const second = ticks[1];
  const decimals = first === undefined || second === undefined ? 2 : stepDecimals(Math.abs(second - first));
  return (value: number) => format.number(value, { digits: decimals });
}

/** The equity chart's value range before rounding: every curve drawn, zero and the starting equity, padded. */
export function equityValueRange(rows: readonly EquityRow[], scenarioKeys: readonly ScenarioKey[], startEquity: number): [number, number] {
  const keys: (keyof EquityRow)[] = ['equity', 'unleveraged', ...scenarioKeys];
  return valueDomain(rows, keys, [0, startEquity]);
}

/** Significant digits an axis range keeps: as many as a link writes, so a held range reads back exactly. */
const AXIS_DIGITS = 12;
const kept = (value: number): number => Number(value.toPrecision(AXIS_DIGITS));

/**
 * Both axes as the chart keeps them (followed or held): the price range as drawn, and the value range widened to
 * round numbers, so the held ticks read the same at any width and a link carries short numbers.
 */
export function axesOf(domain: PriceDomain, valueRange: readonly [number, number]): HeldAxes {
  const [low, high] = niceScale(valueRange[0], valueRange[1], 6).domain;
  return { minPrice: kept(domain.from), maxPrice: kept(domain.to), minValue: kept(low), maxValue: kept(high) };
}
