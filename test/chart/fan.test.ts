import { defaultFormatter } from '../../src/config/format';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyze, validate } from '../../src/model/analyze';
import { healthAt, roeAt } from '../../src/model/companions';
import type { PositionSpec, ValidAnalysis } from '../../src/model/types';
import { amplificationFan, FAN_LEVERAGES, fanValueDomain, leverageCap, withLeverage } from '../../src/chart/series';
import type { AmplificationFan } from '../../src/chart/series';
import { perpetualSpec, tieredSpec } from '../model/arbitraries';
import { chartRuns, defaultPosition, relativeGap, validAnalysis } from './helpers';
import { checkedCases } from '../property-runs';

/** Every property of a fan line that can be checked against the exact model, independently of how the fan is built. */
function checkFan(spec: PositionSpec, analysis: ValidAnalysis, fan: AmplificationFan): void {
  const long = analysis.side === 'long';
  for (const line of fan.lines) {
    const variant = withLeverage(spec, analysis, line.leverage);
    const exact = analyze(variant);
    expect(exact.valid).toBe(true);
    if (!exact.valid) continue;
    expect(Number(exact.leverage)).toBeCloseTo(line.leverage, 9);
    // Same collateral as the position (isolated); the fan only changes leverage.
    if (analysis.marginMode === 'isolated') expect(exact.collateral).toBe(analysis.collateral);
    expect(line.liquidationPrice).toBe(exact.liquidationPrice);
    const values = fan.rows.map((row) => ({ change: row.change, roe: row[line.key] ?? null }));
    const alive = values.filter((value) => value.roe !== null);
    expect(alive.length).toBeGreaterThan(1);
    if (exact.liquidationPrice === null) {
      expect(line.endChange).toBeNull();
      continue;
    }
    const liquidationChange = ((Number(exact.liquidationPrice) - Number(exact.entry)) / Number(exact.entry)) * 100;
    expect(line.endChange).not.toBeNull();
    expect(relativeGap(line.endChange ?? Number.NaN, liquidationChange, 1e-9)).toBeLessThan(1e-12);
    if (Math.abs(liquidationChange) > fan.span) continue;
    // The line stops exactly at its liquidation price: the last live point (first, for a long, going left to right).
    const end = long ? alive[0] : alive[alive.length - 1];
    expect(end?.change).toBe(line.endChange);
    const exactRoe = Number(roeAt(variant, exact.liquidationPrice)) * 100;
    expect(relativeGap(end?.roe ?? Number.NaN, exactRoe, 1)).toBeLessThan(1e-9);
    expect(relativeGap(line.endRoe ?? Number.NaN, exactRoe, 1)).toBeLessThan(1e-9);
    expect(Number(healthAt(variant, exact.liquidationPrice))).toBeCloseTo(1, 12);
    // Nothing is drawn beyond liquidation.
    for (const value of values) {
      const beyond = long ? value.change < liquidationChange : value.change > liquidationChange;
      if (beyond) expect(value.roe).toBeNull();
    }
  }
}

describe('amplification fan', () => {
  it('draws 1×, 2×, 5×, 10×, 25×, 50× and the current 20×, each ending at its own liquidation price', () => {
    const { spec, analysis } = defaultPosition();
    const fan = amplificationFan(spec, analysis, defaultFormatter);
    expect(fan.lines.map((line) => line.leverage)).toEqual([1, 2, 5, 10, 20, 25, 50]);
    expect(fan.lines.filter((line) => line.current).map((line) => line.leverage)).toEqual([20]);
    expect(fan.skipped).toEqual([]);
    checkFan(spec, analysis, fan);
    // Higher leverage liquidates closer to entry.
    const ends = fan.lines.map((line) => line.endChange).filter((change): change is number => change !== null);
    for (let index = 1; index < ends.length; index += 1) expect(Math.abs(ends[index] ?? 0)).toBeLessThan(Math.abs(ends[index - 1] ?? 0));
  });

  it('marks the current leverage without a duplicate line when it is one of the standard ones', () => {
    const { spec, analysis } = defaultPosition();
    const at10 = validAnalysis({ ...spec, leverage: '10' });
    expect(at10).not.toBeNull();
    if (at10 === null) return;
    const fan = amplificationFan({ ...spec, leverage: '10' }, at10, defaultFormatter);
    expect(fan.lines.map((line) => line.leverage)).toEqual([...FAN_LEVERAGES]);
    expect(fan.lines.find((line) => line.current)?.leverage).toBe(10);
    expect(analysis.leverage).toBe('20');
  });

  it('skips leverages the spec refuses and says why', () => {
    const { spec } = defaultPosition();
    const capped = { ...spec, maxLeverage: '20' };
    const analysis = validAnalysis(capped);
    expect(analysis).not.toBeNull();
    if (analysis === null) return;
    const fan = amplificationFan(capped, analysis, defaultFormatter);
    expect(fan.skipped.map((skip) => skip.leverage)).toEqual([25, 50]);
    for (const skip of fan.skipped) {
      expect(skip.reason).toBe(validate(withLeverage(capped, analysis, skip.leverage))[0]?.message);
      expect(skip.reason).toMatch(/maximum/);
    }
    expect(fan.lines.map((line) => line.leverage)).toEqual([1, 2, 5, 10, 20]);
  });

  it('agrees with analyze() for random perpetual specs (fast-check)', () => {
    // Each run draws and checks seven fans of 41 points: fewer runs than the other chart properties.
    const fanRuns = Math.min(chartRuns, 100);
    const cases = checkedCases();
    fc.assert(
      fc.property(fc.oneof(perpetualSpec, tieredSpec), fc.constantFrom('isolated' as const, 'cross' as const), (spec, marginMode) => {
        const withMode: PositionSpec = marginMode === 'cross' ? { ...spec, marginMode } : spec;
        const analysis = validAnalysis(withMode);
        if (analysis === null) return;
        cases.checked();
        const fan = amplificationFan(withMode, analysis, defaultFormatter, { points: 41 });
        for (const skip of fan.skipped) expect(validate(withLeverage(withMode, analysis, skip.leverage)).length).toBeGreaterThan(0);
        expect(fan.lines.length + fan.skipped.length).toBeGreaterThanOrEqual(FAN_LEVERAGES.length);
        checkFan(withMode, analysis, fan);
        for (const row of fan.rows) for (const line of fan.lines) expect(Number.isNaN(row[line.key])).toBe(false);
      }),
      { numRuns: fanRuns },
    );
    // Cross margin with no size makes many specs invalid: about 40 % of these runs are checked.
    cases.expectAtLeast(0.25, fanRuns);
  });

  it('for loans, skips what the loan refuses and ends lines at the loan’s liquidation', () => {
    const loan: PositionSpec = { instrument: 'loan', side: 'long', entry: '3000', collateral: '1000', leverage: '3', liquidationThreshold: '0.83', ltv: '0.8', thresholds: ['1.1'] };
    const analysis = validAnalysis(loan);
    expect(analysis).not.toBeNull();
    if (analysis === null) return;
    const fan = amplificationFan(loan, analysis, defaultFormatter);
    // LTV 80 % allows at most 5×.
    expect(fan.skipped.map((skip) => skip.leverage)).toEqual([10, 25, 50]);
    expect(fan.lines.map((line) => line.leverage)).toEqual([1, 2, 3, 5]);
    expect(fan.lines[0]?.endChange).toBeNull();
    checkFan(loan, analysis, fan);
  });

  it('keeps the ROE axis between the wiped-out margin and the cap', () => {
    const { spec, analysis } = defaultPosition();
    const [low, high] = fanValueDomain(amplificationFan(spec, analysis, defaultFormatter));
    expect(low).toBeLessThanOrEqual(-100);
    expect(high).toBeLessThanOrEqual(300);
    expect(high).toBeGreaterThan(0);
  });
});

describe('effective leverage cap', () => {
  it('is 5× the current leverage, at least 10× and at most 200×', () => {
    const { spec } = defaultPosition();
    const at = (leverage: string): number => {
      const analysis = validAnalysis({ ...spec, leverage, collateral: '100' });
      if (analysis === null) throw new Error('valid');
      return leverageCap(analysis);
    };
    expect(at('20')).toBe(100);
    expect(at('1')).toBe(10);
    expect(at('125')).toBe(200);
  });

  it('is always above the leverage at entry for leverages up to 40× (fast-check)', () => {
    const cases = checkedCases();
    fc.assert(
      fc.property(perpetualSpec, (spec) => {
        const analysis = validAnalysis(spec);
        if (analysis === null || Number(analysis.effectiveLeverage) > 40) return;
        cases.checked();
        const cap = leverageCap(analysis);
        expect(cap).toBeGreaterThan(Number(analysis.effectiveLeverage));
        expect(cap).toBeLessThanOrEqual(200);
      }),
      { numRuns: chartRuns },
    );
    cases.expectAtLeast(0.3, chartRuns);
  });
});
