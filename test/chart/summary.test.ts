import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findVenue } from '../../src/model/venues';
import { createFormatter, defaultFormatter, formatPrice } from '../../src/config/format';
import { roundToTick } from '../../src/model/companions';
import { chartSummary, unitsFor } from '../../src/chart/summary';
import { towardEntry } from '../../src/view/display';
import { headlineRows, readingContext } from '../../src/view/readings';
import { anySpec, chartRuns, defaultPosition, validAnalysis } from './helpers';
import { checkedCases } from '../property-runs';

const options = { tick: '0.1', quoteUnit: 'USDT', coinUnit: 'BTC' };

describe('text summary', () => {
  it('writes the liquidation, bankruptcy, break-even and health prices exactly as the cards do', () => {
    const { spec, analysis } = defaultPosition();
    const text = chartSummary(analysis, spec, options, defaultFormatter);
    const cards = new Map(headlineRows(analysis, readingContext(undefined, options.tick), defaultFormatter).map((row) => [row.key, row.value]));
    const card = (key: string): string => cards.get(key) ?? 'missing card';
    expect(text).toContain(`Liquidation at ${card('liquidationPrice')} (`);
    expect(text).toContain(`bankruptcy price ${card('bankruptcyPrice')} (`);
    expect(text).toContain(`Break-even after fees at ${card('breakEvenPrice')}.`);
    expect(text).toContain('USDT');
    // Break-even 50,050.025 once read 50,050.1 on its card and 50,050.0 here.
    expect(analysis.breakEvenPrice.startsWith('50050.025')).toBe(true);
    expect(text).toContain('50,050.1');
    // A long's liquidation rounds up toward entry: never shown further from entry than it is.
    expect(Number(card('liquidationPrice').replace(/[^0-9.]/g, ''))).toBeGreaterThanOrEqual(Number(analysis.liquidationPrice));
    for (const threshold of analysis.thresholdPrices.filter((candidate) => candidate.level !== '1')) {
      expect(text).toContain(`health ${threshold.level} at ${card(`thresholdPrice-${threshold.level}`)} (`);
    }
  });

  it('names the baseline it computes: a 1× inverse contract in coin for inverse, own funds for loans', () => {
    const inverse = validAnalysis({ instrument: 'inverse', side: 'short', entry: 50000, collateral: 0.01, leverage: 10, mmr: 0.005 });
    if (inverse === null) throw new Error('valid inverse short expected');
    const inverseText = chartSummary(inverse, { instrument: 'inverse', side: 'short', entry: 50000, collateral: 0.01, leverage: 10, mmr: 0.005 }, options, defaultFormatter);
    expect(inverseText).toMatch(/A 1× inverse short on the same BTC collateral would have changed by [^ ]+ % in BTC at that price\./);
    expect(inverseText).not.toContain('Held at 1× without leverage');
    const loanSpec = { instrument: 'loan', side: 'long', entry: 3000, collateral: 1000, leverage: 3, liquidationThreshold: 0.8 } as const;
    const loan = validAnalysis(loanSpec);
    if (loan === null) throw new Error('valid loan expected');
    const loanText = chartSummary(loan, loanSpec, options, defaultFormatter);
    expect(loanText).toContain('1,000.00 USDT of own funds');
    expect(loanText).toContain('the same own funds would have changed');
    expect(loanText).not.toMatch(/of collateral at|same collateral/);
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
          expect(text).toContain(formatPrice(analysis.liquidationPrice, tick, { direction: towardEntry(analysis.side) }));
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
