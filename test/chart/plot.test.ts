import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { inside, linearScale, nextReadingIndex } from '../../src/chart/plot';

describe('linearScale (the equity chart’s own axes)', () => {
  it('puts the ends of the domain on the ends of the range, also when the range runs downwards (a y axis)', () => {
    const { scale } = linearScale([40000, 60000], [68, 612]);
    expect(scale(40000)).toBe(68);
    expect(scale(60000)).toBe(612);
    expect(scale(50000)).toBe(340);
    const y = linearScale([-100, 500], [290, 36]);
    expect(y.scale(-100)).toBe(290);
    expect(y.scale(500)).toBe(36);
  });

  it('reads a pixel back as the value drawn there', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: 1e-3, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (from, span, share) => {
          const { scale, invert } = linearScale([from, from + span], [64, 600]);
          const value = from + span * share;
          // Only floating-point rounding separates the two, relative to the size of the numbers involved.
          expect(Math.abs(invert(scale(value)) - value)).toBeLessThanOrEqual(1e-9 * (Math.abs(from) + span));
        },
      ),
    );
  });

  it('maps a zero-width domain to the middle of the range instead of dividing by zero', () => {
    const { scale, invert } = linearScale([5, 5], [0, 100]);
    expect(scale(5)).toBe(50);
    expect(scale(1e9)).toBe(50);
    expect(invert(80)).toBe(5);
  });
});

describe('inside', () => {
  it('accepts half a pixel of rounding at either edge and nothing beyond', () => {
    expect(inside(9.5, 10, 100)).toBe(true);
    expect(inside(110.5, 10, 100)).toBe(true);
    expect(inside(9.4, 10, 100)).toBe(false);
    expect(inside(110.6, 10, 100)).toBe(false);
  });
});

describe('nextReadingIndex (keyboard reading of the equity chart)', () => {
  it('starts at the left end on the first right arrow and at the right end on the first left arrow', () => {
    expect(nextReadingIndex('ArrowRight', null, 320)).toBe(0);
    expect(nextReadingIndex('ArrowLeft', null, 320)).toBe(319);
  });

  it('steps one grid price at a time and stops at the ends', () => {
    expect(nextReadingIndex('ArrowRight', 10, 320)).toBe(11);
    expect(nextReadingIndex('ArrowLeft', 10, 320)).toBe(9);
    expect(nextReadingIndex('ArrowRight', 319, 320)).toBe(319);
    expect(nextReadingIndex('ArrowLeft', 0, 320)).toBe(0);
    expect(nextReadingIndex('Home', 200, 320)).toBe(0);
    expect(nextReadingIndex('End', 3, 320)).toBe(319);
  });

  it('hides the reading on Escape and leaves every other key (Tab, letters) to the page', () => {
    expect(nextReadingIndex('Escape', 42, 320)).toBeNull();
    expect(nextReadingIndex('Tab', 42, 320)).toBeUndefined();
    expect(nextReadingIndex('a', null, 320)).toBeUndefined();
    expect(nextReadingIndex('ArrowRight', null, 0)).toBeUndefined();
  });
});
