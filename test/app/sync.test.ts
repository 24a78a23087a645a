import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultInputs } from '../../src/config/presets';
import { createCalculatorStore } from '../../src/store/calculatorStore';
import type { CalculatorStoreOptions } from '../../src/store/calculatorStore';
import { initialState, parseStored, readLink, STORAGE_KEY } from '../../src/app/urlState';
import { startSync } from '../../src/app/sync';
import type { SyncTarget } from '../../src/app/sync';

const delayMs = 250;

interface FakeBrowser {
  target: SyncTarget;
  /** Every address handed to history.replaceState, in order. */
  addresses: string[];
  /** Every state object handed to history.replaceState, in order. */
  historyStates: unknown[];
  saved: Map<string, string>;
}

/** A location, history and storage of our own: replaceState moves the location the way a browser does. */
function fakeBrowser(search = '', options: { storage?: 'working' | 'throwing' | 'absent' } = {}): FakeBrowser {
  const location = { pathname: '/calc/', search, hash: '#top' };
  const addresses: string[] = [];
  const historyStates: unknown[] = [];
  const saved = new Map<string, string>();
  const history = {
    state: { from: 'the page' },
    replaceState(state: unknown, _unused: string, url?: string | URL | null): void {
      historyStates.push(state);
      const address = new URL(String(url ?? ''), 'https://lens.example.org');
      addresses.push(`${address.pathname}${address.search}${address.hash}`);
      location.pathname = address.pathname;
      location.search = address.search;
      location.hash = address.hash;
    },
  };
  const blocked = (): never => {
    throw new Error('QuotaExceededError');
  };
  const storage =
    options.storage === 'absent'
      ? null
      : {
          getItem: (key: string) => saved.get(key) ?? null,
          setItem: options.storage === 'throwing' ? blocked : (key: string, value: string) => void saved.set(key, value),
          removeItem: options.storage === 'throwing' ? blocked : (key: string) => void saved.delete(key),
        };
  return { target: { location, history, storage }, addresses, historyStates, saved };
}

function storeFor(search: string, options: CalculatorStoreOptions = {}): ReturnType<typeof createCalculatorStore> {
  return createCalculatorStore({ ...initialState(search, null), ...options });
}

function savedEntry(browser: FakeBrowser): string | undefined {
  return parseStored(browser.saved.get(STORAGE_KEY) ?? null).inputs?.entry;
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('startSync', () => {
  it('leaves a plain address and the storage alone until something changes', () => {
    const browser = fakeBrowser('');
    const stop = startSync(storeFor(''), browser.target, delayMs);
    vi.advanceTimersByTime(delayMs * 4);
    expect(browser.addresses).toEqual([]);
    expect(browser.saved.size).toBe(0);
    stop();
    expect(browser.addresses).toEqual([]);
  });

  it('rewrites a link that arrived with parameters at once, in its cleaned form, keeping the number format', () => {
    const search = '?v=1&entry=61000&evil=%3Cb%3E&locale=de-DE';
    const browser = fakeBrowser(search);
    const stop = startSync(storeFor(search), browser.target, delayMs);
    expect(browser.addresses).toHaveLength(1);
    const params = new URLSearchParams(browser.target.location.search);
    expect(params.get('entry')).toBe('61000');
    expect(params.get('locale')).toBe('de-DE');
    expect(params.has('evil')).toBe(false);
    expect(browser.target.location.pathname).toBe('/calc/');
    expect(browser.target.location.hash).toBe('#top');
    // The history entry's own state object is handed back untouched.
    expect(browser.historyStates).toEqual([{ from: 'the page' }]);
    expect(savedEntry(browser)).toBe('61000');
    stop();
  });

  it('debounces a burst of changes into one write of the last state, after the pause', () => {
    const browser = fakeBrowser('');
    const store = storeFor('');
    const stop = startSync(store, browser.target, delayMs);
    for (const entry of ['6', '61', '610', '6100', '61000']) {
      store.getState().setInput('entry', entry);
      vi.advanceTimersByTime(delayMs - 1);
    }
    expect(browser.addresses).toEqual([]);
    expect(browser.saved.size).toBe(0);
    vi.advanceTimersByTime(1);
    expect(browser.addresses).toHaveLength(1);
    expect(readLink(browser.target.location.search)?.inputs.entry).toBe('61000');
    expect(savedEntry(browser)).toBe('61000');
    vi.advanceTimersByTime(delayMs * 4);
    expect(browser.addresses).toHaveLength(1);
    stop();
  });

  it('writes the theme, saved scenarios and open tabs, and ignores view-only state such as zoom', () => {
    const browser = fakeBrowser('');
    const store = storeFor('');
    const stop = startSync(store, browser.target, delayMs);
    store.getState().setZoom(2);
    vi.advanceTimersByTime(delayMs * 2);
    expect(browser.addresses).toEqual([]);
    expect(browser.saved.size).toBe(0);

    store.getState().saveScenario('Wide stop');
    store.getState().setView('amplification');
    store.getState().setToolTab('risk');
    vi.advanceTimersByTime(delayMs);
    // The lesson is in the address bar and in the session, in one format.
    expect(browser.addresses).toHaveLength(1);
    const fromAddress = readLink(browser.target.location.search);
    expect(fromAddress?.link.scenarios?.map((scenario) => scenario.name)).toEqual(['Wide stop']);
    expect([fromAddress?.link.chart, fromAddress?.link.tool]).toEqual(['amplification', 'risk']);
    expect(parseStored(browser.saved.get(STORAGE_KEY) ?? null).link).toEqual(fromAddress?.link);

    store.getState().setTheme('dark');
    vi.advanceTimersByTime(delayMs);
    expect(readLink(browser.target.location.search)?.theme).toBe('dark');
    expect(parseStored(browser.saved.get(STORAGE_KEY) ?? null).theme).toBe('dark');
    stop();
  });

  it('clears the address and the saved session when the state returns to the defaults', () => {
    const search = '?v=1&entry=61000';
    const browser = fakeBrowser(search);
    const store = storeFor(search);
    const stop = startSync(store, browser.target, delayMs);
    expect(browser.saved.has(STORAGE_KEY)).toBe(true);
    store.getState().reset();
    vi.advanceTimersByTime(delayMs);
    expect(browser.target.location.search).toBe('');
    expect(browser.target.location.hash).toBe('#top');
    expect(browser.saved.has(STORAGE_KEY)).toBe(false);
    stop();
  });

  it('on stop writes a pending change at once, and nothing after', () => {
    const browser = fakeBrowser('');
    const store = storeFor('');
    const stop = startSync(store, browser.target, delayMs);
    store.getState().setInput('entry', '42000');
    vi.advanceTimersByTime(delayMs / 2);
    stop();
    expect(browser.addresses).toHaveLength(1);
    expect(readLink(browser.target.location.search)?.inputs.entry).toBe('42000');
    expect(savedEntry(browser)).toBe('42000');

    store.getState().setInput('entry', '43000');
    vi.advanceTimersByTime(delayMs * 4);
    expect(browser.addresses).toHaveLength(1);
    expect(savedEntry(browser)).toBe('42000');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('keeps the address in step when storage throws or is missing', () => {
    for (const storage of ['throwing', 'absent'] as const) {
      const browser = fakeBrowser('', { storage });
      const store = storeFor('');
      const stop = startSync(store, browser.target, delayMs);
      store.getState().setInput('leverage', '10');
      expect(() => vi.advanceTimersByTime(delayMs)).not.toThrow();
      expect(readLink(browser.target.location.search)?.inputs.leverage, storage).toBe('10');
      store.getState().setInputs(defaultInputs());
      expect(() => vi.advanceTimersByTime(delayMs)).not.toThrow();
      expect(browser.target.location.search, storage).toBe('');
      stop();
    }
  });
});
