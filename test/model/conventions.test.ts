import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Decimal from 'decimal.js';
import vectorFile from '../fixtures/conventions.json';
import { analyze } from '../../src/model/analyze';
import { equityAt, healthAt, leverageFromLoops, loopLimit, roundToTick } from '../../src/model/companions';
import { buildCurve } from '../../src/model/curve';
import { venuePresets } from '../../src/model/venues';
import { venueConventions } from '../../src/model/venueConventions';
import type { FeeBasis, PositionSpec } from '../../src/model/types';
import { valid, validOrNull } from './analysis';
import { perpetualSpec } from './arbitraries';
import { checkedCases, runsToMeet } from '../property-runs';

Decimal.set({ precision: 60 });

type Vector = (typeof vectorFile.vectors)[number];

function vector(id: string): Vector {
  const found = vectorFile.vectors.find((candidate) => candidate.id === id);
  if (found === undefined) throw new Error(`no vector ${id}`);
  return found;
}

function input(found: Vector, key: string): string {
  const value: unknown = Object.entries(found.inputs).find(([name]) => name === key)?.[1];
  if (typeof value !== 'string') throw new Error(`vector ${found.id} has no input ${key}`);
  return value;
}

function expected(found: Vector, key: string): string {
  const value: unknown = Object.entries(found.expected).find(([name]) => name === key)?.[1];
  if (typeof value !== 'string') throw new Error(`vector ${found.id} has no expected ${key}`);
  return value;
}

const feeBases: readonly FeeBasis[] = ['mark', 'entry', 'bankruptcy'];
/** Every fee basis on every instrument, side and maintenance basis: 3 × 2 × 2 × 2 combinations, each met with 99.9 %. */
const runs = runsToMeet(1 / 24);

/** Perpetuals that count a non-zero fee to close, on any fee basis. */
const feeCountingSpec = fc
  .tuple(perpetualSpec, fc.constantFrom(...feeBases), fc.constantFrom('0.0005', '0.001', '0.0075'))
  .map(([spec, feeBasis, feeRate]): PositionSpec => ({ ...spec, closeFeeInLiquidation: true, feeBasis, feeRate }));

describe('fee basis: the fee to close valued where the venue values it', () => {
  it('reproduces Bybit’s inverse cross example: bankruptcy price with the fee inside, liquidation on the 0.5 tick', () => {
    const bybit = vector('Y-INV-CROSS');
    const analysis = valid({
      instrument: 'inverse',
      side: 'long',
      marginMode: 'cross',
      entry: input(bybit, 'entry'),
      collateral: input(bybit, 'accountBalance'),
      size: input(bybit, 'contracts'),
      mmr: input(bybit, 'mmr'),
      mmBasis: 'entry',
      feeRate: input(bybit, 'takerFee'),
      closeFeeInLiquidation: true,
      feeBasis: 'bankruptcy',
    });
    const tolerance = new Decimal(bybit.tolerance ?? '0.005');
    expect(new Decimal(analysis.bankruptcyPrice ?? 'NaN').minus(expected(bybit, 'bankruptcyPrice')).abs().lte(tolerance)).toBe(true);
    // Bybit rounds a long's liquidation price up to its tick (toward entry).
    expect(new Decimal(roundToTick(analysis.liquidationPrice ?? '0', bybit.tick ?? '0.5', 'up') ?? 'NaN').eq(expected(bybit, 'liquidationPrice'))).toBe(true);
    expect(analysis.convention).toMatch(/bankruptcy price/);
  });

  it('solves Bybit’s implicit bankruptcy equation exactly: equity there equals the fee to close valued there', () => {
    const cases = checkedCases();
    fc.assert(
      fc.property(feeCountingSpec, (spec) => {
        const bankruptcySpec: PositionSpec = { ...spec, feeBasis: 'bankruptcy' };
        const analysis = validOrNull(bankruptcySpec);
        if (analysis === null || analysis.bankruptcyPrice === null) return;
        cases.checked();
        const price = new Decimal(analysis.bankruptcyPrice);
        const notionalThere = analysis.instrument === 'inverse' ? new Decimal(analysis.size).div(price) : new Decimal(analysis.size).mul(price);
        const feeThere = notionalThere.mul(bankruptcySpec.feeRate ?? 0);
        const equity = new Decimal(equityAt(bankruptcySpec, analysis.bankruptcyPrice) ?? 'NaN');
        expect(equity.minus(feeThere).abs().lte(feeThere.mul('1e-20'))).toBe(true);
      }),
      { numRuns: runs },
    );
    cases.expectAtLeast(0.5, runs);
  });

  it('keeps every liquidation price between the bankruptcy price and entry, whatever the fee basis', () => {
    fc.assert(
      fc.property(feeCountingSpec, (spec) => {
        const analysis = validOrNull(spec);
        if (analysis === null || analysis.liquidationPrice === null || analysis.bankruptcyPrice === null) return;
        const sign = analysis.side === 'long' ? 1 : -1;
        const liquidation = new Decimal(analysis.liquidationPrice);
        expect(new Decimal(analysis.entry).minus(liquidation).mul(sign).gt(0)).toBe(true);
        expect(liquidation.minus(analysis.bankruptcyPrice).mul(sign).gt(0)).toBe(true);
      }),
      { numRuns: runs },
    );
  });

  it('moves a linear liquidation price down and an inverse one up when the fee is valued at bankruptcy instead of at the mark', () => {
    // The fee is size·x·f with x = P (linear) or 1/P (inverse). Between liquidation and bankruptcy x falls for a linear
    // long and rises for a linear short, so the fee valued at bankruptcy is smaller for a long (liquidation further
    // down) and larger for a short (liquidation closer, also down); for inverse contracts the same holds with x = 1/P,
    // which moves both up.
    fc.assert(
      fc.property(feeCountingSpec, (spec) => {
        const atMark = validOrNull({ ...spec, mmBasis: 'mark', feeBasis: 'mark' });
        const atBankruptcy = validOrNull({ ...spec, mmBasis: 'mark', feeBasis: 'bankruptcy' });
        if (atMark?.liquidationPrice == null || atBankruptcy?.liquidationPrice == null) return;
        const shift = new Decimal(atBankruptcy.liquidationPrice).minus(atMark.liquidationPrice);
        if (atMark.instrument === 'inverse') expect(shift.gte(0)).toBe(true);
        else expect(shift.lte(0)).toBe(true);
      }),
      { numRuns: runs },
    );
  });

  it('draws the same health on the number curve as the decimal model, whatever the fee basis', () => {
    fc.assert(
      fc.property(feeCountingSpec, (spec) => {
        const analysis = validOrNull(spec);
        if (analysis === null) return;
        const entry = Number(analysis.entry);
        const curve = buildCurve(spec, { from: entry * 0.5, to: entry * 1.5, points: 9 });
        curve?.price.forEach((price, index) => {
          const health = healthAt(spec, price);
          const plotted = curve.health[index] ?? null;
          if (health === null || plotted === null) expect(plotted).toBe(health);
          else expect(Math.abs(plotted - Number(health)) / Math.max(1, Math.abs(Number(health)))).toBeLessThan(1e-9);
        });
      }),
      { numRuns: runs },
    );
  });

  it('changes nothing without a fee in the condition, and defaults to where the maintenance is measured', () => {
    const spec: PositionSpec = { side: 'short', entry: '3000', collateral: '1000', leverage: '10', mmr: '0.01', mmBasis: 'entry', feeRate: '0.0005' };
    const without = feeBases.map((feeBasis) => valid({ ...spec, feeBasis }).liquidationPrice);
    expect(new Set(without).size).toBe(1);
    const counted = { ...spec, closeFeeInLiquidation: true };
    expect(valid(counted).liquidationPrice).toBe(valid({ ...counted, feeBasis: 'mark' }).liquidationPrice);
    // On an entry basis 'mark' means where the maintenance is measured: at entry.
    expect(valid({ ...counted, feeBasis: 'mark' }).liquidationPrice).toBe(valid({ ...counted, feeBasis: 'entry' }).liquidationPrice);
  });

  it('refuses an unknown fee basis with a message on the field', () => {
    const base: PositionSpec = { entry: '100', collateral: '10', leverage: '5' };
    const analysis = analyze(Object.assign({}, base, { feeBasis: 'last' }));
    expect(analysis.valid).toBe(false);
    if (!analysis.valid) expect(analysis.errors).toContainEqual({ field: 'feeBasis', message: 'Fee basis must be mark, entry or bankruptcy.' });
  });

  it('sets each sourced preset’s fee basis and compounding in its spec, and every record names a preset', () => {
    for (const [id, convention] of Object.entries(venueConventions)) {
      const preset = venuePresets.find((candidate) => candidate.id === id);
      expect(preset, id).toBeDefined();
      expect(preset?.spec.feeBasis).toBe(convention.feeBasis);
      expect(preset?.spec.compounding).toBe(convention.compounding);
      expect(convention.sourceUrl).toMatch(/^https:\/\//);
      expect(convention.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(venuePresets.find((preset) => preset.id === 'bybit-usdt-btcusdt')?.spec.feeBasis).toBe('bankruptcy');
  });
});

describe('loops without an arbitrary ceiling', () => {
  it('gives the limit every explainer quotes: LTV 80 % → 5×, Liquity’s 110 % → 11×', () => {
    const ltvVector = vector('LOOP-LTV');
    const liquity = vector('LOOP-LIQUITY');
    expect(loopLimit({ ltv: input(ltvVector, 'ltv') })).toBe(expected(ltvVector, 'ceiling'));
    expect(leverageFromLoops(input(ltvVector, 'ltv'), 'max')).toBe(expected(ltvVector, 'ceiling'));
    expect(loopLimit({ liquidationRatio: input(liquity, 'liquidationRatio') })).toBe(expected(liquity, 'ceiling'));
    // Borrowing each round at Liquity's minimum ratio is a loan-to-value of 1/1.1.
    expect(new Decimal(leverageFromLoops(new Decimal(1).div(input(liquity, 'liquidationRatio')).toString(), 'max') ?? 'NaN').toDecimalPlaces(20).toString()).toBe(expected(liquity, 'ceiling'));
  });

  it('analyzes loops: "max" at the limit and any whole count, with the ceiling as the loan’s maximum leverage', () => {
    const base: PositionSpec = { instrument: 'loan', side: 'long', entry: '3000', collateral: '1000', ltv: '0.8', liquidationThreshold: '0.83' };
    const atMax = valid({ ...base, loops: 'max' });
    expect(atMax.leverage).toBe('5');
    expect(atMax.loanMaxLeverage).toBe('5');
    const many = valid({ ...base, loops: '1000000000000' });
    expect(new Decimal(many.leverage).lte(5)).toBe(true);
    expect(new Decimal(5).minus(many.leverage).lt('1e-20')).toBe(true);
    // A CDP without a loan-to-value reports its ceiling too.
    expect(valid({ instrument: 'loan', side: 'long', entry: '3000', collateral: '1000', leverage: '3', liquidationRatio: '1.1' }).loanMaxLeverage).toBe('11');
  });

  it('approaches the limit monotonically as the count grows, never passing it', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 0.97, noNaN: true }).map((ltv) => ltv.toPrecision(6)),
        fc.array(fc.bigInt({ min: 0n, max: 10n ** 15n }), { minLength: 2, maxLength: 6 }),
        (ltv, counts) => {
          const limit = new Decimal(loopLimit({ ltv }) ?? 'NaN');
          const sorted = [...counts].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
          let previous = new Decimal(1);
          for (const count of sorted) {
            const leverage = new Decimal(leverageFromLoops(ltv, count.toString()) ?? 'NaN');
            expect(leverage.gte(previous)).toBe(true);
            expect(leverage.lte(limit)).toBe(true);
            previous = leverage;
          }
          // By 10,000 rounds even an LTV of 97 % is within 1e-100 of its limit: what is left is rounding.
          expect(limit.minus(leverageFromLoops(ltv, '10000') ?? 'NaN').abs().lt('1e-25')).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('still refuses counts that are not whole numbers, with the reason on the field', () => {
    const base: PositionSpec = { instrument: 'loan', side: 'long', entry: '3000', collateral: '1000', ltv: '0.8', liquidationThreshold: '0.83' };
    const cases: [string, RegExp][] = [
      ['2.5', /whole number/],
      ['-1', /zero or more/],
      ['maximum', /number/],
      ['1e16', /at most/],
    ];
    for (const [loops, message] of cases) {
      const analysis = analyze({ ...base, loops });
      expect(analysis.valid, loops).toBe(false);
      if (!analysis.valid) expect(analysis.errors.find((error) => error.field === 'loops')?.message, loops).toMatch(message);
    }
    const withoutLtv = analyze({ instrument: 'loan', side: 'long', entry: '3000', collateral: '1000', liquidationRatio: '1.1', loops: 'max' });
    expect(withoutLtv.valid).toBe(false);
    if (!withoutLtv.valid) expect(withoutLtv.errors).toContainEqual({ field: 'ltv', message: 'Loops need a loan-to-value.' });
  });
});
