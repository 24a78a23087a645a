import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/model/analyze';
import { parseConfig, serializeInputs } from '../../src/config/codec';
import { applyVenue, defaultInputs, inputsWith } from '../../src/config/presets';
import { fieldErrors, inputsToSpec } from '../../src/config/spec';
import { withText } from '../../src/config/schema';

/** The maker fee and the two orders through the page's inputs, links and attributes (issue 13, point 6). */

const makerInputs = inputsWith({ venue: 'custom', makerFeeRate: '-0.025', entryOrder: 'maker', exitOrder: 'maker' });

describe('maker fee and orders in links', () => {
  it('round-trip: a maker rebate and both orders survive serialize → parse, with no notice', () => {
    const pairs = serializeInputs(makerInputs);
    const written = new Map(pairs);
    // Rates travel as fractions, choices as their values.
    expect(written.get('makerFeeRate')).toBe('-0.00025');
    expect(written.get('entryOrder')).toBe('maker');
    expect(written.get('exitOrder')).toBe('maker');
    const parsed = parseConfig(pairs);
    expect(parsed.rejected).toEqual([]);
    expect([parsed.inputs.makerFeeRate, parsed.inputs.entryOrder, parsed.inputs.exitOrder]).toEqual([makerInputs.makerFeeRate, 'maker', 'maker']);
    expect(inputsToSpec(parsed.inputs)).toEqual(inputsToSpec(makerInputs));
  });

  it('the orders reach the model; a preset’s maker fee (Binance 0.02 %) is the one a maker order pays', () => {
    const binance = applyVenue(defaultInputs(), 'binance-usdm-btcusdt');
    const spec = inputsToSpec(withText(binance, 'entryOrder', 'maker'));
    expect(spec.entryOrder).toBe('maker');
    expect(spec.makerFeeRate).toBe('0.0002');
    const maker = analyze(spec);
    const taker = analyze(inputsToSpec(binance));
    if (!maker.valid || !taker.valid) throw new Error('defaults refused');
    expect(Number(maker.openFee)).toBeLessThan(Number(taker.openFee));
    expect(maker.liquidationPrice).toBe(taker.liquidationPrice);
  });

  it('an order that is neither taker nor maker falls back to taker with a notice naming the key', () => {
    const parsed = parseConfig([['entryOrder', 'limit'], ['exitOrder', 'maker'], ['makerFeeRate', '0.0002']]);
    expect(parsed.inputs.entryOrder).toBe('taker');
    expect(parsed.inputs.exitOrder).toBe('maker');
    expect(parsed.rejected.map((entry) => entry.key)).toEqual(['entryOrder']);
  });

  it('a maker fee the model refuses in a link is reset to the preset’s, with the reason', () => {
    const parsed = parseConfig([['venue', 'binance-usdm-btcusdt'], ['makerFeeRate', '0.2']]);
    expect(parsed.inputs.makerFeeRate).toBe(applyVenue(defaultInputs(), 'binance-usdm-btcusdt').makerFeeRate);
    expect(parsed.rejected).toEqual([{ key: 'makerFeeRate', reason: 'Maker fee must be at most 10 %.' }]);
  });
});

describe('inline errors for the maker fee', () => {
  const custom = inputsWith({ venue: 'custom' });
  it.each([
    ['text', 'abc', /^Maker fee must be a number\.$/],
    ['−5 %', '-5', /^Maker fee must be at least −1 % \(a rebate\)\.$/],
    ['11 %', '11', /^Maker fee must be at most 10 %\.$/],
  ])('%s is refused next to the field, and the other fields keep their values', (_name, text, message) => {
    const inputs = withText(custom, 'makerFeeRate', text);
    const errors = fieldErrors(inputs);
    expect(errors.makerFeeRate).toMatch(message);
    expect(Object.keys(errors)).toEqual(['makerFeeRate']);
    expect(inputs.feeRate).toBe(custom.feeRate);
  });

  it('a maker order without a maker fee asks for it on the maker fee field', () => {
    const noMakerFee = withText(withText(custom, 'makerFeeRate', ''), 'exitOrder', 'maker');
    expect(fieldErrors(noMakerFee).makerFeeRate).toBe('Give the maker fee for a maker order.');
    expect(fieldErrors(withText(noMakerFee, 'makerFeeRate', '0.02'))).toEqual({});
  });

  it('loans have no maker fee or orders: the keys are not sent to the model', () => {
    const loan = withText(withText(makerInputs, 'instrument', 'loan'), 'liquidationThreshold', '80');
    const spec = inputsToSpec(loan);
    expect([spec.makerFeeRate, spec.entryOrder, spec.exitOrder]).toEqual([undefined, undefined, undefined]);
  });
});
