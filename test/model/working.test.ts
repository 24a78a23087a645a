import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/model/analyze';
import { Dec } from '../../src/model/decimal';
import { deriveFigure } from '../../src/model/derivation';
import type { WorkedFigure } from '../../src/model/derivation';
import type { PositionSpec, ValidAnalysis } from '../../src/model/types';
import { Working, product, sum, termValue } from '../../src/model/working';
import type { Term } from '../../src/model/working';
import { normalCdf } from '../../src/model/risk';
import { checkedCases } from '../property-runs';
import { loanSpec, perpetualSpec, tieredSpec } from './arbitraries';

/**
 * N(x) in decimals: the model's own (double) N where a double holds it, and in the far lower tail the asymptotic
 * series φ(x)/|x|·(1 − 1/x² + 3/x⁴ − 15/x⁶ + 105/x⁸), whose next term is below 1e-12 of the value for |x| ≥ 30.
 */
function decimalNormalCdf(x: Dec): Dec {
  if (x.gt(-30)) return new Dec(normalCdf(x.toNumber()));
  const inverseSquare = new Dec(1).div(x.pow(2));
  const series = new Dec(1).minus(inverseSquare).plus(inverseSquare.pow(2).mul(3)).minus(inverseSquare.pow(3).mul(15)).plus(inverseSquare.pow(4).mul(105));
  const density = x.pow(2).div(-2).exp().div(new Dec(2).mul(Dec.acos(-1)).sqrt());
  return density.div(x.abs()).mul(series);
}

/**
 * Relative agreement: the model keeps 50 digits, so a restated step agrees to 30 of them; `analyze` writes its
 * figures with 30 significant digits, so the working agrees with them to 28.
 */
function agrees(a: Dec, b: Dec, digits = 30): boolean {
  return a.minus(b).abs().lte(Dec.max(a.abs(), b.abs()).mul(`1e-${digits}`));
}

function symbolsOf(term: Term, into: string[] = []): string[] {
  if ('symbol' in term) into.push(term.symbol);
  else if ('operation' in term) for (const inner of term.terms) symbolsOf(inner, into);
  return into;
}

/** The figure as `analyze` reports it, for each working. */
function modelFigure(analysis: ValidAnalysis, figure: WorkedFigure): string | null {
  switch (figure) {
    case 'liquidationPrice':
      return analysis.liquidationPrice;
    case 'liquidationDistance':
      return analysis.liquidationDistance;
    case 'bankruptcyPrice':
      return analysis.bankruptcyPrice;
    case 'breakEvenPrice':
      return analysis.breakEvenPrice;
    case 'healthAtEntry':
      return analysis.healthAtEntry;
    case 'amplification':
      return analysis.amplification;
    // Without a liquidation price the odds rows say so and have no working.
    case 'touchProbability':
      return analysis.liquidationPrice === null ? null : (analysis.risk?.liquidation?.touchProbability.toString() ?? null);
    case 'endBeyondProbability':
      return analysis.liquidationPrice === null ? null : (analysis.risk?.liquidation?.endBeyondProbability.toString() ?? null);
    case 'carryFunding':
      return analysis.instrument === 'loan' ? null : (analysis.carry?.funding ?? null);
    case 'carryFees':
      return analysis.carry?.fees ?? null;
    case 'carryTotal':
      return analysis.carry?.total ?? null;
    case 'carryLiquidationHours':
      return analysis.instrument === 'loan' ? null : analysis.carryLiquidationHours;
    default:
      return analysis.thresholdPrices.find((threshold) => `threshold:${threshold.level}` === figure)?.price ?? null;
  }
}

const figures: WorkedFigure[] = ['liquidationPrice', 'liquidationDistance', 'bankruptcyPrice', 'breakEvenPrice', 'healthAtEntry', 'amplification', 'carryFunding', 'carryFees', 'carryTotal', 'carryLiquidationHours'];
/** Probabilities are doubles (decimal.js has no erf): restated with decimal logs and roots they agree to 9 digits. */
const odds: WorkedFigure[] = ['touchProbability', 'endBeyondProbability'];
const PROBABILITY_DIGITS = 9;

/** Every shown step recomputed from its stated terms and operation, and the last one against the model's figure. */
function checkWorking(spec: PositionSpec, analysis: ValidAnalysis, figure: WorkedFigure, digits = 30): void {
  const derivation = deriveFigure(spec, figure);
  const expected = modelFigure(analysis, figure);
  if (expected === null) {
    expect(derivation?.value ?? null, figure).toBeNull();
    return;
  }
  if (derivation === null || derivation.value === null) throw new Error(`no working for ${figure}`);
  const named = new Set<string>();
  for (const step of derivation.steps) {
    if (step.formula !== null) {
      for (const symbol of symbolsOf(step.formula)) expect(named.has(symbol), `${step.symbol} uses ${symbol} before it is given`).toBe(true);
      const recomputed = termValue(step.formula, decimalNormalCdf);
      expect(recomputed !== null && (agrees(recomputed, step.value, digits) || recomputed.minus(step.value).abs().lt('1e-15')), `${figure}: ${step.symbol} = ${recomputed?.toString() ?? 'null'} restated, ${step.value.toString()} computed`).toBe(true);
    }
    named.add(step.symbol);
  }
  const last = derivation.steps.at(-1);
  if (derivation.notes.some((note) => note.startsWith('Shown: the larger'))) return;
  expect(last !== undefined && agrees(last.value, derivation.value, digits), `${figure}: the last step is the figure`).toBe(true);
  expect(agrees(derivation.value, new Dec(expected), Math.min(28, digits)), `${figure}: ${derivation.value.toString()} worked, ${expected} analysed`).toBe(true);
}

/** Isolated perpetuals and brackets, the same position in cross margin (wallet = its collateral), and loans. */
const overTime = fc.record({ volatility: fc.constantFrom('0.3', '0.8'), horizonDays: fc.constantFrom('7', '90'), holdHours: fc.constantFrom('20', '168'), fundingRate: fc.constantFrom('0.0001', '-0.0003', '0.003'), borrowApr: fc.constantFrom('0.05'), supplyApr: fc.constantFrom('0.02') });
const specs: fc.Arbitrary<PositionSpec> = fc
  .tuple(
    fc.oneof(
      perpetualSpec,
      tieredSpec,
      loanSpec,
      perpetualSpec.map((spec) => {
        const analysis = analyze(spec);
        return analysis.valid ? { ...spec, marginMode: 'cross' as const, leverage: analysis.leverage, size: analysis.size, otherMaintenance: '0' } : spec;
      }),
    ),
    overTime,
  )
  .map(([spec, time]) => ({ ...time, ...spec }));

const WORKING_RUNS = 100;

describe('show the working', () => {
  it('each step recomputes from its stated terms, and the last is the model’s figure (long/short, linear/inverse, isolated/cross, brackets, loans)', () => {
    const cases = checkedCases();
    fc.assert(
      fc.property(specs, (spec) => {
        const analysis = analyze(spec);
        if (!analysis.valid) return;
        cases.checked();
        for (const figure of figures) checkWorking(spec, analysis, figure);
        for (const figure of odds) checkWorking(spec, analysis, figure, PROBABILITY_DIGITS);
        for (const threshold of analysis.thresholdPrices) checkWorking(spec, analysis, `threshold:${threshold.level}`);
      }),
      // Each run derives every figure with the model's recorder (a few ms a run): 100 runs keep this file near
      // a second of CI time and meet each of the 144 discrete combinations with about half a chance per run of
      // the suite (fast-check draws a new seed each run).
      { numRuns: WORKING_RUNS },
    );
    cases.expectAtLeast(0.5, WORKING_RUNS);
  });

  it('names a quantity by the step that computed it and writes an unnamed one as a number', () => {
    const trace = new Working();
    const price = trace.given('P', 'price', 'price', new Dec(100));
    const fee = new Dec('0.001');
    trace.step('F', 'fee', 'money', product(price, fee), price.mul(fee));
    trace.step('T', 'total', 'money', sum(price, new Dec(2)), price.plus(2));
    expect(trace.steps.map((step) => step.formula)).toEqual([null, { operation: 'product', terms: [{ symbol: 'P', value: price }, { literal: fee }] }, { operation: 'sum', terms: [{ symbol: 'P', value: price }, { literal: new Dec(2) }] }]);
    // A symbol given again with the same value is the same quantity, recorded once.
    expect(trace.given('P', 'price', 'price', new Dec(100))).toBe(price);
    expect(trace.steps.filter((step) => step.symbol === 'P')).toHaveLength(1);
  });

  it('records nothing unless asked: an invalid spec has no working', () => {
    expect(deriveFigure({ entry: 'abc' }, 'liquidationPrice')).toBeNull();
  });
});
