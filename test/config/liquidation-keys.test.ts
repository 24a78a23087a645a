import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/model/analyze';
import { applyVenue, defaultInputs, inputsWith } from '../../src/config/presets';
import { parseConfig, serializeInputs } from '../../src/config/codec';
import { attributeName, schemaKeys } from '../../src/config/schema';
import { fieldErrors, inputsToSpec } from '../../src/config/spec';

const keys = ['liquidationFee', 'insuranceFundTakesRest', 'markSpread', 'liquidationBonus', 'closeFactor'];

describe('the liquidation keys in links, attributes and props', () => {
  it('are read as fractions from a link, reach the model and are written back the same way', () => {
    const parsed = parseConfig([['markSpread', '0.004'], ['liquidationFee', '0.015'], ['insuranceFundTakesRest', 'false']]);
    expect(parsed.rejected).toEqual([]);
    expect(parsed.inputs.markSpread).toBe('0.4');
    const spec = inputsToSpec(parsed.inputs);
    expect(spec).toMatchObject({ markSpread: '0.004', liquidationFee: '0.015', insuranceFundTakesRest: false });
    const written = new Map(serializeInputs(parsed.inputs));
    expect(written.get('markSpread')).toBe('0.004');
    expect(written.get('insuranceFundTakesRest')).toBe('false');
    const analysis = analyze(spec);
    expect(analysis.valid && analysis.lastPriceLiquidation?.spread).toBe('0.004');
  });

  it('are observed as element attributes (lowercased) and read for loans from their venue', () => {
    const observed = schemaKeys().map(attributeName);
    for (const key of keys) expect(observed).toContain(key.toLowerCase());
    const aave = applyVenue(defaultInputs(), 'aave-v3-eth');
    expect(inputsToSpec(aave)).toMatchObject({ liquidationBonus: '0.05', closeFactor: '0.5' });
  });

  it('refuse values out of range with the reason, in a link and inline on the page', () => {
    const parsed = parseConfig([['markSpread', '0.9']]);
    expect(parsed.rejected.map(({ key }) => key)).toEqual(['markSpread']);
    expect(fieldErrors(inputsWith({ markSpread: '90' })).markSpread).toBe('Mark–last spread must be between −50 % and 50 %.');
    expect(fieldErrors(inputsWith({ liquidationFee: '2,5' })).liquidationFee).toMatch(/comma/);
    expect(fieldErrors(applyVenue(defaultInputs(), 'aave-v3-eth')).closeFactor).toBeUndefined();
    expect(fieldErrors({ ...applyVenue(defaultInputs(), 'aave-v3-eth'), closeFactor: inputsWith({ closeFactor: '0' }).closeFactor }).closeFactor).toBe('Close factor must be more than 0 % and at most 100 %.');
  });
});
