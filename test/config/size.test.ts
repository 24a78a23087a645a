import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/model/analyze';
import { findVenue } from '../../src/model/venues';
import { applyVenue, inputsWith } from '../../src/config/presets';
import { parseConfig, serializeInputs } from '../../src/config/codec';
import { fieldErrors, inputsToSpec } from '../../src/config/spec';

const gate = (texts: Parameters<typeof inputsWith>[0]) => inputsWith({ solveFor: 'leverage', entry: '50000', collateral: '500', ...texts }, applyVenue(inputsWith({}), 'gate-usdt-btcusdt'));

describe('size typed in quote value or contracts reaches the model in base units', () => {
  it('1,000 USDT at 50,000 is 0.02 BTC, the same position as typing 0.02', () => {
    const inQuote = inputsWith({ solveFor: 'leverage', entry: '50000', collateral: '500', size: '1000', sizeUnit: 'quote' });
    const inBase = inputsWith({ solveFor: 'leverage', entry: '50000', collateral: '500', size: '0.02', sizeUnit: 'base' });
    expect(inputsToSpec(inQuote).size).toBe('0.02');
    const quoteAnalysis = analyze(inputsToSpec(inQuote));
    const baseAnalysis = analyze(inputsToSpec(inBase));
    expect(quoteAnalysis.valid && baseAnalysis.valid ? quoteAnalysis.liquidationPrice : 'invalid').toBe(baseAnalysis.valid ? baseAnalysis.liquidationPrice : 'no');
  });

  it('Gate contracts: 200 contracts of 0.0001 BTC are 0.02 BTC', () => {
    expect(inputsToSpec(gate({ size: '200', sizeUnit: 'contracts' })).size).toBe('0.02');
  });

  it('a fraction of a contract on a whole-contract venue is an inline error on the size', () => {
    expect(fieldErrors(gate({ size: '2.5', sizeUnit: 'contracts' })).size).toBe('This venue trades whole contracts: enter a whole number of contracts.');
  });

  it('contracts on a preset without a contract size is an error on the unit', () => {
    expect(fieldErrors(inputsWith({ size: '3', sizeUnit: 'contracts', solveFor: 'leverage' })).sizeUnit).toBe('This preset has no contract size: type the size in the coin or as its quote value.');
  });

  it('a quote value without an entry price asks for the entry, next to the size', () => {
    expect(fieldErrors(inputsWith({ entry: '', size: '1000', sizeUnit: 'quote', solveFor: 'leverage' })).size).toBe('Enter the entry price: the size is converted at it.');
  });
});

describe('the new keys round-trip through links, attributes and props', () => {
  it.each([
    ['size in quote value', { venue: 'binance-usdm-ethusdt', entry: '3000', collateral: '300', size: '6000', sizeUnit: 'quote', solveFor: 'leverage' }],
    ['size in contracts', { venue: 'gate-usdt-btcusdt', entry: '50000', collateral: '500', size: '200', sizeUnit: 'contracts', solveFor: 'leverage' }],
    ['a maker fee of your own', { venue: 'bybit-usdt-btcusdt', makerFeeRate: '0.01' }],
    ['a maker rebate', { venue: 'custom', makerFeeRate: '-0.025' }],
  ])('%s', (_name, texts) => {
    const inputs = inputsWith(texts, texts.venue === 'custom' ? inputsWith({}) : applyVenue(inputsWith({}), texts.venue));
    const pairs = serializeInputs(inputs);
    const parsed = parseConfig(pairs);
    expect(parsed.rejected).toEqual([]);
    expect(parsed.inputs.size).toBe(inputs.size);
    expect(parsed.inputs.sizeUnit).toBe(inputs.sizeUnit);
    expect(parsed.inputs.makerFeeRate).toBe(inputs.makerFeeRate);
    expect(inputsToSpec(parsed.inputs)).toEqual(inputsToSpec(inputs));
  });

  it('links write rates as fractions: a 0.02 % maker fee is makerFeeRate=0.0002', () => {
    const pairs = new Map(serializeInputs(inputsWith({ venue: 'custom', makerFeeRate: '0.02' })));
    expect(pairs.get('makerFeeRate')).toBe('0.0002');
  });

  it('an element attribute names the unit in lower case like any key, and a bad unit falls back with a notice', () => {
    const parsed = parseConfig([['venue', 'gate-usdt-btcusdt'], ['sizeUnit', 'lots'], ['size', '100']]);
    expect(parsed.inputs.sizeUnit).toBe('base');
    const contracts = parseConfig([['venue', 'binance-usdm-btcusdt'], ['sizeUnit', 'contracts'], ['size', '3'], ['solveFor', 'leverage']]);
    expect(contracts.inputs.sizeUnit).toBe('base');
    expect(contracts.rejected.map((entry) => entry.key)).toContain('sizeUnit');
  });

  it('an inverse size written before sizeUnit existed still reads as USD face value', () => {
    const parsed = parseConfig([['instrument', 'inverse'], ['size', '1000'], ['collateral', '0.01'], ['entry', '50000']]);
    expect(parsed.inputs.sizeUnit).toBe('quote');
    expect(inputsToSpec(parsed.inputs).size).toBe('1000');
  });

  it('a preset without contracts sets a contract size back to the coin', () => {
    const onGate = gate({ size: '200', sizeUnit: 'contracts' });
    const onBinance = applyVenue(onGate, 'binance-usdm-btcusdt');
    expect(onBinance.sizeUnit).toBe('base');
    expect(fieldErrors(onBinance).sizeUnit).toBeUndefined();
  });
});

describe('changing to a preset of another coin', () => {
  it('brings that coin’s example price instead of keeping a BTC price for ETH', () => {
    const onEth = applyVenue(inputsWith({ entry: '64000', collateral: '800' }), 'binance-usdm-ethusdt');
    expect(onEth.entry).toBe(findVenue('binance-usdm-ethusdt')?.examplePrice);
    expect(onEth.solveFor).toBe('size');
    const backOnBtcElsewhere = applyVenue(inputsWith({ entry: '64000', collateral: '800' }), 'bybit-usdt-btcusdt');
    expect(backOnBtcElsewhere.entry).toBe('64000');
    expect(backOnBtcElsewhere.collateral).toBe('800');
  });
});
