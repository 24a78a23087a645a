import { describe, expect, it } from 'vitest';
import { defaultFormatter } from '../../src/config/format';
import { equityAt } from '../../src/model/companions';
import { inputsWith } from '../../src/config/presets';
import type { defaultInputs } from '../../src/config/presets';
import { derive } from '../../src/view/derive';
import { equityPlan } from '../../src/chart/plan';
import { inDomain } from '../../src/chart/series';
import type { ScenarioInput } from '../../src/chart/series';
import { defaultPosition, relativeGap } from './helpers';

function scenario(id: string, name: string, changes: Partial<ReturnType<typeof defaultInputs>>): ScenarioInput {
  const derived = derive(inputsWith({ ...changes }));
  return { id, name, spec: derived.spec, analysis: derived.current };
}

describe('equity plan', () => {
  it('keeps every marker in view at the automatic range', () => {
    const { spec, analysis } = defaultPosition();
    const plan = equityPlan(analysis, spec, { zoom: 1, unit: 'quote', scenarios: [], tick: '0.1' }, defaultFormatter);
    expect(plan).not.toBeNull();
    if (plan === null) return;
    expect(plan.notes).toEqual([]);
    expect(plan.markers.map((marker) => marker.id)).toContain('liquidation');
    for (const marker of plan.markers) expect(inDomain(marker.price, plan.domain)).toBe(true);
    expect(plan.rows.length).toBeGreaterThanOrEqual(320);
    expect(plan.rows.length).toBeLessThanOrEqual(400);
  });

  it('zoomed in, lists the markers left outside instead of hiding them silently', () => {
    const { spec, analysis } = defaultPosition();
    const plan = equityPlan(analysis, spec, { zoom: 1 / 8, unit: 'quote', scenarios: [], tick: '0.1' }, defaultFormatter);
    if (plan === null) throw new Error('plan');
    expect(plan.markers.some((marker) => marker.id === 'liquidation')).toBe(false);
    expect(plan.notes.join(' ')).toMatch(/Outside the visible range: .*Liquidation 47,690\.8/);
  });

  it('overlays valid scenarios on the same prices with their liquidation markers and skips invalid ones with a note', () => {
    const { spec, analysis } = defaultPosition();
    const scenarios = [scenario('a', 'Ten times', { leverage: '10' }), scenario('b', 'Broken', { entry: 'abc' }), scenario('c', 'Fifty', { leverage: '50' })];
    const plan = equityPlan(analysis, spec, { zoom: 1, unit: 'quote', scenarios, tick: '0.1' }, defaultFormatter);
    if (plan === null) throw new Error('plan');
    expect(plan.overlays.map((overlay) => overlay.name)).toEqual(['Ten times', 'Fifty']);
    expect(new Set(plan.overlays.map((overlay) => overlay.dash)).size).toBe(2);
    expect(plan.notes.some((note) => note.includes('Broken'))).toBe(true);
    const tenTimes = scenarios[0];
    if (tenTimes === undefined) throw new Error('scenario');
    // The automatic range widens to show the 10× scenario's liquidation too.
    expect(inDomain(Number(tenTimes.analysis?.liquidationPrice), plan.domain)).toBe(true);
    expect(plan.markers.filter((marker) => marker.kind === 'scenario')).toHaveLength(2);
    // Until its own liquidation the scenario follows the model's equity; from there on it has nothing left.
    const tenTimesLiquidation = Number(tenTimes.analysis?.liquidationPrice);
    const sampled = plan.rows.filter((_, index) => index % 40 === 0);
    expect(sampled.some((row) => row.price <= tenTimesLiquidation)).toBe(true);
    for (const row of sampled) {
      const expected = row.price <= tenTimesLiquidation ? '0' : (equityAt(tenTimes.spec, String(row.price)) ?? 'NaN');
      expect(relativeGap(row.s0 ?? Number.NaN, expected, 1e-3)).toBeLessThan(1e-9);
    }
  });

  it('shows inverse equity in USD by default and in coin on request', () => {
    const inverse = derive(inputsWith({ venue: 'binance-coinm-btcusd', instrument: 'inverse', collateral: '0.01', tiers: '', size: '' }));
    if (inverse.current === null) throw new Error(JSON.stringify(inverse.errors));
    const inUsd = equityPlan(inverse.current, inverse.spec, { zoom: 1, unit: 'quote', scenarios: [], tick: '0.1' }, defaultFormatter);
    const inCoin = equityPlan(inverse.current, inverse.spec, { zoom: 1, unit: 'coin', scenarios: [], tick: '0.1' }, defaultFormatter);
    if (inUsd === null || inCoin === null) throw new Error('plan');
    expect(inCoin.startEquity).toBeCloseTo(0.01, 12);
    expect(inUsd.startEquity).toBeCloseTo(0.01 * 50000, 9);
    inUsd.rows.forEach((row, index) => expect(row.equity).toBeCloseTo((inCoin.rows[index]?.equity ?? Number.NaN) * row.price, 6));
  });
});
