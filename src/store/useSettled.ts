import { startTransition, useEffect, useState } from 'react';

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
