import { describe, expect, it } from 'vitest';

/*
 * Docs generators and React frameworks import the package's entries while rendering on a server (Node, no DOM).
 * Loading them there must neither throw (a top-level `class extends HTMLElement` did: ReferenceError) nor leave
 * anything behind on the global object. This file runs in the node environment.
 */

const entries: Record<string, () => Promise<object>> = {
  'the custom element (leverage-lens/element)': () => import('../../src/embed/element'),
  'the npm package (leverage-lens)': () => import('../../src/embed/lib'),
  'the model API': () => import('../../src/model/api'),
};

function globalNames(): string[] {
  return Reflect.ownKeys(globalThis).map(String).sort();
}

describe('importing every entry without a DOM', () => {
  it('runs in an environment without HTMLElement or customElements', () => {
    expect(typeof Reflect.get(globalThis, 'HTMLElement')).toBe('undefined');
    expect(typeof Reflect.get(globalThis, 'customElements')).toBe('undefined');
  });

  it.each(Object.keys(entries))('loads %s without throwing and without touching globals', async (name) => {
    const before = globalNames();
    const load = entries[name];
    if (load === undefined) throw new Error(`no entry named ${name}`);
    const module = await load();
    expect(Object.keys(module).length).toBeGreaterThan(0);
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
