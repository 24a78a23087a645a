import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Decimal from 'decimal.js';
import vectorFile from '../fixtures/vectors.json';
import { analyze, validate } from '../../src/model/analyze';
import { equityAt, pnlAt, priceForRoe, roeAt } from '../../src/model/companions';
import type { PositionSpec, ValidAnalysis } from '../../src/model/types';
import { carryAt } from '../../src/model/carry';
import { findVenue } from '../../src/model/venues';
import { addToPosition, exitPnl, maxOpen, priceForNetRoe, sizeByRisk } from '../../src/model/toolbox';
import type { FeeReserve, SizeByRiskInput } from '../../src/model/toolbox';
import { loanSpec, perpetualSpec, tieredSpec } from './arbitraries';
import { propertyRuns } from '../property-runs';

Decimal.set({ precision: 60 });

/** Each run resolves a few specs (a fraction of a millisecond each): CI's 10,000 runs need more than the default 5 s. */
const PROPERTY_TIMEOUT = 300_000;

const rel = (a: Decimal.Value, b: Decimal.Value): number => {
  const x = new Decimal(a);
  const y = new Decimal(b);
  const scale = Decimal.max(x.abs(), y.abs(), new Decimal('1e-30'));
  return x.minus(y).abs().div(scale).toNumber();
};

/** Absolute difference measured against a scale (for figures that can be near zero). */
const near = (a: Decimal.Value, b: Decimal.Value, scale: Decimal.Value): number =>
  new Decimal(a).minus(b).abs().div(Decimal.max(new Decimal(scale).abs(), '1e-30')).toNumber();

function valid(spec: PositionSpec): ValidAnalysis {
  const analysis = analyze(spec);
  if (!analysis.valid) throw new Error(`spec rejected: ${JSON.stringify(analysis.errors)}`);
  return analysis;
}

function validOrNull(spec: PositionSpec): ValidAnalysis | null {
  const analysis = analyze(spec);
  return analysis.valid ? analysis : null;
}

function must<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error('expected a value');
  return value;
}

const binance = must(findVenue('binance-usdm-btcusdt')).spec;
const anySpec = fc.oneof(perpetualSpec, tieredSpec, loanSpec);
const priceRatio = fc.double({ min: 0.3, max: 3, noNaN: true });

interface RawVector {
  id: string;
  inputs: Record<string, unknown>;
  expected: Record<string, string>;
}
const vectors: RawVector[] = vectorFile.vectors;
function vector(id: string): RawVector {
  return must(vectors.find((candidate) => candidate.id === id));
}
function fillsOf(raw: RawVector, sizeKey: string): { price: string; size: string }[] {
  const list = raw.inputs['fills'];
  if (!Array.isArray(list)) throw new Error('vector has no fills');
  return list.map((fill: unknown) => {
    const record = new Map(Object.entries(typeof fill === 'object' && fill !== null ? fill : {}));
    return { price: String(record.get('price')), size: String(record.get(sizeKey)) };
  });
}
function input(raw: RawVector, key: string): string {
  const value = raw.inputs[key];
  if (typeof value !== 'string') throw new Error(`vector input ${key} is missing`);
  return value;
}

describe('exitPnl', () => {
  it('reproduces the Kraken K3 vector as the gross (exchange) PnL', () => {
    const k3 = vector('K3');
    const result = must(exitPnl({ side: 'long', size: input(k3, 'qtyBTC'), entry: input(k3, 'entry'), leverage: '1' }, input(k3, 'exit'), 0));
    expect(new Decimal(result.grossPnl).eq(must(k3.expected['pnlUSD']))).toBe(true);
  });

  it('gross PnL and ROE are the companions’; net = gross − both fees − carry; the components add up to net', () => {
    fc.assert(
      fc.property(anySpec, priceRatio, fc.constantFrom(0, 5, 24, 100), fc.constantFrom('0.0001', '-0.0003', '0'), (base, ratio, hours, fundingRate) => {
        const spec: PositionSpec = { ...base, fundingRate, borrowApr: '0.08', supplyApr: '0.03' };
        const analysis = validOrNull(spec);
        if (analysis === null) return;
        const price = new Decimal(analysis.entry).mul(ratio).toString();
        const result = must(exitPnl(spec, price, hours));
        expect(rel(result.grossPnl, must(pnlAt(spec, price)))).toBeLessThan(1e-25);
        expect(rel(result.roe, must(roeAt(spec, price)))).toBeLessThan(1e-25);
        // Fees and carry from analyze's carry breakdown, valued the same way (close fee at the exit price).
        const carry = must(carryAt(spec, hours));
        const fees = must(carryAt(spec, hours, price)).fees;
        expect(near(new Decimal(result.openFee).plus(result.closeFee), fees, analysis.notional)).toBeLessThan(1e-25);
        expect(result.funding).toBe(carry.funding);
        expect(result.borrowInterest).toBe(carry.borrowInterest);
        expect(result.supplyYield).toBe(carry.supplyYield);
        const net = new Decimal(result.grossPnl).minus(result.openFee).minus(result.closeFee).minus(result.funding).minus(result.borrowInterest).plus(result.supplyYield);
        expect(near(result.netPnl, net, analysis.notional)).toBeLessThan(1e-25);
        const sum = result.components.reduce((total, component) => total.plus(component.amount), new Decimal(0));
        expect(near(sum, result.netPnl, analysis.notional)).toBeLessThan(1e-25);
        expect(near(new Decimal(result.netRoe).mul(result.initialMargin), result.netPnl, analysis.notional)).toBeLessThan(1e-25);
      }),
      { numRuns: propertyRuns },
    );
  }, PROPERTY_TIMEOUT);

  it('ROE is the leverage times the unleveraged return of the same collateral', () => {
    fc.assert(
      fc.property(anySpec, priceRatio, (spec, ratio) => {
        const analysis = validOrNull(spec);
        if (analysis === null) return;
        const price = new Decimal(analysis.entry).mul(ratio);
        const result = must(exitPnl(spec, price.toString(), 0));
        const sign = analysis.side === 'long' ? 1 : -1;
        // Independent price return: linear (and loans) on price, inverse on 1/price.
        const priceReturn = analysis.instrument === 'inverse' ? new Decimal(1).minus(new Decimal(analysis.entry).div(price)).mul(sign) : price.div(analysis.entry).minus(1).mul(sign);
        expect(near(result.unleveragedReturn, priceReturn, 1)).toBeLessThan(1e-25);
        const leverage = new Decimal(analysis.notional).div(result.initialMargin);
        expect(near(result.roe, leverage.mul(priceReturn), leverage)).toBeLessThan(1e-25);
      }),
      { numRuns: Math.round(propertyRuns / 3) },
    );
  }, PROPERTY_TIMEOUT);

  it('nets to zero at the break-even price without carry', () => {
    fc.assert(
      fc.property(perpetualSpec, (spec) => {
        const analysis = validOrNull(spec);
        if (analysis === null) return;
        const result = must(exitPnl(spec, analysis.breakEvenPrice, 0));
        expect(near(result.netPnl, 0, analysis.notional)).toBeLessThan(1e-25);
      }),
      { numRuns: Math.round(propertyRuns / 3) },
    );
  }, PROPERTY_TIMEOUT);

  it('funding: whole 8-hour events on the entry value, paid by longs and received by shorts when the rate is positive', () => {
    const base: PositionSpec = { side: 'long', entry: '50000', size: '0.5', leverage: '10', feeRate: '0.0005', fundingRate: '0.0001' };
    const long = must(exitPnl(base, '51000', 20));
    const short = must(exitPnl({ ...base, side: 'short' }, '51000', 20));
    // 20 hours hold two 8-hour funding events.
    const expected = new Decimal('0.0001').mul(2).mul(new Decimal('0.5').mul('50000'));
    expect(new Decimal(long.funding).eq(expected)).toBe(true);
    expect(new Decimal(short.funding).eq(expected.neg())).toBe(true);
    expect(long.components.map((component) => component.label)).toContain('Funding paid');
    expect(short.components.map((component) => component.label)).toContain('Funding received');
    // The hold defaults to the spec's holdHours; an explicit one wins.
    expect(must(exitPnl({ ...base, holdHours: '20' }, '51000')).funding).toBe(long.funding);
    expect(must(exitPnl({ ...base, holdHours: '20' }, '51000', 0)).funding).toBe('0');
    expect(long.note).toMatch(/leave out fees and funding/);
  });

  it('returns null for invalid input and never throws', () => {
    const spec: PositionSpec = { side: 'long', entry: '50000', size: '1', leverage: '10' };
    expect(exitPnl(spec, '0')).toBeNull();
    expect(exitPnl(spec, 'abc')).toBeNull();
    expect(exitPnl(spec, '50000', -1)).toBeNull();
    expect(exitPnl({ ...spec, entry: 'x' }, '50000')).toBeNull();
    expect(priceForNetRoe(spec, 'nope')).toBeNull();
    // A loss beyond everything on a long needs a negative price: no answer.
    expect(priceForNetRoe(spec, '-20')).toBeNull();
  });
});

describe('priceForNetRoe (target price net of fees and carry)', () => {
  it('the target price for the ROE reached at an exit price is that exit price (gross and net)', () => {
    fc.assert(
      fc.property(anySpec, priceRatio, fc.constantFrom(0, 16, 72), (base, ratio, hours) => {
        const spec: PositionSpec = { ...base, fundingRate: '0.0002', borrowApr: '0.05', supplyApr: '0.02' };
        const analysis = validOrNull(spec);
        if (analysis === null) return;
        const price = new Decimal(analysis.entry).mul(ratio);
        const result = must(exitPnl(spec, price.toString(), hours));
        expect(rel(must(priceForRoe(spec, result.roe)), price)).toBeLessThan(1e-20);
        expect(rel(must(priceForNetRoe(spec, result.netRoe, hours)), price)).toBeLessThan(1e-20);
      }),
      { numRuns: propertyRuns },
    );
  }, PROPERTY_TIMEOUT);

  it('without fees or carry it is priceForRoe; a net ROE of 0 is the break-even price', () => {
    fc.assert(
      fc.property(perpetualSpec, fc.double({ min: -0.9, max: 5, noNaN: true }), (spec, roe) => {
        const analysis = validOrNull(spec);
        if (analysis === null) return;
        const breakEven = must(priceForNetRoe(spec, 0, 0));
        expect(rel(breakEven, analysis.breakEvenPrice)).toBeLessThan(1e-25);
        const feeless: PositionSpec = { ...spec, feeRate: '0' };
        const gross = priceForRoe(feeless, String(roe));
        const net = priceForNetRoe(feeless, String(roe), 0);
        expect(net === null).toBe(gross === null);
        if (gross !== null && net !== null) expect(rel(gross, net)).toBeLessThan(1e-25);
      }),
      { numRuns: Math.round(propertyRuns / 3) },
    );
  }, PROPERTY_TIMEOUT);
});

describe('addToPosition', () => {
  it('reproduces the Bybit averaging vectors Y14 (inverse) and Y15 (linear)', () => {
    const y14 = fillsOf(vector('Y14'), 'contracts');
    const [firstInverse, ...restInverse] = y14;
    const inverse = addToPosition({ instrument: 'inverse', side: 'long', entry: must(firstInverse).price, size: must(firstInverse).size, leverage: '10' }, restInverse);
    if (!inverse.valid) throw new Error(JSON.stringify(inverse.errors));
    expect(new Decimal(inverse.averageEntry).minus(must(vector('Y14').expected['avgEntry'])).abs().lt('0.5')).toBe(true);

    const y15 = fillsOf(vector('Y15'), 'qty');
    const [firstLinear, ...restLinear] = y15;
    const linear = addToPosition({ side: 'long', entry: must(firstLinear).price, size: must(firstLinear).size, leverage: '10' }, restLinear);
    if (!linear.valid) throw new Error(JSON.stringify(linear.errors));
    expect(new Decimal(linear.averageEntry).minus(must(vector('Y15').expected['avgEntry'])).abs().lt('0.5')).toBe(true);
    expect(new Decimal(linear.totalSize).eq(y15.reduce((total, fill) => total.plus(fill.size), new Decimal(0)))).toBe(true);
  });

  const fills = fc.array(fc.record({ ratio: fc.double({ min: 0.7, max: 1.3, noNaN: true }), share: fc.double({ min: 0.05, max: 3, noNaN: true }) }), { minLength: 1, maxLength: 4 });
  const isolatedSpec = fc.record({
    instrument: fc.constantFrom('linear' as const, 'inverse' as const),
    side: fc.constantFrom('long' as const, 'short' as const),
    entry: fc.double({ min: 1, max: 100_000, noNaN: true }).map((value) => value.toPrecision(8)),
    collateral: fc.double({ min: 10, max: 100_000, noNaN: true }).map((value) => value.toPrecision(8)),
    leverage: fc.double({ min: 1, max: 50, noNaN: true }).map((value) => value.toPrecision(6)),
    mmr: fc.double({ min: 0.001, max: 0.02, noNaN: true }).map((value) => value.toPrecision(6)),
    mmAmount: fc.constantFrom('0', '1'),
  });

  it('the liquidation price after adding is the direct solve of equity = requirement at the average entry', () => {
    let solved = 0;
    fc.assert(
      fc.property(isolatedSpec, fills, (spec, legs) => {
        const original = validOrNull(spec);
        if (original === null) return;
        const sign = spec.side === 'long' ? 1 : -1;
        const inverse = spec.instrument === 'inverse';
        const entry = new Decimal(original.entry);
        const size0 = new Decimal(original.size);
        const leverage = new Decimal(spec.leverage);
        const fillInputs = legs.map((leg) => ({ price: entry.mul(leg.ratio).toString(), size: size0.mul(leg.share).toString() }));
        const result = addToPosition(spec, fillInputs);
        if (!result.valid) return; // e.g. the larger position breaches at entry
        // Independent bookkeeping: totals, margin (value ÷ leverage), average entry by value.
        let size = size0;
        let collateral = new Decimal(original.collateral);
        let weighted = inverse ? size0.div(entry) : size0.mul(entry);
        for (const fill of fillInputs) {
          const value = inverse ? new Decimal(fill.size).div(fill.price) : new Decimal(fill.size).mul(fill.price);
          size = size.plus(fill.size);
          collateral = collateral.plus(value.div(leverage));
          weighted = weighted.plus(value);
        }
        const average = inverse ? size.div(weighted) : weighted.div(size);
        expect(rel(result.averageEntry, average)).toBeLessThan(1e-25);
        expect(rel(result.totalSize, size)).toBeLessThan(1e-25);
        expect(rel(result.after.effectiveCollateral, collateral)).toBeLessThan(1e-25);
        const m = new Decimal(spec.mmr);
        const amount = new Decimal(spec.mmAmount);
        // Mark basis: linear C + A − s·Q·P0 = P·Q·(m − s); inverse in x = 1/P: C + A + s·N/P0 = x·N·(m + s).
        const inverseBase = collateral.plus(amount).plus(size.div(average).mul(sign));
        // A 1× inverse short is never liquidated: its equity and requirement are both proportional to 1/P.
        if (inverse && inverseBase.abs().lt(collateral.mul('1e-20'))) return;
        const direct = inverse ? size.mul(m.plus(sign)).div(inverseBase) : collateral.plus(amount).minus(size.mul(average).mul(sign)).div(size.mul(m.minus(sign)));
        if (direct.lte(average.mul('1e-20'))) {
          // At (or rounding-close to) zero: a 1× long is never liquidated.
          expect(new Decimal(result.after.liquidationPrice ?? 0).lte(average.mul('1e-20'))).toBe(true);
          return;
        }
        expect(rel(must(result.after.liquidationPrice), direct)).toBeLessThan(1e-20);
        solved += 1;
        // The tools that go wrong keep the old entry or the old margin; at the right price health is exactly 1.
        expect(near(must(equityAt(result.spec, direct.toString())), must(result.after.maintenanceAtLiquidation), collateral)).toBeLessThan(1e-20);
      }),
      { numRuns: propertyRuns },
    );
    expect(solved).toBeGreaterThan(propertyRuns / 2);
  }, PROPERTY_TIMEOUT);

  it('adding at the entry price at the same leverage leaves the isolated liquidation price where it was', () => {
    fc.assert(
      fc.property(isolatedSpec, fc.double({ min: 0.1, max: 5, noNaN: true }), (base, share) => {
        const spec = { ...base, mmAmount: '0' };
        const original = validOrNull(spec);
        if (original === null || original.liquidationPrice === null) return;
        const result = addToPosition(spec, [{ price: original.entry, size: new Decimal(original.size).mul(share).toString() }]);
        if (!result.valid) return;
        expect(rel(must(result.after.liquidationPrice), original.liquidationPrice)).toBeLessThan(1e-20);
        expect(rel(result.after.leverage, spec.leverage)).toBeLessThan(1e-20);
      }),
      { numRuns: Math.round(propertyRuns / 3) },
    );
  }, PROPERTY_TIMEOUT);

  it('reports the position before and after the last fill, and every step', () => {
    const spec: PositionSpec = { ...binance, side: 'long', entry: '50000', size: '0.1', leverage: '20' };
    const fillsList = [
      { price: '48000', size: '0.1' },
      { price: '46000', size: '0.2' },
    ];
    const result = addToPosition(spec, fillsList);
    if (!result.valid) throw new Error(JSON.stringify(result.errors));
    const first = addToPosition(spec, fillsList.slice(0, 1));
    if (!first.valid) throw new Error(JSON.stringify(first.errors));
    expect(result.before).toEqual(first.after);
    expect(result.steps).toHaveLength(2);
    expect(result.steps[1]).toEqual(result.after);
    expect(first.before).toEqual(valid(spec));
    // Buying lower moves a long's liquidation price down with the average entry, and the margin grows with the size.
    expect(new Decimal(must(result.after.liquidationPrice)).lt(must(result.before.liquidationPrice))).toBe(true);
    expect(new Decimal(result.addedMargin).eq(new Decimal('48000').mul('0.1').plus(new Decimal('46000').mul('0.2')).div(20))).toBe(true);
    expect(new Decimal(result.addedOpenFee).eq(new Decimal('48000').mul('0.1').plus(new Decimal('46000').mul('0.2')).mul(must(binance.feeRate)))).toBe(true);
  });

  it('cross: the wallet stays, the fills take initial margin from it', () => {
    const spec: PositionSpec = { side: 'short', marginMode: 'cross', entry: '3000', size: '2', collateral: '2000', leverage: '10', mmr: '0.005' };
    const result = addToPosition(spec, [{ price: '3300', size: '1' }]);
    if (!result.valid) throw new Error(JSON.stringify(result.errors));
    expect(result.after.collateral).toBe('2000');
    expect(rel(result.after.initialMargin, new Decimal(valid(spec).initialMargin).plus(result.addedMargin))).toBeLessThan(1e-25);
    expect(rel(must(equityAt(result.spec, must(result.after.liquidationPrice))), must(result.after.maintenanceAtLiquidation))).toBeLessThan(1e-20);
  });

  it('rejects bad fills and positions the venue would refuse', () => {
    const spec: PositionSpec = { ...binance, side: 'long', entry: '50000', size: '0.1', leverage: '125' };
    const none = addToPosition(spec, []);
    expect(none.valid).toBe(false);
    const bad = addToPosition(spec, [{ price: '-1', size: '1' }]);
    expect(!bad.valid && bad.errors[0]?.field).toBe('fills');
    // At 125× the first Binance bracket ends at 50,000 USDT: a 100,000 USDT position is refused.
    const tooBig = addToPosition(spec, [{ price: '50000', size: '1.9' }]);
    expect(tooBig.valid).toBe(false);
    if (!tooBig.valid) expect(tooBig.errors[0]?.message).toMatch(/After fill 1/);
  });
});

describe('maxOpen', () => {
  const tiers = must(binance.tiers);
  const cost = (notional: Decimal, leverage: Decimal, fee: Decimal, reserve: FeeReserve): Decimal =>
    notional.div(leverage).plus(notional.mul(fee).mul(reserve === 'none' ? 0 : reserve === 'open' ? 1 : 2));

  it('the largest position fits the balance and any larger one is refused or does not fit', () => {
    const limits = { balance: 0, tier: 0, venue: 0 };
    fc.assert(
      fc.property(
        fc.double({ min: 10, max: 5e7, noNaN: true }),
        fc.double({ min: 1, max: 140, noNaN: true }),
        fc.constantFrom<FeeReserve>('none', 'open', 'openAndClose'),
        fc.constantFrom('long' as const, 'short' as const),
        (balanceNumber, leverageNumber, feeReserve, side) => {
          const balance = new Decimal(balanceNumber.toPrecision(8));
          const leverage = new Decimal(leverageNumber.toPrecision(5));
          const spec: PositionSpec = { ...binance, side, entry: '50000', collateral: balance.toString(), leverage: leverage.toString() };
          const result = maxOpen(spec, { feeReserve });
          if (!result.valid) throw new Error(JSON.stringify(result.errors));
          limits[result.limitedBy] += 1;
          const fee = new Decimal(must(binance.feeRate));
          const notional = new Decimal(result.maxNotional);
          const opened = (value: Decimal): PositionSpec => ({ ...binance, side, entry: '50000', collateral: value.div(leverage).toString(), leverage: leverage.toString() });
          if (result.limitedBy === 'venue') {
            expect(notional.isZero()).toBe(true);
            expect(validate(opened(new Decimal('1'))).map((error) => error.field)).toContain('leverage');
            return;
          }
          expect(cost(notional, leverage, fee, feeReserve).lte(balance.mul(new Decimal('1e-25').plus(1)))).toBe(true);
          expect(rel(result.maxSize, notional.div('50000'))).toBeLessThan(1e-25);
          expect(validate(opened(notional.mul(1 - 1e-12)))).toEqual([]);
          const bigger = notional.mul(1 + 1e-9);
          const refused = validate(opened(bigger)).some((error) => error.field === 'leverage');
          expect(refused || cost(bigger, leverage, fee, feeReserve).gt(balance)).toBe(true);
          if (result.limitedBy === 'balance') expect(rel(cost(notional, leverage, fee, feeReserve), balance)).toBeLessThan(1e-25);
          if (result.limitedBy === 'tier') expect(refused).toBe(true);
          // The bracket it lands in allows the leverage.
          const tier = tiers[must(result.tier)];
          expect(leverage.lte(must(tier?.maxLeverage))).toBe(true);
        },
      ),
      { numRuns: propertyRuns },
    );
    expect(Math.min(limits.balance, limits.tier, limits.venue)).toBeGreaterThan(propertyRuns / 50);
  }, PROPERTY_TIMEOUT);

  it('at the highest leverage the first bracket is the limit (Binance: 125× up to its cap)', () => {
    const result = maxOpen({ ...binance, entry: '50000', collateral: '10000', leverage: must(tiers[0]?.maxLeverage) });
    if (!result.valid) throw new Error(JSON.stringify(result.errors));
    expect(result.limitedBy).toBe('tier');
    expect(result.tier).toBe(0);
    expect(new Decimal(result.maxNotional).eq(must(tiers[1]).floor)).toBe(true);
    const above = maxOpen({ ...binance, entry: '50000', collateral: '10000', leverage: '150' });
    expect(above.valid && above.limitedBy).toBe('venue');
  });

  it('inverse sizes are USD face values', () => {
    const result = maxOpen({ instrument: 'inverse', entry: '40000', collateral: '0.5', leverage: '10', feeRate: '0' });
    if (!result.valid) throw new Error(JSON.stringify(result.errors));
    expect(new Decimal(result.maxNotional).eq(5)).toBe(true);
    expect(new Decimal(result.maxSize).eq(200000)).toBe(true);
  });

  it('names the field at fault', () => {
    const missing = maxOpen({ entry: '50000', collateral: '1000' });
    expect(!missing.valid && missing.errors.map((error) => error.field)).toContain('leverage');
    const broke = maxOpen({ entry: '50000', collateral: '-5', leverage: '10' });
    expect(!broke.valid && broke.errors.map((error) => error.field)).toContain('balance');
    const loan = maxOpen({ instrument: 'loan', entry: '2000', collateral: '1000', leverage: '2', liquidationThreshold: '0.8' });
    expect(loan.valid).toBe(false);
  });
});

describe('sizeByRisk', () => {
  const riskCase = fc.record({
    instrument: fc.constantFrom('linear' as const, 'inverse' as const),
    side: fc.constantFrom('long' as const, 'short' as const),
    entry: fc.double({ min: 1, max: 100_000, noNaN: true }).map((value) => value.toPrecision(8)),
    feeRate: fc.constantFrom('0', '0.0002', '0.0005', '0.001'),
    mmr: fc.double({ min: 0.001, max: 0.02, noNaN: true }).map((value) => value.toPrecision(6)),
    mmBasis: fc.constantFrom('mark' as const, 'entry' as const),
    balance: fc.double({ min: 100, max: 1e6, noNaN: true }).map((value) => value.toPrecision(8)),
    riskFraction: fc.double({ min: 0.001, max: 0.1, noNaN: true }).map((value) => value.toPrecision(6)),
    stopDistance: fc.double({ min: 0.002, max: 0.3, noNaN: true }),
    rewardMultiple: fc.double({ min: 0.5, max: 4, noNaN: true }),
    leverage: fc.option(fc.double({ min: 1, max: 100, noNaN: true }).map((value) => value.toPrecision(5)), { nil: undefined }),
  });

  type RiskCase = typeof riskCase extends fc.Arbitrary<infer T> ? T : never;

  function inputOf(c: RiskCase): SizeByRiskInput {
    const sign = c.side === 'long' ? 1 : -1;
    const entry = new Decimal(c.entry);
    const base = {
      spec: { instrument: c.instrument, side: c.side, entry: c.entry, feeRate: c.feeRate, mmr: c.mmr, mmBasis: c.mmBasis } satisfies PositionSpec,
      balance: c.balance,
      riskFraction: c.riskFraction,
      stopPrice: entry.mul(1 - sign * c.stopDistance).toString(),
      takeProfitPrice: entry.mul(1 + sign * c.stopDistance * c.rewardMultiple).toString(),
    };
    return c.leverage === undefined ? base : { ...base, leverage: c.leverage };
  }

  it('exiting at the stop loses exactly the risk amount, both fees included', () => {
    let sized = 0;
    fc.assert(
      fc.property(riskCase, (c) => {
        const request = inputOf(c);
        const result = sizeByRisk(request);
        if (!result.valid) return; // e.g. the leverage this needs is refused
        const risk = new Decimal(c.balance).mul(c.riskFraction);
        expect(rel(result.riskAmount, risk)).toBeLessThan(1e-25);
        expect(rel(result.lossAtStop, risk)).toBeLessThan(1e-20);
        const atStop = must(exitPnl(result.spec, request.stopPrice, 0));
        expect(rel(new Decimal(atStop.netPnl).neg(), risk)).toBeLessThan(1e-20);
        // Independent closed form for the size: risk ÷ (loss per unit + fees per unit).
        const sign = c.side === 'long' ? 1 : -1;
        const entry = new Decimal(c.entry);
        const stop = new Decimal(request.stopPrice);
        const fee = new Decimal(c.feeRate);
        const perUnit =
          c.instrument === 'inverse'
            ? new Decimal(1).div(stop).minus(new Decimal(1).div(entry)).mul(sign).plus(fee.mul(new Decimal(1).div(entry).plus(new Decimal(1).div(stop))))
            : entry.minus(stop).mul(sign).plus(fee.mul(entry.plus(stop)));
        expect(rel(result.size, risk.div(perUnit))).toBeLessThan(1e-20);
        const atTarget = must(exitPnl(result.spec, must(request.takeProfitPrice), 0));
        expect(rel(must(result.rewardAtTakeProfit), atTarget.netPnl)).toBeLessThan(1e-20);
        expect(rel(must(result.rewardToRisk), new Decimal(atTarget.netPnl).div(risk))).toBeLessThan(1e-20);
        sized += 1;
      }),
      { numRuns: propertyRuns },
    );
    expect(sized).toBeGreaterThan(propertyRuns / 2);
  }, PROPERTY_TIMEOUT);

  it('the required leverage is the one at which max open reaches exactly this position', () => {
    let compared = 0;
    fc.assert(
      fc.property(riskCase, (c) => {
        const request = { ...inputOf(c), spec: { ...inputOf(c).spec, ...binance, instrument: 'linear' as const } };
        delete request.leverage;
        const result = sizeByRisk(request);
        if (!result.valid) return;
        expect(result.fitsBalance).toBe(true);
        expect(result.leverage).toBe(result.requiredLeverage);
        if (new Decimal(result.requiredLeverage).eq(1)) {
          expect(new Decimal(result.margin).plus(new Decimal(result.notional).mul(2).mul(must(binance.feeRate))).lte(c.balance)).toBe(true);
          return;
        }
        const open = maxOpen({ ...request.spec, collateral: c.balance, leverage: result.requiredLeverage });
        if (!open.valid) throw new Error(JSON.stringify(open.errors));
        expect(open.limitedBy).toBe('balance');
        expect(rel(open.maxNotional, result.notional)).toBeLessThan(1e-20);
        compared += 1;
      }),
      { numRuns: Math.round(propertyRuns / 3) },
    );
    expect(compared).toBeGreaterThan(propertyRuns / 30);
  }, PROPERTY_TIMEOUT);

  it('says whether the stop comes before the liquidation price, and by how much', () => {
    const seen = { safe: 0, unsafe: 0, edge: 0 };
    fc.assert(
      fc.property(riskCase, (c) => {
        const result = sizeByRisk(inputOf(c));
        if (!result.valid) return;
        const sign = c.side === 'long' ? 1 : -1;
        const stop = new Decimal(inputOf(c).stopPrice);
        if (result.liquidationPrice === null) {
          expect(result.stopBeforeLiquidation).toBe(true);
          expect(result.stopMargin).toBeNull();
          return;
        }
        const margin = stop.minus(result.liquidationPrice).mul(sign).div(c.entry);
        expect(near(must(result.stopMargin), margin, 1)).toBeLessThan(1e-25);
        expect(result.stopBeforeLiquidation).toBe(margin.gt(0));
        seen[result.stopBeforeLiquidation ? 'safe' : 'unsafe'] += 1;
        expect(result.warnings.some((warning) => warning.includes('liquidated before the stop'))).toBe(!result.stopBeforeLiquidation);
        // At the maximum safe leverage the liquidation price sits on the stop.
        if (result.maxSafeLeverage !== null && new Decimal(result.maxSafeLeverage).gt(1)) {
          const edge = sizeByRisk({ ...inputOf(c), leverage: result.maxSafeLeverage });
          if (edge.valid && edge.liquidationPrice !== null) {
            expect(rel(edge.liquidationPrice, stop)).toBeLessThan(1e-20);
            seen.edge += 1;
          }
        }
      }),
      { numRuns: propertyRuns },
    );
    expect(Math.min(seen.safe, seen.unsafe, seen.edge)).toBeGreaterThan(propertyRuns / 20);
  }, PROPERTY_TIMEOUT);

  it('warns with the distance and the leverage to stay below when the stop is beyond liquidation', () => {
    const result = sizeByRisk({ spec: { ...binance, side: 'long', entry: '50000' }, balance: '1000', riskAmount: '10', stopPrice: '47000', leverage: '50' });
    if (!result.valid) throw new Error(JSON.stringify(result.errors));
    expect(result.stopBeforeLiquidation).toBe(false);
    expect(new Decimal(must(result.stopMargin)).lt(0)).toBe(true);
    expect(result.warnings.join(' ')).toMatch(/liquidated before the stop/);
    const safe = sizeByRisk({ spec: { ...binance, side: 'long', entry: '50000' }, balance: '1000', riskAmount: '10', stopPrice: '47000', leverage: new Decimal(must(result.maxSafeLeverage)).mul('0.99').toString() });
    expect(safe.valid && safe.stopBeforeLiquidation).toBe(true);
  });

  it('a cross position is backed by the whole balance', () => {
    const spec: PositionSpec = { side: 'short', marginMode: 'cross', entry: '3000', mmr: '0.005', feeRate: '0.0005' };
    const result = sizeByRisk({ spec, balance: '5000', riskAmount: '50', stopPrice: '3150', leverage: '20' });
    if (!result.valid) throw new Error(JSON.stringify(result.errors));
    expect(result.analysis.collateral).toBe('5000');
    expect(result.maxSafeLeverage).toBeNull();
    expect(rel(result.lossAtStop, 50)).toBeLessThan(1e-20);
  });

  it('rejects a stop on the wrong side, two risks, no risk and junk', () => {
    const spec: PositionSpec = { side: 'long', entry: '50000', feeRate: '0.0005', mmr: '0.004' };
    const fields = (result: ReturnType<typeof sizeByRisk>): string[] => (result.valid ? [] : result.errors.map((error) => error.field));
    expect(fields(sizeByRisk({ spec, balance: '1000', riskAmount: '10', stopPrice: '51000' }))).toContain('stopPrice');
    expect(fields(sizeByRisk({ spec, balance: '1000', riskAmount: '10', riskFraction: '0.01', stopPrice: '49000' }))).toContain('risk');
    expect(fields(sizeByRisk({ spec, balance: '1000', stopPrice: '49000' }))).toContain('risk');
    expect(fields(sizeByRisk({ spec, balance: '1000', riskAmount: '2000', stopPrice: '49000' }))).toContain('risk');
    expect(fields(sizeByRisk({ spec, balance: 'lots', riskAmount: '10', stopPrice: '49000' }))).toContain('balance');
    expect(fields(sizeByRisk({ spec, balance: '1000', riskAmount: '10', stopPrice: '49000', takeProfitPrice: '48000' }))).toContain('takeProfitPrice');
    expect(fields(sizeByRisk({ spec: { ...spec, entry: 'x' }, balance: '1000', riskAmount: '10', stopPrice: '49000' }))).toContain('entry');
  });
});

describe('junk never throws or yields NaN', () => {
  it('every tool survives untyped input', () => {
    // JSON from outside can be anything, null included.
    const nothing: PositionSpec = JSON.parse('null');
    expect(exitPnl(nothing, '1')).toBeNull();
    expect(priceForNetRoe(nothing, '0')).toBeNull();
    const tools = [addToPosition(nothing, []), maxOpen(nothing), sizeByRisk(JSON.parse('null')), sizeByRisk({ spec: nothing, balance: '1', riskAmount: '1', stopPrice: '1' })];
    expect(tools.map((result) => result.valid)).toEqual([false, false, false, false]);
    const junk = fc.oneof(fc.string(), fc.double(), fc.constantFrom('', 'NaN', 'Infinity', '-1', '0', '1e400', null, undefined, {}, []));
    fc.assert(
      fc.property(fc.oneof(perpetualSpec, loanSpec), junk, junk, (spec, a, b) => {
        // Untyped values arrive from URLs and attributes; Object.assign keeps them untyped here too.
        const loose = Object.assign({ price: '1', size: '1' }, { price: a, size: b });
        const outputs = [
          exitPnl(spec, loose.price, loose.size),
          priceForNetRoe(spec, loose.price, loose.size),
          addToPosition(spec, [loose]),
          maxOpen(Object.assign({}, spec, { collateral: a, leverage: b })),
          sizeByRisk(Object.assign({ spec, balance: '1000', riskAmount: '10', stopPrice: '1' }, { balance: a, stopPrice: b })),
        ];
        expect(JSON.stringify(outputs)).not.toMatch(/NaN|Infinity/);
      }),
      { numRuns: Math.round(propertyRuns / 3) },
    );
  }, PROPERTY_TIMEOUT);
});
