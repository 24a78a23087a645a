import { startTransition, useCallback, useEffect, useRef, useState } from 'react';

/**
 * The value once it has stopped changing for `delayMs`; the first value at once. Secondary charts follow
 * a held slider only when it pauses, so each step redraws the main chart alone.
 */
export function useSettledValue<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (Object.is(value, settled)) return undefined;
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, settled, delayMs]);
  return settled;
}

/**
 * The value one task later, rendered as an interruptible transition. The input's own update (the field,
 * the headline figures) commits and the browser may paint before the chart's heavier render starts; a
 * newer value (a held key) interrupts a chart render still in progress instead of queueing behind it.
 */
export function useValueAfterInput<T>(value: T): T {
  const [shown, setShown] = useState(value);
  useEffect(() => {
    if (Object.is(value, shown)) return undefined;
    const timer = setTimeout(() => startTransition(() => setShown(value)), 0);
    return () => clearTimeout(timer);
  }, [value, shown]);
  return shown;
}

/** False until the browser is first idle (the first chart drawn): the lazy panels then load without delaying it. */
export function useIdleReady(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (typeof window.requestIdleCallback === 'function') {
      const handle = window.requestIdleCallback(() => setReady(true), { timeout: 1500 });
      return () => window.cancelIdleCallback(handle);
    }
    const timer = setTimeout(() => setReady(true), 200);
    return () => clearTimeout(timer);
  }, []);
  return ready;
}

/**
 * A control's value shown at once and written one task later. A held slider key then repaints only the slider
 * and its number box before the next key arrives; the store write (figures, chart) follows in its own task. Steps
 * that come before the write coalesce into one write of the latest value. `setNow` writes at once (typing).
 */
export function useDraftValue(value: string, commit: (value: string) => void): { shown: string; set: (next: string) => void; setNow: (next: string) => void } {
  const [draft, setDraft] = useState<string | null>(null);
  const pending = useRef<{ value: string; timer: ReturnType<typeof setTimeout> } | null>(null);
  const latestCommit = useRef(commit);
  useEffect(() => {
    latestCommit.current = commit;
  }, [commit]);
  // A write still waiting when the control goes away is made, not lost.
  useEffect(
    () => () => {
      const waiting = pending.current;
      if (waiting === null) return;
      clearTimeout(waiting.timer);
      pending.current = null;
      latestCommit.current(waiting.value);
    },
    [],
  );
  const set = useCallback((next: string) => {
    setDraft(next);
    const waiting = pending.current;
    if (waiting !== null) {
      waiting.value = next;
      return;
    }
    const entry = {
      value: next,
      timer: setTimeout(() => {
        pending.current = null;
        latestCommit.current(entry.value);
        setDraft(null);
      }, 0),
    };
    pending.current = entry;
  }, []);
  const setNow = useCallback((next: string) => {
    const waiting = pending.current;
    if (waiting !== null) clearTimeout(waiting.timer);
    pending.current = null;
    setDraft(null);
    latestCommit.current(next);
  }, []);
  return { shown: draft ?? value, set, setNow };
}
