import { describe, expect, it } from 'vitest';
import { parseConfig, serializeInputs } from '../../src/config/codec';
import { attributeName, schemaKeys } from '../../src/config/schema';
import { fieldErrors, inputsToSpec } from '../../src/config/spec';
import { applyVenue, inputsWith } from '../../src/config/presets';

// The three conventions of issue 13 as the outside world sets them: links, attributes and props share these keys.
const loan = { instrument: 'loan', venue: 'custom', entry: '3000', collateral: '1000', ltv: '80', liquidationThreshold: '83', leverage: '' } as const;

describe('fee basis, compounding and loops through links, attributes and props', () => {
  it('round-trips every value of the new choices and loops=max through a link', () => {
    for (const feeBasis of ['mark', 'entry', 'bankruptcy']) {
      const inputs = inputsWith({ feeBasis, closeFeeInLiquidation: 'true' });
      const parsed = parseConfig(serializeInputs(inputs));
      expect(parsed.rejected).toEqual([]);
      expect(parsed.inputs.feeBasis).toBe(feeBasis);
      expect(inputsToSpec(parsed.inputs).feeBasis).toBe(feeBasis);
    }
    for (const compounding of ['simple', 'per-second', 'hourly', 'continuous']) {
      const inputs = inputsWith({ ...loan, compounding });
      const parsed = parseConfig(serializeInputs(inputs));
      expect(parsed.inputs.compounding).toBe(compounding);
      expect(inputsToSpec(parsed.inputs).compounding).toBe(compounding);
    }
    const looped = inputsWith({ ...loan, loops: 'max' });
    expect(serializeInputs(looped)).toContainEqual(['loops', 'max']);
    expect(parseConfig(serializeInputs(looped)).inputs.loops).toBe('max');
    expect(inputsToSpec(looped).loops).toBe('max');
  });

  it('derives the element’s attribute names from the schema', () => {
    const observed = schemaKeys().map(attributeName);
    expect(observed).toEqual(expect.arrayContaining(['feebasis', 'compounding', 'loops']));
  });

  it('refuses unknown values with a notice naming the key and keeps the default', () => {
    const parsed = parseConfig([
      ['feeBasis', 'last'],
      ['compounding', 'daily'],
      ['loops', 'forever'],
    ]);
    expect(parsed.rejected.map(({ key }) => key).sort()).toEqual(['compounding', 'feeBasis', 'loops']);
    expect(parsed.inputs.feeBasis).toBe('mark');
    expect(parsed.inputs.compounding).toBe('simple');
  });

  it('puts a clear message next to a loops field it cannot use, and none on "max" or a huge count', () => {
    expect(fieldErrors(inputsWith({ ...loan, loops: '2.5' })).loops).toBe('Loops must be a whole number.');
    expect(fieldErrors(inputsWith({ ...loan, loops: 'lots' })).loops).toMatch(/Loops must be a number/);
    expect(fieldErrors(inputsWith({ ...loan, loops: 'max' })).loops).toBeUndefined();
    expect(fieldErrors(inputsWith({ ...loan, loops: '1000000' })).loops).toBeUndefined();
  });

  it('takes each venue’s sourced conventions with its preset', () => {
    expect(applyVenue(inputsWith({}), 'bybit-usdt-btcusdt').feeBasis).toBe('bankruptcy');
    expect(applyVenue(inputsWith({}), 'aave-v3-eth').compounding).toBe('per-second');
    expect(applyVenue(inputsWith({}), 'binance-usdm-btcusdt').feeBasis).toBe('mark');
  });
});

describe('brackets by size (OKX contracts) through links, presets and field errors', () => {
  it('round-trips tierMeasure through a link and into the spec', () => {
    for (const tierMeasure of ['value', 'size']) {
      const inputs = inputsWith({ tierMeasure, tiers: '0:0.4:0:125; 200000:0.5:0:100' });
      const parsed = parseConfig(serializeInputs(inputs));
      expect(parsed.rejected).toEqual([]);
      expect(parsed.inputs.tierMeasure).toBe(tierMeasure);
      expect(inputsToSpec(parsed.inputs).tierMeasure).toBe(tierMeasure);
    }
    expect(schemaKeys().map(attributeName)).toContain('tiermeasure');
  });

  it('refuses an unknown measure with a notice and keeps "value"', () => {
    const parsed = parseConfig([['tierMeasure', 'contracts']]);
    expect(parsed.rejected.map(({ key }) => key)).toEqual(['tierMeasure']);
    expect(parsed.inputs.tierMeasure).toBe('value');
  });

  it('the OKX preset brings its tiers by size; Binance’s stay by value', () => {
    const okx = applyVenue(inputsWith({}), 'okx-btcusd-swap');
    expect(okx.tierMeasure).toBe('size');
    expect(okx.instrument).toBe('inverse');
    expect(applyVenue(okx, 'binance-usdm-btcusdt').tierMeasure).toBe('value');
  });

  it('puts the reason next to the brackets when a bracket by size carries an amount', () => {
    const errors = fieldErrors(inputsWith({ tierMeasure: 'size', tiers: '0:0.5:0; 10:1:50', entry: '50000', collateral: '1000', leverage: '10' }));
    expect(errors.tiers).toBe('Brackets by size charge the bracket’s rate on the whole position: leave every amount at 0.');
  });
});
