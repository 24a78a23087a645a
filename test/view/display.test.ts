import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ValidAnalysis } from '../../src/model/types';
import { createFormatter } from '../../src/config/format';
import { defaultInputs, inputsWith } from '../../src/config/presets';
import type { Inputs } from '../../src/config/schema';
import { derive } from '../../src/view/derive';
import type { Derived } from '../../src/view/derive';
import { displayRuleText, displayTick, priceText } from '../../src/view/display';
import { headlineRows, readingContext } from '../../src/view/readings';
import { riskRows } from '../../src/view/riskReadings';
import { chartSummary } from '../../src/chart/summary';
import { chartMarkers } from '../../src/chart/series';
import { markerPrice } from '../../src/chart/plan';
import { checkedCases } from '../property-runs';

/** A fixed locale, so a written price can be read back as a number. */
const format = createFormatter({ locale: 'en-US' });

function readBack(text: string): number {
  return Number(text.replace(/,/g, ''));
}

/** A plain decimal text m × 10^k (the inputs refuse exponents), from 1e-12 to about 1e6. */
function decimalText(mantissa: number, exponent: number): string {
  const digits = String(mantissa);
  if (exponent >= 0) return `${digits}${'0'.repeat(exponent)}`;
  const point = digits.length + exponent;
  return point > 0 ? `${digits.slice(0, point)}.${digits.slice(point)}` : `0.${'0'.repeat(-point)}${digits}`;
}

const anyEntry = fc.tuple(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: -15, max: 2 })).map(([mantissa, exponent]) => decimalText(mantissa, exponent));

/** Custom parameters at any magnitude, or a venue preset with its own tick at a price that venue never quotes. */
const anyPosition = fc.record({
  venue: fc.constantFrom('custom', 'binance-usdm-btcusdt'),
  instrument: fc.constantFrom('linear', 'inverse'),
  side: fc.constantFrom('long', 'short'),
  entry: anyEntry,
  leverage: fc.constantFrom('2', '10', '20', '50', '100'),
  mmr: fc.constantFrom('0.4', '1', '2.5'),
});

function positionInputs(position: Partial<Record<'venue' | 'instrument' | 'side' | 'entry' | 'leverage' | 'mmr', string>>): Inputs {
  return inputsWith({ collateral: '100', solveFor: 'size', tiers: '', maxLeverage: '', ...position });
}

/** Every string one analysis's prices get, by kind and by the part of the page that writes it. */
function writtenPrices(derived: Derived, analysis: ValidAnalysis): Map<string, Set<string>> {
  const written = new Map<string, Set<string>>();
  const note = (kind: string, text: string): void => {
    const seen = written.get(kind) ?? new Set<string>();
    seen.add(text);
    written.set(kind, seen);
  };
  const context = readingContext(derived.venue, derived.tick);
  const cards = headlineRows(analysis, context, format);
  for (const row of cards) {
    if (row.key === 'liquidationPrice' && row.value !== 'None') note('liquidation', row.value);
    if (row.key === 'bankruptcyPrice' && row.value !== '—') note('bankruptcy', row.value);
    if (row.key === 'breakEvenPrice') note('breakEven', row.value);
    if (row.key.startsWith('thresholdPrice-') && row.value !== '—') note(row.key.replace('Price', ''), row.value);
  }
  for (const marker of chartMarkers(analysis, format)) {
    const text = markerPrice(marker, derived.tick, format);
    if (marker.kind === 'threshold') note(`threshold-${marker.level ?? ''}`, text);
    else note(marker.kind, text);
  }
  const summary = chartSummary(analysis, derived.spec, { tick: derived.tick, quoteUnit: 'USD', coinUnit: 'coin' }, format);
  const liquidation = /Liquidation at ([^ ]+) \(/.exec(summary)?.[1];
  if (liquidation !== undefined) note('liquidation', liquidation);
  const breakEven = /Break-even after fees at (.+)\.$/.exec(summary.split(' Warning levels')[0] ?? '')?.[1];
  if (breakEven !== undefined) note('breakEven', breakEven);
  const bankruptcy = /bankruptcy price ([^ ]+) \(/.exec(summary)?.[1];
  if (bankruptcy !== undefined) note('bankruptcy', bankruptcy);
  const risk = riskRows(analysis, context, format).find((row) => row.key === 'touchProbability');
  const riskPrice = risk === undefined ? undefined : / reaches ([^ ]+) /.exec(risk.reading)?.[1];
  if (riskPrice !== undefined) note('liquidation', riskPrice);
  return written;
}

describe('one price display rule', () => {
  it('writes each price one way on the cards, the chart labels, the text summary and the odds, at every magnitude, and never puts a liquidation past its entry (fast-check, 1e-12 to 1e6)', () => {
    const cases = checkedCases();
    const runs = 300;
    fc.assert(
      fc.property(anyPosition, (position) => {
        const derived = derive(positionInputs(position));
        const analysis = derived.current;
        if (analysis === null || analysis.liquidationPrice === null) return;
        cases.checked();
        for (const [kind, texts] of writtenPrices(derived, analysis)) {
          expect([...texts], `${kind} of ${JSON.stringify(position)}`).toHaveLength(1);
        }
        const entry = readBack(format.price(analysis.entry, derived.tick));
        const liquidation = readBack(headlineRows(analysis, readingContext(derived.venue, derived.tick), format).find((row) => row.key === 'liquidationPrice')?.value ?? '');
        expect(liquidation).toBeGreaterThan(0);
        // A long's liquidation reads below its entry and a short's above it, however small the price.
        if (analysis.side === 'long') expect(liquidation).toBeLessThan(entry);
        else expect(liquidation).toBeGreaterThan(entry);
      }),
      { numRuns: runs },
    );
    cases.expectAtLeast(0.5, runs);
  });

  it('reads the sub-cent coin of the issue right: custom venue, entry 0.00001234, 10×, 1 % maintenance', () => {
    const derived = derive(positionInputs({ venue: 'custom', entry: '0.00001234', leverage: '10', mmr: '1' }));
    const analysis = derived.current;
    if (analysis === null) throw new Error('valid position expected');
    const rows = new Map(headlineRows(analysis, readingContext(derived.venue, derived.tick), format).map((row) => [row.key, row.value]));
    const liquidation = rows.get('liquidationPrice') ?? '';
    const bankruptcy = rows.get('bankruptcyPrice') ?? '';
    // Once 0.01 (above entry) and 0.00.
    expect(liquidation).not.toBe('0.01');
    expect(readBack(liquidation)).toBeLessThan(0.00001234);
    expect(readBack(liquidation)).toBeGreaterThanOrEqual(Number(analysis.liquidationPrice));
    expect(readBack(bankruptcy)).toBeGreaterThan(0);
    expect(readBack(bankruptcy)).toBeLessThan(readBack(liquidation));
  });

  it('tells every price of an inverse short at 1e-12 apart', () => {
    const derived = derive(positionInputs({ venue: 'custom', instrument: 'inverse', side: 'short', entry: '0.000000000001', leverage: '10', mmr: '1' }));
    const analysis = derived.current;
    if (analysis === null) throw new Error('valid position expected');
    const values = headlineRows(analysis, readingContext(derived.venue, derived.tick), format)
      .filter((row) => row.key.endsWith('Price') || row.key.startsWith('thresholdPrice'))
      .map((row) => row.value);
    expect(values.length).toBeGreaterThanOrEqual(4);
    expect(new Set(values).size).toBe(values.length);
    for (const value of values) expect(readBack(value)).toBeGreaterThan(0);
  });

  it('keeps a venue’s own tick at the prices it quotes, and refines it only where the price needs it', () => {
    expect(displayTick('0.1', '50000', '47690.8')).toBe('0.1');
    expect(displayTick('0.01', '3000', '2800')).toBe('0.01');
    expect(displayTick('0.01', '0.00001234', '0.0000112')).toBe('0.000000001');
    expect(displayTick('0.1', '50000', '49999.95')).toBe('0.01');
    expect(displayTick('0.5', '50000', null)).toBe('0.5');
  });

  it('states the rule once, in the words of the prices it describes', () => {
    const long = displayRuleText({ tick: '0.1', side: 'long' }, format);
    expect(long).toContain('shown to 0.1,');
    expect(long).toMatch(/For a long they are rounded up: liquidation, bankruptcy and health prices toward the entry/);
    expect(displayRuleText({ tick: '0.000000001', side: 'short' }, format)).toMatch(/shown to 0\.000000001,.*For a short they are rounded down/);
    // What the sentence says is what priceText does: a long's levels up, a short's down, other prices to the nearest tick.
    const display = { tick: '0.1', side: 'long' } as const;
    expect(priceText('liquidation', '47690.76', display, format)).toBe('47,690.8');
    expect(priceText('breakEven', '50050.01', display, format)).toBe('50,050.1');
    expect(priceText('entry', '50000.04', display, format)).toBe('50,000.0');
    expect(priceText('threshold', '47738.61', { tick: '0.1', side: 'short' }, format)).toBe('47,738.6');
  });

  it('writes break-even 50,050.025 one way on the default page: the card, the chart label and the text agree', () => {
    const derived = derive(defaultInputs());
    const analysis = derived.current;
    if (analysis === null) throw new Error('valid default expected');
    const written = writtenPrices(derived, analysis);
    expect([...(written.get('breakEven') ?? [])]).toEqual(['50,050.1']);
    for (const texts of written.values()) expect(texts.size).toBe(1);
  });
});
