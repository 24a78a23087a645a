import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { equityAtTime, liquidationPriceAt } from '../../src/model/carry';
import type { PositionSpec } from '../../src/model/types';
import { defaultFormatter, formatPrice } from '../../src/config/format';
import { afterHoldMarker, bandSummary, horizonBands, MAX_PATH_POINTS, pathPointCount, riskPathPlan } from '../../src/chart/risk';
import { anySpec, chartRuns, defaultPosition, relativeGap, validAnalysis } from './helpers';
import { checkedCases } from '../property-runs';

const options = { tick: '0.1', quoteUnit: 'USDT', coinUnit: 'BTC' };

/** Carry and volatility inputs on top of any position (rates as fractions, as the model takes them). */
const riskInputs = fc.record({
  fundingRate: fc.constantFrom('0', '0.0001', '-0.0003', '0.001', '0.0075'),
  fundingIntervalHours: fc.constantFrom('1', '4', '8'),
  holdHours: fc.constantFrom('1', '24', '100', '168', '720', '8760'),
  borrowApr: fc.constantFrom('0', '0.05', '0.4'),
  supplyApr: fc.constantFrom('0', '0.02', '0.1'),
  volatility: fc.constantFrom('0', '0.05', '0.6', '1.5', '4'),
  horizonDays: fc.constantFrom('0', '1', '7', '30', '365'),
  drift: fc.constantFrom('0', '0.2', '-0.5'),
  volatilityStress: fc.constantFrom('1', '1.5', '2'),
});
const anyRiskSpec: fc.Arbitrary<PositionSpec> = fc.tuple(anySpec, riskInputs).map(([spec, extra]) => ({ ...spec, ...extra }));

describe('horizon bands', () => {
  it('are ±2σ then ±1σ, nested and ordered, for the default position', () => {
    const { analysis } = defaultPosition();
    const bands = horizonBands(analysis.risk);
    expect(bands.map((band) => band.id)).toEqual(['band-2', 'band-1']);
    const [outer, inner] = bands;
    if (outer === undefined || inner === undefined) throw new Error('two bands expected');
    expect(outer.from).toBeLessThan(inner.from);
    expect(inner.from).toBeLessThan(Number(analysis.entry));
    expect(inner.to).toBeGreaterThan(inner.from);
    expect(outer.to).toBeGreaterThan(inner.to);
    expect(outer.className).toContain('lev-band');
    expect(inner.className).toBe('lev-band lev-band-1');
  });

  it('are empty without risk figures', () => {
    expect(horizonBands(null)).toEqual([]);
    const { spec } = defaultPosition();
    const { volatility: _dropped, ...withoutVolatility } = spec;
    // The default position has a volatility, so dropping it is what leaves the analysis without risk figures.
    expect(Number(_dropped)).toBeGreaterThan(0);
    const analysis = validAnalysis(withoutVolatility);
    expect(analysis?.risk ?? null).toBeNull();
    expect(horizonBands(analysis?.risk ?? null)).toEqual([]);
  });

  it('are always ordered and positive, and their summary never shows NaN', () => {
    const cases = checkedCases();
    fc.assert(
      fc.property(anyRiskSpec, (spec) => {
        const analysis = validAnalysis(spec);
        if (analysis === null) return;
        cases.checked();
        for (const band of horizonBands(analysis.risk)) {
          expect(band.from).toBeGreaterThan(0);
          expect(band.to).toBeGreaterThan(band.from);
          expect(Number.isFinite(band.to)).toBe(true);
        }
        expect(bandSummary(analysis.risk, options.tick, options.quoteUnit, defaultFormatter)).not.toMatch(/NaN|Infinity|undefined/);
      }),
      { numRuns: chartRuns },
    );
    cases.expectAtLeast(0.5, chartRuns);
  });

  it('summarise the range with the formatted quantiles', () => {
    const { analysis } = defaultPosition();
    const risk = analysis.risk;
    if (risk === null) throw new Error('risk expected');
    const text = bandSummary(risk, options.tick, options.quoteUnit, defaultFormatter);
    expect(text).toContain(formatPrice(risk.horizonBands.minus1, options.tick));
    expect(text).toContain(formatPrice(risk.horizonBands.plus2, options.tick));
    expect(text).toContain('±1σ');
  });
});

describe('the liquidation marker after the holding period', () => {
  it('sits at the model’s liquidation price after the hold, labelled with the period', () => {
    const { spec, analysis } = defaultPosition();
    const marker = afterHoldMarker(analysis, defaultFormatter);
    expect(marker).not.toBeNull();
    expect(marker?.price).toBe(Number(liquidationPriceAt(spec, spec.holdHours ?? '0')));
    expect(marker?.label).toBe('Liq. after 7 d');
    expect(marker?.className).toBe('lev-marker lev-marker-liquidation-after-hold');
    expect(marker?.dash).not.toBe('8 4');
  });

  it('is absent when carry does not move the liquidation price or there is no holding period', () => {
    const { spec } = defaultPosition();
    const flat = validAnalysis({ ...spec, fundingRate: '0' });
    expect(flat === null ? 'invalid' : afterHoldMarker(flat, defaultFormatter)).toBeNull();
    const noHold = validAnalysis({ ...spec, holdHours: '0' });
    expect(noHold === null ? 'invalid' : afterHoldMarker(noHold, defaultFormatter)).toBeNull();
  });
});

describe('the liquidation path', () => {
  it('starts at today’s liquidation price and ends at liquidationPriceAt(hold), with funding events as samples', () => {
    const { spec, analysis } = defaultPosition();
    const plan = riskPathPlan(analysis, spec, options, defaultFormatter);
    if (plan === null) throw new Error('plan expected');
    // 168 h at 8 h funding: one sample per event plus the start.
    expect(plan.rows).toHaveLength(22);
    expect(plan.step).toBe(true);
    expect(plan.timeUnit).toBe('d');
    const first = plan.rows[0];
    const last = plan.rows[plan.rows.length - 1];
    expect(first?.liquidation).toBeCloseTo(Number(analysis.liquidationPrice), 6);
    expect(relativeGap(String(last?.liquidation), liquidationPriceAt(spec, '168') ?? '0', 1)).toBeLessThan(1e-12);
    expect(relativeGap(String(last?.equity), equityAtTime(spec, analysis.entry, '168') ?? '0', 1)).toBeLessThan(1e-12);
    expect(last?.time).toBe(7);
    // Longs paying funding: the liquidation price only rises.
    for (let index = 1; index < plan.rows.length; index += 1) {
      expect(plan.rows[index]?.liquidation ?? 0).toBeGreaterThanOrEqual(plan.rows[index - 1]?.liquidation ?? 0);
    }
    expect(plan.summary).toContain(formatPrice(last?.liquidation ?? null, options.tick, { direction: 'up' }));
    expect(plan.summary).toContain(formatPrice(analysis.liquidationPrice, options.tick, { direction: 'up' }));
    expect(plan.summary).toContain('closer to the entry price');
  });

  it('keeps to at most 60 samples (hourly funding over a month)', () => {
    const { spec } = defaultPosition();
    const hourly = { ...spec, fundingIntervalHours: '1', holdHours: '720' };
    const analysis = validAnalysis(hourly);
    if (analysis === null) throw new Error('valid expected');
    expect(pathPointCount(analysis, hourly)).toBe(MAX_PATH_POINTS);
    expect(riskPathPlan(analysis, hourly, options, defaultFormatter)?.rows).toHaveLength(MAX_PATH_POINTS);
  });

  it('is null without a holding period', () => {
    const { spec } = defaultPosition();
    const analysis = validAnalysis({ ...spec, holdHours: '0' });
    expect(analysis === null ? 'invalid' : riskPathPlan(analysis, { ...spec, holdHours: '0' }, options, defaultFormatter)).toBeNull();
  });

  it('agrees with liquidationPriceAt at the end and never writes NaN, for any position', () => {
    const runs = Math.min(chartRuns, 100);
    const compared = checkedCases();
    fc.assert(
      fc.property(anyRiskSpec, (spec) => {
        const analysis = validAnalysis(spec);
        if (analysis === null) return;
        const plan = riskPathPlan(analysis, spec, options, defaultFormatter);
        if (plan === null) return;
        expect(plan.rows.length).toBeLessThanOrEqual(MAX_PATH_POINTS);
        expect(plan.summary).not.toMatch(/NaN|Infinity|undefined/);
        const last = plan.rows[plan.rows.length - 1];
        const expected = liquidationPriceAt(spec, analysis.carry?.hours ?? '0');
        if (expected === null || last?.liquidation === null || last === undefined) return;
        compared.checked();
        expect(relativeGap(String(last.liquidation), expected, 1e-300)).toBeLessThan(1e-9);
      }),
      { numRuns: runs },
    );
    compared.expectAtLeast(0.5, runs);
  });
});
