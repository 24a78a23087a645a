import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, validate } from '../../src/model/analyze';
import { Dec } from '../../src/model/decimal';
import { deriveFigure } from '../../src/model/derivation';
import type { WorkedFigure } from '../../src/model/derivation';
import { addToPosition, exitPnl, maxOpen, priceForNetRoe, sizeByRisk } from '../../src/model/toolbox';
import type { OrderRole, PositionSpec, ValidAnalysis } from '../../src/model/types';
import { termValue } from '../../src/model/working';
import { checkedCases } from '../property-runs';
import { perpetualSpec } from './arbitraries';

/*
 * Maker and taker fees (issue 13, point 6). A trader's own orders pay the maker fee when they rest on the book and the
 * taker fee when they take from it; a liquidation is a market order and always pays the taker fee.
 */

function valid(spec: PositionSpec): ValidAnalysis {
  const analysis = analyze(spec);
  if (!analysis.valid) throw new Error(`spec rejected: ${JSON.stringify(analysis.errors)}`);
  return analysis;
}

function errorOn(spec: PositionSpec, field: string): string | undefined {
  return validate(spec).find((error) => error.field === field)?.message;
}

const significant = (value: string | undefined, digits: number): string => new Dec(value ?? 'NaN').toSignificantDigits(digits).toString();

describe('published fee examples', () => {
  // Binance, "Binance Futures Fee Structure & Fee Calculations" (https://www.binance.com/en/support/faq/360033544231):
  // maker 0.02 %, taker 0.05 %; Commission Fee = Notional Value × Fee Rate.
  it('Binance USDⓈ-M: 1 BTC bought at 10,104 by a market order pays 5.052 USDT; sold at 11,104 by a limit order, 2.2208 USDT', () => {
    const spec: PositionSpec = { entry: '10104', size: '1', leverage: '10', feeRate: '0.0005', makerFeeRate: '0.0002', entryOrder: 'taker', exitOrder: 'maker' };
    expect(valid(spec).openFee).toBe('5.052');
    expect(exitPnl(spec, '11104')?.closeFee).toBe('2.2208');
  });

  it('Binance COIN-M: 10 BTCUSD contracts (100 USD each) open at 10,104 for 0.000049485 BTC and close by a limit order at 11,104 for 0.000018 BTC', () => {
    // The FAQ rounds the notional (0.09897 BTC; 0.09 BTC at the close), so its fees are compared to the digits it prints.
    const spec: PositionSpec = { instrument: 'inverse', entry: '10104', size: '1000', leverage: '10', feeRate: '0.0005', makerFeeRate: '0.0002', exitOrder: 'maker' };
    expect(significant(valid(spec).openFee, 5)).toBe('0.000049485');
    expect(significant(exitPnl(spec, '11104')?.closeFee, 2)).toBe('0.000018');
  });

  // Bybit Help Center, trading fee structure for inverse perpetuals (https://help.bybit.com/hc/ja/articles/360039261154):
  // maker −0.025 % (a rebate), taker 0.075 %; fee = contracts ÷ execution price × rate, 10,000 BTCUSD at 8,000.
  it('Bybit inverse: a market buy of 10,000 contracts at 8,000 pays 0.0009375 BTC; a resting limit order earns a 0.0003125 BTC rebate', () => {
    const spec: PositionSpec = { instrument: 'inverse', entry: '8000', size: '10000', leverage: '10', feeRate: '0.00075', makerFeeRate: '-0.00025' };
    expect(valid({ ...spec, entryOrder: 'taker' }).openFee).toBe('0.0009375');
    const maker = valid({ ...spec, entryOrder: 'maker' });
    expect(maker.openFee).toBe('-0.0003125');
    // The rebate is a credit: what can be lost is the margin less it.
    expect(new Dec(maker.maxLoss).plus(maker.openFee.replace('-', '')).toString()).toBe(maker.collateral);
  });
});

describe('reading the maker fee and the orders', () => {
  const base: PositionSpec = { entry: '50000', collateral: '500', leverage: '20', mmr: '0.004', feeRate: '0.0005' };

  it('refuses a maker fee that is not a number, below −1 % or above 10 %, next to the field', () => {
    expect(errorOn({ ...base, makerFeeRate: 'abc' }, 'makerFeeRate')).toMatch(/Maker fee/);
    expect(errorOn({ ...base, makerFeeRate: '-0.05' }, 'makerFeeRate')).toBe('Maker fee must be at least −1 % (a rebate).');
    expect(errorOn({ ...base, makerFeeRate: '0.11' }, 'makerFeeRate')).toBe('Maker fee must be at most 10 %.');
    expect(validate({ ...base, makerFeeRate: '-0.01' })).toEqual([]);
    expect(validate({ ...base, makerFeeRate: '0.1' })).toEqual([]);
  });

  it('asks for the maker fee when an order is a maker order, instead of guessing it', () => {
    for (const order of ['entryOrder', 'exitOrder'] as const) {
      expect(errorOn({ ...base, [order]: 'maker' }, 'makerFeeRate')).toBe('Give the maker fee for a maker order.');
      expect(validate({ ...base, [order]: 'maker', makerFeeRate: '0' })).toEqual([]);
    }
    // A maker fee with taker orders is simply not used.
    expect(validate({ ...base, makerFeeRate: '0.0002' })).toEqual([]);
  });

  it('refuses an order that is neither taker nor maker', () => {
    // Untyped callers (plain JavaScript, the element) can pass any text: Object.assign lets it through as a spec.
    expect(errorOn(Object.assign({ ...base }, { entryOrder: 'limit' }), 'entryOrder')).toBe('Opening order must be taker or maker.');
    expect(errorOn(Object.assign({ ...base }, { exitOrder: 'post-only' }), 'exitOrder')).toBe('Closing order must be taker or maker.');
  });

  it('says in the convention which orders pay the maker fee and that the liquidation pays the taker fee', () => {
    expect(valid(base).convention).not.toMatch(/maker/);
    expect(valid({ ...base, makerFeeRate: '0.0002', entryOrder: 'maker' }).convention).toMatch(/opening order rests on the book and pays the maker fee; a liquidation is a market order and pays the taker fee/);
  });
});

// ---------- Properties ----------

const order = fc.constantFrom<OrderRole>('taker', 'maker');
/** Rebates (Bybit's −0.025 %), zero, and maker fees below, at and above typical taker fees. */
const makerRate = fc.constantFrom('-0.00025', '0', '0.0002', '0.0005', '0.001');
const feeSpec: fc.Arbitrary<PositionSpec> = fc
  .tuple(perpetualSpec, makerRate, order, order, fc.constantFrom('mark' as const, 'entry' as const, 'bankruptcy' as const), fc.constantFrom('0', '0.0125'))
  .map(([spec, makerFeeRate, entryOrder, exitOrder, feeBasis, liquidationFee]) => ({ ...spec, makerFeeRate, entryOrder, exitOrder, feeBasis, liquidationFee, holdHours: '24', fundingRate: '0.0001' }));
/** The same position with both orders taking: the taker-only answer. */
const takerOnly = (spec: PositionSpec): PositionSpec => ({ ...spec, entryOrder: 'taker', exitOrder: 'taker' });

// Each run analyzes a few specs (about a millisecond in all). 150 runs meet each of the 20 maker-fee and order
// combinations (5 maker rates × 2 × 2 orders) about 7 times, keeping the file near a second of CI time; the fee
// bases and the perpetual arbitrary's own combinations vary underneath (fast-check draws a new seed each run).
const RUNS = 150;

/** The figures that must not move with the trader's orders: everything about where and how a liquidation happens. */
function liquidationFigures(analysis: ValidAnalysis): unknown {
  const cost = analysis.liquidationCost;
  return {
    liquidationPrice: analysis.liquidationPrice,
    bankruptcyPrice: analysis.bankruptcyPrice,
    healthAtEntry: analysis.healthAtEntry,
    thresholdPrices: analysis.thresholdPrices,
    maintenanceMargin: analysis.maintenanceMargin,
    cost: cost === null ? null : { ...cost, openFee: undefined, total: undefined },
  };
}

/**
 * Runs a property over the fee specs. `check` asserts and returns true, or returns false for a case it does not
 * apply to; at least `share` of the runs must be checked, so the property cannot pass by skipping everything.
 */
function forEachFeeSpec(check: (spec: PositionSpec) => boolean, share = 0.5): void {
  const cases = checkedCases();
  fc.assert(
    fc.property(feeSpec, (spec) => {
      if (check(spec)) cases.checked();
    }),
    { numRuns: RUNS },
  );
  cases.expectAtLeast(share, RUNS);
}

const noNormal = (): Dec => {
  throw new Error('the fee working uses no normal distribution');
};

describe('maker and taker fees: properties', () => {
  it('with the maker fee equal to the taker fee, every figure is the taker-only one, whatever the orders', () => {
    forEachFeeSpec((spec) => {
      const same: PositionSpec = { ...spec, makerFeeRate: spec.feeRate ?? '0' };
      const maker = analyze(same);
      const taker = analyze(takerOnly(same));
      expect(maker.valid).toBe(taker.valid);
      if (!maker.valid || !taker.valid) return false;
      // Only the words about the orders differ.
      const figures = (analysis: ValidAnalysis): ValidAnalysis => ({ ...analysis, convention: '', entryOrder: 'taker', exitOrder: 'taker' });
      expect(figures(maker)).toEqual(figures(taker));
      expect(exitPnl(same, maker.liquidationPrice ?? maker.entry)).toEqual(exitPnl(takerOnly(same), maker.liquidationPrice ?? maker.entry));
      expect(priceForNetRoe(same, '0.3')).toBe(priceForNetRoe(takerOnly(same), '0.3'));
      return true;
    });
  });

  it('the liquidation does not depend on the orders: the same prices, health and costs, the loss differing only by the fee to open', () => {
    forEachFeeSpec((spec) => {
      const maker = analyze(spec);
      const taker = analyze(takerOnly(spec));
      if (!maker.valid || !taker.valid) return false;
      // Isolated margin is the collateral: the fee to open is paid beside it, so it moves no liquidation figure.
      expect(liquidationFigures(maker)).toEqual(liquidationFigures(taker));
      if (maker.liquidationCost !== null && taker.liquidationCost !== null) {
        const lossChange = new Dec(maker.liquidationCost.total).minus(taker.liquidationCost.total);
        expect(lossChange.minus(new Dec(maker.openFee).minus(taker.openFee)).abs().lte(new Dec(maker.notional).mul('1e-40'))).toBe(true);
      }
      expect(new Dec(maker.maxLoss).minus(maker.openFee).eq(new Dec(taker.maxLoss).minus(taker.openFee))).toBe(true);
      return true;
    });
  });

  it('a long’s break-even with a maker entry is at or below the taker one when the maker fee is at most the taker fee', () => {
    forEachFeeSpec((spec) => {
      const long: PositionSpec = { ...spec, side: 'long' };
      const maker = analyze({ ...long, entryOrder: 'maker' });
      const taker = analyze({ ...long, entryOrder: 'taker' });
      if (!maker.valid || !taker.valid || Number(spec.makerFeeRate) > Number(spec.feeRate)) return false;
      expect(new Dec(maker.breakEvenPrice).lte(taker.breakEvenPrice)).toBe(true);
      return true;
    }, 0.3);
  });

  it('closing at the break-even price nets zero after both fees, each at its order’s rate (linear and inverse)', () => {
    forEachFeeSpec((spec) => {
      const analysis = analyze(spec);
      const result = analysis.valid ? exitPnl(spec, analysis.breakEvenPrice, '0') : null;
      if (!analysis.valid || result === null) return false;
      // The break-even price comes back with 30 significant digits: the net is zero to that precision.
      expect(new Dec(result.netPnl).abs().lte(new Dec(analysis.notional).mul('1e-27'))).toBe(true);
      // And a net ROE target is met where priceForNetRoe says, with the same fees.
      const target = priceForNetRoe({ ...spec, holdHours: '0' }, '0.25');
      if (target !== null) expect(new Dec(exitPnl(spec, target, '0')?.netRoe ?? 'NaN').minus('0.25').abs().lt('1e-25')).toBe(true);
      return true;
    });
  });

  it('the working of the break-even and the fees names the rate each order pays, and each step recomputes', () => {
    const figures: readonly WorkedFigure[] = ['breakEvenPrice', 'carryFees', 'carryTotal'];
    forEachFeeSpec((spec) => {
      const analysis = analyze(spec);
      if (!analysis.valid) return false;
      const shown: Record<string, string | undefined> = { breakEvenPrice: analysis.breakEvenPrice, carryFees: analysis.carry?.fees, carryTotal: analysis.carry?.total };
      for (const figure of figures) {
        const derivation = deriveFigure(spec, figure);
        if (derivation === null || derivation.value === null) throw new Error(`no working for ${figure}`);
        for (const step of derivation.steps) {
          const recomputed = step.formula === null ? step.value : termValue(step.formula, noNormal);
          expect(recomputed !== null && recomputed.minus(step.value).abs().lte(step.value.abs().mul('1e-30').plus('1e-40')), `${figure}: ${step.symbol}`).toBe(true);
        }
        expect(derivation.value.minus(shown[figure] ?? 'NaN').abs().lte(derivation.value.abs().mul('1e-28')), figure).toBe(true);
        const usesMaker = spec.entryOrder === 'maker' || spec.exitOrder === 'maker';
        expect(derivation.steps.some((step) => step.symbol === 'f_m'), `${figure} names the maker rate`).toBe(usesMaker);
      }
      return true;
    });
  });
});

describe('maker and taker fees in the toolbox', () => {
  const spec: PositionSpec = { entry: '50000', collateral: '1000', leverage: '10', mmr: '0.004', feeRate: '0.0005', makerFeeRate: '-0.00025' };

  it('sizes by risk with the stop as a market order: a maker exit changes neither the size nor the loss at the stop', () => {
    const input = { balance: '10000', riskAmount: '100', stopPrice: '49000', takeProfitPrice: '52000' };
    const taker = sizeByRisk({ ...input, spec });
    const maker = sizeByRisk({ ...input, spec: { ...spec, exitOrder: 'maker' } });
    if (!taker.valid || !maker.valid) throw new Error('sizing refused');
    expect(maker.size).toBe(taker.size);
    expect(maker.lossAtStop).toBe(taker.lossAtStop);
    expect(new Dec(maker.lossAtStop).minus('100').abs().lt('1e-25')).toBe(true);
    // The take-profit is a resting order: its rebate adds to the reward.
    expect(new Dec(maker.rewardAtTakeProfit ?? '0').gt(taker.rewardAtTakeProfit ?? '0')).toBe(true);
  });

  it('never counts a maker rebate towards what a balance can open; a lower maker fee opens more', () => {
    const open = (entryOrder: OrderRole, makerFeeRate: string): number => {
      const result = maxOpen({ ...spec, makerFeeRate, entryOrder, exitOrder: entryOrder, collateral: '1000' });
      if (!result.valid) throw new Error('maxOpen refused');
      return Number(result.maxNotional);
    };
    expect(open('maker', '-0.00025')).toBe(open('maker', '0'));
    expect(open('maker', '-0.00025')).toBeLessThanOrEqual(1000 * 10);
    expect(open('maker', '0.0002')).toBeGreaterThan(open('taker', '0.0002'));
  });

  it('lists a rebate in the exit PnL as a gain, under its own name', () => {
    const result = exitPnl({ ...spec, entryOrder: 'maker' }, '51000', '0');
    expect(result?.components.slice(1, 3).map((component) => [component.label, Math.sign(Number(component.amount))])).toEqual([
      ['Maker rebate on opening', 1],
      ['Fee to close', -1],
    ]);
  });

  it('charges added fills the opening order’s rate: a maker ladder earns the rebate', () => {
    const fills = [{ price: '49000', size: '0.1' }];
    const taker = addToPosition(spec, fills);
    const maker = addToPosition({ ...spec, entryOrder: 'maker' }, fills);
    if (!taker.valid || !maker.valid) throw new Error('fills refused');
    expect(Number(taker.addedOpenFee)).toBeGreaterThan(0);
    expect(Number(maker.addedOpenFee)).toBeLessThan(0);
    expect(maker.after.liquidationPrice).toBe(taker.after.liquidationPrice);
  });
});
