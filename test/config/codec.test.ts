import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { venuePresets } from '../../src/model/venues';
import { applyVenue, defaultInputs, inputsWith } from '../../src/config/presets';
import { externalToInput, inputToExternal, parseConfig, serializeInputs, toQueryString } from '../../src/config/codec';
import { fieldErrors, inputsToSpec } from '../../src/config/spec';
import type { Inputs } from '../../src/config/schema';
import { fields } from '../../src/config/schema';

const decimalText = (maxInteger: number, maxDecimals: number): fc.Arbitrary<string> =>
  fc
    .tuple(fc.integer({ min: 0, max: maxInteger }), fc.integer({ min: 0, max: maxDecimals }), fc.integer({ min: 0, max: 999_999 }))
    .map(([whole, places, fraction]) => {
      const digits = String(fraction).padStart(6, '0').slice(0, places).replace(/0+$/, '');
      return digits === '' ? String(whole) : `${whole}.${digits}`;
    });

const positive = (maxInteger: number, maxDecimals: number): fc.Arbitrary<string> => decimalText(maxInteger, maxDecimals).filter((text) => Number(text) > 0);

/** Valid on-screen inputs: any preset, some preset values customised, the three-way choice varied. */
const validInputs: fc.Arbitrary<Inputs> = fc
  .record({
    venue: fc.constantFrom(...venuePresets.map((venue) => venue.id)),
    side: fc.constantFrom('long', 'short'),
    entry: positive(200_000, 4),
    collateral: positive(50_000, 4),
    leverage: fc.integer({ min: 10, max: 200 }).map((tenths) => String(tenths / 10)),
    solveFor: fc.constantFrom('size', 'collateral', 'leverage'),
    feeRate: fc.option(decimalText(0, 4), { nil: undefined }),
    mmr: fc.option(positive(1, 4), { nil: undefined }),
    thresholds: fc.constantFrom('1.25, 2', '1.1, 1.5, 3', '2'),
  })
  .map((draw) => {
    const base = applyVenue(defaultInputs(), draw.venue);
    const loan = base.instrument === 'loan';
    const inputs: Inputs = inputsWith({
      side: loan ? 'long' : draw.side,
      entry: draw.entry,
      collateral: draw.collateral,
      leverage: loan ? String(Math.min(Number(draw.leverage), 2.5)) : draw.leverage,
      thresholds: draw.thresholds,
      solveFor: draw.solveFor,
      ...(draw.feeRate === undefined ? {} : { feeRate: draw.feeRate }),
      ...(draw.mmr === undefined || loan ? {} : { mmr: draw.mmr }),
    }, base);
    // A typed size when size is not the worked-out figure; the worked-out field keeps its old text, as on screen.
    const size = draw.solveFor === 'size' ? '' : String((Number(inputs.collateral) * Number(inputs.leverage)) / Number(inputs.entry)).slice(0, 12);
    return { ...inputs, size };
  })
  .filter((inputs) => Object.keys(fieldErrors(inputs)).length === 0);

describe('URL round trip', () => {
  it('random valid inputs survive serialize → parse exactly', () => {
    fc.assert(
      fc.property(validInputs, (inputs) => {
        const parsed = parseConfig(serializeInputs(inputs));
        expect(parsed.rejected).toEqual([]);
        expect(parsed.unknown).toEqual([]);
        expect(parsed.versionNote).toBeNull();
        expect(parsed.inputs).toEqual(inputs);
      }),
      { numRuns: 200 },
    );
  });

  it('survives the query string too, and writes v=1 first', () => {
    fc.assert(
      fc.property(validInputs, (inputs) => {
        const query = toQueryString(inputs);
        expect(query.startsWith('v=1&')).toBe(true);
        expect(parseConfig(new URLSearchParams(query).entries()).inputs).toEqual(inputs);
      }),
      { numRuns: 100 },
    );
  });

  it('gives the same model spec after the trip', () => {
    fc.assert(
      fc.property(validInputs, (inputs) => {
        expect(inputsToSpec(parseConfig(serializeInputs(inputs)).inputs)).toEqual(inputsToSpec(inputs));
      }),
      { numRuns: 100 },
    );
  });

  it('a cleared preset value survives the trip', () => {
    const inputs = inputsWith({ mmr: '0.5', tiers: '' });
    expect(parseConfig(serializeInputs(inputs)).inputs).toEqual(inputs);
  });

  it('leaves out values the venue preset restores', () => {
    const keys = serializeInputs(defaultInputs()).map(([key]) => key);
    expect(keys).not.toContain('mmr');
    expect(keys).not.toContain('tiers');
    const customised = serializeInputs(inputsWith({ mmr: '0.6' }));
    expect(customised).toContainEqual(['mmr', '0.006']);
  });
});

describe('percent on screen, fractions in links and in the model', () => {
  it('0.4 % is 0.004 exactly, both ways', () => {
    expect(inputToExternal('mmr', '0.4')).toBe('0.004');
    expect(externalToInput('mmr', '0.004')).toBe('0.4');
    expect(inputsToSpec(inputsWith({ mmr: '0.4', tiers: '' })).mmr).toBe('0.004');
    expect(inputsToSpec(defaultInputs()).feeRate).toBe('0.0005');
  });

  it('every percent field converts exactly for random decimals (no floating-point drift)', () => {
    const percentKeys = fields.filter((field) => field.kind === 'percent').map((field) => field.key);
    fc.assert(
      fc.property(fc.constantFrom(...percentKeys), positive(150, 6), (key, percent) => {
        const external = inputToExternal(key, percent);
        // Exact decimal arithmetic as the independent check: fraction × 100 is the typed percent, digit for digit.
        expect(new Decimal(external).mul(100).eq(new Decimal(percent))).toBe(true);
        expect(externalToInput(key, external)).toBe(percent);
      }),
    );
  });

  it('bracket rates are percent on screen and fractions in links', () => {
    const external = inputToExternal('tiers', '0:0.4:0:125; 50000:0.5:50:100');
    expect(external).toBe('0:0.004:0:125;50000:0.005:50:100');
    expect(externalToInput('tiers', external)).toBe('0:0.4:0:125; 50000:0.5:50:100');
  });
});

describe('malformed and tampered links', () => {
  it('reject bad values, name them, and load defaults for those keys only', () => {
    const parsed = parseConfig([
      ['v', '1'],
      ['entry', 'abc'],
      ['leverage', '9999'],
      ['side', 'sideways'],
      ['venue', 'nowhere'],
      ['collateral', '750'],
    ]);
    expect(new Set(parsed.rejected.map(({ key }) => key))).toEqual(new Set(['entry', 'leverage', 'side', 'venue']));
    const defaults = defaultInputs();
    expect(parsed.inputs.entry).toBe(defaults.entry);
    expect(parsed.inputs.leverage).toBe(defaults.leverage);
    expect(parsed.inputs.side).toBe(defaults.side);
    expect(parsed.inputs.venue).toBe(defaults.venue);
    expect(parsed.inputs.collateral).toBe('750');
  });

  it('list unknown keys without touching any object prototype', () => {
    const parsed = parseConfig([
      ['foo', '1'],
      ['__proto__', 'polluted'],
      ['constructor', 'x'],
    ]);
    expect(parsed.unknown).toEqual(['foo', '__proto__', 'constructor']);
    expect(Object.keys(parsed.inputs).sort()).toEqual(Object.keys(defaultInputs()).sort());
    expect(Object.getPrototypeOf(parsed.inputs)).toBe(Object.prototype);
    const probe: Record<string, unknown> = {};
    expect(probe['polluted']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('reject <script> and other markup in every input key', () => {
    const payloads = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', 'javascript:alert(1)'];
    for (const field of fields) {
      for (const payload of payloads) {
        const parsed = parseConfig([[field.key, payload]]);
        expect(parsed.rejected.map(({ key }) => key)).toContain(field.key);
        for (const value of Object.values(parsed.inputs)) expect(value).not.toMatch(/<|>|javascript:/);
      }
    }
  });

  it('reject over-long values', () => {
    expect(parseConfig([['entry', '1'.repeat(5000)]]).rejected.map(({ key }) => key)).toContain('entry');
  });

  it('note a different schema version', () => {
    expect(parseConfig([['v', '2']]).versionNote).toMatch(/version 2/);
    expect(parseConfig([['v', '1']]).versionNote).toBeNull();
  });

  it('work out the missing figure when two of size, collateral and leverage are given', () => {
    const parsed = parseConfig([
      ['size', '0.5'],
      ['leverage', '10'],
    ]);
    expect(parsed.inputs.solveFor).toBe('collateral');
  });
});

describe('inputsToSpec', () => {
  it('hides the worked-out figure and the other instrument’s fields', () => {
    const spec = inputsToSpec(defaultInputs());
    expect(spec.size).toBeUndefined();
    expect(spec.leverage).toBe('20');
    expect(spec.liquidationThreshold).toBeUndefined();
    const loan = inputsToSpec(applyVenue(defaultInputs(), 'aave-v3-eth'));
    expect(loan.mmr).toBeUndefined();
    expect(loan.liquidationThreshold).toBe('0.83');
    expect(loan.ltv).toBe('0.8');
  });

  it('passes all three figures in cross margin', () => {
    const spec = inputsToSpec(inputsWith({ marginMode: 'cross', size: '0.2' }));
    expect([spec.size, spec.collateral, spec.leverage]).toEqual(['0.2', '500', '20']);
  });
});
