import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findVenue } from '../../src/model/venues';
import { createFormatter, defaultFormatter, formatPrice } from '../../src/config/format';
import { roundToTick } from '../../src/model/companions';
import { chartSummary, liquidationDirection, unitsFor } from '../../src/chart/summary';
import { anySpec, chartRuns, defaultPosition, validAnalysis } from './helpers';
import { checkedCases } from '../property-runs';

const options = { tick: '0.1', quoteUnit: 'USDT', coinUnit: 'BTC' };

describe('text summary', () => {
  it('names the formatted liquidation, bankruptcy and break-even prices of the default position', () => {
    const { spec, analysis } = defaultPosition();
    const text = chartSummary(analysis, spec, options, defaultFormatter);
    const liquidation = formatPrice(analysis.liquidationPrice, '0.1', { direction: 'up' });
    expect(text).toContain(`Liquidation at ${liquidation}`);
    expect(text).toContain(formatPrice(analysis.bankruptcyPrice, '0.1'));
    expect(text).toContain(formatPrice(analysis.breakEvenPrice, '0.1'));
    expect(text).toContain('USDT');
    // A long's liquidation rounds up toward entry: never shown further from entry than it is.
    expect(Number(liquidation.replace(/[^0-9.]/g, ''))).toBeGreaterThanOrEqual(Number(analysis.liquidationPrice));
    for (const threshold of analysis.thresholdPrices) expect(text).toContain(`health ${threshold.level} at ${formatPrice(threshold.price, '0.1')}`);
  });

  it('never says NaN, Infinity or undefined, and always mentions the liquidation price or why there is none (fast-check)', () => {
    const cases = checkedCases();
    fc.assert(
      fc.property(anySpec, fc.constantFrom('0.01', '0.1', '1', '0.5'), (spec, tick) => {
        const analysis = validAnalysis(spec);
        if (analysis === null) return;
        cases.checked();
        const text = chartSummary(analysis, spec, { ...options, tick }, defaultFormatter);
        expect(text).not.toMatch(/NaN|Infinity|undefined|null/);
        expect(text.length).toBeGreaterThan(40);
        if (analysis.liquidationPrice !== null) {
          expect(text).toContain(formatPrice(analysis.liquidationPrice, tick, { direction: liquidationDirection(analysis) }));
        } else {
          expect(text).toContain(analysis.liquidationNote ?? 'no liquidation price');
        }
        expect(text).toContain(analysis.marginCurrency === 'coin' ? 'BTC' : 'USDT');
      }),
      { numRuns: chartRuns },
    );
    cases.expectAtLeast(0.5, chartRuns);
  });

  it('says how equity moves for a short', () => {
    const { spec } = defaultPosition();
    const analysis = validAnalysis({ ...spec, side: 'short' });
    expect(analysis).not.toBeNull();
    if (analysis === null) return;
    const text = chartSummary(analysis, { ...spec, side: 'short' }, options, defaultFormatter);
    expect(text).toMatch(/^Short/);
    expect(text).toContain('as the price rises');
    expect(text).toContain(formatPrice(analysis.liquidationPrice, '0.1', { direction: 'down' }));
  });

  it('writes every figure in the formatter’s locale and currency (the screen-reader text follows the widget)', () => {
    const { spec, analysis } = defaultPosition();
    const german = createFormatter({ locale: 'de-DE', currency: 'EUR' });
    const text = chartSummary(analysis, spec, options, german);
    const liquidation = roundToTick(analysis.liquidationPrice ?? '0', '0.1', 'up');
    const germanPrice = new Intl.NumberFormat('de-DE', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(Number(liquidation));
    expect(text).toContain(`Liquidation at ${germanPrice}`);
    // Quote collateral in the widget's currency, via Intl's currency style.
    const collateral = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR', minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(Number(analysis.effectiveCollateral));
    expect(text).toContain(collateral);
    expect(text).not.toBe(chartSummary(analysis, spec, options, defaultFormatter));
  });

  it('uses the venue’s currencies, and “coin” for a custom venue', () => {
    expect(unitsFor(findVenue('binance-coinm-btcusd'))).toEqual({ quote: 'USD', coin: 'BTC' });
    expect(unitsFor(findVenue('custom'))).toEqual({ quote: 'USD', coin: 'coin' });
    expect(unitsFor(undefined)).toEqual({ quote: 'USD', coin: 'coin' });
  });
});
