import { defaultFormatter } from '../../src/config/format';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildCurve } from '../../src/model/curve';
import { chartMarkers, endCurve, mainCurve, priceDomain } from '../../src/chart/series';
import type { EndedCurve } from '../../src/chart/series';
import { csvMetadata, curveToCsv, fanToCsv, roundPriceGrid, slideSvg, withMetadata } from '../../src/chart/export';
import { niceStep } from '../../src/chart/axes';
import { amplificationFan } from '../../src/chart/series';
import { equityPlan } from '../../src/chart/plan';
import { toQueryString } from '../../src/config/codec';
import { defaultInputs } from '../../src/config/presets';
import { findVenue } from '../../src/model/venues';
import { positionEnd } from '../../src/view/ending';
import type { Curve } from '../../src/model/curve';
import type { PositionSpec, ValidAnalysis } from '../../src/model/types';
import { anySpec, chartRuns, defaultPosition, validAnalysis } from './helpers';
import { checkedCases } from '../property-runs';

function parse(csv: string): string[][] {
  expect(csv.endsWith('\r\n')).toBe(true);
  return csv
    .slice(0, -2)
    .split('\r\n')
    .map((line) => line.split(','));
}

/** The curve as the chart exports it: ended where the model ends the position. */
function ended(curve: Curve, spec: PositionSpec, analysis: ValidAnalysis): EndedCurve {
  return endCurve(curve, positionEnd(spec, analysis), { inverse: analysis.instrument === 'inverse', initialMargin: Number(analysis.initialMargin), edge: true });
}

describe('curveToCsv', () => {
  it('has a header and one row per plotted price, with the figures of the curve', () => {
    const { spec, analysis } = defaultPosition();
    const raw = mainCurve(spec, priceDomain(analysis, 1), chartMarkers(analysis, defaultFormatter).map((marker) => marker.price));
    expect(raw).not.toBeNull();
    if (raw === null) return;
    const curve = ended(raw, spec, analysis);
    const table = parse(curveToCsv(curve, { units: { price: 'USDT', margin: 'USDT' } }));
    expect(table[0]).toEqual(['price_USDT', 'state', 'equity_USDT', 'pnl_USDT', 'roe_fraction', 'health', 'effective_leverage']);
    expect(table).toHaveLength(curve.price.length + 1);
    table.slice(1).forEach((row, index) => {
      expect(row).toHaveLength(7);
      expect(Number(row[0])).toBeCloseTo(curve.price[index] ?? Number.NaN, 6);
      expect(row[1]).toBe(curve.state[index]);
      expect(Number(row[2])).toBeCloseTo(curve.equity[index] ?? Number.NaN, 6);
      expect(Number(row[4])).toBeCloseTo(curve.roe[index] ?? Number.NaN, 9);
    });
    // Once liquidated the position has no effective leverage: an empty cell, not "null" or "Infinity".
    const closed = table.slice(1).filter((row) => Number(row[2]) <= 0);
    expect(closed.length).toBeGreaterThan(0);
    for (const row of closed) expect(row[6]).toBe('');
  });

  it('adds USD equity for inverse contracts', () => {
    const spec = { instrument: 'inverse', entry: '50000', collateral: '0.01', leverage: '10', mmr: '0.005' } as const;
    const analysis = validAnalysis(spec);
    const curve = buildCurve(spec, { from: 40000, to: 60000, points: 5 });
    expect(curve).not.toBeNull();
    if (curve === null || analysis === null) return;
    const table = parse(curveToCsv(ended(curve, spec, analysis), { units: { price: 'USD', margin: 'BTC', quote: 'USD' } }));
    expect(table[0]).toEqual(['price_USD', 'state', 'equity_BTC', 'equity_USD', 'pnl_BTC', 'roe_fraction', 'health', 'effective_leverage']);
    // 40,000 is past this 10× long's liquidation: liquidated, nothing left in either currency.
    expect(table[1]?.slice(1, 4)).toEqual(['liquidated', '0', '0']);
    table.slice(1).forEach((row) => expect(Number(row[3])).toBeCloseTo(Number(row[0]) * Number(row[2]), 4));
  });

  it('never writes NaN, Infinity or null, and every row has the header’s width (fast-check)', () => {
    const cases = checkedCases();
    fc.assert(
      fc.property(anySpec, (spec) => {
        const analysis = validAnalysis(spec);
        if (analysis === null) return;
        const raw = mainCurve(spec, priceDomain(analysis, 4), [], 60);
        if (raw === null) return;
        cases.checked();
        const curve = ended(raw, spec, analysis);
        const csv = curveToCsv(curve);
        expect(csv).not.toMatch(/NaN|Infinity|null|undefined/);
        const table = parse(csv);
        expect(table).toHaveLength(curve.price.length + 1);
        for (const row of table) expect(row).toHaveLength(table[0]?.length ?? 0);
        for (const row of table.slice(1)) {
          const [price, state, ...figures] = row;
          expect(['open', 'liquidated']).toContain(state);
          for (const value of [price, ...figures]) if (value !== '') expect(Number.isFinite(Number(value))).toBe(true);
        }
      }),
      { numRuns: chartRuns },
    );
    // More than 60 % of the generated specs are valid (test/model/properties.test.ts).
    cases.expectAtLeast(0.5, chartRuns);
  });
});

/** Whether a number is a whole multiple of a step, up to the binary noise of the arithmetic. */
const onStep = (value: number, step: number): boolean => Math.abs(value / step - Math.round(value / step)) < 1e-6;

/** The default position's ended curve over its automatic range. */
function defaultCurve(spec: PositionSpec, analysis: ValidAnalysis, points?: number): EndedCurve {
  const raw = mainCurve(spec, priceDomain(analysis, 1), [], points);
  if (raw === null) throw new Error('The default position draws a curve.');
  return ended(raw, spec, analysis);
}

describe('CSV metadata and grid', () => {
  const { spec, analysis } = defaultPosition();
  const venue = findVenue(defaultInputs().venue);
  const metadata = csvMetadata({
    chart: 'equity against price',
    inputs: toQueryString(defaultInputs()),
    convention: analysis.convention,
    venue: venue === undefined ? null : { label: venue.label, asOf: venue.asOf, source: venue.source },
  });

  it('opens with commented rows naming the inputs, the convention and the preset’s date, then the table unchanged', () => {
    const table = curveToCsv(defaultCurve(spec, analysis, 40));
    const csv = withMetadata(table, metadata);
    const lines = csv.split('\r\n');
    const comments = lines.filter((line) => line.startsWith('# '));
    expect(lines.slice(0, comments.length)).toEqual(comments);
    expect(comments).toHaveLength(4);
    expect(comments.some((line) => line.includes(toQueryString(defaultInputs())))).toBe(true);
    expect(comments.some((line) => line.includes(analysis.convention))).toBe(true);
    expect(venue).toBeDefined();
    expect(comments.some((line) => line.includes(`as of ${venue?.asOf ?? '?'}`))).toBe(true);
    expect(csv.slice(csv.indexOf(table.split('\r\n')[0] ?? ''))).toBe(table);
  });

  it('keeps a value with a line break on its own commented row', () => {
    expect(withMetadata('a\r\n', [['note', 'one\ntwo']])).toBe('# note: one two\r\na\r\n');
  });

  it('writes prices on a round grid inside the range, above zero (fast-check)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-8, max: 1e7, noNaN: true }), fc.double({ min: 0.001, max: 20, noNaN: true }), (from, share) => {
        const to = from * (1 + share);
        const grid = roundPriceGrid({ from, to });
        expect(grid.step).toBe(niceStep(to - from, 200));
        expect(grid.from).toBeGreaterThan(0);
        expect(onStep(grid.from, grid.step) && onStep(grid.to, grid.step)).toBe(true);
        expect((grid.to - grid.from) / grid.step + 1).toBeCloseTo(grid.points, 6);
        expect(grid.points).toBeGreaterThanOrEqual(2);
      }),
    );
  });

  it('the equity CSV’s rows are that grid, each price a round number', () => {
    const grid = roundPriceGrid(priceDomain(analysis, 1));
    const plan = equityPlan(analysis, spec, { zoom: 1, unit: 'quote', scenarios: [], tick: '0.1', domain: { from: grid.from, to: grid.to }, points: grid.points }, defaultFormatter);
    if (plan === null) throw new Error('The default position draws a curve.');
    const rows = parse(curveToCsv(plan.curve)).slice(1);
    expect(rows).toHaveLength(grid.points);
    for (const row of rows) expect(onStep(Number(row[0]), grid.step)).toBe(true);
  });

  it('the amplification CSV is its own table: ROE per leverage against a round grid of price changes', () => {
    const plotted = amplificationFan(spec, analysis, defaultFormatter);
    const step = niceStep(2 * plotted.span, 200);
    const fan = amplificationFan(spec, analysis, defaultFormatter, { changeStep: step });
    const table = parse(fanToCsv(fan, Number(analysis.entry), 'USDT'));
    expect(table[0]).toEqual(['price_change_percent', 'price_USDT', ...fan.lines.map((line) => `roe_percent_${line.leverage}x`)]);
    expect(table).toHaveLength(fan.rows.length + 1);
    for (const row of table.slice(1)) {
      expect(onStep(Number(row[0]), step)).toBe(true);
      expect(Number(row[1])).toBeCloseTo(Number(analysis.entry) * (1 + Number(row[0]) / 100), 4);
    }
    const equity = curveToCsv(defaultCurve(spec, analysis));
    expect(fanToCsv(fan, Number(analysis.entry), 'USDT')).not.toBe(equity);
  });
});

describe('the slide an exported PNG is drawn from', () => {
  const texts = (markup: string, kind: string): string[] => Array.from(markup.matchAll(new RegExp(`<text[^>]*class="lev-slide-${kind}"[^>]*>([^<]*)</text>`, 'g')), (match) => match[1] ?? '');
  const chart = { markup: '<svg xmlns="http://www.w3.org/2000/svg" width="600" height="300"><path class="lev-series-equity" d="M0,0L600,300"/></svg>', width: 600, height: 300 };
  const text = {
    title: 'Equity against price: long at 20×',
    legend: [
      { label: 'Equity', color: 'rgb(0, 0, 255)', dash: null },
      { label: 'Scenario: <b>bold</b> & more', color: 'rgb(255, 0, 0)', dash: '6 3' },
    ],
    axes: [{ x: 'Price (USDT)', y: 'Equity (USDT)' }],
    caption: 'Binance USD-M BTCUSDT. Long linear, isolated margin: entry 50,000.0, collateral 500.00 USDT, leverage 20×. '.repeat(3),
  };
  const slide = slideSvg([chart], text, { background: 'rgb(255, 255, 255)', text: 'rgb(0, 0, 0)', muted: 'rgb(90, 90, 90)' });

  it('has the title, the axis titles and every legend entry as text, markup escaped', () => {
    expect(texts(slide.markup, 'title')).toEqual([text.title]);
    expect(texts(slide.markup, 'axis').sort()).toEqual(['Equity (USDT)', 'Price (USDT)']);
    expect(texts(slide.markup, 'legend')).toEqual(['Equity', 'Scenario: &lt;b&gt;bold&lt;/b&gt; &amp; more']);
    expect(slide.markup).toContain('stroke-dasharray="6 3"');
  });

  it('wraps the inputs caption inside the picture and keeps every word', () => {
    const lines = texts(slide.markup, 'caption');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe(text.caption.trim());
    for (const line of lines) expect(line.length * 12 * 0.56).toBeLessThanOrEqual(slide.width);
  });

  it('holds the chart itself, below the title, and is tall enough for all of it', () => {
    expect(slide.markup).toContain(chart.markup);
    expect(slide.width).toBeGreaterThan(chart.width);
    expect(slide.height).toBeGreaterThan(chart.height + 3 * 17);
  });
});
