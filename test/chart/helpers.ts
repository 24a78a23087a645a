import fc from 'fast-check';
import Decimal from 'decimal.js';
import { analyze } from '../../src/model/analyze';
import type { PositionSpec, ValidAnalysis } from '../../src/model/types';
import { derive } from '../../src/view/derive';
import { defaultInputs } from '../../src/config/presets';
import { loanSpec, perpetualSpec, tieredSpec } from '../model/arbitraries';
import { propertyRuns } from '../property-runs';

export const anySpec: fc.Arbitrary<PositionSpec> = fc.oneof(perpetualSpec, tieredSpec, loanSpec);

/** The chart's properties draw from the model's position arbitraries, so they need as many runs (test/property-runs.ts). */
export const chartRuns = propertyRuns;

export function validAnalysis(spec: PositionSpec): ValidAnalysis | null {
  const analysis = analyze(spec);
  return analysis.valid ? analysis : null;
}

/** The page's first view: Binance BTCUSDT long, 20×, entry 50,000, 500 USDT. */
export function defaultPosition(): { spec: PositionSpec; analysis: ValidAnalysis } {
  const derived = derive(defaultInputs());
  if (derived.current === null) throw new Error('The default inputs must be valid.');
  return { spec: derived.spec, analysis: derived.current };
}

/** |a − b| relative to the larger of |a|, |b| and a floor (values that cross zero). */
export function relativeGap(a: Decimal.Value, b: Decimal.Value, floor: Decimal.Value): number {
  const x = new Decimal(a);
  const y = new Decimal(b);
  const scale = Decimal.max(x.abs(), y.abs(), new Decimal(floor).abs(), new Decimal('1e-300'));
  return x.minus(y).abs().div(scale).toNumber();
}
