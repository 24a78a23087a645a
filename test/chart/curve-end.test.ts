import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultFormatter } from '../../src/config/format';
import { inputsWith } from '../../src/config/presets';
import { equityAt } from '../../src/model/companions';
import { equityPath } from '../../src/model/path';
import type { PositionSpec, ValidAnalysis } from '../../src/model/types';
import { derive } from '../../src/view/derive';
import { equityPlan } from '../../src/chart/plan';
import type { EquityPlan } from '../../src/chart/plan';
import { curveToCsv } from '../../src/chart/export';
import { chartSummary } from '../../src/chart/summary';
import { anySpec, chartRuns, defaultPosition, validAnalysis } from './helpers';
import { checkedCases } from '../property-runs';

function planFor(spec: PositionSpec, analysis: ValidAnalysis, zoom = 1): EquityPlan {
  const plan = equityPlan(analysis, spec, { zoom, unit: 'quote', scenarios: [], tick: '0.1' }, defaultFormatter);
  if (plan === null) throw new Error('a valid position has a plan');
  return plan;
}

/** Beyond a price on the losing side: below it for a long, above it for a short. */
function beyond(analysis: ValidAnalysis, price: number, limit: number): boolean {
  return analysis.side === 'long' ? price < limit : price > limit;
}

describe('the curve ends where the position ends', () => {
  it('the default isolated long: follows the curve to the liquidation price, then stays at 0, marked liquidated', () => {
    const { spec, analysis } = defaultPosition();
    const plan = planFor(spec, analysis);
    const liquidation = Number(analysis.liquidationPrice);
    // The example: 46,000 is beyond the liquidation price, where the curve once read −300 USDT.
    expect(plan.domain.from).toBeLessThanOrEqual(46000);
    const past = plan.rows.filter((row) => row.price < liquidation);
    expect(past.length).toBeGreaterThan(10);
    for (const row of past) {
      expect(row.state).toBe('liquidated');
      expect(row.equity).toBe(0);
      expect(row.health).toBeNull();
      expect(row.leverage).toBeNull();
      // The whole isolated margin is gone: ROE −100 %.
      expect(row.roe).toBeCloseTo(-1, 9);
    }
    // The 1× line goes on: below the liquidation price it keeps falling with the price.
    const lowest = past[0];
    const lastPast = past[past.length - 1];
    expect(lowest?.unleveraged).toBeLessThan(lastPast?.unleveraged ?? Number.NaN);
    // At the liquidation price itself: the last open point (the equity the curve reaches) and the drop to 0.
    const atLiquidation = plan.rows.filter((row) => row.price === liquidation);
    expect(atLiquidation.map((row) => row.state)).toEqual(['liquidated', 'open']);
    expect(atLiquidation[1]?.equity).toBeCloseTo(Number(equityAt(spec, analysis.liquidationPrice ?? '0')), 6);
    expect(atLiquidation[1]?.equity).toBeGreaterThan(0);
    for (const row of plan.rows.filter((candidate) => candidate.price > liquidation)) expect(row.state).toBe('open');
    expect(plan.end?.exact).toBe(analysis.liquidationPrice);
  });

  it('the CSV has a state column: liquidated rows never show a negative equity or a health', () => {
    const { spec, analysis } = defaultPosition();
    const plan = planFor(spec, analysis);
    const lines = curveToCsv(plan.curve, { units: { price: 'USDT', margin: 'USDT' } }).trim().split('\r\n');
    const header = lines[0]?.split(',') ?? [];
    expect(header.slice(0, 3)).toEqual(['price_USDT', 'state', 'equity_USDT']);
    const health = header.indexOf('health');
    const table = lines.slice(1).map((line) => line.split(','));
    const liquidated = table.filter((row) => row[1] === 'liquidated');
    expect(liquidated.length).toBeGreaterThan(10);
    expect(table.filter((row) => row[1] === 'open').length + liquidated.length).toBe(table.length);
    for (const row of liquidated) {
      expect(Number(row[0])).toBeLessThanOrEqual(Number(analysis.liquidationPrice));
      expect(row[2]).toBe('0');
      expect(row[health]).toBe('');
    }
    // The row at 46,000's neighbourhood is liquidated, not −300.
    const near46k = table.reduce((best, row) => (Math.abs(Number(row[0]) - 46000) < Math.abs(Number(best[0]) - 46000) ? row : best));
    expect(near46k[1]).toBe('liquidated');
  });

  it('the text summary says the position is liquidated and what is assumed', () => {
    const { spec, analysis } = defaultPosition();
    const text = chartSummary(analysis, spec, { tick: '0.1', quoteUnit: 'USDT', coinUnit: 'BTC' }, defaultFormatter);
    expect(text).toContain('liquidated');
    expect(text).toContain('the trader keeps nothing');
    expect(text).toContain("the chart marks the position liquidated, and the trader's equity stays at 0.00 USDT.");
    expect(text).toContain('but the position is liquidated before the price gets there');
  });

  it('a scenario curve ends at its own liquidation price', () => {
    const { spec, analysis } = defaultPosition();
    const riskier = derive(inputsWith({ leverage: '50' }));
    if (riskier.current === null) throw new Error('50× is valid on the default venue');
    const plan = equityPlan(analysis, spec, { zoom: 1, unit: 'quote', scenarios: [{ id: 'a', name: '50×', spec: riskier.spec, analysis: riskier.current }], tick: '0.1' }, defaultFormatter);
    if (plan === null) throw new Error('plan expected');
    const scenarioLiquidation = Number(riskier.current.liquidationPrice);
    const past = plan.rows.filter((row) => row.price <= scenarioLiquidation);
    expect(past.length).toBeGreaterThan(10);
    for (const row of past) expect(row.s0).toBe(0);
    const alive = plan.rows.filter((row) => row.price > scenarioLiquidation);
    for (const row of alive) expect(row.s0).toBeGreaterThan(0);
  });

  it('for any spec and zoom: liquidated points hold what the venue leaves (≥ 0, no health), open points are not below zero, and the state is the model’s (fast-check)', () => {
    const cases = checkedCases();
    let liquidatedSeen = 0;
    fc.assert(
      fc.property(anySpec, fc.constantFrom(0.5, 1, 4), (spec, zoom) => {
        const analysis = validAnalysis(spec);
        if (analysis === null) return;
        const plan = planFor(spec, analysis, zoom);
        cases.checked();
        const collateral = Math.abs(Number(analysis.effectiveCollateral));
        let wasLiquidated = false;
        // Walk away from entry on the losing side: once liquidated, always liquidated.
        const losingSide = analysis.side === 'long' ? [...plan.rows].reverse() : plan.rows;
        for (const row of losingSide) {
          if (row.state === 'liquidated') wasLiquidated = true;
          else if (beyond(analysis, row.price, Number(analysis.entry))) expect(wasLiquidated, `open again at ${row.price}`).toBe(false);
        }
        for (const row of plan.rows) {
          // Fees are outside equity: isolated equity is never below minus the fees, here never below 0 (float noise aside).
          expect(row.equity, `equity at ${row.price}`).toBeGreaterThanOrEqual(-(collateral + Math.abs(row.pnl)) * 1e-9 * (analysis.instrument === 'inverse' ? row.price : 1));
          if (row.state === 'liquidated') {
            liquidatedSeen += 1;
            expect(row.health).toBeNull();
            expect(row.leverage).toBeNull();
          }
        }
        // The state at a few plotted prices is what the model's equityPath says there.
        const sample = plan.rows.filter((_, index) => index % 97 === 0);
        for (const row of sample) {
          const path = equityPath(spec, [String(row.price)]);
          if (path === null) continue;
          const modelState = path.points[0]?.state;
          const edge = path.endPrice !== null && Number(path.endPrice) === row.price;
          if (!edge) expect(row.state, `state at ${row.price}`).toBe(modelState);
        }
      }),
      { numRuns: chartRuns },
    );
    cases.expectAtLeast(0.5, chartRuns);
    // The property met liquidated points, not only positions that stay open in view.
    expect(liquidatedSeen).toBeGreaterThan(chartRuns);
  });
});
