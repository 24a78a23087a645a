import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/model/analyze';
import { bridgeTouchProbability, createNormal, DEFAULT_JUMPS, createRandom, healthAlong, leveragedTokenPath, simulateFan, simulatePath, streamSeed, volatilityDrag, walk } from '../../src/model/simulate';
import type { PositionSpec, ValidAnalysis } from '../../src/model/types';

function valid(spec: PositionSpec): ValidAnalysis {
  const analysis = analyze(spec);
  if (!analysis.valid) throw new Error(`expected a valid spec: ${JSON.stringify(analysis.errors)}`);
  return analysis;
}

// No carry: the liquidation price stays put, so the GBM touch formula is exact for the simulated process.
const base = { instrument: 'linear', marginMode: 'isolated', mmr: 0.004, fundingRate: 0, feeRate: 0 } as const;
const withoutRisk: PositionSpec = { ...base, side: 'long', entry: 50000, collateral: 500, leverage: 20 };
const long20: PositionSpec = { ...withoutRisk, volatility: 0.6, horizonDays: 7 };

describe('the seeded random numbers', () => {
  it('give the same stream for the same seed and different streams for different seeds', () => {
    const draw = (seed: number): number[] => {
      const random = createRandom(seed);
      return Array.from({ length: 8 }, random);
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    expect(streamSeed(42, 0)).not.toBe(streamSeed(42, 1));
  });

  it('are uniform on [0, 1): mean 1/2 and variance 1/12 within five standard errors', () => {
    const random = createRandom(7);
    const n = 100_000;
    const values = Array.from({ length: n }, random);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const mean = values.reduce((sum, value) => sum + value, 0) / n;
    const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / n;
    // The mean of n uniforms has standard error √(1/12 / n); the variance about √(1/180 / n).
    expect(Math.abs(mean - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(5 * Math.sqrt(1 / 180 / n));
  });

  it('make standard normals: mean 0, variance 1, 2.28 % below −2 (within five standard errors)', () => {
    const normal = createNormal(createRandom(11));
    const n = 100_000;
    const values = Array.from({ length: n }, normal);
    const mean = values.reduce((sum, value) => sum + value, 0) / n;
    const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / n;
    const tail = values.filter((value) => value < -2).length / n;
    expect(Math.abs(mean)).toBeLessThan(5 / Math.sqrt(n));
    expect(Math.abs(variance - 1)).toBeLessThan(5 * Math.sqrt(2 / n));
    expect(Math.abs(tail - 0.02275)).toBeLessThan(5 * Math.sqrt((0.02275 * 0.97725) / n));
  });
});

describe('a played path', () => {
  it('is the same for the same seed and differs for another', () => {
    const first = simulatePath(long20, { seed: 5 });
    const again = simulatePath(long20, { seed: 5 });
    const other = simulatePath(long20, { seed: 6 });
    expect(first).not.toBeNull();
    expect(again).toEqual(first);
    expect(other?.points.map((point) => point.price)).not.toEqual(first?.points.map((point) => point.price));
  });

  it('is one hourly step per hour of the horizon and starts at entry with the starting equity', () => {
    const path = simulatePath({ ...long20, leverage: 2 }, { seed: 1 });
    expect(path?.terms.steps).toBe(7 * 24);
    expect(path?.points[0]).toMatchObject({ price: '50000', equity: '500', state: 'open' });
  });

  it('ends at the liquidation price, where the trader keeps nothing, and nothing follows', () => {
    const analysis = valid(long20);
    // At 20× and 60 % volatility most weeks reach the liquidation price; find a seed that does.
    const path = [1, 2, 3, 4, 5, 6, 7, 8].map((seed) => simulatePath(long20, { seed })).find((candidate) => candidate?.liquidatedAt !== null);
    if (path === undefined || path === null) throw new Error('expected a liquidated path');
    const last = path.points[path.points.length - 1];
    expect(last?.state).toBe('liquidated');
    expect(last?.step).toBe(path.liquidatedAt);
    expect(Number(last?.price)).toBeCloseTo(Number(analysis.liquidationPrice), 6);
    expect(last?.equity).toBe('0');
    if (last === undefined || path.points[0] === undefined) throw new Error('expected points');
    expect(healthAlong(long20, last)).toBeNull();
    expect(healthAlong(long20, path.points[0])).toBe(analysis.healthAtEntry);
    expect(path.points.slice(0, -1).every((point) => point.state === 'open' && Number(point.equity) > 0)).toBe(true);
  });

  it('accrues funding: equity at a step is the carry-free equity minus the funding paid so far', () => {
    const funded = { ...long20, leverage: 3, fundingRate: 0.001 };
    const path = simulatePath(funded, { seed: 9 });
    const point = path?.points[100];
    if (point === undefined) throw new Error('expected 100 steps');
    // 100 hours: 12 funding events of 0.1 % on the entry notional 1,500.
    expect(point.carry).toBe('18');
    const carryFree = simulatePath({ ...funded, fundingRate: 0 }, { seed: 9 })?.points[100];
    expect(Number(point.equity)).toBeCloseTo(Number(carryFree?.equity) - 18, 8);
  });

  it('in a sideways market ends exactly where it began', () => {
    const path = simulatePath({ ...long20, leverage: 2 }, { seed: 1, shape: 'sideways' });
    expect(path?.liquidatedAt).toBeNull();
    expect(path?.points[path.points.length - 1]?.price).toBe('50000');
    expect(Math.max(...(path?.prices ?? []))).toBeGreaterThan(51000);
  });

  it('refuses an invalid spec and a spec without volatility or horizon', () => {
    expect(simulatePath({ ...long20, entry: -1 }, { seed: 1 })).toBeNull();
    expect(simulatePath(withoutRisk, { seed: 1 })).toBeNull();
    expect(simulatePath({ ...long20, horizonDays: 0 }, { seed: 1 })).toBeNull();
  });
});

describe('jumps', () => {
  it('add their variance λT·(m² + s²) to the year’s log return (1,000 walks, within 15 %)', () => {
    const volatility = 0.3;
    const terms = { volatility, drift: 0, stepYears: 1 / 365, steps: 365 };
    const variance = (jumps: typeof DEFAULT_JUMPS | null): number => {
      const ends = Array.from({ length: 1000 }, (_, index) => walk(streamSeed(9, index), { ...terms, jumps }, [], true).logPrices[365] ?? 0);
      const mean = ends.reduce((sum, value) => sum + value, 0) / ends.length;
      return ends.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (ends.length - 1);
    };
    const { perYear, meanLog, sdLog } = DEFAULT_JUMPS;
    expect(Math.abs(variance(null) / (volatility * volatility) - 1)).toBeLessThan(0.15);
    expect(Math.abs(variance(DEFAULT_JUMPS) / (volatility * volatility + perYear * (meanLog * meanLog + sdLog * sdLog)) - 1)).toBeLessThan(0.15);
  });

  it('change the played path, the same way every time', () => {
    const jumping = simulatePath({ ...long20, leverage: 2 }, { seed: 4, jumps: true });
    expect(simulatePath({ ...long20, leverage: 2 }, { seed: 4, jumps: true })).toEqual(jumping);
    expect(simulatePath({ ...long20, leverage: 2 }, { seed: 4 })?.prices).not.toEqual(jumping?.prices);
  });
});

describe('the fan of paths against the touch probability', () => {
  // 4,000 paths: the binomial standard error √(p(1 − p)/n) is at most 0.8 points. The bridge correction makes the
  // share an unbiased estimate of the continuous-monitoring probability, so it must lie within 4 standard errors
  // (a false alarm once in 16,000 seeds; these seeds are fixed).
  const count = 4000;
  const cases: [string, PositionSpec][] = [
    ['long 20×, 60 %, 7 days', long20],
    ['long 10×, 80 %, 30 days', { ...long20, leverage: 10, volatility: 0.8, horizonDays: 30 }],
    ['short 15×, 50 %, 3 days', { ...long20, side: 'short', leverage: 15, volatility: 0.5, horizonDays: 3 }],
    ['long 5×, 40 %, 14 days, drift 30 %', { ...long20, leverage: 5, volatility: 0.4, horizonDays: 14, drift: 0.3 }],
  ];
  it.each(cases)('%s', (_, spec) => {
    const expected = valid(spec).risk?.liquidation?.touchProbability;
    if (expected === undefined) throw new Error('expected odds');
    const fan = simulateFan(spec, { seed: 2024, count });
    if (fan === null) throw new Error('expected a fan');
    const standardError = Math.sqrt((expected * (1 - expected)) / count);
    expect(Math.abs(fan.share - expected)).toBeLessThan(4 * standardError);
    expect(fan.standardError).toBeCloseTo(Math.sqrt((fan.share * (1 - fan.share)) / count), 12);
  });

  it('plays its first path: the played path is one of the fan', () => {
    const fan = simulateFan(long20, { seed: 3, count: 5 });
    const path = simulatePath(long20, { seed: 3 });
    expect(fan?.paths[0]?.length).toBe(path?.points.length);
    expect(fan?.paths[0]?.[10]).toBe(path?.prices[10]);
    expect(path?.prices.length).toBe(7 * 24 + 1);
  });

  it('uses the Brownian bridge: a step ending at the barrier touched it, far above it almost never', () => {
    expect(bridgeTouchProbability(0.01, 0, 0.0001)).toBe(1);
    expect(bridgeTouchProbability(0.01, 0.01, 0.0001)).toBeCloseTo(Math.exp(-2), 12);
    expect(bridgeTouchProbability(1, 1, 0.0001)).toBe(0);
  });
});

describe('a leveraged token decays with volatility', () => {
  it('loses about L(L − 1)σ²T/2 in log terms against L times the price’s log return (driftless GBM, 40 years of days)', () => {
    const leverage = 3;
    const volatility = 0.6;
    const gaps: number[] = [];
    for (let index = 0; index < 40; index += 1) {
      const walked = walk(streamSeed(77, index), { volatility, drift: 0, stepYears: 1 / 365, steps: 365, jumps: null }, [], true);
      const prices = walked.logPrices.map((value) => 100 * Math.exp(value));
      const token = leveragedTokenPath(prices, leverage, 24);
      const last = prices[prices.length - 1] ?? 100;
      gaps.push(Math.log(Number(token?.token[token.token.length - 1]) / 100) - leverage * Math.log(last / 100));
    }
    const meanGap = gaps.reduce((sum, gap) => sum + gap, 0) / gaps.length;
    const drag = volatilityDrag(leverage, volatility, 1);
    expect(drag).toBeCloseTo(1.08, 12);
    // Daily (not continuous) rebalancing and the sample's realized variance leave a few per cent.
    expect(Math.abs(-meanGap - drag) / drag).toBeLessThan(0.05);
  });

  it('in a sideways market: the price and the fixed-size position end where they began, the 3× token below', () => {
    const path = simulatePath({ ...long20, leverage: 2, horizonDays: 30 }, { seed: 1, shape: 'sideways' });
    const token = leveragedTokenPath(path?.prices ?? [], 3, path?.terms.stepHours ?? 1);
    expect(token?.fixed[token.fixed.length - 1]).toBe('100');
    const end = Number(token?.token[token.token.length - 1]);
    expect(end).toBeLessThan(100);
    // 29 rebalanced days of ±σ/√365 swings: close to e^{−L(L−1)/2 · Σr²} with Σr² = 29·σ²/365 (2 % here).
    expect(Math.log(end / 100)).toBeCloseTo(-volatilityDrag(3, 0.6, 29 / 365), 2);
  });
});
