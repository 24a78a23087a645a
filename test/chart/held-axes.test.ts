import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { axesOf, niceStep } from '../../src/chart/axes';
import { axisAnchor, layoutLabels, MAX_LABEL_ROWS } from '../../src/chart/series';
import { parseConfig, serializeLink } from '../../src/config/codec';
import { defaultInputs, inputsWith } from '../../src/config/presets';
import { derive } from '../../src/view/derive';

describe('axes the chart keeps', () => {
  it('follow entry and collateral, never the leverage', () => {
    const at = (texts: Parameters<typeof inputsWith>[0]): string => {
      const analysis = derive(inputsWith(texts)).current;
      if (analysis === null) throw new Error('The position must be valid.');
      return axisAnchor(analysis, 'quote', 1);
    };
    const base = { entry: '50000', collateral: '500', leverage: '20', solveFor: 'size' } as const;
    expect(at({ ...base, leverage: '2' })).toBe(at(base));
    expect(at({ ...base, leverage: '100' })).toBe(at(base));
    expect(at({ ...base, entry: '51000' })).not.toBe(at(base));
    expect(at({ ...base, collateral: '600' })).not.toBe(at(base));
    expect(at({ ...base, side: 'short' })).not.toBe(at(base));
  });

  it('keep the price range and widen the value range to round numbers (fast-check)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1e7, noNaN: true }), fc.double({ min: 0.01, max: 5, noNaN: true }), fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: 1e-4, max: 100, noNaN: true }), (from, share, low, spanShare) => {
        // An equity range is never a sliver far from zero: its span is a share of its size (or of 1 near zero).
        const span = (Math.abs(low) + 1) * spanShare;
        const axes = axesOf({ from, to: from * (1 + share) }, [low, low + span]);
        expect(axes.minPrice / from).toBeCloseTo(1, 9);
        expect(axes.maxPrice / (from * (1 + share))).toBeCloseTo(1, 9);
        const slack = (Math.abs(low) + span) * 1e-9;
        expect(axes.minValue).toBeLessThanOrEqual(low + slack);
        expect(axes.maxValue).toBeGreaterThanOrEqual(low + span - slack);
        // Round ends: each is a whole number of the axis's tick steps.
        const step = niceStep(span, 6);
        for (const end of [axes.minValue, axes.maxValue]) expect(Math.abs(end / step - Math.round(end / step))).toBeLessThan(1e-6);
      }),
    );
  });
});

describe('held axes in a link', () => {
  const inputs = defaultInputs();

  it('travel as hold=minPrice,maxPrice,minValue,maxValue and read back exactly, with no notice', () => {
    const hold = axesOf({ from: 47000, to: 53000 }, [-212.5, 1133.1]);
    const pairs = serializeLink(inputs, { hold });
    const written = pairs.find(([key]) => key === 'hold')?.[1];
    expect(written?.split(',').map(Number)).toEqual([hold.minPrice, hold.maxPrice, hold.minValue, hold.maxValue]);
    const parsed = parseConfig(new URLSearchParams(new URLSearchParams(pairs).toString()).entries());
    expect(parsed.link.hold).toEqual(hold);
    expect(parsed.rejected).toEqual([]);
  });

  it('are left out when not held', () => {
    expect(serializeLink(inputs, {}).some(([key]) => key === 'hold')).toBe(false);
  });

  it.each(['47000,53000,0', '53000,47000,0,1000', '0,53000,0,1000', '47000,53000,5,5', '47000,53000,0,1e400', '47,000,53000,0,1000', 'a,b,c,d', ''])('refuse %j with a notice naming the key', (raw) => {
    const parsed = parseConfig([['hold', raw]]);
    expect(parsed.link.hold).toBeUndefined();
    expect(parsed.rejected).toEqual([{ key: 'hold', reason: expect.stringContaining('must be four numbers') }]);
  });
});

describe('layoutLabels', () => {
  const bounds = { left: 0, right: 300 };

  it('never overlaps, never leaves the bounds and never takes more than three rows (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ x: fc.double({ min: -50, max: 350, noNaN: true }), width: fc.double({ min: 10, max: 200, noNaN: true }) }), { maxLength: 16 }), (boxes) => {
        const placed = layoutLabels(boxes, bounds);
        const shown = placed.flatMap((label, index) => (label.row === null ? [] : [{ row: label.row, start: label.x - (boxes[index]?.width ?? 0) / 2, end: label.x + (boxes[index]?.width ?? 0) / 2 }]));
        for (const label of shown) {
          expect(label.row).toBeLessThan(MAX_LABEL_ROWS);
          expect(label.start).toBeGreaterThanOrEqual(bounds.left - 0.5);
          expect(label.end).toBeLessThanOrEqual(bounds.right + 0.5);
        }
        shown.forEach((a, index) => shown.slice(index + 1).forEach((b) => expect(a.row !== b.row || a.end <= b.start || b.end <= a.start).toBe(true)));
      }),
    );
  });

  it('keeps the first (most important) labels when there is no room for all', () => {
    const crowded = Array.from({ length: 6 }, () => ({ x: 150, width: 120 }));
    expect(layoutLabels(crowded, bounds).map((label) => label.row)).toEqual([0, 1, 2, null, null, null]);
  });

  it('moves a label at the edge inward instead of cutting it off', () => {
    const [edge] = layoutLabels([{ x: 295, width: 80 }], bounds);
    expect(edge).toEqual({ row: 0, x: 260 });
  });
});
