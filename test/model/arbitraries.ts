import fc from 'fast-check';
import type { PositionSpec, TierInput } from '../../src/model/types';

const decimalString = (min: number, max: number): fc.Arbitrary<string> =>
  fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map((value) => value.toPrecision(8));

// Brackets built like Binance's: amounts chosen so the requirement is continuous.
const continuousTiers: fc.Arbitrary<TierInput[]> = fc
  .array(fc.tuple(fc.double({ min: 1.5, max: 20, noNaN: true }), fc.double({ min: 0.001, max: 0.05, noNaN: true })), { minLength: 1, maxLength: 6 })
  .map((steps) => {
    const tiers: TierInput[] = [];
    let floor = 0;
    let rate = 0;
    let amount = 0;
    for (const [growth, rateStep] of steps) {
      const nextFloor = tiers.length === 0 ? 0 : floor * growth;
      const nextRate = Math.min(0.4, rate + rateStep);
      amount = nextFloor * (nextRate - rate) + amount;
      tiers.push({ floor: String(nextFloor), mmr: String(nextRate), mmAmount: String(amount) });
      floor = tiers.length === 1 ? 10_000 : nextFloor;
      rate = nextRate;
    }
    return tiers;
  });

export const perpetualSpec: fc.Arbitrary<PositionSpec> = fc.record({
  instrument: fc.constantFrom('linear' as const, 'inverse' as const),
  side: fc.constantFrom('long' as const, 'short' as const),
  entry: decimalString(0.01, 200_000),
  collateral: decimalString(1, 1_000_000),
  leverage: decimalString(1, 100),
  mmr: decimalString(0.001, 0.2),
  mmBasis: fc.constantFrom('mark' as const, 'entry' as const),
  feeRate: fc.constantFrom('0', '0.0005', '0.001'),
  closeFeeInLiquidation: fc.boolean(),
  thresholds: fc.constant(['1.25', '2']),
});

export const tieredSpec: fc.Arbitrary<PositionSpec> = fc
  .record({
    instrument: fc.constantFrom('linear' as const, 'inverse' as const),
    side: fc.constantFrom('long' as const, 'short' as const),
    entry: decimalString(1, 100_000),
    collateral: decimalString(10, 5_000_000),
    leverage: decimalString(1, 50),
    mmBasis: fc.constantFrom('mark' as const, 'entry' as const),
    tierMeasure: fc.constantFrom('value' as const, 'size' as const),
    tiers: continuousTiers,
  })
  // Brackets by size (OKX) carry no amounts: each bracket's rate applies to the whole position.
  .map((spec): PositionSpec => (spec.tierMeasure === 'size' ? { ...spec, tiers: spec.tiers.map((tier) => ({ ...tier, mmAmount: '0' })) } : spec));

export const loanSpec: fc.Arbitrary<PositionSpec> = fc
  .record({
    side: fc.constantFrom('long' as const, 'short' as const),
    entry: decimalString(0.01, 100_000),
    collateral: decimalString(1, 1_000_000),
    liquidationThreshold: decimalString(0.5, 0.95),
    leverageShare: fc.double({ min: 0.05, max: 0.95, noNaN: true }),
  })
  .map(({ leverageShare, ...rest }): PositionSpec => {
    const threshold = Number(rest.liquidationThreshold);
    // Stay strictly inside the loan's reach: long HF0 = L·LT/(L − 1) > 1, short HF0 = (1 + L)·LT/L > 1.
    const longMax = 1 / (1 - threshold);
    const shortMax = threshold / (1 - threshold);
    const leverage = rest.side === 'long' ? 1 + (longMax - 1) * leverageShare : shortMax * leverageShare;
    return { ...rest, instrument: 'loan', leverage: leverage.toPrecision(8) };
  });
