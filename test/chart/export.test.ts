import { defaultFormatter } from '../../src/config/format';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildCurve } from '../../src/model/curve';
import { chartMarkers, endCurve, mainCurve, priceDomain } from '../../src/chart/series';
import type { EndedCurve } from '../../src/chart/series';
import { curveToCsv } from '../../src/chart/export';
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
