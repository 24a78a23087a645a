import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  barrierRisk,
  endBeyondProbability,
  logNormalCdf,
  lognormalDensity,
  normalCdf,
  priceQuantile,
  touchProbability,
  zScore,
} from '../../src/model/risk';
// The seeded uniform stream is the price path's (Mulberry32); the normals and the bridge estimator here are the test's own.
import { createRandom } from '../../src/model/simulate';
import type { BarrierInput } from '../../src/model/risk';

// ---------------------------------------------------------------------------
// Independent reference for the normal CDF: a positive-term erf series near 0
// and the Laplace continued fraction for erfc in the tails.
// Grid points are multiples of 1/64 so x² is exact and exp(−x²/2) carries no
// argument rounding; the reference is then good to a few ulps.

const SQRT_PI = Math.sqrt(Math.PI);

/**
 * erfc(z)·e^{z²} for z >= 0.5 from Laplace's continued fraction
 * 1/(√π·(z + (1/2)/(z + 1/(z + (3/2)/(z + …))))), evaluated bottom-up: the
 * backward recurrence damps rounding instead of accumulating it, and 2000
 * terms are far past convergence for z >= 0.5.
 */
function scaledErfcContinuedFraction(z: number): number {
  let t = z;
  for (let n = 2000; n >= 1; n--) t = z + n / 2 / t;
  return 1 / (SQRT_PI * t);
}

/** erf(z) for small z (used for z <= 0.5) from e^{−z²}·Σ 2ⁿz^{2n+1}/(1·3·…·(2n+1)): every term positive. */
function erfSeries(z: number): number {
  let term = z;
  let sum = z;
  for (let n = 1; n < 200 && Math.abs(term) > 1e-18 * Math.abs(sum); n++) {
    term *= (2 * z * z) / (2 * n + 1);
    sum += term;
  }
  return (2 / SQRT_PI) * Math.exp(-z * z) * sum;
}

/**
 * N(x) for x <= 0 as 0.5·e^{−x²/2}·erfcx(−x/√2): for the grid points used
 * below x²/2 is exact, so neither factor amplifies rounding.
 */
function referenceLowerCdf(x: number): number {
  const z = -x / Math.SQRT2;
  if (z <= 0.5) return 0.5 * (1 - erfSeries(z));
  return 0.5 * Math.exp(-(x * x) / 2) * scaledErfcContinuedFraction(z);
}

/** ln N(x) for x <= 0, same construction without forming the exponential. */
function referenceLogLowerCdf(x: number): number {
  const z = -x / Math.SQRT2;
  if (z <= 0.5) return Math.log(0.5 * (1 - erfSeries(z)));
  return -(x * x) / 2 + Math.log(scaledErfcContinuedFraction(z)) - Math.LN2;
}

function referenceCdf(x: number): number {
  return x <= 0 ? referenceLowerCdf(x) : 1 - referenceLowerCdf(-x);
}

function relativeError(actual: number, expected: number): number {
  return expected === 0 ? Math.abs(actual) : Math.abs(actual - expected) / Math.abs(expected);
}

// ---------------------------------------------------------------------------
// Helpers shared by the model-level tests.

function below(spot: number, ratio: number, volatility: number, years: number, drift: number): BarrierInput {
  return { spot, barrier: spot * ratio, volatility, years, drift };
}

function nu(input: BarrierInput): number {
  return (input.drift ?? 0) - (input.volatility * input.volatility) / 2;
}

/** Horizon price CDF written out independently of the module's internals. */
function horizonCdf(price: number, spot: number, volatility: number, years: number, drift: number): number {
  const s = volatility * Math.sqrt(years);
  return normalCdf((Math.log(price / spot) - (drift - (volatility * volatility) / 2) * years) / s);
}

// ---------------------------------------------------------------------------

describe('normalCdf / logNormalCdf', () => {
  // Well-known constants (Abramowitz & Stegun table 26.1; N(-10) from the
  // exact erfc value 1.5239706048321054e-23 / 2).
  it.each([
    { x: 0, expected: 0.5 },
    { x: 1.96, expected: 0.9750021048517795 },
    { x: -1, expected: 0.15865525393145707 },
    { x: -10, expected: 7.619853024160527e-24 },
  ])('N($x) = $expected', ({ x, expected }) => {
    expect(relativeError(normalCdf(x), expected)).toBeLessThan(1e-15);
    expect(Math.abs(normalCdf(x) - expected)).toBeLessThan(1e-15);
  });

  it('matches the independent series / continued-fraction reference on [-37, 8] (relative 2e-15)', () => {
    let worst = 0;
    for (let k = -37 * 64; k <= 8 * 64; k++) {
      const x = k / 64;
      worst = Math.max(worst, relativeError(normalCdf(x), referenceCdf(x)));
    }
    expect(worst).toBeLessThan(2e-15);
  });

  it('keeps the lower tail relative, not 1 − tiny', () => {
    for (let k = 1; k <= 37; k++) {
      const lower = normalCdf(-k);
      expect(lower).toBeGreaterThan(0);
      expect(relativeError(lower, referenceLowerCdf(-k))).toBeLessThan(2e-15);
      // Symmetry: N(x) + N(−x) = 1.
      expect(Math.abs(normalCdf(k / 8) + normalCdf(-k / 8) - 1)).toBeLessThan(2e-16);
    }
  });

  it('logNormalCdf matches ln of the reference, including the far tail down to -1e6', () => {
    const xs = [-1e6, -1e5, -1234.5, -100, -40, -38.5, -37.5, -20, -5.75, -1, -0.25, 0, 0.5, 3, 9];
    for (const x of xs) {
      const expected = x <= 0 ? referenceLogLowerCdf(x) : Math.log1p(-Math.exp(referenceLogLowerCdf(-x)));
      const actual = logNormalCdf(x);
      expect(Number.isFinite(actual)).toBe(true);
      expect(relativeError(actual, expected), `x = ${x}`).toBeLessThan(2e-15);
    }
  });

  it('logNormalCdf follows the asymptotic −x²/2 − ln(−x) − ln√(2π) far beyond the table', () => {
    for (const x of [-1e8, -1e12, -1e50, -1e120]) {
      const leading = -0.5 * x * x - Math.log(-x) - 0.5 * Math.log(2 * Math.PI);
      expect(relativeError(logNormalCdf(x), leading)).toBeLessThan(1e-15);
    }
  });

  it('handles the special values', () => {
    expect(normalCdf(Infinity)).toBe(1);
    expect(normalCdf(-Infinity)).toBe(0);
    expect(normalCdf(Number.NaN)).toBeNaN();
    expect(logNormalCdf(Infinity)).toBe(0);
    expect(logNormalCdf(-Infinity)).toBe(-Infinity);
    expect(logNormalCdf(Number.NaN)).toBeNaN();
  });

  it('is monotone on a fine grid across every approximation boundary', () => {
    const decreases: number[] = [];
    let previous = -Infinity;
    let previousLog = -Infinity;
    for (let x = -8; x <= 8; x += 1 / 1024) {
      const value = normalCdf(x);
      const logValue = logNormalCdf(x);
      if (value < previous || logValue < previousLog) decreases.push(x);
      previous = value;
      previousLog = logValue;
    }
    expect(decreases).toEqual([]);
  });
});

describe('published vectors', () => {
  // R1: QuantLib test-suite/binaryoption.cpp, Haug (2007) p.180 — implied by the
  //     DownOut cash-or-nothing value 4.9081 (cash 15, r 0.10): 1 − 4.9081/(15·e^{−rT}).
  // R2: closed form checked by Brownian-bridge Monte Carlo (200k paths); years = 7/365.
  //     zScore is quoted to 4 decimals (exact 2.534141…), so it is held to half a unit
  //     of the last quoted digit rather than 2e-5.
  it.each([
    {
      id: 'R1',
      input: { spot: 105, barrier: 100, volatility: 0.2, years: 0.5, drift: 0.1 },
      touch: 0.65602,
      touchTolerance: 1e-5,
      z: null,
      zTolerance: 0,
    },
    {
      id: 'R2',
      input: { spot: 100, barrier: 81.0127, volatility: 0.6, years: 0.019178082, drift: 0 },
      touch: 0.01252,
      touchTolerance: 2e-5,
      z: 2.5341,
      zTolerance: 5e-5,
    },
  ])('$id', ({ input, touch, touchTolerance, z, zTolerance }) => {
    expect(Math.abs(touchProbability(input) - touch)).toBeLessThanOrEqual(touchTolerance);
    if (z !== null) {
      const actual = zScore(input);
      expect(actual).not.toBeNull();
      expect(Math.abs((actual ?? Number.NaN) - z)).toBeLessThanOrEqual(zTolerance);
    }
  });
});

describe('touchProbability / endBeyondProbability: structure', () => {
  const cases: BarrierInput[] = [
    below(100, 0.8, 0.6, 0.25, 0),
    below(100, 1.25, 0.6, 0.25, 0),
    below(105, 100 / 105, 0.2, 0.5, 0.1),
    below(3000, 0.5, 1.2, 2, -0.7),
    below(3000, 1.7, 0.3, 5, 0.4),
    below(0.02, 0.97, 0.05, 0.01, 3),
    below(0.02, 1.03, 0.05, 0.01, -3),
    below(1e6, 1e-3, 2, 10, 1),
  ];

  it.each(cases)('reflection ln P → −ln P (spot, barrier → 1/x, drift → σ² − drift) %#', (input) => {
    const drift = input.drift ?? 0;
    const mirrored: BarrierInput = {
      spot: 1 / input.spot,
      barrier: 1 / input.barrier,
      volatility: input.volatility,
      years: input.years,
      drift: input.volatility * input.volatility - drift,
    };
    // The mirror turns a lower barrier into an upper one and flips ν.
    expect(nu(mirrored)).toBeCloseTo(-nu(input), 12);
    expect(Math.abs(touchProbability(mirrored) - touchProbability(input))).toBeLessThan(1e-12);
    expect(Math.abs(endBeyondProbability(mirrored) - endBeyondProbability(input))).toBeLessThan(1e-12);
  });

  it.each(cases)('depends on spot and barrier only through their ratio %#', (input) => {
    for (const k of [1e-9, 0.37, 12.5, 1e12]) {
      const scaled = { ...input, spot: input.spot * k, barrier: input.barrier * k };
      expect(Math.abs(touchProbability(scaled) - touchProbability(input))).toBeLessThan(1e-12);
    }
  });

  it.each(cases)('touch >= endBeyond %#', (input) => {
    expect(touchProbability(input)).toBeGreaterThanOrEqual(endBeyondProbability(input));
  });

  it('reflection principle: touch = 2·endBeyond exactly when ν = 0', () => {
    for (const input of cases) {
      const driftless = { ...input, drift: (input.volatility * input.volatility) / 2 };
      expect(nu(driftless)).toBe(0);
      const end = endBeyondProbability(driftless);
      expect(end).toBeLessThanOrEqual(0.5);
      expect(Math.abs(touchProbability(driftless) - Math.min(1, 2 * end))).toBeLessThan(1e-15);
    }
  });

  it('drift toward the barrier gives touch <= 2·endBeyond, drift away gives touch >= 2·endBeyond', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-3, max: 3, noNaN: true }),
        fc.double({ min: 1e-3, max: 5, noNaN: true }),
        fc.double({ min: -2, max: 2, noNaN: true }),
        fc.double({ min: -3, max: 3, noNaN: true }),
        (volatility, years, drift, logRatio) => {
          const input = { spot: 1, barrier: Math.exp(logRatio), volatility, years, drift };
          fc.pre(input.barrier !== 1); // at spot the touch is certain by definition
          const touch = touchProbability(input);
          const twice = 2 * endBeyondProbability(input);
          const slack = 1e-12;
          const towards = nu(input) * logRatio;
          if (towards > 0) expect(touch).toBeLessThanOrEqual(twice + slack);
          if (towards < 0) expect(touch).toBeGreaterThanOrEqual(Math.min(1, twice) - slack);
          // drift = 0 means ν = −σ²/2, i.e. toward a lower barrier: the brief's
          // "touch <= min(1, 2·end)" holds there (and only there, by the line above).
          if (drift === 0 && logRatio < 0) expect(touch).toBeLessThanOrEqual(Math.min(1, twice) + slack);
        },
      ),
      { numRuns: 500, seed: 20240601 },
    );
  });

  it('a barrier at spot is touched with certainty for every horizon', () => {
    for (const years of [0, 1e-9, 0.5, 30]) {
      for (const volatility of [0, 0.3, 5]) {
        const input = { spot: 42, barrier: 42, volatility, years, drift: -0.4 };
        expect(touchProbability(input)).toBe(1);
        const end = endBeyondProbability(input);
        expect(end).toBeGreaterThanOrEqual(0);
        expect(end).toBeLessThanOrEqual(1);
      }
    }
    // At spot the end probability is the lower-barrier one, N(−νT/s): one half when ν = 0.
    expect(endBeyondProbability({ spot: 1, barrier: 1, volatility: 0.5, years: 2, drift: 0.125 })).toBe(0.5);
  });

  it('barrier probabilities are the monotone in distance, horizon and volatility one expects', () => {
    const base = below(100, 0.8, 0.5, 1, 0.05);
    expect(touchProbability({ ...base, barrier: 70 })).toBeLessThan(touchProbability(base));
    expect(touchProbability({ ...base, years: 2 })).toBeGreaterThan(touchProbability(base));
    expect(touchProbability({ ...base, volatility: 0.9 })).toBeGreaterThan(touchProbability(base));
    expect(touchProbability({ ...base, drift: -0.5 })).toBeGreaterThan(touchProbability(base));
  });

  it('barrierRisk bundles the three figures', () => {
    for (const input of cases) {
      expect(barrierRisk(input)).toEqual({
        touchProbability: touchProbability(input),
        endBeyondProbability: endBeyondProbability(input),
        zScore: zScore(input),
      });
    }
  });
});

describe('limits and edge cases', () => {
  // Deterministic path spot·e^{μt}: below 0.9·spot it arrives iff μT <= ln 0.9.
  const deterministicCases = [
    { ratio: 0.9, drift: -0.2, years: 1, expected: 1 },
    { ratio: 0.9, drift: -0.05, years: 1, expected: 0 },
    { ratio: 0.9, drift: 0.3, years: 1, expected: 0 },
    { ratio: 1.1, drift: 0.2, years: 1, expected: 1 },
    { ratio: 1.1, drift: 0.05, years: 1, expected: 0 },
    { ratio: 1.1, drift: -0.3, years: 1, expected: 0 },
    { ratio: 1.1, drift: 0.2, years: 0.25, expected: 0 },
    { ratio: 0.5, drift: -1, years: 10, expected: 1 },
  ];

  it.each(deterministicCases)('σ = 0: ratio $ratio, drift $drift, T $years → $expected', ({ ratio, drift, years, expected }) => {
    const input = below(100, ratio, 0, years, drift);
    expect(touchProbability(input)).toBe(expected);
    expect(endBeyondProbability(input)).toBe(expected);
    expect(zScore(input)).toBeNull();
  });

  it.each(deterministicCases)('σ → 0 converges to the deterministic answer (ratio $ratio, drift $drift)', ({ ratio, drift, years, expected }) => {
    let previousGap = Infinity;
    for (const volatility of [1e-2, 1e-3, 1e-4, 1e-6, 1e-9]) {
      const gap = Math.abs(touchProbability(below(100, ratio, volatility, years, drift)) - expected);
      expect(gap).toBeLessThanOrEqual(previousGap + 1e-15);
      previousGap = gap;
    }
    expect(previousGap).toBeLessThan(1e-12);
  });

  it('T = 0 and T → 0: nothing moves, so only a barrier at spot counts', () => {
    for (const ratio of [0.5, 0.99, 1.01, 2]) {
      expect(touchProbability(below(100, ratio, 0.8, 0, 3))).toBe(0);
      expect(endBeyondProbability(below(100, ratio, 0.8, 0, 3))).toBe(0);
      let previous = Infinity;
      for (const years of [1e-2, 1e-4, 1e-6, 1e-8, 1e-12]) {
        const touch = touchProbability(below(100, ratio, 0.8, years, 3));
        expect(touch).toBeLessThanOrEqual(previous);
        previous = touch;
      }
      expect(previous).toBeLessThan(1e-12);
    }
  });

  it('T → ∞ with ν < 0: an upper barrier is reached with the all-time-maximum law (B/S)^{2ν/σ²}', () => {
    const cases: { ratio: number; volatility: number; drift: number }[] = [
      { ratio: 1.5, volatility: 0.4, drift: 0 },
      { ratio: 4, volatility: 1, drift: 0.2 },
      { ratio: 1.05, volatility: 0.2, drift: -0.1 },
    ];
    for (const { ratio, volatility, drift } of cases) {
      const input = below(10, ratio, volatility, 1e7, drift);
      const limit = Math.pow(ratio, (2 * nu(input)) / (volatility * volatility));
      expect(relativeError(touchProbability(input), limit)).toBeLessThan(1e-9);
    }
  });

  it('a barrier at or below zero is never reached', () => {
    for (const barrier of [0, -0, -5]) {
      const input = { spot: 100, barrier, volatility: 0.5, years: 1 };
      expect(touchProbability(input)).toBe(0);
      expect(endBeyondProbability(input)).toBe(0);
      expect(zScore(input)).toBeNull();
    }
  });

  it.each([
    { spot: Number.NaN, barrier: 90, volatility: 0.5, years: 1 },
    { spot: -100, barrier: 90, volatility: 0.5, years: 1 },
    { spot: 0, barrier: 90, volatility: 0.5, years: 1 },
    { spot: Infinity, barrier: 90, volatility: 0.5, years: 1 },
    { spot: 100, barrier: Number.NaN, volatility: 0.5, years: 1 },
    { spot: 100, barrier: Infinity, volatility: 0.5, years: 1 },
    { spot: 100, barrier: 90, volatility: -0.5, years: 1 },
    { spot: 100, barrier: 90, volatility: Number.NaN, years: 1 },
    { spot: 100, barrier: 90, volatility: Infinity, years: 1 },
    { spot: 100, barrier: 90, volatility: 0.5, years: -1 },
    { spot: 100, barrier: 90, volatility: 0.5, years: Infinity },
    { spot: 100, barrier: 90, volatility: 0.5, years: 1, drift: Number.NaN },
    { spot: 100, barrier: 90, volatility: 0.5, years: 1, drift: -Infinity },
  ])('invalid input %# → 0, 0, null', (input) => {
    expect(barrierRisk(input)).toEqual({ touchProbability: 0, endBeyondProbability: 0, zScore: null });
  });

  it.each([
    { spot: 1, barrier: 1e-6, volatility: 10, years: 100, drift: 5 },
    { spot: 1, barrier: 1e6, volatility: 10, years: 100, drift: -5 },
    { spot: 1e-300, barrier: 1e300, volatility: 1e200, years: 1e300, drift: 1e308 },
    { spot: 1e300, barrier: 1e-300, volatility: 1e-300, years: 1e300, drift: -1e308 },
    { spot: 5e-324, barrier: Number.MAX_VALUE, volatility: 1e-160, years: 1e-160, drift: 1e300 },
    { spot: 100, barrier: 99.99999999999, volatility: 1e-200, years: 1e300, drift: 0 },
    { spot: 100, barrier: 80, volatility: 1e154, years: 1.7e308, drift: 1.7e308 },
    { spot: 100, barrier: 80, volatility: 1e-170, years: 1e-170, drift: 0 },
  ])('extreme but valid input %# stays finite and in [0, 1]', (input) => {
    const risk = barrierRisk(input);
    for (const p of [risk.touchProbability, risk.endBeyondProbability]) {
      expect(Number.isFinite(p)).toBe(true);
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(1);
    }
    expect(risk.touchProbability).toBeGreaterThanOrEqual(risk.endBeyondProbability);
    if (risk.zScore !== null) expect(Number.isFinite(risk.zScore)).toBe(true);
  });
});

describe('zScore', () => {
  it('is |ln(barrier/spot)| / (σ√T), symmetric in direction', () => {
    const input = below(250, 0.7, 0.8, 0.3, 0.2);
    const expected = Math.abs(Math.log(0.7)) / (0.8 * Math.sqrt(0.3));
    expect(relativeError(zScore(input) ?? Number.NaN, expected)).toBeLessThan(1e-14);
    expect(relativeError(zScore({ ...input, barrier: 250 / 0.7 }) ?? Number.NaN, expected)).toBeLessThan(1e-14);
  });

  it('is null exactly when σ√T vanishes', () => {
    expect(zScore(below(100, 0.9, 0, 1, 0))).toBeNull();
    expect(zScore(below(100, 0.9, 0.5, 0, 0))).toBeNull();
    expect(zScore({ spot: 100, barrier: 100, volatility: 0.5, years: 1 })).toBe(0);
  });
});

describe('property: any input gives finite probabilities in [0, 1]', () => {
  const junk = fc.constantFrom(Number.NaN, Infinity, -Infinity, -1, -0, 0, -1e-300, Number.MAX_VALUE, Number.MIN_VALUE);
  const maybeJunk = (arbitrary: fc.Arbitrary<number>): fc.Arbitrary<number> =>
    fc.oneof({ arbitrary, weight: 9 }, { arbitrary: junk, weight: 1 });

  const realistic = fc
    .record({
      logSpot: maybeJunk(fc.double({ min: -20, max: 20, noNaN: true })),
      logRatio: maybeJunk(fc.double({ min: -6 * Math.LN10, max: 6 * Math.LN10, noNaN: true })),
      volatility: maybeJunk(fc.double({ min: 0, max: 10, noNaN: true })),
      years: maybeJunk(fc.double({ min: 0, max: 100, noNaN: true })),
      drift: fc.option(maybeJunk(fc.double({ min: -5, max: 5, noNaN: true })), { nil: undefined }),
    })
    .map(({ logSpot, logRatio, volatility, years, drift }): BarrierInput => {
      const spot = Math.exp(logSpot);
      const barrier = spot * Math.exp(logRatio);
      return drift === undefined ? { spot, barrier, volatility, years } : { spot, barrier, volatility, years, drift };
    });

  const anything = fc.record({
    spot: fc.double(),
    barrier: fc.double(),
    volatility: fc.double(),
    years: fc.double(),
    drift: fc.double(),
  });

  /** Every violated expectation, by name (one expect per run keeps 5,000 runs fast). */
  function riskViolations(input: BarrierInput): string[] {
    const risk = barrierRisk(input);
    const density = lognormalDensity(input.barrier, input.spot, input.volatility, input.years, input.drift);
    const inUnit = (p: number): boolean => Number.isFinite(p) && p >= 0 && p <= 1;
    const checks: [string, boolean][] = [
      ['touch in [0, 1]', inUnit(risk.touchProbability)],
      ['endBeyond in [0, 1]', inUnit(risk.endBeyondProbability)],
      ['touch >= endBeyond', risk.touchProbability >= risk.endBeyondProbability],
      ['zScore null or finite >= 0', risk.zScore === null || (Number.isFinite(risk.zScore) && risk.zScore >= 0)],
      ['density finite >= 0', Number.isFinite(density) && density >= 0],
    ];
    return checks.filter(([, ok]) => !ok).map(([name]) => name);
  }

  function checkRisk(input: BarrierInput): void {
    expect(riskViolations(input)).toEqual([]);
  }

  it('realistic ranges with 10 % junk (σ ≤ 10, T ≤ 100 y, ratio 1e-6..1e6, drift ±5)', () => {
    fc.assert(fc.property(realistic, checkRisk), { numRuns: 3000, seed: 7 });
  });

  it('arbitrary doubles, including NaN, ±∞, subnormals and ±MAX_VALUE', () => {
    fc.assert(fc.property(anything, checkRisk), { numRuns: 2000, seed: 11 });
  });

  it('priceQuantile is NaN only for invalid input and otherwise non-negative', () => {
    fc.assert(
      fc.property(realistic, fc.double({ min: 0, max: 1, noNaN: true }), (input, p) => {
        const q = priceQuantile(p, input.spot, input.volatility, input.years, input.drift);
        const valid =
          Number.isFinite(input.spot) &&
          input.spot > 0 &&
          Number.isFinite(input.volatility) &&
          input.volatility >= 0 &&
          Number.isFinite(input.years) &&
          input.years >= 0 &&
          (input.drift === undefined || Number.isFinite(input.drift));
        if (valid) expect(q).toBeGreaterThanOrEqual(0);
        else expect(q).toBeNaN();
      }),
      { numRuns: 2000, seed: 13 },
    );
  });
});

describe('horizon distribution: lognormalDensity and priceQuantile', () => {
  const params = [
    { spot: 100, volatility: 0.6, years: 0.25, drift: 0 },
    { spot: 0.5, volatility: 1.5, years: 2, drift: 0.3 },
    { spot: 40000, volatility: 0.05, years: 0.01, drift: -2 },
  ];

  it.each(params)('density integrates to 1 and is the derivative of the CDF (%o)', ({ spot, volatility, years, drift }) => {
    const s = volatility * Math.sqrt(years);
    const centre = Math.log(spot) + (drift - (volatility * volatility) / 2) * years;
    // Integrate in ln-price: ∫ f(p) dp = ∫ f(e^x)·e^x dx, Simpson over ±12 s.
    const steps = 2000;
    const h = (24 * s) / steps;
    let total = 0;
    for (let i = 0; i <= steps; i++) {
      const x = centre - 12 * s + i * h;
      const weight = i === 0 || i === steps ? 1 : i % 2 === 1 ? 4 : 2;
      total += weight * lognormalDensity(Math.exp(x), spot, volatility, years, drift) * Math.exp(x);
    }
    expect(Math.abs((total * h) / 3 - 1)).toBeLessThan(1e-10);

    for (const z of [-2.5, -1, 0, 0.7, 2]) {
      const price = Math.exp(centre + z * s);
      const dp = price * 1e-6;
      const slope = (horizonCdf(price + dp, spot, volatility, years, drift) - horizonCdf(price - dp, spot, volatility, years, drift)) / (2 * dp);
      expect(relativeError(lognormalDensity(price, spot, volatility, years, drift), slope)).toBeLessThan(1e-6);
      // Below spot the CDF is exactly the lower-barrier endBeyond probability.
      if (price < spot) {
        expect(Math.abs(endBeyondProbability({ spot, barrier: price, volatility, years, drift }) - horizonCdf(price, spot, volatility, years, drift))).toBeLessThan(1e-14);
      }
    }
  });

  it.each(params)('priceQuantile inverts the horizon CDF from p = 1e-300 to 1 − 1e-16 (%o)', ({ spot, volatility, years, drift }) => {
    let previous = 0;
    for (const p of [1e-300, 1e-100, 1e-20, 1e-8, 0.001, 0.025, 0.2, 0.5, 0.8, 0.975, 0.999, 1 - 1e-9, 1 - 1e-16]) {
      const q = priceQuantile(p, spot, volatility, years, drift);
      expect(q).toBeGreaterThan(previous);
      previous = q;
      const back = horizonCdf(q, spot, volatility, years, drift);
      if (p <= 0.5) expect(relativeError(back, p), `p = ${p}`).toBeLessThan(1e-9);
      else expect(relativeError(1 - back, 1 - p), `p = ${p}`).toBeLessThan(1e-6);
    }
    const median = priceQuantile(0.5, spot, volatility, years, drift);
    expect(relativeError(median, spot * Math.exp((drift - (volatility * volatility) / 2) * years))).toBeLessThan(1e-14);
  });

  it('inverse normal behind priceQuantile is accurate to the conditioning of N (ν = 0, s = 1)', () => {
    // With spot 1, σ 1, T 1 and drift ½ the quantile is exp(Φ⁻¹(p)).
    for (let e = -300; e <= -1; e += 7) {
      for (const mantissa of [1, 3.7, 9.9]) {
        const p = mantissa * Math.pow(10, e);
        const x = Math.log(priceQuantile(p, 1, 1, 1, 0.5));
        expect(relativeError(normalCdf(x), p), `p = ${p}`).toBeLessThan(1e-15 * (1 + x * x));
      }
    }
    for (const p of [0.05, 0.2, 0.4, 0.49, 0.5, 0.51, 0.7, 0.95]) {
      const x = Math.log(priceQuantile(p, 1, 1, 1, 0.5));
      expect(Math.abs(normalCdf(x) - p)).toBeLessThan(2e-16);
    }
  });

  it('edge cases: support ends, point mass, invalid input', () => {
    expect(priceQuantile(0, 100, 0.5, 1)).toBe(0);
    expect(priceQuantile(1, 100, 0.5, 1)).toBe(Infinity);
    expect(relativeError(priceQuantile(0.3, 100, 0, 2, 0.1), 100 * Math.exp(0.2))).toBeLessThan(1e-15);
    expect(priceQuantile(0.3, 100, 0.5, 0, 0.1)).toBe(100);
    expect(priceQuantile(Number.NaN, 100, 0.5, 1)).toBeNaN();
    expect(priceQuantile(1.5, 100, 0.5, 1)).toBeNaN();
    expect(priceQuantile(0.5, -100, 0.5, 1)).toBeNaN();
    expect(lognormalDensity(100, 100, 0, 1)).toBe(0);
    expect(lognormalDensity(0, 100, 0.5, 1)).toBe(0);
    expect(lognormalDensity(-3, 100, 0.5, 1)).toBe(0);
    expect(lognormalDensity(Infinity, 100, 0.5, 1)).toBe(0);
    expect(lognormalDensity(100, Number.NaN, 0.5, 1)).toBe(0);
  });
});

// ---------------------------------------------------------------------------
// Seeded Monte Carlo with Brownian-bridge crossing correction. Log-price
// increments of GBM are exactly Gaussian, and given both step end points
// (log-distances d0, d1 > 0 from the barrier) the bridge stays clear with
// probability 1 − exp(−2·d0·d1/(σ²Δt)); multiplying those survival factors
// (instead of sampling them) gives an unbiased, lower-variance estimator.

function gaussian(random: () => number): () => number {
  let spare: number | null = null;
  return () => {
    if (spare !== null) {
      const value = spare;
      spare = null;
      return value;
    }
    const radius = Math.sqrt(-2 * Math.log(1 - random())); // 1 − U ∈ (0, 1]
    const angle = 2 * Math.PI * random();
    spare = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  };
}

interface MonteCarlo {
  touch: number;
  touchError: number;
  end: number;
  endError: number;
}

function simulate(input: BarrierInput, paths: number, steps: number, normal: () => number): MonteCarlo {
  const { volatility, years } = input;
  const dt = years / steps;
  const mean = nu(input) * dt;
  const sd = volatility * Math.sqrt(dt);
  const bridge = -2 / (volatility * volatility * dt);
  const logBarrier = Math.log(input.barrier / input.spot);
  const sign = logBarrier < 0 ? 1 : -1; // log-distance positive while not beyond
  let touchSum = 0;
  let touchSquares = 0;
  let ends = 0;
  for (let path = 0; path < paths; path++) {
    let x = 0;
    let d0 = sign * (x - logBarrier);
    let survive = 1;
    for (let step = 0; step < steps; step++) {
      x += mean + sd * normal();
      const d1 = sign * (x - logBarrier);
      if (d1 <= 0) survive = 0;
      else if (survive > 0) survive *= 1 - Math.exp(bridge * d0 * d1);
      d0 = d1;
    }
    const hit = 1 - survive;
    touchSum += hit;
    touchSquares += hit * hit;
    if (d0 <= 0) ends++;
  }
  const touch = touchSum / paths;
  const end = ends / paths;
  return {
    touch,
    touchError: Math.sqrt(Math.max(touchSquares / paths - touch * touch, 0) / (paths - 1)),
    end,
    endError: Math.sqrt((end * (1 - end)) / paths),
  };
}

describe('seeded Monte Carlo agrees with the closed form', () => {
  // Cases come from one seeded stream; each case then simulates from its own
  // seed so running a single case (vitest -t) reproduces the same numbers.
  const random = createRandom(0x5eed_1e7e);
  const uniform = (lo: number, hi: number): number => lo + (hi - lo) * random();

  const monteCarloCases: { input: BarrierInput; seed: number }[] = [];
  while (monteCarloCases.length < 8) {
    const volatility = uniform(0.15, 1.5);
    const years = uniform(0.02, 2);
    const drift = uniform(-1, 1);
    const spot = Math.pow(10, uniform(-2, 5));
    const distance = uniform(0.2, 2.5) * volatility * Math.sqrt(years);
    const direction = monteCarloCases.length % 2 === 0 ? -1 : 1; // alternate long / short
    const input = { spot, barrier: spot * Math.exp(direction * distance), volatility, years, drift };
    const touch = touchProbability(input);
    if (touch >= 0.05 && touch <= 0.95) monteCarloCases.push({ input, seed: Math.floor(random() * 2 ** 32) });
  }

  it.each(monteCarloCases)('case %# within 3 standard errors (20k paths × 50 steps)', ({ input, seed }) => {
    const mc = simulate(input, 20_000, 50, gaussian(createRandom(seed)));
    const touchZ = (mc.touch - touchProbability(input)) / mc.touchError;
    const endZ = (mc.end - endBeyondProbability(input)) / mc.endError;
    expect(Math.abs(touchZ)).toBeLessThan(3);
    expect(Math.abs(endZ)).toBeLessThan(3);
  });
});
