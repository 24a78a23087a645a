/*
 * Memoizers for the view selectors. Each call makes a fresh cache, so every widget's selectors own theirs
 * (created with the widget's store, gone with it): nothing is shared between widgets or kept at module level.
 */

/** Remembers the last argument and result: the same argument (by identity) gives the same object back. */
export function memoizeLast<Argument, Result>(compute: (argument: Argument) => Result): (argument: Argument) => Result {
  let last: { argument: Argument; result: Result } | null = null;
  return (argument) => {
    if (last !== null && Object.is(last.argument, argument)) return last.result;
    const result = compute(argument);
    last = { argument, result };
    return result;
  };
}

/**
 * One result per (object, key) pair, held only as long as the object lives: the chart (a task behind) and the
 * panels (current) each find their own inputs' result without evicting each other's.
 */
export function memoizeByObject<Source extends object, Key, Result extends object>(compute: (source: Source, key: Key) => Result): (source: Source, key: Key) => Result {
  const results = new WeakMap<Source, Map<Key, Result>>();
  return (source, key) => {
    let byKey = results.get(source);
    if (byKey === undefined) {
      byKey = new Map();
      results.set(source, byKey);
    }
    const known = byKey.get(key);
    if (known !== undefined) return known;
    const result = compute(source, key);
    byKey.set(key, result);
    return result;
  };
}

/** The previous result while a new one is equal by value, so a consumer memoized on it does not redraw. */
export function keepWhileEqual<Result>(same: (previous: Result, next: Result) => boolean): (next: Result) => Result {
  let kept: { value: Result } | null = null;
  return (next) => {
    if (kept !== null && same(kept.value, next)) return kept.value;
    kept = { value: next };
    return next;
  };
}
