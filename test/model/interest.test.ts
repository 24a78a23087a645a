import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Decimal from 'decimal.js';
import { getCompoundedBalance } from '@aave/math-utils';
import vectorFile from '../fixtures/conventions.json';
import { analyze } from '../../src/model/analyze';
import { carryAt, liquidationPriceAt, timeToCarryLiquidation } from '../../src/model/carry';
import { SECONDS_PER_YEAR, startedHours } from '../../src/model/interest';
import { Dec } from '../../src/model/decimal';
import type { Compounding, PositionSpec } from '../../src/model/types';

Decimal.set({ precision: 60 });

type Vector = (typeof vectorFile.vectors)[number];

function field(record: object, key: string, id: string): string {
  const value: unknown = Object.entries(record).find(([name]) => name === key)?.[1];
  if (typeof value !== 'string') throw new Error(`vector ${id} has no ${key}`);
  return value;
}

function vector(id: string): { input: (key: string) => string; expected: (key: string) => string } {
  const found: Vector | undefined = vectorFile.vectors.find((candidate) => candidate.id === id);
  if (found === undefined) throw new Error(`no vector ${id}`);
  return { input: (key) => field(found.inputs, key, id), expected: (key) => field(found.expected, key, id) };
}

const RAY = new Decimal(10).pow(27);
/** USDC has 6 decimals: Aave's balances are integers in the token's smallest unit. */
const USDC_UNIT = new Decimal(10).pow(6);

/** A long loan whose stablecoin debt is `debt` (entry 2000, 2×: collateral = debt). */
function loanWithDebt(debt: string, borrowApr: string, compounding: Compounding, supplyApr = '0'): PositionSpec {
  return { instrument: 'loan', side: 'long', entry: '2000', collateral: debt, leverage: '2', liquidationThreshold: '0.83', borrowApr, supplyApr, compounding };
}

/** Interest Aave's own library charges on a USDC debt at an annual rate over whole seconds. */
function aaveInterest(debt: Decimal.Value, rate: Decimal.Value, seconds: number): Decimal {
  const balance = getCompoundedBalance({
    principalBalance: new Decimal(debt).mul(USDC_UNIT).toFixed(0),
    reserveIndex: RAY.toFixed(0),
    reserveRate: new Decimal(rate).mul(RAY).toFixed(0),
    lastUpdateTimestamp: 0,
    currentTimestamp: seconds,
  });
  return new Decimal(balance.toString()).div(USDC_UNIT).minus(debt);
}

function cents(value: Decimal.Value): string {
  return new Decimal(value).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
}

describe('interest the way lenders charge it', () => {
  it('matches Aave’s own library to the cent on a year of variable debt (per-second compounding)', () => {
    const aave = vector('AAVE-VARIABLE-DEBT');
    const principal = aave.input('principal');
    const rate = aave.input('rate');
    const seconds = Number(aave.input('seconds'));
    const charged = aaveInterest(principal, rate, seconds);
    const carry = carryAt(loanWithDebt(principal, rate, 'per-second'), seconds / 3600);
    expect(cents(carry?.borrowInterest ?? 'NaN')).toBe(cents(charged));
    expect(cents(charged)).toBe(aave.expected('interestToTheCent'));
  });

  it('stays within the terms Aave rounds or leaves out of its library’s balance over random debts, rates and periods', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 1_000_000 }),
        fc.integer({ min: 1, max: 300 }).map((basisPoints) => (basisPoints / 10000).toString()),
        fc.integer({ min: 1, max: SECONDS_PER_YEAR }),
        (debt, rate, seconds) => {
          const charged = aaveInterest(debt, rate, seconds);
          const model = new Decimal(carryAt(loanWithDebt(String(debt), rate, 'per-second'), new Decimal(seconds).div(3600).toString())?.borrowInterest ?? 'NaN');
          // Aave keeps three terms of (1 + r/S)^n and works in whole ray units (10⁻²⁷): at low rates its per-second rate
          // cubed rounds to 0 or 1 unit, so the third term, (r·t)³/6 of the debt, is dropped or rounded with the rest.
          const rt = new Decimal(rate).mul(seconds).div(SECONDS_PER_YEAR);
          const roundedOrLeftOut = rt.pow(3).div(6).mul(rt.exp()).mul(debt).mul(2);
          // Aave's balance is a whole number of micro-dollars (USDC's 6 decimals): a thousandth of a cent covers its rounding.
          expect(model.minus(charged).abs().lte(roundedOrLeftOut.plus('1e-5'))).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('charges Binance margin interest per hour begun: the FAQ’s two worked examples', () => {
    const first = vector('BINANCE-MARGIN-HOURLY-1');
    // 13:20 → 14:15: 55 minutes, 20 minutes into the hour.
    const firstHours = startedHours(new Dec(55).div(60), new Dec(20));
    expect(firstHours.toString()).toBe(first.expected('hours'));
    const firstInterest = new Decimal(first.input('principal')).mul(first.input('dailyRate')).div(24).mul(firstHours.toString());
    expect(firstInterest.toDecimalPlaces(8).toString()).toBe(first.expected('interest'));
    const second = vector('BINANCE-MARGIN-HOURLY-2');
    // 13:55 → 14:30: 35 minutes, 55 minutes into the hour.
    const secondHours = startedHours(new Dec(35).div(60), new Dec(55));
    expect(secondHours.toString()).toBe(second.expected('hours'));
    expect(new Decimal(second.input('principal')).mul(second.input('hourlyRate')).mul(secondHours.toString()).toString()).toBe(second.expected('interest'));
  });

  it('charges a loan taken on the hour for every hour begun, simple interest on the debt', () => {
    const spec = loanWithDebt('1000', '0.0876', 'hourly');
    // 0.0876 a year is 0.001 % an hour: 1000 × 0.00001 = 0.01 per hour begun.
    expect(carryAt(spec, '0.25')?.borrowInterest).toBe('0.01');
    expect(carryAt(spec, '1')?.borrowInterest).toBe('0.02');
    expect(carryAt(spec, '24')?.borrowInterest).toBe('0.25');
    expect(carryAt(spec, '0')?.borrowInterest).toBe('0');
  });

  it('orders the conventions over a year: simple < per-second < continuous, and per-second is within a cent of continuous', () => {
    const interest = (compounding: Compounding): Decimal => new Decimal(carryAt(loanWithDebt('10000', '0.2', compounding), 8760)?.borrowInterest ?? 'NaN');
    expect(interest('simple').toString()).toBe('2000');
    expect(interest('simple').lt(interest('per-second'))).toBe(true);
    expect(interest('per-second').lt(interest('continuous'))).toBe(true);
    expect(interest('continuous').minus(interest('per-second')).toNumber()).toBeLessThan(0.01);
    // e^0.2 − 1 on 10,000, to the cent.
    expect(cents(interest('continuous'))).toBe(cents(new Decimal(0.2).exp().minus(1).mul(10000)));
  });

  it('moves the liquidation price after the hold and the time to liquidation by the convention', () => {
    const simple = loanWithDebt('10000', '0.3', 'simple', '0.02');
    const perSecond = { ...simple, compounding: 'per-second' as const };
    const later = (spec: PositionSpec): Decimal => new Decimal(liquidationPriceAt(spec, 8760 * 3) ?? 'NaN');
    // Compounded debt grows faster, so the long's liquidation price rises further and carry liquidates it sooner.
    expect(later(perSecond).gt(later(simple))).toBe(true);
    const hoursSimple = new Decimal(timeToCarryLiquidation(simple) ?? 'NaN');
    const hoursCompounded = new Decimal(timeToCarryLiquidation(perSecond) ?? 'NaN');
    expect(hoursCompounded.lt(hoursSimple)).toBe(true);
    // At that moment health is 1: the liquidation price after that hold is the entry price.
    expect(new Decimal(liquidationPriceAt(perSecond, hoursCompounded.toString()) ?? 'NaN').div(2000).minus(1).abs().toNumber()).toBeLessThan(1e-6);
    const continuous = { ...simple, compounding: 'continuous' as const };
    const hoursContinuous = new Decimal(timeToCarryLiquidation(continuous) ?? 'NaN');
    expect(new Decimal(liquidationPriceAt(continuous, hoursContinuous.toString()) ?? 'NaN').div(2000).minus(1).abs().toNumber()).toBeLessThan(1e-9);
    // Charged by the hour: liquidated at the start of the hour whose charge crosses, a whole number of hours.
    const hourly = { ...simple, compounding: 'hourly' as const };
    const hoursHourly = new Decimal(timeToCarryLiquidation(hourly) ?? 'NaN');
    expect(hoursHourly.isInteger()).toBe(true);
    expect(hoursHourly.eq(hoursSimple.ceil().minus(1))).toBe(true);
  });

  it('refuses an unknown convention with a message on the field', () => {
    const analysis = analyze(Object.assign(loanWithDebt('1000', '0.05', 'simple'), { compounding: 'daily' }));
    expect(analysis.valid).toBe(false);
    if (!analysis.valid) expect(analysis.errors).toContainEqual({ field: 'compounding', message: 'Compounding must be simple, continuous, per-second or hourly.' });
  });
});
