import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createFormatter, defaultFormatter } from '../../src/config/format';
import { innerTicks, niceScale, niceStep, stepDecimals, tickFormatter, valueDomain } from '../../src/chart/axes';
import { roundUpShare } from '../../src/chart/series';

const isRoundStep = (step: number): boolean => {
  const mantissa = step / 10 ** Math.floor(Math.log10(step));
  return [1, 2, 2.5, 5, 10].some((nice) => Math.abs(mantissa - nice) < 1e-9);
};

describe('axis helpers', () => {
  it('ticks are round, evenly spaced and inside the range (fast-check)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1e9, noNaN: true }), fc.double({ min: 1e-4, max: 10, noNaN: true }), fc.integer({ min: 2, max: 10 }), (from, spanShare, count) => {
        const to = from + from * spanShare;
        const ticks = innerTicks(from, to, count);
        expect(ticks.length).toBeGreaterThanOrEqual(1);
        expect(ticks.length).toBeLessThanOrEqual(count * 2 + 1);
        const slack = (to - from) * 1e-9 + to * 1e-12;
        for (const tick of ticks) {
          expect(tick).toBeGreaterThanOrEqual(from - slack);
          expect(tick).toBeLessThanOrEqual(to + slack);
        }
        const step = niceStep(to - from, count);
        expect(isRoundStep(step)).toBe(true);
        for (let index = 1; index < ticks.length; index += 1) expect(((ticks[index] ?? 0) - (ticks[index - 1] ?? 0)) / step).toBeCloseTo(1, 6);
      }),
    );
  });

  it('a nice scale covers the values and starts and ends on a tick', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: 1e-3, max: 1e6, noNaN: true }), (min, span) => {
        const { domain, ticks } = niceScale(min, min + span, 5);
        // Within floating-point resolution of the values themselves.
        const slack = span * 1e-9 + Math.abs(min) * 1e-12;
        expect(domain[0]).toBeLessThanOrEqual(min + slack);
        expect(domain[1]).toBeGreaterThanOrEqual(min + span - slack);
        expect(ticks[0]).toBeCloseTo(domain[0], 6);
        expect(ticks[ticks.length - 1]).toBeCloseTo(domain[1], 6);
      }),
    );
  });

  it('pads value domains and survives empty or flat data', () => {
    expect(valueDomain([{ a: 0 }, { a: 10 }], ['a'])).toEqual([-0.5, 10.5]);
    expect(valueDomain([{ a: Number.NaN }], ['a'])).toEqual([0, 1]);
    const [low, high] = valueDomain([{ a: 5 }], ['a']);
    expect(low).toBeLessThan(5);
    expect(high).toBeGreaterThan(5);
  });

  it('formats ticks with the decimals their spacing needs', () => {
    expect(stepDecimals(2.5)).toBe(1);
    expect(stepDecimals(0.05)).toBe(2);
    expect(stepDecimals(500)).toBe(0);
    expect(tickFormatter([47_500, 50_000], defaultFormatter)(47_500)).toBe(new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 }).format(47_500));
    expect(tickFormatter([0.001, 0.0015], defaultFormatter)(0.0015)).toBe(new Intl.NumberFormat(undefined, { maximumFractionDigits: 4 }).format(0.0015));
  });

  it('writes tick labels in the widget’s locale', () => {
    const german = createFormatter({ locale: 'de-DE' });
    expect(tickFormatter([47_500, 50_000], german)(47_500)).toBe(new Intl.NumberFormat('de-DE', { maximumFractionDigits: 0 }).format(47_500));
    expect(tickFormatter([0.001, 0.0015], german)(0.0015)).toBe(new Intl.NumberFormat('de-DE', { maximumFractionDigits: 4 }).format(0.0015));
    expect(tickFormatter([0.001, 0.0015], german)(0.0015)).toContain(',');
  });

  it('rounds range shares up to a few steps per decade, so the axis holds still while leverage changes', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 100, noNaN: true }), (share) => {
        const rounded = roundUpShare(share);
        expect(rounded).toBeGreaterThanOrEqual(share * (1 - 1e-12));
        expect(rounded).toBeLessThanOrEqual(share * 1.34);
      }),
    );
    // Slightly different needs round to the same range.
    expect(roundUpShare(0.0595)).toBe(roundUpShare(0.0521));
    expect(roundUpShare(0.0595)).toBeCloseTo(0.06, 12);
  });
});
