import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/model/analyze';
import { findVenue } from '../../src/model/venues';
import { roundToTick } from '../../src/model/companions';
import type { ValidAnalysis } from '../../src/model/types';
import { applyVenue, defaultInputs, inputsWith } from '../../src/config/presets';
import { inputsToSpec } from '../../src/config/spec';
import type { Inputs } from '../../src/config/schema';
import { createFormatter, defaultFormatter, formatPercent, formatPrice } from '../../src/config/format';
import { headlineRows, readingContext } from '../../src/view/readings';
import { towardEntry } from '../../src/view/display';
import { screenInputs } from '../ui/arbitraries';

function valid(inputs: Inputs): ValidAnalysis | null {
  const analysis = analyze(inputsToSpec(inputs));
  return analysis.valid ? analysis : null;
}

function rowsFor(inputs: Inputs): ReturnType<typeof headlineRows> {
  const analysis = valid(inputs);
  if (analysis === null) throw new Error('expected valid inputs');
  return headlineRows(analysis, readingContext(findVenue(inputs.venue)), defaultFormatter);
}

describe('headline readings', () => {
  it('never show NaN or Infinity and always read as a sentence', () => {
    fc.assert(
      fc.property(screenInputs, (inputs) => {
        const analysis = valid(inputs);
        fc.pre(analysis !== null);
        if (analysis === null) return;
        for (const row of headlineRows(analysis, readingContext(findVenue(inputs.venue)), defaultFormatter)) {
          expect(`${row.value} ${row.unit} ${row.reading}`).not.toMatch(/NaN|Infinity|undefined|null/);
          expect(row.reading).toMatch(/\.$/);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('state the liquidation price rounded toward entry and the distance the model gives', () => {
    fc.assert(
      fc.property(screenInputs, (inputs) => {
        const analysis = valid(inputs);
        fc.pre(analysis !== null && analysis.liquidationPrice !== null && analysis.liquidationDistance !== null);
        if (analysis === null || analysis.liquidationPrice === null || analysis.liquidationDistance === null) return;
        const context = readingContext(findVenue(inputs.venue));
        const rows = headlineRows(analysis, context, defaultFormatter);
        const liquidation = rows.find((row) => row.key === 'liquidationPrice');
        expect(liquidation?.value).toBe(formatPrice(analysis.liquidationPrice, context.tick, { direction: towardEntry(analysis.side) }));
        const verb = Number(analysis.liquidationDistance) < 0 ? 'fall' : 'rise';
        const size = formatPercent(Math.abs(Number(analysis.liquidationDistance)), { digits: 1 });
        expect(liquidation?.reading).toBe(`${context.asset} can ${verb} ${size} before this position is liquidated.`);
      }),
      { numRuns: 150 },
    );
  });

  it('read the default BTC long as a fall, and a short as a rise', () => {
    const long = rowsFor(defaultInputs());
    expect(long.find((row) => row.key === 'liquidationPrice')?.reading).toMatch(/^BTC can fall [\d.]+ % before this position is liquidated\.$/);
    const short = rowsFor(inputsWith({ side: 'short' }));
    expect(short.find((row) => row.key === 'liquidationPrice')?.reading).toMatch(/^BTC can rise /);
  });

  it('say how a 1 % move changes equity, with the amplification the model gives', () => {
    const analysis = valid(defaultInputs());
    const amplification = rowsFor(defaultInputs()).find((row) => row.key === 'amplification');
    expect(amplification?.reading).toBe(`A 1 % move changes your equity by ${Number(analysis?.amplification)} %.`);
  });

  it('explain why there is no liquidation price', () => {
    const inputs = inputsWith({ leverage: '1' });
    const analysis = valid(inputs);
    expect(analysis?.liquidationPrice).toBeNull();
    const liquidation = rowsFor(inputs).find((row) => row.key === 'liquidationPrice');
    expect(liquidation?.value).toBe('None');
    expect(liquidation?.reading).toBe(analysis?.liquidationNote);
  });

  it('add the USD view for inverse contracts and the debt for loans', () => {
    const inverse = rowsFor(applyVenue(defaultInputs(), 'binance-coinm-btcusd'));
    expect(inverse.find((row) => row.key === 'amplification')?.reading).toMatch(/In USD terms/);
    const loan = rowsFor(applyVenue(defaultInputs(), 'aave-v3-eth'));
    expect(loan.map((row) => row.key)).toContain('debt');
    expect(loan.find((row) => row.key === 'liquidationPrice')?.reading).toMatch(/^ETH can fall/);
  });

  it('follow the formatter they are given: prices, money and percentages in its locale and currency', () => {
    const analysis = valid(defaultInputs());
    if (analysis === null || analysis.liquidationPrice === null) throw new Error('expected a liquidation price');
    const context = readingContext(findVenue(defaultInputs().venue));
    const german = createFormatter({ locale: 'de-DE', currency: 'EUR' });
    const rows = headlineRows(analysis, context, german);
    const liquidation = rows.find((row) => row.key === 'liquidationPrice');
    const digits = (context.tick.split('.')[1] ?? '').length;
    const rounded = roundToTick(analysis.liquidationPrice, context.tick, towardEntry(analysis.side));
    expect(liquidation?.value).toBe(new Intl.NumberFormat('de-DE', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(Number(rounded)));
    const notional = rows.find((row) => row.key === 'notional');
    expect(notional?.value).toBe(new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR', minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(Number(analysis.notionalQuote)));
    const distance = rows.find((row) => row.key === 'liquidationDistance');
    expect(distance?.value).toBe(german.percent(analysis.liquidationDistance, { signed: true }));
    expect(distance?.value).toContain(',');
  });

  it('keep a loan’s two words apart: “own funds” is what the trader put in, “collateral” the whole deposit', () => {
    const inputs = applyVenue(defaultInputs(), 'aave-v3-eth');
    const analysis = valid(inputs);
    if (analysis === null) throw new Error('valid loan expected');
    const rows = new Map(rowsFor(inputs).map((row) => [row.key, row]));
    const ownFunds = rows.get('initialMargin');
    expect(ownFunds?.label).toBe('Own funds');
    // The own-funds figure is the collateral typed in; the deposit is that many times larger.
    expect(Number(analysis.initialMargin)).toBeCloseTo(Number(analysis.effectiveCollateral), 6);
    expect(Number(analysis.notionalQuote)).toBeGreaterThan(Number(analysis.initialMargin));
    expect(rows.get('maxLoss')?.reading).toMatch(/your own funds/);
    expect(rows.get('maxLoss')?.reading).not.toMatch(/collateral/);
    expect(rows.get('maintenanceMargin')?.reading).toMatch(/^Collateral value/);
    expect(rows.get('bankruptcyPrice')?.reading).toMatch(/collateral is worth exactly the debt and your own funds are gone/);
    // A perpetual keeps “collateral” for its margin.
    expect(rowsFor(defaultInputs()).find((row) => row.key === 'maxLoss')?.reading).toMatch(/^All the collateral/);
  });

  it('give one row per health level to mark', () => {
    const inputs = inputsWith({ thresholds: '1.1, 1.5, 3' });
    const keys = rowsFor(inputs).map((row) => row.key);
    expect(keys.filter((key) => key.startsWith('thresholdPrice-'))).toEqual(['thresholdPrice-1.1', 'thresholdPrice-1.5', 'thresholdPrice-3']);
  });
});

describe('what liquidation costs, and which price triggers it', () => {
  const rowOf = (inputs: Inputs, key: string): ReturnType<typeof headlineRows>[number] | undefined => rowsFor(inputs).find((row) => row.key === key);

  it('list the loss at liquidation with its parts and the venue’s dated source', () => {
    const inputs = defaultInputs();
    const analysis = valid(inputs);
    const row = rowOf(inputs, 'lossAtLiquidation');
    expect(row?.value).toBe(defaultFormatter.money(analysis?.liquidationCost?.total ?? null, 'USDT'));
    expect(row?.reading).toMatch(/to the move to the liquidation price, .* clearance fee \(1\.25 % of the position value there\)/);
    expect(row?.reading).toMatch(/The venue leaves you nothing\. Source: Binance .*\(as of 2024-10\)\.$/);
  });

  it('show a loan’s health after a partial liquidation (Aave: half the debt)', () => {
    const inputs = applyVenue(defaultInputs(), 'aave-v3-eth');
    const analysis = valid(inputs);
    const row = rowOf(inputs, 'afterLiquidation');
    expect(row?.value).toBe(defaultFormatter.number(analysis?.liquidationCost?.after?.health ?? null, { digits: 3 }));
    expect(Number(analysis?.liquidationCost?.after?.health)).toBeGreaterThan(1);
    expect(row?.reading).toMatch(/^A liquidation repays 50 % of the debt/);
    expect(rowOf(applyVenue(defaultInputs(), 'liquity'), 'afterLiquidation')).toBeUndefined();
  });

  it('say the venue liquidates on the mark price, and give the liquidation price in last-price terms for a spread', () => {
    expect(rowOf(defaultInputs(), 'lastPriceLiquidation')?.reading).toMatch(/^Binance USD-M BTCUSDT liquidates on the mark price, not the last traded price/);
    const inputs = inputsWith({ markSpread: '0.3' });
    const analysis = valid(inputs);
    const row = rowOf(inputs, 'lastPriceLiquidation');
    expect(row?.value).toBe(formatPrice(analysis?.lastPriceLiquidation?.lastPrice ?? null, '0.1', { direction: 'up' }));
    expect(row?.reading).toMatch(/With the last price 0\.3 % above it, .*the position is liquidated before the last price gets to the liquidation price\.$/);
    expect(rowOf(applyVenue(defaultInputs(), 'maker-eth-a'), 'lastPriceLiquidation')).toBeUndefined();
  });
});
