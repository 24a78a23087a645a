import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/model/analyze';
import { roundToTick } from '../../src/model/companions';
import { Dec } from '../../src/model/decimal';
import { explainDifference } from '../../src/model/differs';
import type { PositionSpec } from '../../src/model/types';
import { perpetualSpec } from './arbitraries';

// A long with a fee and funding over a week; each case below builds the reader's figure by switching conventions.
const base: PositionSpec = { side: 'long', entry: 50000, collateral: 500, size: 0.2, mmr: 0.004, feeRate: 0.0005, closeFeeInLiquidation: false, fundingRate: 0.0001, holdHours: 168 };

function liquidation(spec: PositionSpec, afterHold = false): string {
  const analysis = analyze(spec);
  const price = analysis.valid ? (afterHold ? analysis.liquidationPriceAfterHold : analysis.liquidationPrice) : null;
  if (price === null) throw new Error('expected a liquidation price');
  return price;
}

function explained(reader: string, spec: PositionSpec = base, tick?: string): { keys: string[]; unexplained: string; gap: Dec; sum: Dec } {
  const split = explainDifference(spec, reader, tick === undefined ? {} : { tick });
  if (!split.ok) throw new Error(split.message);
  return { keys: split.terms.map((term) => term.key), unexplained: split.unexplained.toString(), gap: split.gap, sum: split.terms.reduce((total, term) => total.plus(term.explains), new Dec(0)) };
}

describe('why my number differs', () => {
  it('a figure computed with the fee in the condition is explained fully by the fee term', () => {
    const result = explained(liquidation({ ...base, closeFeeInLiquidation: true }));
    expect(result.keys).toEqual(['closeFeeInLiquidation']);
    expect(result.unexplained).toBe('0');
  });

  it('a figure on the entry basis is explained fully by the basis term', () => {
    const result = explained(liquidation({ ...base, mmBasis: 'entry' }));
    expect(result.keys).toEqual(['mmBasis']);
    expect(result.unexplained).toBe('0');
  });

  it('funding since opening plus the fee: both terms, together the whole gap', () => {
    const result = explained(liquidation({ ...base, closeFeeInLiquidation: true }, true));
    expect([...result.keys].sort()).toEqual(['closeFeeInLiquidation', 'funding']);
    expect(result.unexplained).toBe('0');
  });

  it('a figure rounded to the venue’s tick is explained by the rounding', () => {
    const rounded = roundToTick(liquidation(base), '1', 'nearest');
    if (rounded === null) throw new Error('expected a rounded price');
    const result = explained(rounded, base, '1');
    expect(result.keys).toEqual(['tick']);
    expect(result.unexplained).toBe('0');
  });

  it('a bracket table whose liquidation falls in a lower bracket than entry: the entry bracket explains it', () => {
    const tiers = [
      { floor: '0', mmr: '0.004', mmAmount: '0' },
      { floor: '5000', mmr: '0.01', mmAmount: '30' },
    ];
    const spec: PositionSpec = { side: 'long', entry: 50000, collateral: 6000, size: 0.2, tiers };
    const analysis = analyze(spec);
    if (!analysis.valid || analysis.entryTier === null) throw new Error('expected brackets');
    const result = explained(liquidation({ side: 'long', entry: 50000, collateral: 6000, size: 0.2, mmr: analysis.entryTier.mmr, mmAmount: analysis.entryTier.mmAmount }), spec);
    expect(result.keys).toEqual(['bracket']);
    expect(result.unexplained).toBe('0');
  });

  it('the kept terms and what is left add up to the whole difference, whatever the reader typed', () => {
    fc.assert(
      fc.property(perpetualSpec, fc.double({ min: 0.5, max: 1.5, noNaN: true }), (spec, factor) => {
        const analysis = analyze(spec);
        if (!analysis.valid || analysis.liquidationPrice === null) return;
        const reader = new Dec(analysis.liquidationPrice).mul(factor).toString();
        const split = explainDifference(spec, reader, { tick: '0.01' });
        if (!split.ok) throw new Error(split.message);
        const sum = split.terms.reduce((total, term) => total.plus(term.explains), new Dec(0));
        expect(sum.plus(split.unexplained).minus(split.gap).abs().lte(split.reader.mul('1e-25'))).toBe(true);
        // Every kept term brings the figure closer: what is left is never larger than the difference.
        expect(split.unexplained.abs().lte(split.gap.abs())).toBe(true);
      }),
      { numRuns: 30 },
    );
  });

  it('refuses a figure it cannot read, with what to type', () => {
    const split = explainDifference(base, '47,000');
    expect(split).toEqual({ ok: false, message: 'Type the liquidation price your exchange shows: a positive number with a decimal point.' });
  });
});
