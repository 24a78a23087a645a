import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/model/analyze';
import { roundToTick } from '../../src/model/companions';
import { defaultInputs } from '../../src/config/presets';
import { inputsToSpec } from '../../src/config/spec';
import { createFormatter, defaultFormatter } from '../../src/config/format';
import type { Formatter } from '../../src/config/format';

// Expectations come from Intl itself and the model's own rounding, never from typed-out strings.

function fixedDigits(locale: string | undefined, digits: number): Intl.NumberFormat {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function currencyStyle(locale: string, currency: string, minimum: number, maximum: number): Intl.NumberFormat {
  return new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: minimum, maximumFractionDigits: maximum });
}

function defaultLiquidation(): { price: string; side: 'long' | 'short' } {
  const analysis = analyze(inputsToSpec(defaultInputs()));
  if (!analysis.valid || analysis.liquidationPrice === null) throw new Error('the default position has a liquidation price');
  return { price: analysis.liquidationPrice, side: analysis.side };
}

describe('createFormatter', () => {
  it('formats a price to the tick in the chosen locale, from the model’s rounded value', () => {
    const german = createFormatter({ locale: 'de-DE' });
    const rounded = roundToTick('43210.987', '0.1', 'nearest');
    expect(rounded).not.toBeNull();
    const text = german.price('43210.987', '0.1');
    expect(text).toBe(fixedDigits('de-DE', 1).format(Number(rounded)));
    // German decimals use a comma; the text is not the English one.
    expect(text).toContain(',');
    expect(text).not.toBe(createFormatter({ locale: 'en-US' }).price('43210.987', '0.1'));
  });

  it('rounds the model’s liquidation price toward entry in any locale', () => {
    const { price, side } = defaultLiquidation();
    const direction = side === 'long' ? 'up' : 'down';
    const rounded = roundToTick(price, '0.1', direction);
    for (const locale of ['de-DE', 'en-US', 'fr-FR', 'hi-IN']) {
      expect(createFormatter({ locale }).price(price, '0.1', { direction })).toBe(fixedDigits(locale, 1).format(Number(rounded)));
    }
  });

  it.each([
    ['en-US', 'EUR'],
    ['en-US', 'USD'],
    ['de-DE', 'EUR'],
    ['de-DE', 'USD'],
  ])('shows quote money in %s with %s as Intl’s currency style does', (locale, currency) => {
    const format = createFormatter({ locale, currency });
    expect(format.currency).toBe(currency);
    expect(format.money('12345.678', 'USDT')).toBe(currencyStyle(locale, currency, 2, 2).format(12345.678));
    expect(format.money(-250, 'USDT')).toBe(currencyStyle(locale, currency, 2, 2).format(-250));
    // Amounts under one keep up to four decimals, as without a currency.
    expect(format.money(0.01234, 'USDT')).toBe(currencyStyle(locale, currency, 2, 4).format(0.01234));
    // The venue's unit gives way to the currency.
    expect(format.money(100, 'USDT')).not.toContain('USDT');
  });

  it('keeps the coin unit for coin amounts whatever the currency', () => {
    const withCurrency = createFormatter({ locale: 'de-DE', currency: 'EUR' });
    const without = createFormatter({ locale: 'de-DE' });
    for (const value of ['0.01234567', '1.5', '-0.00042']) {
      const text = withCurrency.money(value, 'BTC', { coin: true });
      expect(text).toBe(without.money(value, 'BTC', { coin: true }));
      expect(text.endsWith(' BTC')).toBe(true);
      expect(text).not.toContain('€');
    }
  });

  it('uses the locale for percent, multipliers and plain numbers too', () => {
    const german = createFormatter({ locale: 'de-DE' });
    expect(german.percent(0.046)).toBe(`${new Intl.NumberFormat('de-DE', { minimumFractionDigits: 0, maximumFractionDigits: 2 }).format(4.6)} %`);
    expect(german.times(12.5)).toBe(`${new Intl.NumberFormat('de-DE', { minimumFractionDigits: 0, maximumFractionDigits: 1 }).format(12.5)}×`);
    expect(german.number(1234.56)).toBe(new Intl.NumberFormat('de-DE', { minimumFractionDigits: 0, maximumFractionDigits: 2 }).format(1234.56));
  });

  it('keeps two formatters apart: no setting leaks through shared state', () => {
    const german = createFormatter({ locale: 'de-DE', currency: 'EUR' });
    const american = createFormatter({ locale: 'en-US', currency: 'USD' });
    const germanFirst = german.money(1234.5, 'USDT');
    const americanText = american.money(1234.5, 'USDT');
    expect(german.money(1234.5, 'USDT')).toBe(germanFirst);
    expect(americanText).toBe(currencyStyle('en-US', 'USD', 2, 2).format(1234.5));
    expect(germanFirst).toBe(currencyStyle('de-DE', 'EUR', 2, 2).format(1234.5));
  });

  it('falls back to the defaults for a locale or currency this Intl refuses, without throwing', () => {
    for (const locale of ['not a locale', 'de_DE!!', '12']) {
      expect(() => new Intl.NumberFormat(locale)).toThrow();
      const format = createFormatter({ locale });
      expect(format.locale).toBeUndefined();
      expect(format.price('50000.5', '0.1')).toBe(defaultFormatter.price('50000.5', '0.1'));
    }
    for (const currency of ['EURO', 'E1', '€']) {
      expect(() => new Intl.NumberFormat('en-US', { style: 'currency', currency })).toThrow();
      const format = createFormatter({ locale: 'en-US', currency });
      expect(format.currency).toBeUndefined();
      expect(format.money(100, 'USDT')).toBe(createFormatter({ locale: 'en-US' }).money(100, 'USDT'));
    }
    const blank = createFormatter({ locale: '', currency: '' });
    expect(blank.locale).toBeUndefined();
    expect(blank.currency).toBeUndefined();
  });

  it('never shows NaN or Infinity, whatever it is given', () => {
    const formatters: Formatter[] = [defaultFormatter, createFormatter({ locale: 'de-DE', currency: 'EUR' }), createFormatter({ locale: 'ja-JP', currency: 'JPY' })];
    const junk = fc.oneof(
      fc.double(),
      fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0),
      fc.string(),
      fc.constantFrom('NaN', 'Infinity', '-Infinity', '', '1e300', '-1e300', 'abc', '0x10'),
      fc.constant(null),
    );
    fc.assert(
      fc.property(junk, fc.constantFrom('0.1', '0.01', '1', '0.00001'), (value, tick) => {
        for (const format of formatters) {
          const texts = [
            format.price(value, tick),
            format.price(value, tick, { direction: 'up' }),
            format.money(value, 'USDT'),
            format.money(value, 'BTC', { coin: true }),
            format.percent(value, { signed: true }),
            format.times(value),
            format.number(value),
          ];
          for (const text of texts) expect(text).not.toMatch(/NaN|Infinity|∞/);
        }
      }),
      { numRuns: 300 },
    );
  });

  // Known gap in src/config/format.ts (reported): formatPrice formats Number(roundToTick(value)) without a finite check,
  // so a decimal string beyond the double range shows "∞". Drop `.fails` once formatPrice returns the dash for it.
  it('shows a dash, not ∞, for a price beyond the double range', () => {
    for (const format of [defaultFormatter, createFormatter({ locale: 'de-DE' })]) {
      expect(format.price('1e400', '0.1')).not.toMatch(/NaN|Infinity|∞/);
    }
  });
});
