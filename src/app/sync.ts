import type { CalculatorState, CalculatorStore } from '../store/calculatorStore';
import { addressForQuery, formatParams, persistedFrom, persistedQuery, STORAGE_KEY, storedTextFor } from './urlState';

/** The parts of the browser the sync touches, so tests can hand in their own. */
export interface SyncTarget {
  location: Pick<Location, 'pathname' | 'hash' | 'search'>;
  history: Pick<History, 'replaceState' | 'state'>;
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;
}

/** localStorage can throw on access (sandboxed iframes, privacy modes): treat that as "no storage". */
export function browserStorage(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function readStored(storage: SyncTarget['storage']): string | null {
  try {
    return storage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

export function clearStored(storage: SyncTarget['storage']): void {
  try {
    storage?.removeItem(STORAGE_KEY);
  } catch {
    // Nothing to clear when storage is unavailable.
  }
}

function write(state: CalculatorState, target: SyncTarget): void {
  // Worked out once for the address and the session: with scenarios it reads the inputs as a link's reader would.
  const query = persistedQuery(persistedFrom(state));
  const address = addressForQuery(target.location.pathname, target.location.hash, query, formatParams(target.location.search));
  const current = `${target.location.pathname}${target.location.search}${target.location.hash}`;
  if (address !== current) target.history.replaceState(target.history.state, '', address);
  const text = storedTextFor(query);
  try {
    if (text === null) target.storage?.removeItem(STORAGE_KEY);
    else target.storage?.setItem(STORAGE_KEY, text);
  } catch {
    // Quota exceeded or storage blocked: the URL still carries the state.
  }
}

/**
 * Keeps the address bar (history.replaceState) and the saved session in step with the store, debounced so
 * dragging the slider does not flood the history API. A link that arrived with parameters is rewritten at once
 * in its cleaned form. Returns a stop function that flushes a pending write.
 */
export function startSync(store: CalculatorStore, target: SyncTarget, delayMs = 250): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = (): void => {
    timer = null;
    write(store.getState(), target);
  };
  if (target.location.search !== '') write(store.getState(), target);
  const unsubscribe = store.subscribe((state, previous) => {
    const persisted = state.inputs === previous.inputs && state.theme === previous.theme && state.scenarios === previous.scenarios;
    if (persisted && state.view === previous.view && state.toolTab === previous.toolTab && state.heldAxes === previous.heldAxes) return;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(flush, delayMs);
  });
  return () => {
    unsubscribe();
    if (timer !== null) {
      clearTimeout(timer);
      flush();
    }
  };
}
