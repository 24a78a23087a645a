import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/model/analyze';
import { defaultInputs, inputsWith } from '../../src/config/presets';
import { fieldErrors, inputsToSpec } from '../../src/config/spec';
import { percentText } from '../../src/config/schema';
import { createDeriver, derive } from '../../src/view/derive';

describe('the deriver behind the page', () => {
  it('keeps the last valid analysis on show while a field is wrong', () => {
    const deriver = createDeriver();
    const good = defaultInputs();
    const first = deriver(good);
    expect(first.stale).toBe(false);
    expect(first.shown).toEqual(analyze(inputsToSpec(good)));

    const bad = { ...good, entry: 'abc' };
    const view = deriver(bad);
    expect(view.current).toBeNull();
    expect(view.stale).toBe(true);
    expect(view.shown).toEqual(first.shown);
    // The entry field carries the schema's own message for the bad text.
    expect(fieldErrors(bad).entry).toBeTypeOf('string');
    expect(view.errors.entry).toBe(fieldErrors(bad).entry);
    expect(view.inputs.entry).toBe('abc');
  });

  it('is not stale when there was never a valid result', () => {
    const view = createDeriver()(inputsWith({ entry: '' }));
    expect(view.shown).toBeNull();
    expect(view.stale).toBe(false);
  });

  it('returns the same object for the same inputs object (memo for React)', () => {
    const deriver = createDeriver();
    const inputs = defaultInputs();
    expect(deriver(inputs)).toBe(deriver(inputs));
  });

  it('marks preset values the user changed', () => {
    expect(derive(defaultInputs()).customized).toEqual([]);
    expect(derive(inputsWith({ feeRate: percentText('0.02') })).customized).toEqual(['feeRate']);
  });
});
