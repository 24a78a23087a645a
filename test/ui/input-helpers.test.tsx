// @vitest-environment node
// Pure functions, no rendering: no DOM needed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/model/analyze';
import { findVenue, venuePresets } from '../../src/model/venues';
import { applyVenue, defaultInputs, inputsWith } from '../../src/config/presets';
import { fieldErrors, inputsToSpec } from '../../src/config/spec';
import type { Inputs } from '../../src/config/schema';
import { fieldDefinition } from '../../src/config/schema';
import { leverageCeiling, plainNumber, switchMarginMode, switchSolveFor, unitFor, venueForInstrument } from '../../src/ui/inputHelpers';
import { screenInputs } from './arbitraries';
import { solvedKeys } from '../../src/config/schema';

function analysisOf(inputs: Inputs): ReturnType<typeof analyze> {
  return analyze(inputsToSpec(inputs));
}

describe('switching the worked-out figure', () => {
  it('keeps the position the same (the old figure becomes typed)', () => {
    fc.assert(
      fc.property(screenInputs, fc.constantFrom('collateral', 'leverage') , (inputs, next) => {
        const before = analysisOf(inputs);
        fc.pre(before.valid);
        if (!before.valid) return;
        const after = analysisOf({ ...inputs, ...switchSolveFor(inputs, before, next) });
        expect(after.valid).toBe(true);
        if (!after.valid) return;
        // plainNumber keeps 10 significant digits, so the figures agree to that relative precision.
        for (const key of ['size', 'collateral', 'leverage'] as const) {
          expect(Math.abs(Number(after[key]) - Number(before[key]))).toBeLessThanOrEqual(Math.abs(Number(before[key])) * 1e-9);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('does not tip a figure at the venue maximum over it by rounding', () => {
    // Size 4 × 20 / 192345 has no short decimal form; rounded to the nearest ten digits, 20× becomes 20.000000001×.
    const inputs = { ...applyVenue(defaultInputs(), 'dydx-v4-btc'), entry: '192345', collateral: '4', leverage: '20' };
    const before = analysisOf(inputs);
    if (!before.valid) throw new Error('valid at the maximum');
    const after = analysisOf({ ...inputs, ...switchSolveFor(inputs, before, 'leverage') });
    expect(after.valid).toBe(true);
  });

  it('only changes solveFor when nothing valid is on show', () => {
    expect(switchSolveFor(defaultInputs(), null, 'leverage')).toEqual({ solveFor: 'leverage' });
  });

  it('fills the worked-out figure when switching to cross margin, where all three are typed', () => {
    const inputs = defaultInputs();
    const before = analysisOf(inputs);
    if (!before.valid) throw new Error('defaults are valid');
    const patch = switchMarginMode(inputs, before, 'cross');
    expect(patch).toEqual({ marginMode: 'cross', size: plainNumber(before.size) });
    expect(solvedKeys({ ...inputs, ...patch })).toEqual([]);
  });
});

describe('derived keys', () => {
  it('is the chosen figure, plus leverage when a loan has loops', () => {
    expect(solvedKeys(defaultInputs())).toEqual(['size']);
    const loan = applyVenue(defaultInputs(), 'aave-v3-eth');
    expect(solvedKeys({ ...loan, loops: '3' })).toEqual(['size', 'leverage']);
    expect(solvedKeys({ ...loan, loops: '3', solveFor: 'leverage' })).toEqual(['leverage']);
  });
});

describe('plainNumber', () => {
  it('never writes exponents, NaN or more than 10 significant digits', () => {
    expect(plainNumber('166.666666666666666666667')).toBe('166.6666667');
    expect(plainNumber('0.00000012345')).toBe('0.00000012345');
    expect(plainNumber('abc')).toBe('');
    expect(plainNumber(null)).toBe('');
    fc.assert(
      fc.property(fc.double({ min: 1e-9, max: 1e12, noNaN: true }), (value) => {
        const text = plainNumber(String(value));
        expect(text).not.toMatch(/e|NaN|Infinity/i);
        // Ten significant digits: the relative error is at most half a unit in the tenth digit.
        expect(Math.abs(Number(text) - value)).toBeLessThanOrEqual(Math.abs(value) * 5e-10);
      }),
    );
  });
});

describe('venue for a newly chosen instrument', () => {
  it('keeps a preset that fits, picks one that does, and leaves custom alone', () => {
    expect(venueForInstrument('binance-usdm-btcusdt', 'linear')).toBeNull();
    const inverse = venueForInstrument('binance-usdm-btcusdt', 'inverse');
    expect(findVenue(inverse ?? '')?.spec.instrument).toBe('inverse');
    const loan = venueForInstrument('bybit-usdt-btcusdt', 'loan');
    expect(findVenue(loan ?? '')?.spec.instrument).toBe('loan');
    expect(venueForInstrument('custom', 'loan')).toBeNull();
  });
});

describe('units', () => {
  it('follow the venue, with inverse margin in the coin and inverse size in USD', () => {
    for (const venue of venuePresets) {
      const instrument = venue.spec.instrument ?? 'linear';
      expect(unitFor(fieldDefinition('entry'), instrument, venue)).toBe(venue.quote);
      expect(unitFor(fieldDefinition('collateral'), instrument, venue)).toBe(instrument === 'inverse' ? venue.base : venue.quote);
      expect(unitFor(fieldDefinition('size'), instrument, venue)).toBe(instrument === 'inverse' ? venue.quote : venue.base);
    }
    expect(unitFor(fieldDefinition('mmr'), 'linear', undefined)).toBe('%');
    expect(unitFor(fieldDefinition('leverage'), 'linear', undefined)).toBe('×');
  });
});

describe('leverage ceiling', () => {
  it('is the venue maximum, the loan maximum, or 125×', () => {
    expect(leverageCeiling(defaultInputs(), null)).toBe(125);
    expect(leverageCeiling(inputsWith({ maxLeverage: '40' }), null)).toBe(40);
    expect(leverageCeiling(inputsWith({ maxLeverage: 'abc' }), null)).toBe(125);
    const loan = applyVenue(defaultInputs(), 'aave-v3-eth');
    const analysis = analysisOf(loan);
    if (!analysis.valid) throw new Error('loan preset is valid');
    expect(leverageCeiling(loan, analysis)).toBe(Number(analysis.loanMaxLeverage));
  });

  // Binance's brackets: the slider's top must be a leverage the model accepts at the size it makes, and the cap tight.
  const withBrackets = (collateral: number, leverage: number): Inputs => inputsWith({ solveFor: 'size', collateral: String(collateral), leverage: String(leverage) });
  const leverageError = (inputs: Inputs): string | undefined => fieldErrors(inputs).leverage;

  it('when the size follows the leverage, is the highest leverage any bracket allows for the collateral', () => {
    fc.assert(
      fc.property(fc.integer({ min: 5, max: 2_000_000 }), (collateral) => {
        const inputs = withBrackets(collateral, 1);
        const analysis = analysisOf(inputs);
        if (!analysis.valid) return;
        const ceiling = leverageCeiling(inputs, analysis);
        expect(leverageError(withBrackets(collateral, ceiling)), `collateral ${String(collateral)}, ceiling ${String(ceiling)}`).toBeUndefined();
        expect(leverageError(withBrackets(collateral, ceiling * 1.02))).toBeDefined();
      }),
      { numRuns: 300 },
    );
  });

  it('when the size is typed, is the maximum of the bracket that size falls in', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 500, noNaN: true }), (size) => {
        const inputs = inputsWith({ solveFor: 'collateral', size: String(size), leverage: '1' });
        const analysis = analysisOf(inputs);
        if (!analysis.valid) return;
        const ceiling = leverageCeiling(inputs, analysis);
        expect(leverageError({ ...inputs, leverage: String(ceiling) })).toBeUndefined();
        expect(leverageError({ ...inputs, leverage: String(ceiling * 1.02) })).toBeDefined();
      }),
      { numRuns: 300 },
    );
  });
});
