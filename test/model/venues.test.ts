import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maxOpen } from '../../src/model/toolbox';
import { findVenue, venuePresets } from '../../src/model/venues';
import type { VenuePreset } from '../../src/model/venues';
import type { TierInput } from '../../src/model/types';

function venue(id: string): VenuePreset {
  const found = findVenue(id);
  if (found === undefined) throw new Error(`no preset ${id}`);
  return found;
}

function tiersOf(preset: VenuePreset): readonly TierInput[] {
  return preset.spec.tiers ?? [];
}

/** The largest position a huge balance may open at a leverage: the bracket lookup a venue's table publishes. */
function largestNotional(id: string, leverage: string): string {
  const result = maxOpen({ ...venue(id).spec, side: 'long', entry: venue(id).examplePrice, collateral: '1000000000', leverage });
  if (!result.valid) throw new Error(result.errors.map((error) => error.message).join(' '));
  return result.maxNotional;
}

describe('venue presets are dated and sourced', () => {
  it.each(venuePresets.filter((preset) => preset.id !== 'custom').map((preset) => [preset.id, preset] as const))('%s names its source, its address and the date of its data', (_id, preset) => {
    expect(preset.source.length).toBeGreaterThan(10);
    expect(preset.sourceUrl).toMatch(/^https:\/\/[a-z0-9.-]+\.[a-z]+\//);
    expect(preset.asOf).toMatch(/^20\d\d-(\d\d(-\d\d)?|Q[1-4])$/);
  });

  it('Gate and the Binance ETHUSDT and SOLUSDT brackets sit beside BTCUSDT', () => {
    const ids = venuePresets.map((preset) => preset.id);
    expect(ids).toEqual(expect.arrayContaining(['binance-usdm-btcusdt', 'binance-usdm-ethusdt', 'binance-usdm-solusdt', 'gate-usdt-btcusdt', 'okx-btcusd-swap']));
  });
});

describe('bracket tables', () => {
  // Tables by value charge each rate on the slice of the position inside its bracket (the amount says so); OKX's
  // tables by size charge one tier's rate on the whole position, with no amount (okx.test.ts checks those).
  const bracketed = venuePresets.filter((preset) => tiersOf(preset).length > 1 && preset.spec.tierMeasure !== 'size');

  // formulas.md §1 (Binance) and Gate's "Risk Limit Explanation": the amount makes notional × rate − amount equal to
  // each bracket's rate charged on the part of the position inside it, so A_n = floor_n·(m_n − m_{n−1}) + A_{n−1}.
  it.each(bracketed.map((preset) => [preset.id, preset] as const))('%s: every maintenance amount follows from the floors and rates', (_id, preset) => {
    const tiers = tiersOf(preset);
    tiers.forEach((tier, index) => {
      const previous = tiers[index - 1];
      const expected = previous === undefined ? new Decimal(0) : new Decimal(String(tier.floor)).mul(new Decimal(String(tier.mmr)).minus(String(previous.mmr))).plus(String(previous.mmAmount ?? '0'));
      expect(new Decimal(String(tier.mmAmount ?? '0')).toString()).toBe(expected.toString());
    });
  });

  it.each(bracketed.map((preset) => [preset.id, preset] as const))('%s: the requirement is the gradient sum over the brackets at any notional', (_id, preset) => {
    const tiers = tiersOf(preset);
    const lastFloor = Number(tiers[tiers.length - 1]?.floor ?? 0);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: Math.max(2, lastFloor * 2) }), (notional) => {
        const index = tiers.findLastIndex((tier) => Number(tier.floor) <= notional);
        const tier = tiers[index];
        if (tier === undefined) return;
        const byAmount = new Decimal(notional).mul(String(tier.mmr)).minus(String(tier.mmAmount ?? '0'));
        let gradient = new Decimal(0);
        tiers.forEach((slice, position) => {
          const upper = Math.min(notional, Number(tiers[position + 1]?.floor ?? Infinity));
          if (upper > Number(slice.floor)) gradient = gradient.plus(new Decimal(upper).minus(String(slice.floor)).mul(String(slice.mmr)));
        });
        expect(byAmount.toString()).toBe(gradient.toString());
      }),
      { numRuns: 100 },
    );
  });

  // Gate help "Risk Limit Explanation" (gate.io/help/futures/futures-logic/22162, 2025-09-30): "selecting 90x, 30x,
  // or 2x leverage allows a maximum position value of 100,000 USDT, 1,000,000 USDT, or 3,000,000 USDT".
  it.each([
    ['90', '100000'],
    ['30', '1000000'],
    ['2', '3000000'],
  ])('Gate BTC_USDT at %s× allows at most %s USDT, as Gate’s help page says', (leverage, notional) => {
    expect(largestNotional('gate-usdt-btcusdt', leverage)).toBe(notional);
  });

  // Gate's example of the gradient method: a 1,200,000 USDT position owes 0.4 % on the first 20,000, 0.45 % on the
  // next 30,000, … and 2 % on the part above 1,000,000.
  it('Gate BTC_USDT: a 1.2M USDT position needs 13,165 USDT of maintenance margin', () => {
    const tier = tiersOf(venue('gate-usdt-btcusdt')).findLast((entry) => Number(entry.floor) <= 1_200_000);
    expect(new Decimal(1_200_000).mul(String(tier?.mmr)).minus(String(tier?.mmAmount)).toString()).toBe('13165');
  });

  // Binance's leverage-bracket endpoint (freqtrade snapshot, 2024 Q3): the first bracket's cap at the highest leverage.
  it.each([
    ['binance-usdm-btcusdt', '125', '50000'],
    ['binance-usdm-ethusdt', '125', '50000'],
    ['binance-usdm-ethusdt', '100', '600000'],
    ['binance-usdm-solusdt', '100', '20000'],
    ['binance-usdm-solusdt', '50', '800000'],
  ])('%s at %s× allows at most %s USDT', (id, leverage, notional) => {
    expect(largestNotional(id, leverage)).toBe(notional);
  });
});

describe('fees and contracts', () => {
  it('a maker fee is never above the taker fee it sits beside', () => {
    for (const preset of venuePresets) {
      if (preset.makerFeeRate === undefined || preset.spec.feeRate === undefined) continue;
      expect(Number(preset.makerFeeRate)).toBeLessThanOrEqual(Number(preset.spec.feeRate));
    }
  });

  it('contract sizes belong to the instrument they describe', () => {
    for (const preset of venuePresets) {
      if (preset.contractSize !== undefined) expect(preset.spec.instrument).toBe('linear');
      if (preset.contractValue !== undefined) expect(preset.spec.instrument).toBe('inverse');
    }
  });
});
