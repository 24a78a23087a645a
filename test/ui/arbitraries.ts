import fc from 'fast-check';
import { applyVenue, defaultInputs } from '../../src/config/presets';
import type { Inputs } from '../../src/config/schema';
import { venuePresets } from '../../src/model/venues';

/** Plausible on-screen inputs: any preset, either side, a range of prices, collateral and leverage. */
export const screenInputs: fc.Arbitrary<Inputs> = fc
  .record({
    venue: fc.constantFrom(...venuePresets.filter((venue) => venue.id !== 'custom').map((venue) => venue.id)),
    side: fc.constantFrom('long', 'short'),
    entry: fc.integer({ min: 1, max: 200_000 }),
    collateral: fc.integer({ min: 1, max: 100_000 }),
    leverage: fc.integer({ min: 10, max: 1000 }),
  })
  .map(({ venue, side, entry, collateral, leverage }) => {
    const base = applyVenue(defaultInputs(), venue);
    const loan = base.instrument === 'loan';
    const inverse = base.instrument === 'inverse';
    // Leverage in tenths, kept under the loan's LTV maximum or the venue maximum.
    const ceiling = loan ? 3 : 20;
    return {
      ...base,
      side: loan ? 'long' : side,
      entry: String(entry),
      // Tiers by size (OKX) lower the maximum leverage as the position grows: up to 1 BTC keeps 20× allowed.
      collateral: inverse ? String(collateral / (base.tierMeasure === 'size' ? 100_000 : 1000)) : String(collateral),
      leverage: String(Math.min(leverage / 10, ceiling)),
    };
  });
