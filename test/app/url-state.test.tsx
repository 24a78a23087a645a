// @vitest-environment node
// Pure functions, no rendering: no DOM needed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultInputs, inputsWith } from '../../src/config/presets';
import { serializeInputs } from '../../src/config/codec';
import { addressFor, formatParams, formatSettingsFrom, initialState, parseStored, queryFor, readLink, shareLink, storedText } from '../../src/app/urlState';
import { screenInputs } from '../ui/arbitraries';

describe('links', () => {
  it('round-trip the inputs and the theme through the query string', () => {
    fc.assert(
      fc.property(screenInputs, fc.constantFrom('auto', 'light', 'dark'), (inputs, theme) => {
        const link = readLink(`?${queryFor(inputs, theme)}`);
        expect(link?.inputs).toEqual(inputs);
        expect(link?.theme).toBe(theme === 'auto' ? null : theme);
        expect(link?.notices).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('use the codec’s flat keys with v=1', () => {
    const query = new URLSearchParams(queryFor(defaultInputs(), 'auto'));
    expect([...query.entries()]).toEqual(serializeInputs(defaultInputs()));
    expect(query.get('v')).toBe('1');
  });

  it('name every key of a tampered link in a notice and keep defaults for them', () => {
    const link = readLink('?v=1&entry=%3Cscript%3Ealert(1)%3C%2Fscript%3E&leverage=9999&collateral=800&evil=1&theme=neon');
    expect(link).not.toBeNull();
    const text = link?.notices.join(' ') ?? '';
    expect(text).toContain('Entry price (entry)');
    expect(text).toContain('Leverage (leverage)');
    expect(text).toContain('theme');
    expect(text).toContain('evil');
    expect(text).not.toContain('<script>');
    expect(link?.inputs.entry).toBe(defaultInputs().entry);
    expect(link?.inputs.leverage).toBe(defaultInputs().leverage);
    expect(link?.inputs.collateral).toBe('800');
  });

  it('mention a different schema version', () => {
    expect(readLink('?v=7&entry=1000')?.notices.join(' ')).toMatch(/schema version 7/);
  });

  it('with no parameters leave the page to the saved session', () => {
    expect(readLink('')).toBeNull();
    expect(readLink('?')).toBeNull();
  });

  it('for the default state keep the address bar clean, and the shared link full', () => {
    expect(addressFor('/calc/', '#top', { inputs: defaultInputs(), theme: 'auto', scenarios: [] })).toBe('/calc/#top');
    const changed = inputsWith({ entry: '61000' });
    expect(addressFor('/calc/', '', { inputs: changed, theme: 'auto', scenarios: [] })).toBe(`/calc/?${queryFor(changed, 'auto')}`);
    const link = shareLink('https://example.org', '/calc/', { inputs: defaultInputs(), theme: 'dark' });
    expect(readLink(new URL(link).search)?.inputs).toEqual(defaultInputs());
    expect(readLink(new URL(link).search)?.theme).toBe('dark');
    // The page's number format travels with the shared link, and reads back as the same settings.
    const localized = shareLink('https://example.org', '/calc/', { inputs: defaultInputs(), theme: 'dark' }, formatParams('?locale=de-DE&currency=EUR'));
    expect(formatSettingsFrom(new URL(localized).search)).toEqual({ locale: 'de-DE', currency: 'EUR' });
    expect(readLink(new URL(localized).search)?.inputs).toEqual(defaultInputs());
  });
});

describe('saved session', () => {
  it('round-trips inputs, theme and scenarios', () => {
    fc.assert(
      fc.property(screenInputs, screenInputs, fc.constantFrom('auto', 'light', 'dark'), (inputs, scenarioInputs, theme) => {
        const text = storedText({ inputs, theme, scenarios: [{ id: 'a', name: 'Wide stop', inputs: scenarioInputs }] });
        const stored = parseStored(text);
        expect(stored.inputs).toEqual(inputs);
        expect(stored.theme).toBe(theme === 'auto' ? null : theme);
        expect(stored.link.scenarios?.map((scenario) => [scenario.name, scenario.inputs])).toEqual([['Wide stop', scenarioInputs]]);
      }),
      { numRuns: 50 },
    );
  });

  it('is not written for the default state', () => {
    expect(storedText({ inputs: defaultInputs(), theme: 'auto', scenarios: [] })).toBeNull();
  });

  it('survives corrupt or hostile storage without throwing', () => {
    expect(parseStored('{not json').inputs).toBeNull();
    expect(parseStored('{not json').notices).toHaveLength(1);
    expect(parseStored('null').inputs).toBeNull();
    expect(parseStored('[1,2]').link).toEqual({});
    expect(parseStored(JSON.stringify({ query: 42, scenarios: 'x' })).inputs).toBeNull();
    const hostile = parseStored(JSON.stringify({ query: `entry=<b>x</b>&scenarios=${encodeURIComponent(`${'n'.repeat(500)}*leverage=abc`)}` }));
    expect(hostile.inputs?.entry).toBe(defaultInputs().entry);
    expect(hostile.notices.join(' ')).toContain('saved session');
    expect(hostile.notices.join(' ')).toContain('Saved scenarios (scenarios), scenario 1: Leverage (leverage)');
    expect(hostile.link.scenarios?.[0]?.name).toHaveLength(40);
    expect(hostile.link.scenarios?.[0]?.inputs.leverage).toBe(defaultInputs().leverage);
  });

  it('still reads sessions saved before scenarios joined the link, with the same limits', () => {
    const legacy = parseStored(
      JSON.stringify({
        v: 1,
        query: 'v=1&entry=42000',
        scenarios: [{ name: 'n'.repeat(500), query: 'v=1&leverage=abc' }, { name: 'Calm', query: 'v=1&leverage=5' }, ...Array.from({ length: 6 }, () => ({ name: 'More', query: '' }))],
      }),
    );
    expect(legacy.inputs?.entry).toBe('42000');
    expect(legacy.link.scenarios?.map((scenario) => [scenario.name.length, scenario.inputs.leverage])).toEqual([
      [40, defaultInputs().leverage],
      [4, '5'],
      [4, defaultInputs().leverage],
      [4, defaultInputs().leverage],
    ]);
  });
});

describe('first state of the page', () => {
  const saved = storedText({ inputs: inputsWith({ entry: '42000' }), theme: 'dark', scenarios: [{ id: 'x', name: 'Kept', inputs: defaultInputs() }] });

  it('takes URL parameters over the saved session, but keeps the saved scenarios', () => {
    const state = initialState('?v=1&entry=61000', saved);
    expect(state.inputs?.entry).toBe('61000');
    expect(state.theme).toBe('dark');
    expect(state.scenarios?.map((scenario) => scenario.name)).toEqual(['Kept']);
  });

  it('restores the saved session when the URL has no parameters', () => {
    const state = initialState('', saved);
    expect(state.inputs?.entry).toBe('42000');
    expect(state.notices).toEqual([]);
  });

  it('falls back to the defaults', () => {
    expect(initialState('', null).inputs).toEqual(defaultInputs());
  });

  it('opens a lesson link on its scenarios, chart tab and toolbox tab, over the saved ones', () => {
    const lesson = { inputs: inputsWith({ entry: '61000' }), theme: 'auto', scenarios: [{ id: 'a', name: 'Calm', inputs: inputsWith({ entry: '61000', leverage: '3' }) }], chart: 'amplification', tool: 'risk' } as const;
    const state = initialState(new URL(shareLink('https://example.org', '/', lesson)).search, saved);
    expect(state.scenarios?.map((scenario) => [scenario.name, scenario.inputs])).toEqual([['Calm', lesson.scenarios[0].inputs]]);
    expect([state.view, state.toolTab]).toEqual(['amplification', 'risk']);
    expect(state.notices).toEqual([]);
    // The session's tabs are used where the link gives none.
    const session = storedText({ inputs: defaultInputs(), theme: 'auto', tool: 'portfolio' });
    expect([initialState('?v=1&chart=amplification', session).view, initialState('?v=1&chart=amplification', session).toolTab]).toEqual(['amplification', 'portfolio']);
    expect([initialState('', null).view, initialState('', null).toolTab]).toEqual([undefined, undefined]);
  });

  it('names a bad tab in a notice and opens on the default one', () => {
    const state = initialState('?v=1&chart=pie&tool=%3Cb%3E', null);
    expect([state.view, state.toolTab]).toEqual([undefined, undefined]);
    const text = state.notices?.join(' ') ?? '';
    expect(text).toContain('Chart tab (chart) must be one of equity, amplification.');
    expect(text).toContain('Toolbox tab (tool) must be one of exit, target');
    expect(text).not.toContain('<b>');
  });
});

describe('the address bar', () => {
  it('carries scenarios and open tabs like the shared link, and is clean only for the default state', () => {
    const scenarios = [{ id: 'a', name: 'Calm', inputs: inputsWith({ leverage: '3' }) }];
    const withScenario = addressFor('/', '', { inputs: defaultInputs(), theme: 'auto', scenarios });
    expect(readLink(new URL(withScenario, 'https://example.org').search)?.link.scenarios).toEqual([{ name: 'Calm', inputs: scenarios[0]?.inputs }]);
    expect(addressFor('/', '', { inputs: defaultInputs(), theme: 'auto', scenarios: [], chart: 'equity', tool: 'exit' })).toBe('/');
    expect(addressFor('/', '', { inputs: defaultInputs(), theme: 'auto', chart: 'amplification' })).toBe(`/?${queryFor(defaultInputs(), 'auto')}&chart=amplification`);
    // The saved session holds the same query as the address.
    const state = { inputs: defaultInputs(), theme: 'dark', scenarios, tool: 'target' } as const;
    expect(JSON.parse(storedText(state) ?? '')).toEqual({ v: 1, query: new URL(shareLink('https://example.org', '/', state)).search.slice(1) });
  });
});
