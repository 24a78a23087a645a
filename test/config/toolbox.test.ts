import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultInputs, inputsWith } from '../../src/config/presets';
import { externalToInput, inputToExternal, parseConfig, serializeInputs, toQueryString } from '../../src/config/codec';
import { fillsFromText, fillsToText, portfolioFromText, portfolioToText } from '../../src/config/lists';
import { inputsToSpec } from '../../src/config/spec';
import type { FillRow, PortfolioRow } from '../../src/config/lists';
import type { Inputs } from '../../src/config/schema';
import { fields, toolKeys } from '../../src/config/schema';
import type { ToolKey } from '../../src/config/schema';

/** Canonical decimals as a person types them: no exponent, no trailing zeros. */
const decimalText = (maxInteger: number, maxDecimals: number): fc.Arbitrary<string> =>
  fc.tuple(fc.integer({ min: 0, max: maxInteger }), fc.integer({ min: 0, max: maxDecimals }), fc.integer({ min: 0, max: 999_999 })).map(([whole, places, fraction]) => {
    const digits = String(fraction).padStart(6, '0').slice(0, places).replace(/0+$/, '');
    return digits === '' ? String(whole) : `${whole}.${digits}`;
  });
const positive = (maxInteger: number, maxDecimals: number): fc.Arbitrary<string> => decimalText(maxInteger, maxDecimals).filter((text) => Number(text) > 0);
const maybe = (arbitrary: fc.Arbitrary<string>): fc.Arbitrary<string> => fc.oneof(arbitrary, fc.constant(''));

const fillRows: fc.Arbitrary<FillRow[]> = fc.array(fc.record({ price: maybe(positive(200_000, 4)), size: maybe(positive(1000, 6)) }), { maxLength: 8 });
const portfolioRows: fc.Arbitrary<PortfolioRow[]> = fc.array(
  fc.record({
    name: fc.stringMatching(/^[A-Za-z0-9._-]{0,8}$/),
    side: fc.constantFrom('long' as const, 'short' as const),
    entry: maybe(positive(200_000, 4)),
    size: maybe(positive(1000, 6)),
    mark: maybe(positive(200_000, 4)),
    // Percent on screen, below 100 %.
    mmr: maybe(decimalText(99, 4)),
  }),
  { maxLength: 6 },
);

const toolInputs: fc.Arbitrary<Inputs> = fc
  .record({
    exitPrice: maybe(positive(200_000, 4)),
    targetRoe: maybe(fc.tuple(fc.boolean(), positive(500, 3)).map(([negative, value]) => (negative ? `-${value}` : value))),
    fills: fillRows.map(fillsToText),
    riskBalance: maybe(positive(1_000_000, 2)),
    riskPercent: maybe(positive(100, 3)),
    riskAmount: maybe(positive(10_000, 2)),
    stopPrice: maybe(positive(200_000, 4)),
    takeProfitPrice: maybe(positive(200_000, 4)),
    portfolio: portfolioRows.map((rows) => portfolioToText(rows)),
    portfolioWallet: maybe(positive(1_000_000, 2)),
  })
  .map((tools) => (inputsWith({ ...tools })));

describe('toolbox keys in links', () => {
  it('every toolbox key is in the schema, after the position keys', () => {
    for (const key of toolKeys) expect(fields.some((field) => field.key === key)).toBe(true);
    expect(Object.keys(defaultInputs())).toEqual(expect.arrayContaining([...toolKeys]));
  });

  it('random toolbox values survive serialize → parse exactly, also through the query string', () => {
    fc.assert(
      fc.property(toolInputs, (inputs) => {
        const parsed = parseConfig(serializeInputs(inputs));
        expect(parsed.rejected).toEqual([]);
        expect(parsed.unknown).toEqual([]);
        expect(parsed.inputs).toEqual(inputs);
        expect(parseConfig(new URLSearchParams(toQueryString(inputs)).entries()).inputs).toEqual(inputs);
      }),
      { numRuns: 200 },
    );
  });

  it('never reach the model’s spec: inputsToSpec is the same with or without them', () => {
    fc.assert(
      fc.property(toolInputs, (inputs) => {
        expect(inputsToSpec(inputs)).toEqual(inputsToSpec(defaultInputs()));
      }),
      { numRuns: 50 },
    );
  });

  it('fills encode and decode row by row', () => {
    fc.assert(
      fc.property(fillRows, (rows) => {
        expect(fillsFromText(fillsToText(rows))).toEqual(rows);
      }),
    );
  });

  it('portfolio rates are percent on screen and fractions in links, digit for digit', () => {
    fc.assert(
      fc.property(portfolioRows, (rows) => {
        const external = inputToExternal('portfolio', portfolioToText(rows));
        const linked = portfolioFromText(external, false);
        expect(linked).toEqual(rows);
        const fractions = external === '' ? [] : external.split(';').map((row) => row.split(':')[5] ?? '');
        fractions.forEach((fraction, index) => {
          const percent = rows[index]?.mmr ?? '';
          if (percent === '') expect(fraction).toBe('');
          else expect(new Decimal(fraction).mul(100).eq(new Decimal(percent))).toBe(true);
        });
      }),
    );
    expect(inputToExternal('portfolio', 'BTC:long:50000:0.2:49000:0.4; ETH:short:3000:3::0.5')).toBe('BTC:long:50000:0.2:49000:0.004;ETH:short:3000:3::0.005');
  });

  it('reject tampered toolbox values, naming the key, and keep the default for it', () => {
    const bad: [ToolKey, string][] = [
      ['exitPrice', '-5'],
      ['stopPrice', '1e400'],
      ['riskPercent', '-0.01'],
      ['targetRoe', 'lots'],
      ['fills', '50000:0.1:9'],
      ['portfolio', 'BTC:sideways:50000:1:50000:0.004'],
      ['portfolioWallet', 'Infinity'],
    ];
    const parsed = parseConfig([...bad, ['riskAmount', '25']]);
    expect(new Set(parsed.rejected.map(({ key }) => key))).toEqual(new Set(bad.map(([key]) => key)));
    for (const [key] of bad) expect(parsed.inputs[key]).toBe(defaultInputs()[key]);
    expect(parsed.inputs.riskAmount).toBe('25');
  });

  it('reject markup in names and too many rows', () => {
    expect(externalToInput('portfolio', '<b>:long:1:1:1:0.01')).toBeNull();
    expect(externalToInput('portfolio', Array.from({ length: 11 }, () => 'A:long:1:1:1:0.01').join(';'))).toBeNull();
    expect(externalToInput('fills', Array.from({ length: 21 }, () => '1:1').join(';'))).toBeNull();
    expect(externalToInput('portfolio', 'A:long:1:1:1:1')).toBeNull();
    expect(externalToInput('fills', '')).toBe('');
  });
});
