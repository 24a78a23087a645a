import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Decimal from 'decimal.js';
import { analyze } from '../../src/model/analyze';
import { equityAt, healthAt } from '../../src/model/companions';
import { equityPath } from '../../src/model/path';
import type { EquityPath } from '../../src/model/path';
import type { PositionSpec, ValidAnalysis } from '../../src/model/types';
import { findVenue } from '../../src/model/venues';
import { loanSpec, perpetualSpec, tieredSpec } from './arbitraries';
import { propertyRuns } from '../property-runs';

Decimal.set({ precision: 60 });

/** Each case solves the position once and then every price exactly: a fifth of the usual runs keeps the file quick. */
const runs = Math.round(propertyRuns / 5);
const timeout = 120_000;

function validAnalysis(spec: PositionSpec): ValidAnalysis | null {
  const analysis = analyze(spec);
  return analysis.valid ? analysis : null;
}

function mustPath(path: EquityPath | null): EquityPath {
  if (path === null) throw new Error('expected a path');
  return path;
}

/** Price moves away from entry in the direction that loses: 0.1 % to 99 % down for a long, 0.5 % to 495 % up for a short. */
const moves = fc.array(fc.double({ min: 0.001, max: 0.99, noNaN: true }), { minLength: 1, maxLength: 30 });

function losingPrices(analysis: ValidAnalysis, fractions: readonly number[]): string[] {
  const entry = new Decimal(analysis.entry);
  // Sorted so the move is one-way: each price further from entry than the one before.
  return [...fractions].sort((a, b) => a - b).map((fraction) => entry.mul(analysis.side === 'long' ? 1 - fraction : 1 + 5 * fraction).toString());
}

describe('equityPath: the curve ends where the position ends', () => {
  const binance = findVenue('binance-usdm-btcusdt')?.spec ?? {};

  it('an isolated long past its liquidation price reads liquidated with nothing left, not a negative equity', () => {
    // Issue 12: isolated long, 50,000 entry, 500 USDT, 20× on the Binance preset; the curve showed −300 at 46,000.
    const spec: PositionSpec = { ...binance, side: 'long', entry: '50000', collateral: '500', leverage: '20' };
    const analysis = validAnalysis(spec);
    const liquidation = new Decimal(analysis?.liquidationPrice ?? 'NaN');
    const path = mustPath(equityPath(spec, ['49000', liquidation.plus(1).toString(), '46000', '40000']));
    expect(path.points.map((point) => point.state)).toEqual(['open', 'open', 'liquidated', 'liquidated']);
    expect(path.points[0]?.equity).toBe(equityAt(spec, '49000'));
    expect(path.points[2]?.equity).toBe('0');
    expect(path.points[2]?.pnl).toBe('-500');
    expect(path.points[2]?.health).toBeNull();
    expect(path.endPrice).toBe(analysis?.liquidationPrice);
    expect(path.assumption).toMatch(/trader keeps nothing/);
  });

  it('isolated: equity is never below minus the fees, for any spec and any price', () => {
    let checked = 0;
    fc.assert(
      fc.property(fc.oneof(perpetualSpec, tieredSpec), fc.array(fc.double({ min: 1e-6, max: 1e7, noNaN: true }), { minLength: 1, maxLength: 20 }), (spec, prices) => {
        const analysis = validAnalysis(spec);
        if (analysis === null) return;
        const path = mustPath(equityPath(spec, prices));
        const fee = new Decimal(spec.feeRate ?? 0);
        const size = new Decimal(analysis.size);
        path.points.forEach((point) => {
          const closeFee = fee.mul(analysis.instrument === 'inverse' ? size.div(point.price) : size.mul(point.price));
          const fees = new Decimal(analysis.openFee).plus(closeFee);
          expect(new Decimal(point.equity).gte(fees.neg()), `${point.price}: ${point.equity}`).toBe(true);
          checked += 1;
        });
      }),
      { numRuns: runs },
    );
    expect(checked).toBeGreaterThan(runs);
  }, timeout);

  it('once liquidated it stays liquidated further out; before that it is equityAt and healthAt', () => {
    const seen = { open: 0, liquidated: 0 };
    fc.assert(
      fc.property(fc.oneof(perpetualSpec, tieredSpec, loanSpec), moves, fc.constantFrom('isolated' as const, 'cross' as const), (raw, fractions, marginMode) => {
        const spec: PositionSpec = raw.instrument === 'loan' ? raw : { ...raw, marginMode, ...(marginMode === 'cross' ? { size: validAnalysis(raw)?.size ?? '1' } : {}) };
        const analysis = validAnalysis(spec);
        if (analysis === null) return;
        const prices = losingPrices(analysis, fractions);
        const path = mustPath(equityPath(spec, prices));
        const firstLiquidated = path.points.findIndex((point) => point.state === 'liquidated');
        path.points.forEach((point, index) => {
          if (firstLiquidated >= 0 && index >= firstLiquidated) {
            expect(point.state).toBe('liquidated');
            expect(point.equity).toBe(path.leftAfterLiquidation);
            expect(point.health).toBeNull();
            seen.liquidated += 1;
          } else {
            expect(point.equity).toBe(equityAt(spec, point.price));
            expect(point.health).toBe(healthAt(spec, point.price));
            seen.open += 1;
          }
        });
        // Liquidated exactly when the price has reached the end price on the losing side.
        const end = path.endPrice === null ? null : new Decimal(path.endPrice);
        const sign = analysis.side === 'long' ? 1 : -1;
        path.points.forEach((point) => {
          const reached = end !== null && new Decimal(point.price).minus(end).mul(sign).lte(0);
          expect(point.state).toBe(reached ? 'liquidated' : 'open');
        });
        // The wallet (cross) or the margin (isolated) is the limit; a loan keeps what the penalty leaves.
        expect(new Decimal(path.leftAfterLiquidation).gte(0)).toBe(true);
      }),
      { numRuns: runs },
    );
    expect(seen.liquidated).toBeGreaterThan(runs);
    expect(seen.open).toBeGreaterThan(runs);
  }, timeout);

  it('a loan at health 1 keeps its equity less the penalty on the debt', () => {
    const spec: PositionSpec = { instrument: 'loan', side: 'long', entry: '2000', collateral: '1000', leverage: '3', liquidationThreshold: '0.8' };
    const analysis = validAnalysis(spec);
    const liquidation = analysis?.liquidationPrice ?? 'NaN';
    const withoutPenalty = mustPath(equityPath(spec, ['1000'], { loanPenalty: 0 }));
    // The printed liquidation price is rounded to 30 digits: equity there agrees to far below a cent.
    expect(new Decimal(withoutPenalty.leftAfterLiquidation).minus(equityAt(spec, liquidation) ?? 'NaN').abs().lt('1e-20')).toBe(true);
    const withPenalty = mustPath(equityPath(spec, ['1000']));
    // Debt at entry is the borrowed value: size × entry − collateral, repaid at the liquidation price with a 5 % penalty.
    const debt = new Decimal(analysis?.size ?? 'NaN').mul(2000).minus(1000);
    expect(new Decimal(withoutPenalty.leftAfterLiquidation).minus(withPenalty.leftAfterLiquidation).minus(debt.mul('0.05')).abs().lt('1e-20')).toBe(true);
    expect(withPenalty.assumption).toMatch(/penalty of 5 %/);
    expect(equityPath(spec, ['1000'], { loanPenalty: '0.9' })).toBeNull();
  });

  it('refuses prices that are not numbers above zero, and more than 2,000 of them', () => {
    const spec: PositionSpec = { side: 'short', entry: '3000', collateral: '1000', size: '3', mmr: '0.05' };
    expect(equityPath(spec, ['3100', '-1'])).toBeNull();
    expect(equityPath(spec, ['3100', '1e-300000000'])).toBeNull();
    expect(equityPath(spec, Array.from({ length: 2001 }, () => '3100'))).toBeNull();
    expect(mustPath(equityPath(spec, ['3100'])).points[0]?.equity).toBe(equityAt(spec, '3100'));
  });
});
