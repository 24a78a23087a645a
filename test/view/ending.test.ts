import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/model/analyze';
import type { PositionSpec, ValidAnalysis } from '../../src/model/types';
import { findVenue } from '../../src/model/venues';
import { positionEnd } from '../../src/view/ending';

function endOn(venueId: string, position: PositionSpec): { analysis: ValidAnalysis; left: string | undefined } {
  const spec: PositionSpec = { ...findVenue(venueId)?.spec, ...position };
  const analysis = analyze(spec);
  if (!analysis.valid) throw new Error('expected a valid spec');
  return { analysis, left: positionEnd(spec, analysis)?.leftExact };
}

describe('the curve ends at what the venue leaves', () => {
  it('is the analysis’s own liquidation figure on every venue: nothing at Binance, the equity less the fee at dYdX, a loan’s remainder at Maker', () => {
    const perpetual: PositionSpec = { side: 'long', entry: '50000', collateral: '500', leverage: '10' };
    const binance = endOn('binance-usdm-btcusdt', perpetual);
    expect(binance.left).toBe('0');
    const dydx = endOn('dydx-v4-btc', perpetual);
    expect(dydx.left).toBe(dydx.analysis.liquidationCost?.left);
    expect(Number(dydx.left)).toBeGreaterThan(0);
    // dYdX keeps at most 1.5 % of the notional out of the equity left at liquidation (3 % of it there).
    expect(Number(dydx.left)).toBeLessThan(Number(dydx.analysis.liquidationCost?.equityBefore));
    const maker = endOn('maker-eth-a', { side: 'long', entry: '3000', collateral: '1000', leverage: '2' });
    expect(maker.left).toBe(maker.analysis.liquidationCost?.left);
    expect(Number(maker.left)).toBeGreaterThan(0);
    const liquity = endOn('liquity', { side: 'long', entry: '3000', collateral: '1000', leverage: '5' });
    expect(liquity.left).toBe('0');
  });
});
