import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/model/analyze';
import { Dec } from '../../src/model/decimal';
import type { Derivation } from '../../src/model/derivation';
import type { PositionSpec, ValidAnalysis } from '../../src/model/types';
import { Working, difference, product, quotient, sum } from '../../src/model/working';
import { createFormatter } from '../../src/config/format';
import { priceText } from '../../src/view/display';
import { readerDifference, workedFigureOf, workingLayout, workingView } from '../../src/view/working';

const format = createFormatter({ locale: 'en-US' });
const spec: PositionSpec = { side: 'long', entry: 50000, collateral: 500, size: 0.2, mmr: 0.004, feeRate: 0.0005 };

function valid(input: PositionSpec): ValidAnalysis {
  const analysis = analyze(input);
  if (!analysis.valid) throw new Error('expected a valid spec');
  return analysis;
}

describe('the working as the reader sees it', () => {
  it('writes each formula with the fewest brackets, in symbols and with the reader’s numbers', () => {
    const trace = new Working();
    const a = trace.given('a', 'first', 'number', new Dec(2));
    const b = trace.given('b', 'second', 'number', new Dec(-3));
    const c = trace.step('c', 'product of a sum', 'number', product(sum(a, b), a), a.plus(b).mul(a));
    trace.step('d', 'a quotient of a difference by a product', 'number', quotient(difference(c, difference(a, b)), product(a, b)), c.minus(a.minus(b)).div(a.mul(b)));
    const derivation: Derivation = { figure: 'amplification', rule: 'rule', symbols: 'symbols', steps: trace.steps, notes: [], value: trace.steps.at(-1)?.value ?? null };
    const view = workingLayout(derivation, valid(spec), { tick: '0.1', venue: undefined }, format, '1.17×');
    expect(view.steps.map((line) => line.formula)).toEqual(['(a + b) × a', '(c − (a − b)) ÷ (a × b)']);
    expect(view.steps.map((line) => line.substituted)).toEqual(['(2 + (-3)) × 2', '((-2) − (2 − (-3))) ÷ (2 × (-3))']);
    // The last step is written exactly as the figure's card writes it.
    expect(view.steps.at(-1)?.value).toBe('1.17×');
    expect(view.given.map((line) => line.symbol)).toEqual(['a', 'b']);
    expect(view.source).toBeNull();
  });

  it('ends the liquidation working at the card’s price and leaves out inputs no step uses', () => {
    const analysis = valid(spec);
    const display = { tick: '0.1', side: analysis.side };
    const shown = priceText('liquidation', analysis.liquidationPrice, display, format);
    const view = workingView(spec, analysis, 'liquidationPrice', { tick: '0.1', venue: undefined }, format, shown);
    if (view === null) throw new Error('expected a working');
    expect(view.steps.at(-1)?.value).toBe(shown);
    // The fee is not in this condition, and no step uses it.
    expect(view.given.map((line) => line.symbol)).not.toContain('f');
    expect(view.text.split('\n')[0]).toBe('Liquidation price: how it is worked out');
    expect(view.text).toContain(`Convention: ${analysis.convention}`);
  });

  it('has a working for the figures with a formula and none for the others', () => {
    expect(workedFigureOf('thresholdPrice-1.25')).toBe('threshold:1.25');
    expect(workedFigureOf('touchProbability')).toBe('touchProbability');
    expect(workedFigureOf('notional')).toBeNull();
    expect(workingView(spec, valid(spec), 'maxLoss', { tick: '0.1', venue: undefined }, format, '')).toBeNull();
  });

  it('splits a reader’s figure into signed amounts with their shares and a summary', () => {
    const withFee = valid({ ...spec, closeFeeInLiquidation: true });
    const view = readerDifference(spec, valid(spec), withFee.liquidationPrice ?? '', { tick: '0.1', venue: undefined }, format);
    if (!view.ok) throw new Error(view.message);
    expect(view.lines.map((line) => [line.key, line.share])).toEqual([['closeFeeInLiquidation', '100 %']]);
    expect(view.lines[0]?.amount.startsWith('+')).toBe(true);
    expect(view.unexplained).toBe('+0.0');
    expect(view.summary).toMatch(/^The fee to close counted in the liquidation condition: \+[\d,.]+ \(100 %\)\. Unexplained: \+0\.0\.$/);
  });
});
