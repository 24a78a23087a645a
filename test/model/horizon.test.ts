import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Decimal from 'decimal.js';
import { analyze } from '../../src/model/analyze';
import { liquidationPriceAt, timeToCarryLiquidation } from '../../src/model/carry';
import { normalCdf, priceQuantile, touchProbability, endBeyondProbability, zScore } from '../../src/model/risk';
import type { BarrierOdds, PositionSpec, ValidAnalysis } from '../../src/model/types';
import { loanSpec, perpetualSpec, tieredSpec } from './arbitraries';
import { propertyRuns } from '../property-runs';

Decimal.set({ precision: 60 });

const runs = Math.round(propertyRuns / 3);
/** Properties run longer than the default 5 s on a busy machine (and with CI's 10,000 runs). */
const propertyTimeout = 120_000;
const anySpec = fc.oneof(perpetualSpec, tieredSpec, loanSpec);

function valid(spec: PositionSpec): ValidAnalysis {
  const analysis = analyze(spec);
  if (!analysis.valid) throw new Error(`expected a valid spec: ${JSON.stringify(analysis.errors)}`);
  return analysis;
}

function validOrNull(spec: PositionSpec): ValidAnalysis | null {
  const analysis = analyze(spec);
  return analysis.valid ? analysis : null;
}

const volatility = fc.double({ min: 0, max: 3, noNaN: true }).map((value) => value.toPrecision(6));
const days = fc.integer({ min: 1, max: 365 });
const drift = fc.double({ min: -1, max: 1, noNaN: true }).map((value) => value.toPrecision(6));
const fundingRate = fc.double({ min: -0.003, max: 0.003, noNaN: true }).map((value) => value.toPrecision(6));

/** Every number in the analysis, wherever it sits. */
function numbersIn(value: unknown): number[] {
  if (typeof value === 'number') return [value];
  if (Array.isArray(value)) return value.flatMap(numbersIn);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(numbersIn);
  return [];
}

function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(stringsIn);
  return [];
}

function oddsIn(analysis: ValidAnalysis): BarrierOdds[] {
  const risk = analysis.risk;
  if (risk === null) return [];
  return [...(risk.liquidation === null ? [] : [risk.liquidation]), ...risk.thresholds];
}

const perp: PositionSpec = { entry: 50000, collateral: 500, leverage: 20, mmr: 0.004, thresholds: [1.25, 2] };

describe('risk over a horizon through analyze', () => {
  it('is null unless both volatility and horizon are given', () => {
    expect(valid(perp).risk).toBeNull();
    expect(valid({ ...perp, volatility: 0.6 }).risk).toBeNull();
    expect(valid({ ...perp, horizonDays: 7 }).risk).toBeNull();
    expect(valid({ ...perp, volatility: 0.6, horizonDays: 7 }).risk).not.toBeNull();
  });

  it('without carry the odds are the plain GBM odds from entry to the liquidation and threshold prices', () => {
    fc.assert(
      fc.property(anySpec, volatility, days, drift, (spec, sigma, horizonDays, mu) => {
        const analysis = validOrNull({ ...spec, volatility: sigma, horizonDays, drift: mu });
        if (analysis === null) return;
        const risk = analysis.risk;
        expect(risk).not.toBeNull();
        expect(risk?.carryDrift).toBe(0);
        const input = (barrier: string): Parameters<typeof touchProbability>[0] => ({
          spot: Number(analysis.entry),
          barrier: Number(barrier),
          volatility: Number(sigma),
          years: horizonDays / 365,
          drift: Number(mu),
        });
        if (analysis.liquidationPrice === null) {
          expect(risk?.liquidation).toBeNull();
        } else {
          expect(risk?.liquidation?.touchProbability).toBe(touchProbability(input(analysis.liquidationPrice)));
          expect(risk?.liquidation?.endBeyondProbability).toBe(endBeyondProbability(input(analysis.liquidationPrice)));
          expect(risk?.liquidation?.zScore).toBe(zScore(input(analysis.liquidationPrice)));
        }
        analysis.thresholdPrices.forEach((threshold, index) => {
          const odds = risk?.thresholds[index];
          expect(odds?.level).toBe(threshold.level);
          if (threshold.price === null) {
            expect(odds).toEqual({ level: threshold.level, touchProbability: 0, endBeyondProbability: 0, zScore: null });
          } else {
            expect(odds?.touchProbability).toBe(touchProbability(input(threshold.price)));
          }
        });
      }),
      { numRuns: runs },
    );
  }, propertyTimeout);

  it('carry moves the barrier: its log drift over the horizon matches the liquidation price after the horizon', () => {
    fc.assert(
      fc.property(fc.oneof(perpetualSpec, tieredSpec), fundingRate, days, volatility, (spec, rate, horizonDays, sigma) => {
        // Whole days are whole 8-hour funding events, so the continuous drift and the event count agree.
        const withCarry = { ...spec, fundingRate: rate, volatility: sigma, horizonDays };
        const analysis = validOrNull(withCarry);
        if (analysis === null || analysis.liquidationPrice === null) return;
        const later = liquidationPriceAt(withCarry, horizonDays * 24);
        const risk = analysis.risk;
        if (later === null || risk === null) return;
        const logMove = new Decimal(later).div(analysis.liquidationPrice).ln().toNumber();
        expect(risk.carryDrift * risk.years).toBeCloseTo(logMove, 12);
        const input = { spot: Number(analysis.entry), barrier: Number(analysis.liquidationPrice), volatility: Number(sigma), years: horizonDays / 365, drift: -risk.carryDrift };
        expect(risk.liquidation?.touchProbability).toBe(touchProbability(input));
        // End beyond is exact: P_T against the level where carry has moved it by T (equal up to the
        // conditioning of N at (b − νT)/(σ√T) when σ√T is tiny). The plain function reads the direction
        // from the level's side of spot, so compare only while carry has not pushed the level past entry.
        const sameSide = new Decimal(later).minus(analysis.entry).mul(new Decimal(analysis.liquidationPrice).minus(analysis.entry)).gt(0);
        if (sameSide) expect(risk.liquidation?.endBeyondProbability).toBeCloseTo(endBeyondProbability({ ...input, barrier: Number(later), drift: 0 }), 9);
      }),
      { numRuns: runs },
    );
  }, propertyTimeout);

  it('a long paying funding is more likely to be liquidated than without it, one receiving it less', () => {
    const base = { ...perp, volatility: 0.6, horizonDays: 30 };
    const plain = valid(base).risk?.liquidation?.touchProbability ?? Number.NaN;
    const paying = valid({ ...base, fundingRate: 0.0005 }).risk?.liquidation?.touchProbability ?? Number.NaN;
    const receiving = valid({ ...base, fundingRate: -0.0005 }).risk?.liquidation?.touchProbability ?? Number.NaN;
    expect(paying).toBeGreaterThan(plain);
    expect(receiving).toBeLessThan(plain);
    const loan: PositionSpec = { instrument: 'loan', entry: 3000, collateral: 10000, leverage: 3, liquidationThreshold: 0.83, volatility: 0.7, horizonDays: 90 };
    const loanPlain = valid(loan).risk?.liquidation?.touchProbability ?? Number.NaN;
    const loanCarry = valid({ ...loan, borrowApr: 0.2, supplyApr: 0.02 }).risk;
    expect(loanCarry?.liquidation?.touchProbability).toBeGreaterThan(loanPlain);
    // The long loan's liquidation price rises at about r − y a year (formulas.md §3).
    expect(loanCarry?.carryDrift).toBeGreaterThan(0.15);
    expect(loanCarry?.carryDrift).toBeLessThan(0.18);
  });

  it('σ → 0: the path is deterministic, so liquidation is touched exactly when carry alone gets there in time', () => {
    const loan: PositionSpec = { instrument: 'loan', entry: 3000, collateral: 10000, leverage: 3, liquidationThreshold: 0.83, borrowApr: 0.5, supplyApr: 0, volatility: 0 };
    const hours = Number(timeToCarryLiquidation(loan));
    expect(Number.isFinite(hours)).toBe(true);
    const before = valid({ ...loan, horizonDays: Math.floor(hours / 24) - 1 }).risk?.liquidation;
    const after = valid({ ...loan, horizonDays: Math.ceil(hours / 24) + 1 }).risk?.liquidation;
    expect(before).toEqual({ touchProbability: 0, endBeyondProbability: 0, zScore: null });
    expect(after?.touchProbability).toBe(1);
    expect(after?.endBeyondProbability).toBe(1);
    // Without carry nothing moves at σ = 0 and zero drift.
    const still = valid({ ...perp, volatility: 0, horizonDays: 365 }).risk;
    expect(still?.liquidation?.touchProbability).toBe(0);
    expect(still?.horizonBands).toEqual({ minus2: 50000, minus1: 50000, median: 50000, plus1: 50000, plus2: 50000 });
  });

  it('T → 0: nothing is touched within no time, and the bands collapse onto entry', () => {
    const risk = valid({ ...perp, volatility: 0.8, horizonDays: 0, fundingRate: 0.001 }).risk;
    expect(risk?.liquidation).toEqual({ touchProbability: 0, endBeyondProbability: 0, zScore: null });
    expect(risk?.thresholds.every((odds) => odds.touchProbability === 0)).toBe(true);
    expect(risk?.horizonBands.median).toBe(50000);
    expect(risk?.carryDrift).toBe(0);
    const tiny = valid({ ...perp, volatility: 0.8, horizonDays: '0.000001' }).risk;
    expect(tiny?.liquidation?.touchProbability).toBeLessThan(1e-12);
  });

  it('a health level at the entry price is touched for certain and ended beyond half the time when ν = 0', () => {
    // 10× on 10 collateral, 5 % maintenance: health at entry is exactly 2.
    const spec: PositionSpec = { entry: 100, collateral: 10, leverage: 10, mmr: 0.05, thresholds: [2], volatility: 0.5, horizonDays: 30, drift: 0.125 };
    const analysis = valid(spec);
    expect(analysis.healthAtEntry).toBe('2');
    expect(analysis.thresholdPrices[0]?.price).toBe('100');
    const odds = analysis.risk?.thresholds[0];
    expect(odds?.touchProbability).toBe(1);
    expect(odds?.endBeyondProbability).toBeCloseTo(0.5, 15);
    expect(odds?.zScore).toBe(0);
  });

  it('a short mirrors a long in log price: reflecting the barrier and ν gives the same odds', () => {
    fc.assert(
      fc.property(perpetualSpec, volatility, days, drift, (spec, sigmaText, horizonDays, muText) => {
        const analysis = validOrNull({ ...spec, side: 'short', volatility: sigmaText, horizonDays, drift: muText });
        if (analysis === null || analysis.liquidationPrice === null) return;
        const spot = Number(analysis.entry);
        const barrier = Number(analysis.liquidationPrice);
        const sigma = Number(sigmaText);
        const mu = Number(muText);
        // ln P → −ln P turns an upper barrier B into the lower barrier spot²/B and ν into −ν (μ → σ² − μ).
        const mirrored = { spot, barrier: (spot / barrier) * spot, volatility: sigma, years: horizonDays / 365, drift: sigma * sigma - mu };
        const touch = analysis.risk?.liquidation?.touchProbability ?? Number.NaN;
        expect(Math.abs(touch - touchProbability(mirrored))).toBeLessThan(1e-9);
        const end = analysis.risk?.liquidation?.endBeyondProbability ?? Number.NaN;
        expect(Math.abs(end - endBeyondProbability(mirrored))).toBeLessThan(1e-9);
      }),
      { numRuns: runs },
    );
  }, propertyTimeout);

  it('stress multiplies σ, and a higher σ makes a far level more likely to be touched', () => {
    const base = { ...perp, volatility: 0.4, horizonDays: 14 };
    const plain = valid(base).risk;
    const stressed = valid({ ...base, volatilityStress: 2 }).risk;
    expect(stressed?.volatility).toBeCloseTo(0.8, 15);
    expect(stressed?.volatilityStress).toBe(2);
    expect(stressed?.liquidation?.touchProbability).toBeGreaterThan(plain?.liquidation?.touchProbability ?? 1);
    expect(stressed?.liquidation?.touchProbability).toBe(valid({ ...perp, volatility: 0.8, horizonDays: 14 }).risk?.liquidation?.touchProbability);
  });

  it('horizon bands are the lognormal quantiles at N(−2), N(−1), ½, N(1), N(2)', () => {
    const risk = valid({ ...perp, volatility: 0.6, horizonDays: 30, drift: 0.1 }).risk;
    const years = 30 / 365;
    expect(risk?.years).toBe(years);
    expect(risk?.horizonBands.minus2).toBe(priceQuantile(normalCdf(-2), 50000, 0.6, years, 0.1));
    expect(risk?.horizonBands.plus1).toBe(priceQuantile(normalCdf(1), 50000, 0.6, years, 0.1));
    // Independent: the median is spot·e^{(μ − σ²/2)T} and ±1 are e^{±σ√T} around it.
    const median = 50000 * Math.exp((0.1 - 0.18) * years);
    expect(risk?.horizonBands.median).toBeCloseTo(median, 8);
    expect((risk?.horizonBands.plus1 ?? 0) / median).toBeCloseTo(Math.exp(0.6 * Math.sqrt(years)), 8);
    expect((risk?.horizonBands.minus1 ?? 0) / median).toBeCloseTo(Math.exp(-0.6 * Math.sqrt(years)), 8);
  });

  it('random specs with random carry and volatility: finite numbers, probabilities in [0, 1], touch ≥ end beyond', () => {
    // Mostly in range; now and then junk or out of range, which must become a field error, never a throw.
    const value = (inRange: fc.Arbitrary<string>): fc.Arbitrary<string> =>
      fc.oneof({ weight: 8, arbitrary: inRange }, { weight: 1, arbitrary: fc.constantFrom('', 'abc', 'NaN', 'Infinity', '-1e400', '1e400', '-0', '99999') });
    const extras = fc.record(
      {
        fundingRate: value(fc.double({ min: -1, max: 1, noNaN: true }).map(String)),
        fundingIntervalHours: value(fc.constantFrom('1', '4', '8', '0.5', '168')),
        holdHours: value(fc.double({ min: 0, max: 87600, noNaN: true }).map(String)),
        borrowApr: value(fc.double({ min: -1, max: 10, noNaN: true }).map(String)),
        supplyApr: value(fc.double({ min: -1, max: 10, noNaN: true }).map(String)),
        volatility: value(fc.oneof(fc.constant('0'), fc.double({ min: 0, max: 10, noNaN: true }).map(String))),
        horizonDays: value(fc.oneof(fc.constant('0'), fc.constant('1e-9'), fc.double({ min: 0, max: 3650, noNaN: true }).map(String))),
        drift: value(fc.double({ min: -10, max: 10, noNaN: true }).map(String)),
        volatilityStress: value(fc.double({ min: 1, max: 10, noNaN: true }).map(String)),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(anySpec, extras, (spec, extra) => {
        const analysis = analyze({ ...spec, ...extra });
        const serialized = JSON.stringify(analysis);
        expect(serialized).not.toMatch(/NaN|Infinity/);
        if (!analysis.valid) return;
        for (const number of numbersIn(analysis)) expect(Number.isFinite(number)).toBe(true);
        for (const text of stringsIn(analysis)) expect(text).not.toMatch(/NaN|Infinity/);
        for (const odds of oddsIn(analysis)) {
          expect(odds.touchProbability).toBeGreaterThanOrEqual(0);
          expect(odds.touchProbability).toBeLessThanOrEqual(1);
          expect(odds.endBeyondProbability).toBeGreaterThanOrEqual(0);
          expect(odds.endBeyondProbability).toBeLessThanOrEqual(odds.touchProbability);
          if (odds.zScore !== null) expect(odds.zScore).toBeGreaterThanOrEqual(0);
        }
        const bands = analysis.risk?.horizonBands;
        if (bands !== undefined) {
          expect(bands.minus2).toBeLessThanOrEqual(bands.minus1);
          expect(bands.minus1).toBeLessThanOrEqual(bands.median);
          expect(bands.median).toBeLessThanOrEqual(bands.plus1);
          expect(bands.plus1).toBeLessThanOrEqual(bands.plus2);
        }
      }),
      { numRuns: runs },
    );
  }, propertyTimeout);
});
