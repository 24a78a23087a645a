// @vitest-environment node
// Pure functions, no rendering: no DOM needed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leverageTicks, leverageToSlider, roundLeverage, SLIDER_STEPS, sliderToLeverage, stepLeverage } from '../../src/ui/leverageScale';
import { checkedCases } from '../property-runs';

const maxima = fc.constantFrom(2, 3.22, 5, 11, 20, 40, 50, 100, 125, 200);

describe('log-scaled leverage slider', () => {
  it('spans 1× to the maximum', () => {
    fc.assert(
      fc.property(maxima, (max) => {
        expect(sliderToLeverage(0, max)).toBe(1);
        expect(sliderToLeverage(SLIDER_STEPS, max)).toBe(max);
        expect(leverageToSlider(1, max)).toBe(0);
        expect(leverageToSlider(max, max)).toBe(SLIDER_STEPS);
      }),
    );
  });

  it('gives 1–10× as much travel as 10–100× on a 100× venue', () => {
    expect(leverageToSlider(10, 100)).toBe(SLIDER_STEPS / 2);
  });

  it('is monotonic and stays within 1× … max', () => {
    fc.assert(
      fc.property(maxima, fc.integer({ min: 0, max: SLIDER_STEPS - 1 }), (max, position) => {
        const here = sliderToLeverage(position, max);
        const next = sliderToLeverage(position + 1, max);
        expect(next).toBeGreaterThanOrEqual(here);
        expect(here).toBeGreaterThanOrEqual(1);
        expect(here).toBeLessThanOrEqual(max);
      }),
    );
  });

  it('round-trips a leverage through the slider to within its rounding', () => {
    const runs = 100;
    const cases = checkedCases();
    fc.assert(
      fc.property(maxima, fc.double({ min: 0, max: 1, noNaN: true }), (max, fraction) => {
        const leverage = roundLeverage(Math.exp(Math.log(max) * fraction));
        // Rounding can lift a leverage just under the maximum above it: the slider never offers that one.
        if (leverage > max) return;
        cases.checked();
        const back = sliderToLeverage(leverageToSlider(leverage, max), max);
        // One slider step is a ratio of max^(1/1000); the value is then rounded to 0.1 (below 10×) or 1.
        const tolerance = leverage * (Math.pow(max, 1 / SLIDER_STEPS) - 1) + (leverage < 10 ? 0.1 : 1);
        expect(Math.abs(back - leverage)).toBeLessThanOrEqual(tolerance);
      }),
      { numRuns: runs },
    );
    cases.expectAtLeast(0.9, runs);
  });

  it('never returns NaN for nonsense input', () => {
    for (const value of [NaN, Infinity, -Infinity, -5, 1e9]) {
      expect(Number.isFinite(sliderToLeverage(value, 125))).toBe(true);
      expect(Number.isFinite(leverageToSlider(value, 125))).toBe(true);
      expect(Number.isFinite(sliderToLeverage(500, value))).toBe(true);
    }
  });
});

describe('keyboard steps', () => {
  it('always move strictly until a bound is reached, and stay in range', () => {
    fc.assert(
      fc.property(maxima, fc.double({ min: 1, max: 200, noNaN: true }), fc.constantFrom<1 | -1>(1, -1), (max, start, direction) => {
        const from = Math.min(start, max);
        const next = stepLeverage(from, direction, max);
        expect(next).toBeGreaterThanOrEqual(1);
        expect(next).toBeLessThanOrEqual(max);
        if (direction === 1 && from < max) expect(next).toBeGreaterThan(from);
        if (direction === -1 && from > 1) expect(next).toBeLessThan(from);
      }),
    );
  });

  it('walks from 1× to the maximum and back along the same ladder', () => {
    const up: number[] = [1];
    while (up[up.length - 1] !== 125) up.push(stepLeverage(up[up.length - 1] ?? 1, 1, 125));
    const down: number[] = [125];
    while (down[down.length - 1] !== 1) down.push(stepLeverage(down[down.length - 1] ?? 125, -1, 125));
    expect(down.reverse()).toEqual(up);
    expect(up).toContain(20);
    expect(up).toContain(100);
    expect(up.length).toBeLessThan(60);
  });

  it('page keys take five rungs', () => {
    let five = 20;
    for (let index = 0; index < 5; index += 1) five = stepLeverage(five, 1, 125);
    expect(stepLeverage(20, 1, 125, 5)).toBe(five);
  });
});

describe('the slider\'s labels', () => {
  const isRound = (leverage: number): boolean => {
    const magnitude = Math.pow(10, Math.floor(Math.log10(leverage)));
    return [1, 2, 5].includes(leverage / magnitude);
  };

  it('are 1-2-5 round leverages from 1× up, ending at the maximum, spaced so that none overlaps another', () => {
    fc.assert(
      fc.property(fc.double({ min: 1.01, max: 1000, noNaN: true }), (max) => {
        const ticks = leverageTicks(max);
        const last = ticks[ticks.length - 1];
        expect(ticks[0]).toEqual({ leverage: 1, fraction: 0 });
        expect(last?.fraction).toBe(1);
        // The last label names the maximum (to three digits).
        expect(Math.abs((last?.leverage ?? 0) - max) / max).toBeLessThan(0.005);
        for (const tick of ticks.slice(0, -1)) expect(isRound(tick.leverage)).toBe(true);
        ticks.slice(1).forEach((tick, index) => {
          const previous = ticks[index];
          if (previous === undefined) throw new Error('ticks are consecutive');
          // A label is about a tenth of a phone-wide track: nearer neighbours would print over each other.
          expect(tick.fraction - previous.fraction).toBeGreaterThanOrEqual(0.1);
          expect(tick.leverage).toBeGreaterThan(previous.leverage);
          // Each round label sits where the slider puts its leverage (the last one is the track's end).
          if (tick !== last) expect(Math.abs(tick.fraction * SLIDER_STEPS - leverageToSlider(tick.leverage, max))).toBeLessThanOrEqual(1);
        });
      }),
    );
  });

  it('show every round step a 125× scale has room for, instead of a middle label such as 11×', () => {
    expect(leverageTicks(125).map((tick) => tick.leverage)).toEqual([1, 2, 5, 10, 20, 50, 125]);
  });
});
