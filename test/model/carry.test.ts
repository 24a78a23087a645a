import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Decimal from 'decimal.js';
import { analyze, validate } from '../../src/model/analyze';
import { carryAt, equityAtTime, liquidationPath, liquidationPriceAt, loanNetApy, timeToCarryLiquidation } from '../../src/model/carry';
import type { PositionSpec, SpecKey, ValidAnalysis } from '../../src/model/types';
import { loanSpec, perpetualSpec, tieredSpec } from './arbitraries';
import { propertyRuns } from '../property-runs';

Decimal.set({ precision: 60 });

const runs = Math.round(propertyRuns / 3);
/** Properties run longer than the default 5 s on a busy machine (and with CI's 10,000 runs). */
const propertyTimeout = 120_000;

const rel = (a: Decimal.Value, b: Decimal.Value): number => {
  const x = new Decimal(a);
  const y = new Decimal(b);
  const scale = Decimal.max(x.abs(), y.abs(), new Decimal('1e-30'));
  return x.minus(y).abs().div(scale).toNumber();
};

/** For fractions of order one (APY): absolute agreement, since equity differences cancel digits. */
const apart = (a: Decimal.Value, b: Decimal.Value): number => new Decimal(a).minus(b).abs().toNumber();

function valid(spec: PositionSpec): ValidAnalysis | null {
  const analysis = analyze(spec);
  return analysis.valid ? analysis : null;
}

const fundingRate = fc.double({ min: -0.003, max: 0.003, noNaN: true }).map((value) => value.toPrecision(6));
const interval = fc.constantFrom(1, 2, 4, 8);
const apr = fc.double({ min: 0, max: 0.5, noNaN: true }).map((value) => value.toPrecision(6));

/** Funding paid hour by hour: a payment at every hour that ends an interval, on the notional at `price`. */
function fundingStepByStep(analysis: ValidAnalysis, rate: string, intervalHours: number, hours: number, price: Decimal.Value): Decimal {
  const notional = analysis.instrument === 'inverse' ? new Decimal(analysis.size).div(price) : new Decimal(analysis.size).mul(price);
  const sign = analysis.side === 'long' ? 1 : -1;
  const payment = new Decimal(rate).mul(intervalHours).div(8).mul(notional).mul(sign);
  let paid = new Decimal(0);
  for (let hour = 1; hour <= hours; hour += 1) {
    if (hour % intervalHours === 0) paid = paid.plus(payment);
  }
  return paid;
}

interface LoanBooks {
  debt: Decimal;
  collateral: Decimal;
  /** What each has grown by, summed on its own so that tiny rates keep their digits. */
  interest: Decimal;
  earned: Decimal;
}

/** Simple interest accrued step by step (hourly by default) on the opening debt and collateral, in their own units. */
function loanStepByStep(analysis: ValidAnalysis, borrow: string, supply: string, hours: number, stepHours = 1): LoanBooks {
  const entry = new Decimal(analysis.entry);
  const equity = new Decimal(analysis.effectiveCollateral);
  const size = new Decimal(analysis.size);
  // Long: coin collateral, stablecoin debt. Short: stablecoin collateral (own stake + sale), coin debt.
  const debt0 = analysis.side === 'long' ? size.mul(entry).minus(equity) : size;
  const collateral0 = analysis.side === 'long' ? size : equity.plus(size.mul(entry));
  let interest = new Decimal(0);
  let earned = new Decimal(0);
  for (let hour = stepHours; hour <= hours; hour += stepHours) {
    interest = interest.plus(debt0.mul(borrow).mul(stepHours).div(8760));
    earned = earned.plus(collateral0.mul(supply).mul(stepHours).div(8760));
  }
  return { debt: debt0.plus(interest), collateral: collateral0.plus(earned), interest, earned };
}

function loanEquityAt(analysis: ValidAnalysis, books: LoanBooks, price: Decimal.Value): Decimal {
  return analysis.side === 'long' ? books.collateral.mul(price).minus(books.debt) : books.collateral.minus(books.debt.mul(price));
}

describe('carry over a holding period', () => {
  it('funding matches a payment at the end of every whole interval, hour by hour', () => {
    fc.assert(
      fc.property(
        perpetualSpec,
        fundingRate,
        interval,
        fc.integer({ min: 0, max: 400 }),
        fc.double({ min: 0.5, max: 2, noNaN: true }),
        (spec, rate, intervalHours, hours, move) => {
          const withFunding = { ...spec, fundingRate: rate, fundingIntervalHours: intervalHours };
          const analysis = valid(withFunding);
          if (analysis === null) return;
          const atEntry = carryAt(withFunding, hours);
          expect(atEntry).not.toBeNull();
          expect(rel(atEntry?.funding ?? 'NaN', fundingStepByStep(analysis, rate, intervalHours, hours, analysis.entry))).toBeLessThan(1e-25);
          const price = new Decimal(analysis.entry).mul(move.toFixed(6));
          const atPrice = carryAt(withFunding, hours, price.toString());
          expect(rel(atPrice?.funding ?? 'NaN', fundingStepByStep(analysis, rate, intervalHours, hours, price))).toBeLessThan(1e-25);
          expect(atPrice?.borrowInterest).toBe('0');
          expect(atPrice?.supplyYield).toBe('0');
        },
      ),
      { numRuns: runs },
    );
  }, propertyTimeout);

  it('the default interval is 8 hours and a non-multiple of it counts only the whole events', () => {
    const spec: PositionSpec = { entry: 50000, collateral: 500, leverage: 20, mmr: 0.004, fundingRate: 0.0001 };
    // 0.01 % of 10,000 per 8 h: 1 per event; 23 h hold two events, 24 h three.
    expect(carryAt(spec, 23)?.funding).toBe(new Decimal('0.0001').mul(10000).mul(2).toString());
    expect(carryAt(spec, 24)?.funding).toBe(new Decimal('0.0001').mul(10000).mul(3).toString());
    const hourly = { ...spec, fundingIntervalHours: 1 };
    // Hourly venues pay 1/8 of the 8-hour rate each hour: the same over whole 8-hour blocks.
    expect(carryAt(hourly, 24)?.funding).toBe(carryAt(spec, 24)?.funding);
    expect(carryAt(hourly, 23)?.funding).toBe(new Decimal('0.0001').div(8).mul(10000).mul(23).toString());
    const short = { ...spec, side: 'short' as const };
    expect(new Decimal(carryAt(short, 24)?.funding ?? 'NaN').neg().toString()).toBe(carryAt(spec, 24)?.funding);
  });

  it('loan interest and yield match an hour-by-hour simple accrual, and equity after the hold follows', () => {
    fc.assert(
      fc.property(loanSpec, apr, apr, fc.integer({ min: 0, max: 2000 }), fc.double({ min: 0.5, max: 2, noNaN: true }), (spec, borrow, supply, hours, move) => {
        const withRates = { ...spec, borrowApr: borrow, supplyApr: supply };
        const analysis = valid(withRates);
        if (analysis === null) return;
        const books = loanStepByStep(analysis, borrow, supply, hours);
        const price = new Decimal(analysis.entry).mul(move.toFixed(6));
        const carry = carryAt(withRates, hours, price.toString());
        expect(carry).not.toBeNull();
        const interest = analysis.side === 'long' ? books.interest : books.interest.mul(price);
        const yieldValue = analysis.side === 'long' ? books.earned.mul(price) : books.earned;
        expect(rel(carry?.borrowInterest ?? 'NaN', interest)).toBeLessThan(1e-20);
        expect(rel(carry?.supplyYield ?? 'NaN', yieldValue)).toBeLessThan(1e-20);
        expect(carry?.funding).toBe('0');
        expect(rel(equityAtTime(withRates, price.toString(), hours) ?? 'NaN', loanEquityAt(analysis, books, price))).toBeLessThan(1e-20);
      }),
      { numRuns: Math.round(runs / 4) },
    );
  }, propertyTimeout);

  it('total is funding + interest − yield + the fees to open at entry and close at the price', () => {
    const spec: PositionSpec = { entry: 100, size: 10, leverage: 5, mmr: 0.01, feeRate: 0.0005, fundingRate: '0.0003' };
    const carry = carryAt(spec, 48, 120);
    expect(carry).not.toBeNull();
    const fees = new Decimal('0.0005').mul(new Decimal(10).mul(100).plus(new Decimal(10).mul(120)));
    expect(carry?.fees).toBe(fees.toString());
    expect(carry?.total).toBe(new Decimal(carry?.funding ?? 'NaN').plus(fees).toString());
    expect(carry?.hours).toBe('48');
  });

  it('the liquidation price after the hold is that of the same position with its collateral reduced by the funding', () => {
    fc.assert(
      fc.property(fc.oneof(perpetualSpec, tieredSpec), fundingRate, interval, fc.integer({ min: 1, max: 2000 }), (spec, rate, intervalHours, hours) => {
        const withFunding = { ...spec, fundingRate: rate, fundingIntervalHours: intervalHours, holdHours: hours };
        const analysis = valid(withFunding);
        if (analysis === null) return;
        const funding = fundingStepByStep(analysis, rate, intervalHours, hours, analysis.entry);
        const reducedSpec: PositionSpec = { ...spec, size: analysis.size, collateral: new Decimal(analysis.collateral).minus(funding).toString() };
        delete reducedSpec.leverage;
        const reduced = valid(reducedSpec);
        const after = liquidationPriceAt(withFunding, hours);
        expect(analysis.liquidationPriceAfterHold).toBe(after);
        // A reduced position that is invalid (liquidated at entry, or leverage past the cap) has no comparison.
        if (reduced === null) return;
        if (reduced.liquidationPrice === null) {
          expect(after).toBeNull();
          return;
        }
        // Measured against entry: the reduced spec carries the size to 30 digits, which shows near a zero price.
        expect(new Decimal(after ?? 'NaN').minus(reduced.liquidationPrice).abs().div(analysis.entry).toNumber()).toBeLessThan(1e-20);
      }),
      { numRuns: runs },
    );
  }, propertyTimeout);

  it('a loan’s liquidation price after the hold is D(1 + r·t) ÷ (q(1 + y·t)·LT) (long) or V(1 + y·t)·LT ÷ (n(1 + r·t)) (short)', () => {
    fc.assert(
      fc.property(loanSpec, apr, apr, fc.integer({ min: 1, max: 20000 }), (spec, borrow, supply, hours) => {
        const withRates = { ...spec, borrowApr: borrow, supplyApr: supply, holdHours: hours };
        const analysis = valid(withRates);
        if (analysis === null) return;
        const years = new Decimal(hours).div(8760);
        const debtGrowth = years.mul(borrow).plus(1);
        const supplyGrowth = years.mul(supply).plus(1);
        const threshold = new Decimal(analysis.liquidationThreshold ?? 'NaN');
        const entry = new Decimal(analysis.entry);
        const size = new Decimal(analysis.size);
        const equity = new Decimal(analysis.effectiveCollateral);
        const expected =
          analysis.side === 'long'
            ? size.mul(entry).minus(equity).mul(debtGrowth).div(size.mul(supplyGrowth).mul(threshold))
            : equity.plus(size.mul(entry)).mul(supplyGrowth).mul(threshold).div(size.mul(debtGrowth));
        expect(rel(analysis.liquidationPriceAfterHold ?? 'NaN', expected)).toBeLessThan(1e-20);
      }),
      { numRuns: Math.round(runs / 2) },
    );
  }, propertyTimeout);

  it('without carry the liquidation price at any time is today’s', () => {
    fc.assert(
      // The model reads numbers from 1e-30 up (decimal.ts): a subnormal double such as 5e-324 is refused, not an hour.
      fc.property(fc.oneof(perpetualSpec, tieredSpec, loanSpec), fc.double({ min: 0, max: 87600, noNaN: true }).map((hours) => (hours < 1e-30 ? 0 : hours)), fc.boolean(), (spec, hours, explicitZero) => {
        const zeroCarry = explicitZero ? { ...spec, fundingRate: 0, borrowApr: 0, supplyApr: 0 } : spec;
        const analysis = valid(zeroCarry);
        if (analysis === null) return;
        expect(liquidationPriceAt(zeroCarry, hours)).toBe(analysis.liquidationPrice);
        expect(equityAtTime(zeroCarry, analysis.entry, hours)).toBe(analysis.effectiveCollateral);
      }),
      { numRuns: runs },
    );
  }, propertyTimeout);

  it('net APY is L·y − (L − 1)·r for a long loan and equals the equity growth over a year at a flat price', () => {
    fc.assert(
      fc.property(loanSpec, apr, apr, (spec, borrow, supply) => {
        const withRates = { ...spec, borrowApr: borrow, supplyApr: supply };
        const analysis = valid(withRates);
        if (analysis === null) return;
        const apy = loanNetApy(withRates);
        expect(analysis.netApy).toBe(apy);
        const equity = new Decimal(analysis.effectiveCollateral);
        const growth = new Decimal(equityAtTime(withRates, analysis.entry, 8760) ?? 'NaN').minus(equity).div(equity);
        expect(apart(apy ?? 'NaN', growth)).toBeLessThan(1e-20);
        const books = loanStepByStep(analysis, borrow, supply, 8760, 24);
        expect(apart(apy ?? 'NaN', loanEquityAt(analysis, books, analysis.entry).minus(equity).div(equity))).toBeLessThan(1e-20);
        if (analysis.side === 'long') {
          const leverage = new Decimal(analysis.leverage);
          expect(apart(apy ?? 'NaN', leverage.mul(supply).minus(leverage.minus(1).mul(borrow)))).toBeLessThan(1e-20);
        }
      }),
      { numRuns: Math.round(runs / 2) },
    );
  }, propertyTimeout);

  it('net APY is only reported for loans with a rate', () => {
    const perp: PositionSpec = { entry: 100, collateral: 10, leverage: 10, mmr: 0.01, fundingRate: 0.0001 };
    expect(loanNetApy(perp)).toBeNull();
    expect(valid(perp)?.netApy).toBeNull();
    const loan: PositionSpec = { instrument: 'loan', entry: 100, collateral: 10, leverage: 3, liquidationThreshold: 0.8 };
    expect(valid(loan)?.netApy).toBeNull();
    expect(valid({ ...loan, borrowApr: 0.05 })?.netApy).toBe(new Decimal(-2).mul('0.05').toString());
  });

  it('a loan that carry liquidates reaches health 1 at a flat price exactly after timeToCarryLiquidation hours', () => {
    fc.assert(
      fc.property(loanSpec, apr, apr, (spec, borrow, supply) => {
        const withRates = { ...spec, borrowApr: borrow, supplyApr: supply };
        const analysis = valid(withRates);
        if (analysis === null || analysis.healthAtEntry === null) return;
        const hours = timeToCarryLiquidation(withRates);
        expect(analysis.carryLiquidationHours).toBe(hours);
        const health0 = new Decimal(analysis.healthAtEntry);
        // Health at a flat price after t years: HF0·(1 + y·t)/(1 + r·t); it falls to 1 only if r > HF0·y.
        const reaches = new Decimal(borrow).gt(health0.mul(supply));
        if (hours === null) {
          const years = health0.minus(1).div(new Decimal(borrow).minus(health0.mul(supply)));
          expect(!reaches || years.gt(100)).toBe(true);
          return;
        }
        expect(reaches).toBe(true);
        const years = new Decimal(hours).div(8760);
        const health = health0.mul(years.mul(supply).plus(1)).div(years.mul(borrow).plus(1));
        expect(rel(health, 1)).toBeLessThan(1e-20);
        expect(rel(liquidationPriceAt(withRates, hours) ?? 'NaN', analysis.entry)).toBeLessThan(1e-20);
      }),
      { numRuns: Math.round(runs / 2) },
    );
  }, propertyTimeout);

  it('a perpetual that pays funding is liquidated at a flat price at the first funding event where equity ≤ requirement', () => {
    fc.assert(
      fc.property(fc.oneof(perpetualSpec, tieredSpec), fundingRate, interval, (spec, rate, intervalHours) => {
        const withFunding = { ...spec, fundingRate: rate, fundingIntervalHours: intervalHours };
        const analysis = valid(withFunding);
        if (analysis === null) return;
        const hours = timeToCarryLiquidation(withFunding);
        const pays = new Decimal(rate).mul(analysis.side === 'long' ? 1 : -1).gt(0);
        if (hours === null) {
          // Never, or only after 100 years of funding.
          if (pays) {
            const perHour = fundingStepByStep(analysis, rate, 1, 1, analysis.entry);
            const headroom = new Decimal(analysis.effectiveCollateral).minus(analysis.maintenanceMargin);
            expect(headroom.div(perHour).gt(876000 - intervalHours)).toBe(true);
          }
          return;
        }
        expect(pays).toBe(true);
        expect(new Decimal(hours).mod(intervalHours).isZero()).toBe(true);
        const requirement = new Decimal(analysis.maintenanceMargin);
        expect(new Decimal(equityAtTime(withFunding, analysis.entry, hours) ?? 'NaN').lte(requirement)).toBe(true);
        const before = new Decimal(hours).minus(intervalHours);
        expect(new Decimal(equityAtTime(withFunding, analysis.entry, before.toString()) ?? 'NaN').gt(requirement)).toBe(true);
        // Independent: the step-by-step funding at that time is what equity lost.
        const funding = fundingStepByStep(analysis, rate, intervalHours, Number(hours), analysis.entry);
        expect(rel(new Decimal(analysis.effectiveCollateral).minus(funding), equityAtTime(withFunding, analysis.entry, hours) ?? 'NaN')).toBeLessThan(1e-20);
      }),
      { numRuns: runs },
    );
  }, propertyTimeout);

  it('received funding and a yield that outruns the interest never liquidate', () => {
    const perp: PositionSpec = { entry: 100, collateral: 10, leverage: 10, mmr: 0.01, fundingRate: -0.0001 };
    expect(timeToCarryLiquidation(perp)).toBeNull();
    expect(valid(perp)?.carryLiquidationHours).toBeNull();
    const loan: PositionSpec = { instrument: 'loan', entry: 100, collateral: 10, leverage: 3, liquidationThreshold: 0.8, borrowApr: 0.02, supplyApr: 0.05 };
    expect(timeToCarryLiquidation(loan)).toBeNull();
  });

  it('the carry analysis appears only with a holding period and a warning says when carry liquidates within it', () => {
    const spec: PositionSpec = { entry: 100, collateral: 10, leverage: 10, mmr: 0.01, fundingRate: 0.01 };
    const without = valid(spec);
    expect(without?.carry).toBeNull();
    expect(without?.liquidationPriceAfterHold).toBeNull();
    expect(without?.risk).toBeNull();
    const hours = Number(without?.carryLiquidationHours ?? 'NaN');
    expect(Number.isFinite(hours)).toBe(true);
    const within = valid({ ...spec, holdHours: hours });
    expect(within?.carry).not.toBeNull();
    expect(within?.warnings.some((warning) => warning.includes('carry alone liquidates'))).toBe(true);
    const shorter = valid({ ...spec, holdHours: hours - 1 });
    expect(shorter?.warnings.some((warning) => warning.includes('carry alone liquidates'))).toBe(false);
  });

  it('funding on a loan and loan rates on a perpetual are ignored with a warning', () => {
    const loan = valid({ instrument: 'loan', entry: 100, collateral: 10, leverage: 3, liquidationThreshold: 0.8, fundingRate: 0.001, holdHours: 100 });
    expect(loan?.carry?.funding).toBe('0');
    expect(loan?.warnings.some((warning) => warning.includes('funding rate is ignored'))).toBe(true);
    const perp = valid({ entry: 100, collateral: 10, leverage: 10, mmr: 0.01, borrowApr: 0.1, holdHours: 100 });
    expect(perp?.carry?.borrowInterest).toBe('0');
    expect(perp?.warnings.some((warning) => warning.includes('ignored for a perpetual'))).toBe(true);
  });

  it('the liquidation path samples liquidationPriceAt and flat-price equity', () => {
    const spec: PositionSpec = { entry: 100, collateral: 10, leverage: 10, mmr: 0.01, fundingRate: 0.001, fundingIntervalHours: 1 };
    expect(valid(spec)?.maintenanceMargin).toBe('1');
    const path = liquidationPath(spec, 100, 11);
    expect(path?.hours).toHaveLength(11);
    path?.hours.forEach((hours, index) => {
      expect(path.liquidationPrice[index]).toBeCloseTo(Number(liquidationPriceAt(spec, hours)), 9);
      expect(path.equityAtEntry[index]).toBeCloseTo(Number(equityAtTime(spec, 100, hours)), 9);
    });
    // A long that pays funding: the liquidation price climbs toward entry.
    const prices = path?.liquidationPrice ?? [];
    for (let index = 1; index < prices.length; index += 1) expect(prices[index] ?? 0).toBeGreaterThan(prices[index - 1] ?? Infinity);
    expect(liquidationPath(spec, 0, 10)).toBeNull();
    expect(liquidationPath(spec, 'x', 10)).toBeNull();
    expect(liquidationPath(spec, 10, Number.NaN)).toBeNull();
    expect(liquidationPath(spec, 10, 1)?.hours).toEqual([0, 10]);
  });

  it('bad hours and prices give null, never a throw', () => {
    const spec: PositionSpec = { entry: 100, collateral: 10, leverage: 10, mmr: 0.01 };
    for (const hours of [-1, 'abc', Number.NaN, Infinity, '1e9']) {
      expect(carryAt(spec, hours)).toBeNull();
      expect(liquidationPriceAt(spec, hours)).toBeNull();
      expect(equityAtTime(spec, 100, hours)).toBeNull();
    }
    for (const price of [0, -5, 'x']) {
      expect(carryAt(spec, 10, price)).toBeNull();
      expect(equityAtTime(spec, price, 10)).toBeNull();
    }
    const broken: PositionSpec = { entry: 'x' };
    expect(carryAt(broken, 1)).toBeNull();
    expect(timeToCarryLiquidation(broken)).toBeNull();
    expect(loanNetApy(broken)).toBeNull();
  });
});

describe('validation of the carry and risk keys', () => {
  const base: PositionSpec = { entry: 100, collateral: 10, leverage: 10, mmr: 0.01 };
  const cases: [SpecKey, unknown, boolean][] = [
    ['fundingRate', '0.0001', true],
    ['fundingRate', '-1', true],
    ['fundingRate', '1.01', false],
    ['fundingRate', '-1.5', false],
    ['fundingRate', 'abc', false],
    ['fundingIntervalHours', '1', true],
    ['fundingIntervalHours', '168', true],
    ['fundingIntervalHours', '0', false],
    ['fundingIntervalHours', '169', false],
    ['holdHours', '0', true],
    ['holdHours', '87600', true],
    ['holdHours', '87601', false],
    ['holdHours', '-1', false],
    ['borrowApr', '10', true],
    ['borrowApr', '10.5', false],
    ['supplyApr', '-1', true],
    ['supplyApr', '-1.01', false],
    ['volatility', '0', true],
    ['volatility', '10', true],
    ['volatility', '10.1', false],
    ['volatility', '-0.1', false],
    ['horizonDays', '3650', true],
    ['horizonDays', '3651', false],
    ['drift', '-10', true],
    ['drift', '11', false],
    ['volatilityStress', '1', true],
    ['volatilityStress', '0.5', false],
    ['volatilityStress', '11', false],
  ];
  it.each(cases)('%s = %s is accepted: %s', (key, value, accepted) => {
    const spec: PositionSpec = Object.assign({}, base, { [key]: value });
    const errors = validate(spec);
    if (accepted) {
      expect(errors).toEqual([]);
    } else {
      expect(errors).toHaveLength(1);
      expect(errors[0]?.field).toBe(key);
      expect(errors[0]?.message).not.toMatch(/NaN|undefined/);
    }
  });
});
