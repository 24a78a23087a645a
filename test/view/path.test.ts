import { describe, expect, it } from 'vitest';
import { defaultFormatter } from '../../src/config/format';
import { analyze } from '../../src/model/analyze';
import { leveragedTokenPath, MAX_SEED, simulateFan, simulatePath } from '../../src/model/simulate';
import type { PositionSpec } from '../../src/model/types';
import { toolContext } from '../../src/view/readings';
import { clampStep, decayText, DEFAULT_SEED, dotPosition, fanSummary, pathSummary, priceRange, readSeed, seedFrom, tokenLines } from '../../src/view/path';

const spec: PositionSpec = { instrument: 'linear', marginMode: 'isolated', side: 'long', entry: 50000, collateral: 500, leverage: 20, mmr: 0.004, fundingRate: 0, volatility: 0.6, horizonDays: 7 };
const context = toolContext(undefined, 'linear', '0.01');
const format = defaultFormatter;

function validAnalysis(): Extract<ReturnType<typeof analyze>, { valid: true }> {
  const analysis = analyze(spec);
  if (!analysis.valid) throw new Error('valid spec expected');
  return analysis;
}

describe('the seed field', () => {
  it('reads whole numbers from 0 to 2^32 − 1; empty plays the default; anything else is refused in words', () => {
    expect(readSeed('')).toEqual({ ok: true, seed: DEFAULT_SEED });
    expect(readSeed(' 42 ')).toEqual({ ok: true, seed: 42 });
    expect(readSeed(String(MAX_SEED))).toEqual({ ok: true, seed: MAX_SEED });
    for (const text of ['1.5', '-1', '4294967296', '1e3', 'abc', '99999999999999999999']) {
      expect(readSeed(text)).toEqual({ ok: false, message: 'Path seed must be a whole number from 0 to 4294967295.' });
    }
  });

  it('a new seed from a uniform number stays within the range', () => {
    expect(seedFrom(0)).toBe(0);
    expect(seedFrom(0.999999999999)).toBeLessThanOrEqual(MAX_SEED);
    expect(Number.isInteger(seedFrom(0.5))).toBe(true);
  });
});

describe('the path as shown', () => {
  const path = simulatePath(spec, { seed: 3 });
  if (path === null) throw new Error('path expected');

  it('keeps the step within the path', () => {
    expect(clampStep(-4, path)).toBe(0);
    expect(clampStep(10_000, path)).toBe(path.points.length - 1);
  });

  it('plots an inverse contract’s coin equity at its quote value when the chart draws quote', () => {
    const point = { step: 1, hours: 1, price: '40000', equity: '0.01', carry: '0', state: 'open' } as const;
    expect(dotPosition(point, false)).toEqual({ price: 40000, equity: 0.01 });
    expect(dotPosition(point, true)).toEqual({ price: 40000, equity: 400 });
  });

  it('says where it ended in words, with the liquidation step when there is one', () => {
    const summary = pathSummary(path, validAnalysis(), context, format);
    if (path.liquidatedAt === null) expect(summary).toMatch(/not liquidated\. Final price/);
    else expect(summary).toContain(`liquidated at step ${path.liquidatedAt} `);
    expect(summary).not.toMatch(/NaN|Infinity|undefined/);
  });

  it('holds the price axis still: the range covers every fan path and the liquidation price', () => {
    const fan = simulateFan(spec, { seed: 3, count: 20 });
    if (fan === null) throw new Error('fan expected');
    const [low, high] = priceRange({ path, fan });
    const all = [...fan.paths.flat(), ...fan.barrier.filter((value): value is number => value !== null)];
    expect(low).toBe(Math.min(...all, ...path.prices));
    expect(high).toBe(Math.max(...all, ...path.prices));
  });

  it('gives the fan’s share beside the formula’s probability with the Monte Carlo error', () => {
    const fan = simulateFan(spec, { seed: 3, count: 200 });
    if (fan === null) throw new Error('fan expected');
    const text = fanSummary(fan, 0.583, format);
    expect(text).toContain(`${fan.liquidated} of 200 paths`);
    expect(text).toContain('58.3 %');
    expect(text).toContain(format.percent(2 * fan.standardError, { digits: 1 }));
  });
});

describe('the leveraged token as drawn', () => {
  const path = simulatePath({ ...spec, leverage: 2 }, { seed: 5 });
  if (path === null) throw new Error('path expected');
  const token = leveragedTokenPath(path.prices, 3, path.terms.stepHours);
  if (token === null) throw new Error('token expected');

  it('plots the model’s decimal values: the plotted numbers agree with the decimal strings to 1e-12', () => {
    const lines = tokenLines(path, token);
    lines.token.forEach((value, index) => expect(Math.abs(value - Number(token.token[index]))).toBeLessThan(1e-12 * Math.max(1, value)));
    lines.fixed.forEach((value, index) => expect(Math.abs(value - Number(token.fixed[index]))).toBeLessThan(1e-12 * Math.max(1, value)));
    expect(lines.price[0]).toBe(100);
  });

  it('works the drag out with the reader’s numbers: 3·2·60 %²/2 = 108 % a year', () => {
    const text = decayText(3, path, token, format);
    expect(text.formula).toContain('3·2·60 %²/2 = 108 % a year');
    expect(text.outcome).toMatch(/^On this path the price changed/);
  });
});
