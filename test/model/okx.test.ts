import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/model/analyze';
import { maxOpen } from '../../src/model/toolbox';
import { findVenue } from '../../src/model/venues';
import type { VenuePreset } from '../../src/model/venues';
import type { PositionSpec, TierInput } from '../../src/model/types';
import { valid, validOrNull } from './analysis';

Decimal.set({ precision: 60 });

function okx(): VenuePreset {
  const found = findVenue('okx-btcusd-swap');
  if (found === undefined) throw new Error('no OKX preset');
  return found;
}

const FACE_USD = 100;
const TAKER = new Decimal('0.0005');

/*
 * OKX's announcement "OKX to adjust position tiers of perpetual swaps and futures" (9 June 2023), BTCUSD perpetual
 * after 15 June 2023, in contracts: ≤ 2,000 at 0.40 % (125×), ≤ 5,000 at 0.50 % (100×), ≤ 20,000 at 0.75 % (66.66×),
 * then each tier 20,000 contracts more and 0.5 % more maintenance. Written here from the announcement, not from the
 * preset, so a wrong preset row fails.
 */
function okxMaintenanceRate(contracts: number): Decimal {
  if (contracts <= 2000) return new Decimal('0.004');
  if (contracts <= 5000) return new Decimal('0.005');
  if (contracts <= 20000) return new Decimal('0.0075');
  const tiersAbove = Math.ceil((contracts - 20000) / 20000);
  return new Decimal('0.0075').plus(new Decimal('0.005').mul(tiersAbove));
}

/*
 * OKX's isolated margin ratio for a coin-margined contract, (margin + PnL) ÷ (face × |contracts| ÷ mark × (tier rate +
 * taker fee)), is 100 % at the liquidation price. PnL = F·(1/E − 1/P) for a long, F·(1/P − 1/E) for a short, with
 * F = face × contracts, so the price solves in closed form:
 *   long:  P = F·(1 + m + f) ÷ (M + F/E)          short: P = F·(1 − m − f) ÷ (F/E − M)
 */
function okxLiquidationPrice(side: 'long' | 'short', contracts: number, entry: Decimal, margin: Decimal): Decimal {
  const face = new Decimal(FACE_USD).mul(contracts);
  const rate = okxMaintenanceRate(contracts).plus(TAKER);
  return side === 'long' ? face.mul(rate.plus(1)).div(margin.plus(face.div(entry))) : face.mul(new Decimal(1).minus(rate)).div(face.div(entry).minus(margin));
}

function okxSpec(side: 'long' | 'short', contracts: number, entry: string, leverage: string): PositionSpec {
  return { ...okx().spec, side, entry, size: String(contracts * FACE_USD), leverage };
}

describe('OKX BTCUSD perpetual: tiers by contracts', () => {
  it('the first three tiers are the announcement’s, in USD face value (contracts × 100)', () => {
    const rows = (okx().spec.tiers ?? []).slice(0, 3).map((tier: TierInput) => [String(tier.floor), String(tier.mmr), String(tier.maxLeverage)]);
    expect(rows).toEqual([
      ['0', '0.004', '125'],
      ['200000', '0.005', '100'],
      ['500000', '0.0075', '66.66'],
    ]);
  });

  it('every bundled tier follows OKX’s rule: 20,000 contracts and 0.5 % more, the leverage 1 ÷ initial rate cut to two decimals', () => {
    const tiers = okx().spec.tiers ?? [];
    expect(tiers.length).toBeGreaterThan(3);
    tiers.slice(3).forEach((tier, offset) => {
      const contracts = 20000 * (offset + 1);
      expect(String(tier.floor)).toBe(String(contracts * FACE_USD));
      expect(new Decimal(String(tier.mmr)).toString()).toBe(okxMaintenanceRate(contracts + 1).toString());
      const initial = new Decimal('0.015').plus(new Decimal('0.005').mul(offset + 1));
      expect(String(tier.maxLeverage)).toBe(new Decimal(1).div(initial).toDecimalPlaces(2, Decimal.ROUND_DOWN).toString());
      expect(String(tier.mmAmount)).toBe('0');
    });
  });

  it('the liquidation price is where OKX’s margin ratio reaches 100 %, for any size, side and allowed leverage', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('long' as const, 'short' as const),
        fc.integer({ min: 1, max: 500_000 }),
        fc.integer({ min: 20_000, max: 120_000 }),
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        (side, contracts, entryWhole, leverageShare) => {
          const entry = new Decimal(entryWhole);
          // Stay inside the tier's maximum leverage (1 ÷ initial rate = 1 ÷ (maintenance rate × 2)).
          const ceiling = new Decimal(1).div(okxMaintenanceRate(contracts).mul(2)).toDecimalPlaces(2, Decimal.ROUND_DOWN);
          const leverage = Decimal.max(1, ceiling.mul(leverageShare).toDecimalPlaces(2, Decimal.ROUND_DOWN));
          const analysis = validOrNull(okxSpec(side, contracts, entry.toString(), leverage.toString()));
          if (analysis === null) return;
          const margin = new Decimal(contracts * FACE_USD).div(entry).div(leverage);
          if (analysis.liquidationPrice === null) {
            // Only a 1× short, whose coin margin covers the whole face value, is never liquidated.
            expect(side === 'short' && leverage.eq(1)).toBe(true);
            return;
          }
          const expected = okxLiquidationPrice(side, contracts, entry, margin);
          expect(new Decimal(analysis.liquidationPrice).minus(expected).abs().div(expected).toNumber()).toBeLessThan(1e-25);
          expect(analysis.appliedTier?.index).toBe(analysis.entryTier?.index);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('3,000 contracts sit in tier 2 at every price; measured by coin value the same table would say tier 1 and another price', () => {
    const spec = okxSpec('long', 3000, '60000', '20');
    const bySize = valid(spec);
    expect(bySize.appliedTier?.index).toBe(1);
    const margin = new Decimal(300000).div(60000).div(20);
    expect(new Decimal(bySize.liquidationPrice ?? '0').toFixed(20)).toBe(okxLiquidationPrice('long', 3000, new Decimal(60000), margin).toFixed(20));
    const byValue = valid({ ...spec, tierMeasure: 'value' });
    expect(byValue.appliedTier?.index).toBe(0);
    expect(byValue.liquidationPrice).not.toBe(bySize.liquidationPrice);
  });

  it('refuses a leverage above the tier of the size: 3,000 contracts allow 100×, not 125×', () => {
    const analysis = analyze(okxSpec('long', 3000, '60000', '125'));
    expect(analysis.valid).toBe(false);
    if (!analysis.valid) expect(analysis.errors).toContainEqual({ field: 'leverage', message: 'At this size (size 300000) bracket 2 allows at most 100×.' });
  });

  it('the largest position at 125× is tier 1’s 2,000 contracts, whatever the balance', () => {
    const result = maxOpen({ ...okx().spec, side: 'long', entry: '60000', collateral: '1000', leverage: '125' });
    expect(result.valid).toBe(true);
    if (result.valid) {
      expect(result.maxSize).toBe(String(2000 * FACE_USD));
      expect(result.limitedBy).toBe('tier');
    }
  });
});

describe('brackets by size on a linear contract (base units)', () => {
  // Two tiers by base units: up to 10 BTC at 0.5 %, above at 1 %; fee to close in the condition at the mark.
  const tiers: TierInput[] = [
    { floor: '0', mmr: '0.005', mmAmount: '0' },
    { floor: '10', mmr: '0.01', mmAmount: '0' },
  ];
  const base: PositionSpec = { instrument: 'linear', side: 'long', entry: '50000', leverage: '10', tiers, tierMeasure: 'size', feeRate: '0.0005', closeFeeInLiquidation: true };

  it.each([
    ['5', '0.005'],
    ['12', '0.01'],
  ])('%s BTC: liquidation where M + Q·(P − E) = Q·P·(m + f), with m from the size’s tier (%s)', (size, rate) => {
    const analysis = valid({ ...base, size });
    const quantity = new Decimal(size);
    const entry = new Decimal(50000);
    const margin = quantity.mul(entry).div(10);
    const expected = quantity.mul(entry).minus(margin).div(quantity.mul(new Decimal(1).minus(new Decimal(rate)).minus('0.0005')));
    expect(new Decimal(analysis.liquidationPrice ?? '0').toFixed(18)).toBe(expected.toFixed(18));
  });

  it('refuses amounts in brackets by size and an unknown measure, next to their fields', () => {
    const withAmount = analyze({ ...base, size: '5', tiers: [tiers[0] ?? { floor: '0', mmr: '0.005' }, { floor: '10', mmr: '0.01', mmAmount: '50' }] });
    expect(withAmount.valid).toBe(false);
    if (!withAmount.valid) expect(withAmount.errors.map((error) => error.field)).toContain('tiers');
    const unknown = analyze(Object.assign({}, base, { size: '5', tierMeasure: 'contracts' }));
    expect(unknown.valid).toBe(false);
    if (!unknown.valid) expect(unknown.errors).toContainEqual({ field: 'tierMeasure', message: 'Brackets are measured by value or by size.' });
  });
});
