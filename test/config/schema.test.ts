import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/codec';
import { defaultInputs, inputsWith } from '../../src/config/presets';
import { fieldErrors, inputsToSpec, textProblem } from '../../src/config/spec';
import {
  applies,
  fieldContext,
  fields,
  fractionText,
  fractionToPercent,
  hiddenKeys,
  percentText,
  percentToFraction,
  positionKeys,
  readNumberText,
  schema,
  solvedKeys,
  withText,
} from '../../src/config/schema';
import type { FractionText, PercentText } from '../../src/config/schema';

/** Texts that expand into enormous decimals, or that a reader could misread. */
const hostileNumbers = ['1e-300000000', '1e-10000000', '1e-1000000', '1e400', '-1e400', '1e-400', '9'.repeat(41), `0.${'0'.repeat(30)}1`, '1e+999999999999'];

/** The fastest of three runs: a busy shared machine can stall any one call, an exploding value stalls all three. */
function timed<T>(run: () => T): { value: T; ms: number } {
  let fastest = Number.POSITIVE_INFINITY;
  let value = run();
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const start = performance.now();
    value = run();
    fastest = Math.min(fastest, performance.now() - start);
  }
  return { value, ms: fastest };
}

describe('reading numbers', () => {
  it('refuses exponents and digit counts beyond any price, size or rate, without expanding them', () => {
    for (const text of hostileNumbers) {
      const { value, ms } = timed(() => readNumberText(text));
      expect(value.ok, text).toBe(false);
      expect(ms, text).toBeLessThan(20);
    }
  });

  it('accepts every number from the smallest to the largest bound, in plain and exponent form', () => {
    fc.assert(
      fc.property(fc.integer({ min: -15, max: 14 }), fc.integer({ min: 1, max: 9 }), fc.boolean(), (exponent, digit, negative) => {
        const text = `${negative ? '-' : ''}${digit}e${exponent}`;
        const reading = readNumberText(text);
        expect(reading).toEqual({ ok: true, text });
        expect(readNumberText(Number(text).toFixed(20)).ok, 'the same number written out in full').toBe(true);
      }),
    );
    expect(readNumberText('1e-16').ok).toBe(false);
    expect(readNumberText('1e16').ok).toBe(false);
    expect(readNumberText('9.9e15').ok).toBe(true);
    expect(readNumberText('0.00000000000000').ok).toBe(true);
  });

  it('refuses a comma in every number field the same way instead of guessing (2,5 is not 25)', () => {
    const numeric = fields.filter((field) => field.kind === 'number' || field.kind === 'percent');
    expect(numeric.length).toBeGreaterThan(20);
    for (const field of numeric) {
      const problem = textProblem(field.key, '2,5');
      expect(problem, field.key).toContain('comma');
      expect(problem?.startsWith(field.label), field.key).toBe(true);
    }
    expect(textProblem('fills', '50.000,5:1')).toContain('must be a number');
    expect(textProblem('tiers', '0:0,4:0:125')).toContain('must be a number');
  });

  it('refuses values below a field’s meaningful minimum before the model sees them', () => {
    expect(textProblem('leverage', '1e-14')).toBe(schema.leverage.min.message);
    expect(inputsToSpec(inputsWith({ solveFor: 'size', leverage: '0.001' })).leverage).toBeUndefined();
    expect(fieldErrors(inputsWith({ solveFor: 'size', leverage: '0.001' })).leverage).toBe(schema.leverage.min.message);
    expect(textProblem('leverage', '0.01')).toBeNull();
  });

  it('refuses lists longer than their stated size', () => {
    expect(textProblem('thresholds', Array.from({ length: 13 }, (_, index) => String(index + 1)).join(','))).toContain('at most 12');
    expect(textProblem('fills', Array.from({ length: 21 }, () => '50000:1').join(';'))).toContain('at most 20 rows');
    expect(textProblem('entry', '1'.repeat(2001))).toContain('too long');
  });
});

describe('hostile links', () => {
  it('reject each exploding value with its reason, in milliseconds, and keep the default', () => {
    for (const text of hostileNumbers) {
      for (const key of ['feeRate', 'entry', 'collateral', 'leverage', 'exitPrice'] as const) {
        const { value: parsed, ms } = timed(() => parseConfig([['v', '1'], [key, text]]));
        expect(ms, `${key}=${text}`).toBeLessThan(200);
        expect(parsed.rejected.map((rejection) => rejection.key), `${key}=${text}`).toEqual([key]);
        expect(parsed.rejected[0]?.reason).toMatch(/out of range|significant digits|too long/);
        expect(parsed.inputs[key]).toBe(defaultInputs()[key]);
      }
    }
  });

  it('never reads a comma decimal as a different number', () => {
    for (const [key, text] of [['leverage', '2,5'], ['entry', '50.000,5'], ['thresholds', '1,5;2']] as const) {
      const parsed = parseConfig([[key, text]]);
      // A list of levels takes commas as separators: "1,5;2" is the levels 1, 5 and 2, never 15.
      if (key === 'thresholds') expect(parsed.inputs.thresholds).toBe('1, 5, 2');
      else expect(parsed.rejected.map((rejection) => rejection.key)).toEqual([key]);
    }
  });

  it('stop reading after 200 pairs', () => {
    const many: [string, string][] = Array.from({ length: 5000 }, (_, index) => [`junk${index}`, 'x']);
    const { value: parsed, ms } = timed(() => parseConfig(many));
    expect(ms).toBeLessThan(200);
    expect(parsed.unknown.length).toBe(201);
  });
});

describe('the schema decides', () => {
  it('which keys the model sees: exactly the applicable ones less the worked-out figures', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('linear', 'inverse', 'loan'),
        fc.constantFrom('isolated', 'cross'),
        fc.constantFrom('size', 'collateral', 'leverage'),
        fc.constantFrom('', '3'),
        (instrument, marginMode, solveFor, loops) => {
          const inputs = inputsWith({ instrument, marginMode, solveFor, loops, liquidationThreshold: '' });
          const context = fieldContext(inputs);
          const hidden = hiddenKeys(inputs);
          const solved = solvedKeys(inputs);
          for (const key of positionKeys) {
            const expected = !applies(key, context) || (solved.length === 2 ? key === 'leverage' : solved.some((figure) => figure === key));
            expect(hidden.has(key), `${instrument} ${marginMode} ${solveFor} loops=${loops}: ${key}`).toBe(expected);
          }
          // Cross margin works nothing out; a loan never has cross margin.
          expect(solved.length === 0).toBe(instrument !== 'loan' && marginMode === 'cross');
        },
      ),
    );
  });

  it('types choices: a value that is not an option keeps the previous one', () => {
    const inputs = defaultInputs();
    expect(withText(inputs, 'instrument', 'futures').instrument).toBe(inputs.instrument);
    expect(withText(inputs, 'instrument', 'loan').instrument).toBe('loan');
    expect(withText(inputs, 'side', 'short').side).toBe('short');
  });

  it('converts percent and fraction texts both ways, exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 6 }), (units, places) => {
        const percent = percentText((units / 10 ** places).toString());
        const fraction: FractionText = percentToFraction(percent);
        expect(Math.abs(Number(fraction) * 100 - Number(percent))).toBeLessThanOrEqual(Number(percent) * 1e-12);
        const back: PercentText = fractionToPercent(fraction);
        expect(Number(back)).toBe(Number(percent));
      }),
    );
    // @ts-expect-error A fraction is not a percentage: the conversion cannot be left out.
    const mixed: PercentText = fractionText('0.004');
    expect(mixed).toBe('0.004');
  });
});
