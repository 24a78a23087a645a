import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Decimal from 'decimal.js';
import { analyze, validate } from '../../src/model/analyze';
import { buildCurve } from '../../src/model/curve';
import { effectiveLeverageAt, equityAt, healthAt, pnlAt, roeAt } from '../../src/model/companions';
import type { PositionSpec, ValidAnalysis } from '../../src/model/types';
import { loanSpec, perpetualSpec, tieredSpec } from './arbitraries';
import { propertyRuns } from '../property-runs';

Decimal.set({ precision: 60 });

const anySpec = fc.oneof(perpetualSpec, tieredSpec, loanSpec);

function validOrSkip(spec: PositionSpec): ValidAnalysis | null {
  const analysis = analyze(spec);
  return analysis.valid ? analysis : null;
}

const rel = (a: Decimal.Value, b: Decimal.Value): number => {
  const x = new Decimal(a);
  const y = new Decimal(b);
  const scale = Decimal.max(x.abs(), y.abs(), new Decimal('1e-30'));
  return x.minus(y).abs().div(scale).toNumber();
};

describe('model invariants (fast-check)', () => {
  it('generates mostly valid specs, so the properties below are exercised', () => {
    const sample = fc.sample(anySpec, { numRuns: 2000, seed: 7 });
    const validShare = sample.filter((spec) => analyze(spec).valid).length / sample.length;
    expect(validShare).toBeGreaterThan(0.6);
  });

  it('equity at the liquidation price equals the requirement (health 1)', () => {
    fc.assert(
      fc.property(anySpec, (spec) => {
        const analysis = validOrSkip(spec);
        if (analysis === null || analysis.liquidationPrice === null) return;
        const health = healthAt(spec, analysis.liquidationPrice);
        expect(health).not.toBeNull();
        expect(rel(health ?? '0', 1)).toBeLessThan(1e-20);
        if (analysis.instrument !== 'loan') {
          expect(rel(equityAt(spec, analysis.liquidationPrice) ?? 'NaN', analysis.maintenanceAtLiquidation ?? 'NaN')).toBeLessThan(1e-20);
        }
      }),
      { numRuns: propertyRuns },
    );
  });

  it('an isolated liquidation price lies strictly between bankruptcy and entry when the rate is positive', () => {
    fc.assert(
      fc.property(anySpec, (spec) => {
        const analysis = validOrSkip(spec);
        if (analysis === null || analysis.liquidationPrice === null) return;
        const liquidation = new Decimal(analysis.liquidationPrice);
        const entry = new Decimal(analysis.entry);
        const sign = analysis.side === 'long' ? 1 : -1;
        expect(entry.minus(liquidation).mul(sign).gt(0)).toBe(true);
        if (analysis.bankruptcyPrice !== null) {
          expect(liquidation.minus(analysis.bankruptcyPrice).mul(sign).gt(0)).toBe(true);
        }
      }),
      { numRuns: propertyRuns },
    );
  });

  it('higher leverage on the same collateral never moves liquidation away from entry', () => {
    fc.assert(
      fc.property(fc.oneof(perpetualSpec, tieredSpec), fc.double({ min: 1.0001, max: 3, noNaN: true }), (spec, factor) => {
        const lower = validOrSkip(spec);
        const higherSpec = { ...spec, leverage: new Decimal(spec.leverage ?? 1).mul(factor).toString() };
        const higher = validOrSkip(higherSpec);
        if (lower === null || higher === null || lower.liquidationPrice === null) return;
        expect(higher.liquidationPrice).not.toBeNull();
        const lowerDistance = new Decimal(lower.liquidationDistance ?? 0).abs();
        const higherDistance = new Decimal(higher.liquidationDistance ?? 0).abs();
        expect(higherDistance.lte(lowerDistance.plus('1e-25'))).toBe(true);
      }),
      { numRuns: propertyRuns },
    );
  });

  it('for linear contracts without fees, ROE ÷ price change equals leverage', () => {
    fc.assert(
      fc.property(perpetualSpec, fc.double({ min: -0.5, max: 0.5, noNaN: true }).filter((move) => Math.abs(move) > 1e-6), (spec, move) => {
        const linear: PositionSpec = { ...spec, instrument: 'linear', feeRate: '0' };
        const analysis = validOrSkip(linear);
        if (analysis === null) return;
        const price = new Decimal(analysis.entry).mul(1 + move);
        const roe = new Decimal(roeAt(linear, price.toString()) ?? 'NaN');
        const change = price.div(analysis.entry).minus(1);
        const sign = analysis.side === 'long' ? 1 : -1;
        expect(rel(roe.div(change).mul(sign), analysis.leverage)).toBeLessThan(1e-25);
      }),
      { numRuns: propertyRuns },
    );
  });

  it('long and short mirror each other', () => {
    fc.assert(
      fc.property(perpetualSpec, fc.double({ min: 0.2, max: 3, noNaN: true }), (spec, ratio) => {
        const longSpec: PositionSpec = { ...spec, side: 'long', mmBasis: 'entry', closeFeeInLiquidation: false };
        const shortSpec: PositionSpec = { ...longSpec, side: 'short' };
        const long = validOrSkip(longSpec);
        const short = validOrSkip(shortSpec);
        if (long === null || short === null) return;
        const price = new Decimal(long.entry).mul(ratio).toString();
        const longPnl = new Decimal(pnlAt(longSpec, price) ?? 'NaN');
        const shortPnl = new Decimal(pnlAt(shortSpec, price) ?? 'NaN');
        expect(longPnl.plus(shortPnl).abs().lte(longPnl.abs().mul('1e-30').plus('1e-30'))).toBe(true);
        if (spec.instrument === 'linear') {
          // On entry basis the requirement is fixed, so the distances to liquidation are exact opposites.
          if (long.liquidationDistance !== null && short.liquidationDistance !== null) {
            expect(rel(new Decimal(long.liquidationDistance).neg(), short.liquidationDistance)).toBeLessThan(1e-25);
          }
          if (long.bankruptcyPrice !== null && short.bankruptcyPrice !== null) {
            const entry = new Decimal(long.entry);
            expect(rel(entry.minus(long.bankruptcyPrice), new Decimal(short.bankruptcyPrice).minus(entry))).toBeLessThan(1e-25);
          }
        }
      }),
      { numRuns: propertyRuns },
    );
  });

  it('the number curve agrees with decimal.js to 1e-9 relative', () => {
    fc.assert(
      fc.property(anySpec, fc.double({ min: 0.05, max: 0.9, noNaN: true }), (spec, spread) => {
        const analysis = validOrSkip(spec);
        if (analysis === null) return;
        const entry = Number(analysis.entry);
        const curve = buildCurve(spec, { from: entry * (1 - spread), to: entry * (1 + spread), points: 25 });
        expect(curve).not.toBeNull();
        if (curve === null) return;
        // Equity near zero cancels: compare against the scale of the collateral behind it.
        const scale = Number(analysis.effectiveCollateral);
        curve.price.forEach((price, index) => {
          const equity = Number(equityAt(spec, price));
          expect(Math.abs((curve.equity[index] ?? NaN) - equity) / Math.max(Math.abs(equity), scale)).toBeLessThan(1e-9);
          const health = healthAt(spec, price);
          const plottedHealth = curve.health[index];
          if (health === null || plottedHealth === null || plottedHealth === undefined) {
            expect(plottedHealth ?? null).toBe(health === null ? null : plottedHealth);
          } else {
            expect(Math.abs(plottedHealth - Number(health)) / Math.max(1, Math.abs(Number(health)))).toBeLessThan(1e-9);
          }
          const leverage = effectiveLeverageAt(spec, price);
          const plottedLeverage = curve.effectiveLeverage[index];
          if (leverage !== null && plottedLeverage !== null && plottedLeverage !== undefined && Number(leverage) < 1e6) {
            expect(Math.abs(plottedLeverage - Number(leverage)) / Number(leverage)).toBeLessThan(1e-6);
          }
        });
      }),
      { numRuns: Math.round(propertyRuns / 5) },
    );
  });

  it('random junk into validate and analyze never throws and never yields NaN or Infinity', () => {
    const junkValue = fc.oneof(
      fc.string(),
      fc.double(),
      fc.constantFrom('', ' ', 'NaN', 'Infinity', '-Infinity', '1e400', '-0', '0x10', '1,000', '१२', null, undefined, true, false, {}, []),
      fc.integer(),
    );
    const junkSpec = fc.dictionary(
      fc.constantFrom('instrument', 'side', 'entry', 'collateral', 'leverage', 'size', 'marginMode', 'otherMaintenance', 'otherPnl', 'mmr', 'mmAmount', 'mmBasis', 'tiers', 'maxLeverage', 'feeRate', 'closeFeeInLiquidation', 'liquidationThreshold', 'liquidationRatio', 'ltv', 'loops', 'thresholds'),
      fc.oneof(junkValue, fc.array(junkValue), fc.array(fc.dictionary(fc.constantFrom('floor', 'mmr', 'mmAmount', 'maxLeverage'), junkValue))),
    );
    fc.assert(
      fc.property(fc.oneof(junkSpec, anySpec), (raw) => {
        // Junk from outside arrives untyped (URL, attributes); the model must survive it.
        const spec: PositionSpec = Object.assign({}, raw);
        const errors = validate(spec);
        const analysis = analyze(spec);
        const serialized = JSON.stringify(analysis);
        expect(serialized).not.toMatch(/NaN|Infinity/);
        expect(analysis.valid).toBe(errors.length === 0);
        if (!analysis.valid) expect(analysis.errors.length).toBeGreaterThan(0);
      }),
      { numRuns: propertyRuns },
    );
  });
});
