import { defaultFormatter } from '../../src/config/format';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { effectiveLeverageAt, equityAt, equityQuoteAt, healthAt, pnlAt, roeAt } from '../../src/model/companions';
import type { Curve } from '../../src/model/curve';
import type { PositionSpec, ValidAnalysis } from '../../src/model/types';
import { autoDomain, chartMarkers, endCurve, equityRows, mainCurve, priceDomain, riskZones, roundUpShare, staggerLabels, startingEquity, tooltipGrid, zoomDomain } from '../../src/chart/series';
import type { EndedCurve } from '../../src/chart/series';
import { anySpec, chartRuns, defaultPosition, relativeGap, validAnalysis } from './helpers';
import { checkedCases } from '../property-runs';

// The position arbitraries give a valid spec in more than 60 % of cases (test/model/properties.test.ts checks it):
// a property that skips invalid specs must still have checked at least half of its runs.
const validShare = 0.5;

describe('chart markers', () => {
  it('lists entry, liquidation, bankruptcy, break-even and each threshold with distinct dashes, labels and classes', () => {
    const { analysis } = defaultPosition();
    const markers = chartMarkers(analysis, defaultFormatter);
    expect(markers.map((marker) => marker.id)).toEqual(['entry', 'liquidation', 'bankruptcy', 'break-even', 'threshold-1-25', 'threshold-2']);
    expect(new Set(markers.map((marker) => marker.dash)).size).toBe(markers.length);
    expect(new Set(markers.map((marker) => marker.label)).size).toBe(markers.length);
    for (const marker of markers) {
      expect(marker.className).toContain(`lev-marker-${marker.id}`);
      expect(marker.className.split(' ')).toContain('lev-marker');
      expect(marker.shortLabel.length).toBeLessThanOrEqual(marker.label.length);
    }
    const byId = new Map(markers.map((marker) => [marker.id, marker]));
    expect(byId.get('liquidation')?.price).toBe(Number(analysis.liquidationPrice));
    expect(byId.get('bankruptcy')?.price).toBe(Number(analysis.bankruptcyPrice));
    expect(byId.get('break-even')?.price).toBe(Number(analysis.breakEvenPrice));
    expect(byId.get('liquidation')?.rounding).toBe('up');
    expect(byId.get('threshold-2')?.label).toBe('Health 2');
  });

  it('skips health level 1 (it is the liquidation price) and thresholds never reached', () => {
    const { spec } = defaultPosition();
    const analysis = validAnalysis({ ...spec, thresholds: ['1', '1.5', '1000'] });
    expect(analysis).not.toBeNull();
    if (analysis === null) return;
    const ids = chartMarkers(analysis, defaultFormatter).map((marker) => marker.id);
    expect(ids).not.toContain('threshold-1');
    expect(ids).toContain('threshold-1-5');
    const never = analysis.thresholdPrices.find((threshold) => threshold.level === '1000');
    expect(ids.includes('threshold-1000')).toBe(never?.price !== null && never?.price !== undefined);
  });

  it('a short rounds its liquidation price down, toward entry', () => {
    const { spec } = defaultPosition();
    const analysis = validAnalysis({ ...spec, side: 'short' });
    expect(analysis === null ? null : chartMarkers(analysis, defaultFormatter).find((marker) => marker.kind === 'liquidation')?.rounding).toBe('down');
  });
});

describe('price domain', () => {
  it('always contains entry and every marker with a margin, and stays above zero', () => {
    const cases = checkedCases();
    fc.assert(
      fc.property(anySpec, (spec) => {
        const analysis = validAnalysis(spec);
        if (analysis === null) return;
        cases.checked();
        const entry = Number(analysis.entry);
        const { from, to } = priceDomain(analysis, 1);
        expect(from).toBeGreaterThan(0);
        expect(to - entry).toBeGreaterThanOrEqual(0.02 * entry * (1 - 1e-12));
        expect(entry - from).toBeGreaterThanOrEqual(0.02 * entry * (1 - 1e-12));
        for (const marker of chartMarkers(analysis, defaultFormatter)) {
          const distance = Math.abs(marker.price - entry);
          expect(marker.price).toBeGreaterThan(from);
          expect(marker.price).toBeLessThan(to);
          expect(to - marker.price).toBeGreaterThanOrEqual(0.25 * distance * (1 - 1e-9));
          expect(marker.price - from).toBeGreaterThanOrEqual(Math.min(0.25 * distance, 0.2 * marker.price) * (1 - 1e-9));
        }
      }),
      { numRuns: chartRuns },
    );
    cases.expectAtLeast(validShare, chartRuns);
  });

  it('zoom 2 doubles the span around entry, zoom 0.5 halves it, zoom 1 is the automatic range', () => {
    const cases = checkedCases();
    fc.assert(
      fc.property(anySpec, (spec) => {
        const analysis = validAnalysis(spec);
        if (analysis === null) return;
        cases.checked();
        const entry = Number(analysis.entry);
        const auto = priceDomain(analysis, 1);
        const span = auto.to - auto.from;
        const half = priceDomain(analysis, 0.5);
        expect(half.to - half.from).toBeCloseTo(span / 2, 6 - Math.ceil(Math.log10(span + 1)));
        expect(half.from).toBeLessThan(entry);
        expect(half.to).toBeGreaterThan(entry);
        const double = priceDomain(analysis, 2);
        if (entry - 2 * (entry - auto.from) > 0) {
          expect(relativeGap(double.to - double.from, 2 * span, span)).toBeLessThan(1e-9);
        } else {
          expect(double.from).toBeGreaterThan(0);
          expect(double.from).toBeLessThan(auto.from);
          expect(double.to - double.from).toBeGreaterThan(span);
        }
      }),
      { numRuns: chartRuns },
    );
    cases.expectAtLeast(validShare, chartRuns);
  });

  it('is centred on entry unless that would cross zero', () => {
    const domain = autoDomain(100, [90, 130], 10);
    expect(domain.to - 100).toBeCloseTo(100 - domain.from, 9);
    // 30 × 1.25 = 37.5 % of entry, rounded up to the next step of the range (40 %).
    expect(domain.to).toBeCloseTo(100 + roundUpShare(0.375) * 100, 9);
    expect(domain.to).toBeCloseTo(140, 9);
    const clamped = autoDomain(100, [5, 110], 10);
    expect(clamped.from).toBeGreaterThan(0);
    expect(clamped.from).toBeLessThan(5);
    expect(zoomDomain(clamped, 100, 4).from).toBeGreaterThan(0);
  });
});

describe('label stagger', () => {
  const box = fc.record({ x: fc.double({ min: -50, max: 800, noNaN: true }), width: fc.double({ min: 1, max: 160, noNaN: true }) });

  it('never puts two overlapping labels in the same row (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(box, { maxLength: 12 }), fc.integer({ min: 0, max: 8 }), (boxes, gap) => {
        const rows = staggerLabels(boxes, gap);
        expect(rows).toHaveLength(boxes.length);
        for (let a = 0; a < boxes.length; a += 1) {
          for (let b = a + 1; b < boxes.length; b += 1) {
            const first = boxes[a];
            const second = boxes[b];
            if (first === undefined || second === undefined || rows[a] !== rows[b]) continue;
            expect(Math.abs(first.x - second.x)).toBeGreaterThanOrEqual((first.width + second.width) / 2 + gap - 1e-9);
          }
        }
        // Never more rows than labels, and a row is only opened when every earlier row is blocked.
        expect(Math.max(-1, ...rows)).toBeLessThan(Math.max(1, boxes.length));
      }),
      { numRuns: 2_000 },
    );
  });

  it('keeps labels that are already apart on one row', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 1, max: 50, noNaN: true }), { minLength: 1, maxLength: 10 }), (widths) => {
        let cursor = 0;
        const boxes = widths.map((width) => {
          const x = cursor + width / 2;
          cursor += width + 10;
          return { x, width };
        });
        expect(staggerLabels(boxes, 4).every((row) => row === 0)).toBe(true);
      }),
    );
  });
});

describe('tooltip grid', () => {
  it('is the main curve without its marker prices: every grid price is a curve price, in order, and the rest are markers', () => {
    const cases = checkedCases();
    fc.assert(
      fc.property(anySpec, (spec) => {
        const analysis = validAnalysis(spec);
        if (analysis === null) return;
        const domain = priceDomain(analysis, 1);
        const markers = chartMarkers(analysis, defaultFormatter).map((marker) => marker.price);
        const curve = mainCurve(spec, domain, markers.filter((price) => price >= domain.from && price <= domain.to));
        expect(curve).not.toBeNull();
        if (curve === null) return;
        cases.checked();
        const grid = tooltipGrid(domain).map((point) => point.price);
        let at = 0;
        const extra: number[] = [];
        for (const price of curve.price) {
          if (price === grid[at]) at += 1;
          else extra.push(price);
        }
        expect(at).toBe(grid.length);
        for (const price of extra) expect(markers).toContain(price);
      }),
      { numRuns: chartRuns },
    );
    cases.expectAtLeast(validShare, chartRuns);
  });

  it('depends on the price range alone, so a step that keeps the range keeps the same prices', () => {
    const { analysis } = defaultPosition();
    const domain = priceDomain(analysis, 1);
    expect(tooltipGrid({ ...domain })).toEqual(tooltipGrid(domain));
    expect(tooltipGrid(domain).every((point) => point.price >= domain.from && point.price <= domain.to + 1e-9)).toBe(true);
  });
});

/** A curve as equityRows takes it, without an end: every point open, as the numeric curve computed it. */
function unended(curve: Curve, analysis: ValidAnalysis): EndedCurve {
  return endCurve(curve, null, { inverse: analysis.instrument === 'inverse', initialMargin: Number(analysis.initialMargin), edge: false });
}

describe('equity rows agree with the exact model', () => {
  /** Compares the rows with the model; false when the spec is invalid and there was nothing to compare. */
  function checkRows(spec: PositionSpec, unit: 'quote' | 'coin'): boolean {
    const analysis = validAnalysis(spec);
    if (analysis === null) return false;
    const domain = priceDomain(analysis, 1);
    const markers = chartMarkers(analysis, defaultFormatter).map((marker) => marker.price);
    const curve = mainCurve(spec, domain, markers);
    expect(curve).not.toBeNull();
    if (curve === null) return false;
    // The raw curve, not ended at liquidation (test/chart/curve-end.test.ts covers the end): every row against the model.
    const rows = equityRows(unended(curve, analysis), analysis, unit);
    for (const price of markers) expect(rows.some((row) => row.price === price)).toBe(true);
    const collateral = Number(analysis.effectiveCollateral);
    const inverseQuote = analysis.instrument === 'inverse' && unit === 'quote';
    for (let index = 0; index < rows.length; index += 17) {
      const row = rows[index];
      if (row === undefined) continue;
      const price = String(row.price);
      // Equity is collateral + PnL in floating point: its error scales with the larger of the two.
      const floor = collateral + Math.abs(row.pnl);
      const equity = inverseQuote ? equityQuoteAt(spec, price) : equityAt(spec, price);
      expect(relativeGap(row.equity, equity ?? 'NaN', inverseQuote ? floor * row.price : floor), 'equity').toBeLessThan(1e-9);
      expect(relativeGap(row.pnl, pnlAt(spec, price) ?? 'NaN', floor), 'pnl').toBeLessThan(1e-9);
      expect(relativeGap(row.roe, roeAt(spec, price) ?? 'NaN', 1e-6), 'roe').toBeLessThan(1e-9);
      const health = healthAt(spec, price);
      if (health === null) expect(row.health).toBeNull();
      else if (analysis.instrument === 'loan' || Math.abs(collateral + row.pnl) > floor * 1e-6) {
        // Health is equity ÷ requirement: it inherits equity's cancellation error near bankruptcy.
        const marginEquity = Math.abs(collateral + row.pnl);
        const healthFloor = analysis.instrument === 'loan' ? 1e-6 : Math.abs(row.health ?? 0) * (floor / marginEquity);
        expect(relativeGap(row.health ?? Number.NaN, health, healthFloor), 'health').toBeLessThan(1e-9);
      } else {
        // At bankruptcy itself equity is rounding noise around zero, and so is health.
        expect(Math.abs(row.health ?? Number.NaN), 'health at bankruptcy').toBeLessThan(1e-6);
      }
      const leverage = effectiveLeverageAt(spec, price);
      if (leverage === null) expect(row.leverage).toBeNull();
      // Near bankruptcy leverage divides by a vanishing equity: compare where equity is not tiny.
      else if (Math.abs(row.pnl) < collateral * 0.99) expect(relativeGap(row.leverage ?? Number.NaN, leverage, 1e-6), 'leverage').toBeLessThan(1e-7);
      if (row.leverage !== null) expect(row.leverage).toBeLessThan(1e12);
      expect(row.change).toBeCloseTo((row.price - Number(analysis.entry)) / Number(analysis.entry), 12);
    }
    return true;
  }

  it('for the default position', () => {
    const { spec } = defaultPosition();
    expect(checkRows(spec, 'quote')).toBe(true);
  });

  it('for random perpetuals and loans, in USD and in coin', () => {
    const cases = checkedCases();
    fc.assert(
      fc.property(anySpec, fc.constantFrom('quote' as const, 'coin' as const), (spec, unit) => {
        if (checkRows(spec, unit)) cases.checked();
      }),
      { numRuns: chartRuns },
    );
    cases.expectAtLeast(validShare, chartRuns);
  });

  it('plots the 1× holding through the same equity at entry, and starts at the collateral', () => {
    const cases = checkedCases();
    fc.assert(
      fc.property(anySpec, (spec) => {
        const analysis = validAnalysis(spec);
        if (analysis === null) return;
        const entry = Number(analysis.entry);
        const curve = mainCurve(spec, priceDomain(analysis, 1), [entry]);
        expect(curve).not.toBeNull();
        if (curve === null) return;
        cases.checked();
        for (const unit of ['quote', 'coin'] as const) {
          const row = equityRows(unended(curve, analysis), analysis, unit).find((candidate) => candidate.price === entry);
          const start = startingEquity(analysis, unit);
          // The curve was asked for the entry price: its row is there, at the collateral, on both lines.
          expect(row?.price).toBe(entry);
          expect(relativeGap(row?.equity ?? Number.NaN, start, start * 1e-9)).toBeLessThan(1e-9);
          expect(relativeGap(row?.unleveraged ?? Number.NaN, start, start * 1e-9)).toBeLessThan(1e-9);
        }
      }),
      { numRuns: chartRuns },
    );
    cases.expectAtLeast(validShare, chartRuns);
  });
});

describe('risk zones', () => {
  it('the liquidated zone lies beyond liquidation and the warning zone has health between 1 and its level', () => {
    const liquidatedZones = checkedCases();
    const warningZones = checkedCases();
    fc.assert(
      fc.property(anySpec, (spec) => {
        const analysis = validAnalysis(spec);
        if (analysis === null) return;
        const domain = priceDomain(analysis, 1);
        const zones = riskZones(analysis, domain);
        if (analysis.liquidationPrice === null) {
          expect(zones.liquidated).toBeNull();
          expect(zones.warning).toBeNull();
          return;
        }
        const liquidation = Number(analysis.liquidationPrice);
        const long = analysis.side === 'long';
        if (zones.liquidated !== null) {
          liquidatedZones.checked();
          expect(long ? zones.liquidated.x2 : zones.liquidated.x1).toBe(liquidation);
          const inside = (zones.liquidated.x1 + zones.liquidated.x2) / 2;
          expect(Number(healthAt(spec, String(inside)) ?? '-1')).toBeLessThan(1);
        }
        if (zones.warning !== null && zones.warningLevel !== null) {
          warningZones.checked();
          expect(long ? zones.warning.x1 : zones.warning.x2).toBe(liquidation);
          const inside = (zones.warning.x1 + zones.warning.x2) / 2;
          const health = Number(healthAt(spec, String(inside)));
          expect(health).toBeGreaterThan(1);
          expect(health).toBeLessThan(Number(zones.warningLevel));
        }
      }),
      { numRuns: chartRuns },
    );
    liquidatedZones.expectAtLeast(validShare, chartRuns);
    // Only the plain perpetuals (a third of the specs) carry health levels, so about a quarter of the runs have a warning zone.
    warningZones.expectAtLeast(0.15, chartRuns);
  });

  it('for the default position: liquidated below 47,690.76…, warning up to the health-2 price', () => {
    const { analysis } = defaultPosition();
    const zones = riskZones(analysis, priceDomain(analysis, 1));
    expect(zones.liquidated?.x2).toBe(Number(analysis.liquidationPrice));
    expect(zones.warningLevel).toBe('2');
    expect(zones.warning?.x2).toBe(Number(analysis.thresholdPrices.find((threshold) => threshold.level === '2')?.price));
  });
});
