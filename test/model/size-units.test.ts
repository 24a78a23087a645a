import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromModelSize, toModelSize } from '../../src/model/sizeUnits';
import type { SizeContext } from '../../src/model/sizeUnits';

const amount = fc.integer({ min: 1, max: 10_000_000 }).chain((whole) => fc.integer({ min: 0, max: 6 }).map((places) => new Decimal(whole).div(new Decimal(10).pow(places)).toFixed()));
const price = fc.integer({ min: 1, max: 20_000_000 }).map((cents) => new Decimal(cents).div(100).toFixed());
const contractSize = fc.constantFrom('0.0001', '0.01', '0.1', '1', '10', '100');

function modelSize(typed: string, context: SizeContext): string {
  const conversion = toModelSize(typed, context);
  if (!conversion.ok) throw new Error(conversion.message);
  return conversion.size;
}

describe('size units: the model always receives base units (USD face value for inverse)', () => {
  it('a quote value ÷ entry is the base size (linear)', () => {
    fc.assert(
      fc.property(amount, price, (quote, entry) => {
        const base = modelSize(quote, { instrument: 'linear', unit: 'quote', entry, contract: null });
        expect(new Decimal(base).mul(entry).minus(quote).abs().lte(new Decimal(quote).mul('1e-25'))).toBe(true);
      }),
    );
  });

  it('contracts × contract size is the base size, exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), contractSize, (contracts, size) => {
        const base = modelSize(String(contracts), { instrument: 'linear', unit: 'contracts', entry: '50000', contract: { size, whole: true } });
        expect(new Decimal(base).eq(new Decimal(contracts).mul(size))).toBe(true);
      }),
    );
  });

  it('inverse: coins × entry is the USD face value; contracts × contract value too', () => {
    fc.assert(
      fc.property(amount, price, (coins, entry) => {
        expect(new Decimal(modelSize(coins, { instrument: 'inverse', unit: 'base', entry, contract: null })).eq(new Decimal(coins).mul(entry))).toBe(true);
      }),
    );
    expect(modelSize('12', { instrument: 'inverse', unit: 'contracts', entry: '50000', contract: { size: '100', whole: true } })).toBe('1200');
  });

  it('the model’s own unit passes through as typed', () => {
    expect(modelSize('0.02', { instrument: 'linear', unit: 'base', entry: '', contract: null })).toBe('0.02');
    expect(modelSize('1000', { instrument: 'inverse', unit: 'quote', entry: '', contract: null })).toBe('1000');
  });

  it('a worked-out size reads back in the typed unit (round trip)', () => {
    fc.assert(
      fc.property(amount, price, fc.constantFrom<'base' | 'quote'>('base', 'quote'), fc.constantFrom<'linear' | 'inverse'>('linear', 'inverse'), (typed, entry, unit, instrument) => {
        const context: SizeContext = { instrument, unit, entry, contract: null };
        const back = fromModelSize(modelSize(typed, context), context);
        expect(new Decimal(back ?? 'NaN').minus(typed).abs().lte(new Decimal(typed).mul('1e-20'))).toBe(true);
      }),
    );
  });

  it('says in words what is missing or wrong, never a NaN', () => {
    expect(toModelSize('1000', { instrument: 'linear', unit: 'quote', entry: '', contract: null })).toEqual({ ok: false, message: 'Enter the entry price: the size is converted at it.' });
    expect(toModelSize('2.5', { instrument: 'linear', unit: 'contracts', entry: '50000', contract: { size: '0.0001', whole: true } })).toEqual({ ok: false, message: 'This venue trades whole contracts: enter a whole number of contracts.' });
    expect(toModelSize('2.5', { instrument: 'linear', unit: 'contracts', entry: '50000', contract: { size: '0.01', whole: false } })).toEqual({ ok: true, size: '0.025' });
    expect(toModelSize('3', { instrument: 'linear', unit: 'contracts', entry: '50000', contract: null }).ok).toBe(false);
    expect(toModelSize('abc', { instrument: 'linear', unit: 'quote', entry: '50000', contract: null }).ok).toBe(false);
  });
});
