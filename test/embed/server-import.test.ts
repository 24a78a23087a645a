import { describe, expect, it } from 'vitest';

/*
 * Docs generators and React frameworks import the package's entries while rendering on a server (Node, no DOM).
 * Loading them there must neither throw (a top-level `class extends HTMLElement` did: ReferenceError) nor leave
 * anything behind on the global object. This file runs in the node environment.
 */

// Every entry the package ships and the model API; a glob, so an entry added later (the model-only one) is covered too.
const entries: Record<string, () => Promise<unknown>> = import.meta.glob(['../../src/embed/element.tsx', '../../src/embed/lib.ts', '../../src/embed/model.ts', '../../src/model/api.ts']);

function globalNames(): string[] {
  return Reflect.ownKeys(globalThis).map(String).sort();
}

describe('importing every entry without a DOM', () => {
  it('runs in an environment without HTMLElement or customElements', () => {
    expect(typeof Reflect.get(globalThis, 'HTMLElement')).toBe('undefined');
    expect(typeof Reflect.get(globalThis, 'customElements')).toBe('undefined');
  });

  it('finds the element, the npm package and the model API', () => {
    expect(Object.keys(entries)).toEqual(expect.arrayContaining(['../../src/embed/element.tsx', '../../src/embed/lib.ts', '../../src/model/api.ts']));
  });

  it.each(Object.keys(entries))('loads %s without throwing and without touching globals', async (path) => {
    const before = globalNames();
    const load = entries[path];
    if (load === undefined) throw new Error(`no entry at ${path}`);
    const module = await load();
    expect(typeof module === 'object' && module !== null ? Object.keys(module).length : 0).toBeGreaterThan(0);
    expect(globalNames()).toEqual(before);
    expect(typeof Reflect.get(globalThis, 'customElements')).toBe('undefined');
  });

  it('defines nothing when asked to define the element on a server', async () => {
    const { defineLeverageLens } = await import('../../src/embed/element');
    const before = globalNames();
    expect(() => defineLeverageLens()).not.toThrow();
    expect(globalNames()).toEqual(before);
  });
});
