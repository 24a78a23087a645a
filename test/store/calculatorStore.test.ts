import { describe, expect, it } from 'vitest';
import { defaultInputs } from '../../src/config/presets';
import { createCalculatorStore, createWidget, MAX_SCENARIOS } from '../../src/store/calculatorStore';

describe('the store', () => {
  it('keeps at most four scenarios and resets to defaults', () => {
    const store = createCalculatorStore();
    for (let index = 0; index < MAX_SCENARIOS + 2; index += 1) store.getState().saveScenario(`S${index}`);
    expect(store.getState().scenarios.map((scenario) => scenario.name)).toEqual(['S0', 'S1', 'S2', 'S3']);
    store.getState().setInput('entry', '1');
    store.getState().reset();
    expect(store.getState().inputs).toEqual(defaultInputs());
    expect(store.getState().scenarios).toEqual([]);
  });

  it('comes with its own view selectors: two widgets never share a result', () => {
    const first = createWidget(createCalculatorStore());
    const second = createWidget(createCalculatorStore());
    expect(first.selectors).not.toBe(second.selectors);
    const shared = first.store.getState();
    expect(first.selectors.selectDerived(shared)).not.toBe(second.selectors.selectDerived(shared));
    expect(second.selectors.selectDerived(second.store.getState()).inputs).toBe(second.store.getState().inputs);
  });
});
