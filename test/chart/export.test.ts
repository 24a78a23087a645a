import { defaultFormatter } from '../../src/config/format';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildCurve } from '../../src/model/curve';
import { chartMarkers, mainCurve, priceDomain } from '../../src/chart/series';
import { curveToCsv } from '../../src/chart/export';
import { anySpec, chartRuns, defaultPosition, validAnalysis } from './helpers';
import { checkedCases } from '../property-runs';

function parse(csv: string): string[][] {
  expect(csv.endsWith('\r\n')).toBe(true);
  return csv
    .slice(0, -2)
    .split('\r\n')
    .map((line) => line.split(','));
}

describe('curveToCsv', () => {
  it('has a header and one row per plotted price, with the figures of the curve', () => {
    const { spec, analysis } = defaultPosition();
    const curve = mainCurve(spec, priceDomain(analysis, 1), chartMarkers(analysis, defaultFormatter).map((marker) => marker.price));
    expect(curve).not.toBeNull();
    if (curve === null) return;
    const table = parse(curveToCsv(curve, { units: { price: 'USDT', margin: 'USDT' } }));
    expect(table[0]).toEqual(['price_USDT', 'equity_USDT', 'pnl_USDT', 'roe_fraction', 'health', 'effective_leverage']);
    expect(table).toHaveLength(curve.price.length + 1);
    table.slice(1).forEach((row, index) => {
      expect(row).toHaveLength(6);
      expect(Number(row[0])).toBeCloseTo(curve.price[index] ?? Number.NaN, 6);
      expect(Number(row[1])).toBeCloseTo(curve.equity[index] ?? Number.NaN, 6);
      expect(Number(row[3])).toBeCloseTo(curve.roe[index] ?? Number.NaN, 9);
    });
    // Past bankruptcy the position has no effective leverage: an empty cell, not "null" or "Infinity".
    const bankrupt = table.slice(1).filter((row) => Number(row[1]) <= 0);
    expect(bankrupt.length).toBeGreaterThan(0);
    for (const row of bankrupt) expect(row[5]).toBe('');
  });

  it('adds USD equity for inverse contracts', () => {
    const curve = buildCurve({ instrument: 'inverse', entry: '50000', collateral: '0.01', leverage: '10', mmr: '0.005' }, { from: 40000, to: 60000, points: 5 });
    expect(curve).not.toBeNull();
    if (curve === null) return;
    const table = parse(curveToCsv(curve, { units: { price: 'USD', margin: 'BTC', quote: 'USD' } }));
    expect(table[0]).toEqual(['price_USD', 'equity_BTC', 'equity_USD', 'pnl_BTC', 'roe_fraction', 'health', 'effective_leverage']);
    table.slice(1).forEach((row) => expect(Number(row[2])).toBeCloseTo(Number(row[0]) * Number(row[1]), 4));
  });

  it('never writes NaN, Infinity or null, and every row has the header’s width (fast-check)', () => {
    const cases = checkedCases();
    fc.assert(
      fc.property(anySpec, (spec) => {
        const analysis = validAnalysis(spec);
        if (analysis === null) return;
        const curve = mainCurve(spec, priceDomain(analysis, 4), [], 60);
        if (curve === null) return;
        cases.checked();
        const csv = curveToCsv(curve);
        expect(csv).not.toMatch(/NaN|Infinity|null|undefined/);
        const table = parse(csv);
        expect(table).toHaveLength(curve.price.length + 1);
        for (const row of table) expect(row).toHaveLength(table[0]?.length ?? 0);
        for (const row of table.slice(1)) for (const value of row) if (value !== '') expect(Number.isFinite(Number(value))).toBe(true);
      }),
      { numRuns: chartRuns },
    );
    // More than 60 % of the generated specs are valid (test/model/properties.test.ts).
    cases.expectAtLeast(0.5, chartRuns);
  });
});
