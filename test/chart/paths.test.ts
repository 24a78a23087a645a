import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { linePath, nearestIndex } from '../../src/chart/series';
import { propertyRuns } from '../property-runs';

interface Segment {
  command: 'M' | 'L';
  x: number;
  y: number;
}

function parsePath(path: string): Segment[] {
  return [...path.matchAll(/([ML])(-?[\d.]+(?:e-?\d+)?),(-?[\d.]+(?:e-?\d+)?)/g)].map((match) => ({
    command: match[1] === 'M' ? 'M' : 'L',
    x: Number(match[2]),
    y: Number(match[3]),
  }));
}

const maybeValue = fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constant(null), fc.constant(Number.NaN), fc.constant(Number.POSITIVE_INFINITY));

describe('linePath', () => {
  it('passes through every finite point in the scale and breaks the line at each missing value', () => {
    fc.assert(
      fc.property(fc.array(maybeValue, { minLength: 0, maxLength: 60 }), fc.double({ min: 0.01, max: 50, noNaN: true }), (ys, scale) => {
        const xs = ys.map((_, index) => 100 + index * 7);
        const toX = (value: number): number => (value - 100) * scale;
        const toY = (value: number): number => 400 - value / 1000;
        const segments = parsePath(linePath(xs, ys, toX, toY));
        const finite = ys.flatMap((value, index) => (value !== null && Number.isFinite(value) ? [index] : []));
        expect(segments).toHaveLength(finite.length);
        // One move per run of consecutive finite values.
        const runsOfValues = finite.filter((index, position) => position === 0 || finite[position - 1] !== index - 1).length;
        expect(segments.filter((segment) => segment.command === 'M')).toHaveLength(runsOfValues);
        segments.forEach((segment, position) => {
          const index = finite[position] ?? -1;
          const y = ys[index];
          expect(Math.abs(segment.x - toX(xs[index] ?? 0))).toBeLessThanOrEqual(0.005 + 1e-9 * Math.abs(toX(xs[index] ?? 0)));
          expect(typeof y === 'number' && Math.abs(segment.y - toY(y)) <= 0.005 + 1e-9 * Math.abs(toY(y))).toBe(true);
        });
      }),
      { numRuns: propertyRuns },
    );
  });

  it('skips points the scale cannot place', () => {
    const path = linePath([1, 2, 3], [1, 2, 3], (value) => (value === 2 ? undefined : value), (value) => value);
    expect(parsePath(path).map((segment) => segment.command)).toEqual(['M', 'M']);
  });
});

describe('nearestIndex', () => {
  it('finds the index of the value nearest the target, as a full scan does', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e9, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 80 }), fc.double({ min: -2e9, max: 2e9, noNaN: true }), (values, target) => {
        const ascending = [...values].sort((a, b) => a - b);
        const found = nearestIndex(ascending, target);
        const best = Math.min(...ascending.map((value) => Math.abs(value - target)));
        expect(Math.abs((ascending[found] ?? Number.NaN) - target)).toBe(best);
      }),
      { numRuns: propertyRuns },
    );
  });

  it('returns -1 for no values or a non-finite target', () => {
    expect(nearestIndex([], 1)).toBe(-1);
    expect(nearestIndex([1, 2], Number.NaN)).toBe(-1);
  });
});
