import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/model/analyze';
import type { PositionSpec, ValidAnalysis } from '../../src/model/types';
import { defaultFormatter, formatPrice } from '../../src/config/format';
import { lastPriceBandPlan } from '../../src/chart/lastPriceBand';

function mustAnalyze(spec: PositionSpec): ValidAnalysis {
  const analysis = analyze(spec);
  if (!analysis.valid) throw new Error('expected a valid spec');
  return analysis;
}

const long: PositionSpec = { side: 'long', entry: '50000', collateral: '500', leverage: '20', mmr: '0.004' };

describe('the last-price band on the equity chart', () => {
  it('runs from the mark liquidation price to its last-price equivalent and labels the latter, rounded toward entry', () => {
    const analysis = mustAnalyze({ ...long, markSpread: '0.004' });
    const band = lastPriceBandPlan(analysis, '0.1', defaultFormatter);
    const mark = Number(analysis.liquidationPrice);
    expect(band?.low).toBe(mark);
    expect(band?.high).toBeCloseTo(mark * 1.004, 6);
    expect(band?.lastPrice).toBe(band?.high);
    expect(band?.label).toBe(`Liq. in last price ${formatPrice(analysis.lastPriceLiquidation?.lastPrice ?? null, '0.1', { direction: 'up' })}`);
    expect(band?.shortLabel).toBe(band?.label.replace('Liq. in last price', 'Last'));
    expect(band?.description).toMatch(/spread of \+0\.4 %/);
  });

  it('puts the last price below the mark for a negative spread, and draws nothing without a spread', () => {
    const below = lastPriceBandPlan(mustAnalyze({ ...long, side: 'short', markSpread: '-0.01' }), '0.1', defaultFormatter);
    expect(below?.lastPrice).toBe(below?.low);
    expect(below?.markPrice).toBe(below?.high);
    expect(lastPriceBandPlan(mustAnalyze(long), '0.1', defaultFormatter)).toBeNull();
  });
});
