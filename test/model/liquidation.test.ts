import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Decimal from 'decimal.js';
import { analyze, resolve } from '../../src/model/analyze';
import { Dec } from '../../src/model/decimal';
import { defaultTerms, liquidationCostAt, readLiquidationTerms } from '../../src/model/liquidation';
import type { LiquidationTerms } from '../../src/model/liquidation';
import type { Position } from '../../src/model/position';
import type { LiquidationCost, PositionSpec, ValidAnalysis } from '../../src/model/types';
import { loanSpec, perpetualSpec } from './arbitraries';
import { propertyRuns } from '../property-runs';

Decimal.set({ precision: 60 });

function mustAnalyze(spec: PositionSpec): ValidAnalysis {
  const analysis = analyze(spec);
  if (!analysis.valid) throw new Error(`invalid spec: ${JSON.stringify(analysis.errors)}`);
  return analysis;
}

function mustCost(spec: PositionSpec): LiquidationCost {
  const cost = mustAnalyze(spec).liquidationCost;
  if (cost === null) throw new Error('expected a liquidation cost');
  return cost;
}

function mustPosition(spec: PositionSpec): Position {
  const resolution = resolve(spec);
  if (!resolution.ok) throw new Error('invalid spec');
  return resolution.position;
}

function mustTerms(spec: PositionSpec): LiquidationTerms {
  const reading = readLiquidationTerms(spec);
  if (!reading.ok) throw new Error('invalid terms');
  return reading.terms;
}

const near = (actual: string, expected: string, tolerance = '0.005'): void => {
  expect(new Decimal(actual).minus(expected).abs().lte(tolerance), `${actual} ≈ ${expected}`).toBe(true);
};

describe('what a perpetual liquidation costs (published examples)', () => {
  it('Bybit Y1: a 50× long loses its whole 400 margin: 300 to the move, 100 left at liquidation to the insurance fund', () => {
    // Bybit help "Liquidation Price (USDT Contract)": IM 400, MM 100, liquidation 19,700. "Liquidation Process (USDT
    // Contract)" (help.bybit.com/hc/en-us/articles/900000167723): the position is taken over at the bankruptcy price and
    // the margin remaining goes to the insurance fund; Bybit charges no separate clearance fee.
    const cost = mustCost({ side: 'long', entry: '20000', size: '1', leverage: '50', mmr: '0.005', mmBasis: 'entry' });
    near(cost.price, '19700');
    near(cost.priceLoss, '300');
    near(cost.insuranceFund, '100');
    expect(cost.clearanceFee).toBe('0');
    near(cost.total, '400');
    expect(cost.left).toBe('0');
  });

  it('Binance B3 (cross, 500 wallet): a clearance fee larger than the equity left takes all of it, never more', () => {
    // Binance FAQ 25edcd7f…: liquidation 25,100.40 with a maintenance of 0.4 % of 502 USDT there (2.008 left). The
    // clearance fee is charged on the liquidated value (Binance "Liquidation Protocols"); 1.25 % of 502 is 6.28 > 2.008.
    const cost = mustCost({ side: 'long', entry: '50000', collateral: '500', size: '0.02', leverage: '20', marginMode: 'cross', mmr: '0.004', liquidationFee: '0.0125' });
    near(cost.price, '25100.40');
    near(cost.equityBefore, '2.008', '0.0001');
    near(cost.clearanceFee, '2.008', '0.0001');
    near(cost.insuranceFund, '0', '0.0001');
    near(cost.total, '500', '0.0001');
  });

  it('dYdX X1: the short keeps its equity at liquidation less the 1.5 % maximum liquidation fee', () => {
    // dydxprotocol/v4-documentation concepts/trading/liquidations: liquidation 3,174.60 with 476.2 of equity; the
    // fee to the insurance fund is at most 1.5 % of the notional and the rest stays in the subaccount.
    const cost = mustCost({ side: 'short', entry: '3000', collateral: '1000', size: '3', mmr: '0.05', liquidationFee: '0.015', insuranceFundTakesRest: false });
    near(cost.equityBefore, '476.2', '0.05');
    const fee = new Decimal(cost.price).mul(3).mul('0.015');
    near(cost.clearanceFee, fee.toString(), '1e-20');
    near(cost.left, new Decimal(cost.equityBefore).minus(fee).toString(), '1e-20');
    expect(cost.insuranceFund).toBe('0');
  });
});

describe('what a loan liquidation costs (published examples)', () => {
  it('Maker ETH-A (CDP1): 10 ETH, 10,000 DAI at 145 % liquidate at 1,450; the 13 % penalty costs 1,300 and 3,200 comes back', () => {
    // Maker ETH-A vault docs: liquidation ratio 145 %, liquidation penalty 13 %; the whole vault is liquidated.
    const cost = mustCost({ instrument: 'loan', side: 'long', entry: '3000', collateral: '20000', size: '10', liquidationRatio: '1.45', liquidationBonus: '0.13', closeFactor: '1' });
    near(cost.price, '1450');
    near(cost.penalty, '1300');
    near(cost.left, '3200');
    expect(cost.after).toBeNull();
  });

  it('Liquity: the whole trove goes at 110 %: all the collateral is taken and nothing comes back', () => {
    const cost = mustCost({ instrument: 'loan', side: 'long', entry: '3000', collateral: '20000', size: '10', liquidationRatio: '1.1', liquidationBonus: '0.1', closeFactor: '1' });
    near(cost.price, '1100');
    expect(cost.left).toBe('0');
    near(cost.total, '20000');
  });

  it('close factor 50 %, bonus 10 %: repaying 25 (of 50) takes 27.5 of the 100 collateral', () => {
    // dank-protocol.gitbook.io/docs/faq/liquidations, Scenario 1: 100 ETH supplied, 50 ETH worth borrowed; the
    // liquidator repays 50 % (25 ETH worth) and claims 25 + 2.5 ETH. Valued here with ETH = 1 at health 0.98.
    const spec: PositionSpec = { instrument: 'loan', side: 'long', entry: '2', collateral: '150', size: '100', liquidationThreshold: '0.49', liquidationBonus: '0.1', closeFactor: '0.5' };
    const cost = liquidationCostAt(mustPosition(spec), mustTerms(spec), new Dec(1));
    expect(cost.closeFactor).toBe('0.5');
    near(cost.penalty, '2.5', '1e-20');
    near(cost.after?.collateral ?? 'NaN', '72.5', '1e-20');
    near(cost.after?.debt ?? 'NaN', '25', '1e-20');
  });

  it('Aave v3: below health 0.95 one liquidation may repay the whole debt', () => {
    // aave-v3-core LiquidationLogic: CLOSE_FACTOR_HF_THRESHOLD 0.95e18, MAX_LIQUIDATION_CLOSE_FACTOR 100 %.
    const spec: PositionSpec = { instrument: 'loan', side: 'long', entry: '2', collateral: '150', size: '100', liquidationThreshold: '0.45', liquidationBonus: '0.05', closeFactor: '0.5' };
    const cost = liquidationCostAt(mustPosition(spec), mustTerms(spec), new Dec(1));
    expect(cost.closeFactor).toBe('1');
    near(cost.penalty, '2.5', '1e-20');
    expect(cost.after).toBeNull();
  });
});

describe('liquidation terms', () => {
  it('refuses values outside their range with a field error, and reads the defaults when they are absent', () => {
    const base: PositionSpec = { side: 'long', entry: '100', collateral: '10', leverage: '5', mmr: '0.01' };
    const errors = (spec: PositionSpec): string[] => {
      const analysis = analyze(spec);
      return analysis.valid ? [] : analysis.errors.map((error) => error.field);
    };
    expect(errors({ ...base, liquidationFee: '-0.01' })).toEqual(['liquidationFee']);
    expect(errors({ ...base, closeFactor: '0' })).toEqual(['closeFactor']);
    expect(errors({ ...base, markSpread: '0.9' })).toEqual(['markSpread']);
    expect(errors({ ...base, liquidationBonus: '1,5' })).toEqual(['liquidationBonus']);
    expect(readLiquidationTerms(base)).toEqual({ ok: true, terms: defaultTerms });
  });
});

describe('the liquidation price in last-price terms', () => {
  it('is the mark liquidation price × (1 + spread), with the band running between the two', () => {
    const spec: PositionSpec = { side: 'long', entry: '50000', collateral: '500', size: '0.02', leverage: '20', marginMode: 'cross', mmr: '0.004' };
    const plain = mustAnalyze(spec);
    const band = mustAnalyze({ ...spec, markSpread: '0.003' }).lastPriceLiquidation;
    expect(band?.markPrice).toBe(plain.liquidationPrice);
    near(band?.lastPrice ?? 'NaN', new Decimal(plain.liquidationPrice ?? 'NaN').mul('1.003').toString(), '1e-20');
    expect(band?.low).toBe(band?.markPrice);
    const below = mustAnalyze({ ...spec, markSpread: '-0.003' }).lastPriceLiquidation;
    expect(below?.high).toBe(below?.markPrice);
    expect(mustAnalyze({ instrument: 'loan', side: 'long', entry: '3000', collateral: '1000', leverage: '2', liquidationThreshold: '0.83' }).lastPriceLiquidation).toBeNull();
  });
});

const runs = Math.max(20, Math.round(propertyRuns / 5));

describe('properties', () => {
  it('a liquidated perpetual loses at least the move to its liquidation price, and never more than its collateral and the fee to open', () => {
    const terms = fc.record({ liquidationFee: fc.constantFrom('0', '0.005', '0.0125', '0.05'), insuranceFundTakesRest: fc.boolean() });
    fc.assert(
      fc.property(perpetualSpec, terms, (spec, extra) => {
        const analysis = analyze({ ...spec, ...extra });
        if (!analysis.valid || analysis.liquidationCost === null) return;
        const cost = analysis.liquidationCost;
        const total = new Decimal(cost.total);
        expect(total.gte(new Decimal(cost.priceLoss).plus(cost.openFee))).toBe(true);
        expect(total.lte(new Decimal(analysis.maxLoss).plus('1e-30'))).toBe(true);
        expect(new Decimal(cost.left).gte(0)).toBe(true);
      }),
      { numRuns: runs },
    );
  });

  it('a partial loan liquidation raises the health factor when LT × (1 + bonus) < 1', () => {
    const extra = fc.record({ liquidationBonus: fc.constantFrom('0', '0.01', '0.05', '0.075'), closeFactor: fc.constantFrom('0.25', '0.5', '0.75') });
    fc.assert(
      fc.property(loanSpec, extra, (spec, terms) => {
        const analysis = analyze({ ...spec, ...terms });
        if (!analysis.valid || analysis.liquidationCost?.after == null) return;
        const threshold = new Decimal(analysis.liquidationThreshold ?? '1');
        if (threshold.mul(new Decimal(terms.liquidationBonus).plus(1)).gte(1)) return;
        const after = analysis.liquidationCost.after;
        expect(after.health === null || new Decimal(after.health).gt(1)).toBe(true);
      }),
      { numRuns: runs },
    );
  });
});
