import { describe, expect, it } from 'vitest';
import { attributeEntries, observedAttributeNames, propsToEntries, readEmbedConfig } from '../../src/embed/config';
import { inputsToSpec } from '../../src/config/spec';

// The element and the React component read issue 13's keys through the same schema as links.
describe('fee basis, compounding and loops on the element and as props', () => {
  it('observes the lowercase attributes and reads them into the inputs the model sees', () => {
    expect(observedAttributeNames()).toEqual(expect.arrayContaining(['feebasis', 'compounding', 'loops']));
    const element = document.createElement('div');
    element.setAttribute('instrument', 'loan');
    element.setAttribute('venue', 'aave-v3-eth');
    element.setAttribute('loops', 'max');
    element.setAttribute('compounding', 'hourly');
    const config = readEmbedConfig(attributeEntries(element), 'attributes');
    expect(config.notices).toEqual([]);
    expect(inputsToSpec(config.inputs)).toMatchObject({ loops: 'max', compounding: 'hourly' });
  });

  it('takes them as React props, and names a refused value in a notice', () => {
    const config = readEmbedConfig(propsToEntries({ closeFeeInLiquidation: true, feeBasis: 'bankruptcy', instrument: 'inverse' }), 'props');
    expect(inputsToSpec(config.inputs)).toMatchObject({ feeBasis: 'bankruptcy', closeFeeInLiquidation: true });
    const refused = readEmbedConfig(propsToEntries({ feeBasis: 'last' }), 'props');
    expect(refused.inputs.feeBasis).toBe('mark');
    expect(refused.notices.join(' ')).toMatch(/feeBasis/);
  });
});

describe('brackets by size and the order types on the element and as props', () => {
  it('reads tiermeasure, makerfeerate, entryorder and exitorder attributes into the model’s spec', () => {
    expect(observedAttributeNames()).toEqual(expect.arrayContaining(['tiermeasure', 'makerfeerate', 'entryorder', 'exitorder']));
    const element = document.createElement('div');
    element.setAttribute('venue', 'okx-btcusd-swap');
    element.setAttribute('entryorder', 'maker');
    element.setAttribute('exitorder', 'maker');
    element.setAttribute('makerfeerate', '-0.0001');
    const config = readEmbedConfig(attributeEntries(element), 'attributes');
    expect(config.notices).toEqual([]);
    expect(inputsToSpec(config.inputs)).toMatchObject({ tierMeasure: 'size', instrument: 'inverse', entryOrder: 'maker', exitOrder: 'maker' });
    expect(Number(inputsToSpec(config.inputs).makerFeeRate)).toBe(-0.0001);
  });

  it('takes them as React props, and names a refused value in a notice', () => {
    expect(inputsToSpec(readEmbedConfig(propsToEntries({ tierMeasure: 'size', entryOrder: 'maker', makerFeeRate: '0.0002' }), 'props').inputs)).toMatchObject({ tierMeasure: 'size', entryOrder: 'maker' });
    const refused = readEmbedConfig(propsToEntries({ tierMeasure: 'contracts', exitOrder: 'limit' }), 'props');
    expect(refused.inputs.tierMeasure).toBe('value');
    expect(refused.inputs.exitOrder).toBe('taker');
    expect(refused.notices.join(' ')).toMatch(/tierMeasure/);
    expect(refused.notices.join(' ')).toMatch(/exitOrder/);
  });
});
