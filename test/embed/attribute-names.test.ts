import { describe, expect, it } from 'vitest';
import { observedAttributeNames, propsToEntries, readEmbedConfig } from '../../src/embed/config';
import type { ConfigSource } from '../../src/embed/config';

/*
 * `controls` is HTML's attribute for media players, and Astro's MDX turns `controls="leverage"` into a bare boolean
 * `controls`: the widget then showed no inputs and said nothing. `editable` is the name to write; `controls` is
 * still read; an empty list says what to write instead.
 */

describe('editable, the name for the inputs a reader may change', () => {
  it('is observed as an attribute beside controls', () => {
    expect(observedAttributeNames()).toEqual(expect.arrayContaining(['editable', 'controls']));
  });

  it.each<ConfigSource>(['attributes', 'link', 'props'])('opens the same inputs as controls, from %s', (source) => {
    const written = readEmbedConfig([['editable', 'leverage,side']], source);
    const old = readEmbedConfig([['controls', 'leverage,side']], source);
    expect(written.controls).toEqual(['leverage', 'side']);
    expect(old.controls).toEqual(written.controls);
    expect(written.notices).toEqual([]);
  });

  it('passes through React props', () => {
    expect(propsToEntries({ editable: 'leverage', entry: 50000 })).toEqual(expect.arrayContaining([['editable', 'leverage']]));
    expect(readEmbedConfig(propsToEntries({ editable: 'leverage' }), 'props').controls).toEqual(['leverage']);
  });

  it('wins over controls when both are given', () => {
    expect(readEmbedConfig([['controls', 'side'], ['editable', 'leverage']], 'attributes').controls).toEqual(['leverage']);
  });

  it('reports a bad value under the name the author wrote', () => {
    const [notice] = readEmbedConfig([['editable', 'leverage,nonsense']], 'attributes').notices;
    expect(notice).toMatch(/controls \(written as editable\) names an unknown input \(nonsense\)/);
  });
});

describe('a list attribute that arrives empty', () => {
  it.each(['', ' '])('controls=%j (a bare boolean attribute) gets a notice saying to write editable', (value) => {
    const config = readEmbedConfig([['controls', value]], 'attributes');
    expect(config.controls).toEqual([]);
    expect(config.notices).toHaveLength(1);
    expect(config.notices[0]).toMatch(/^The controls attribute arrived empty, so no input can be changed\./);
    expect(config.notices[0]).toMatch(/editable="leverage,side"/);
  });

  it('names the parameter or prop as the author wrote it', () => {
    expect(readEmbedConfig([['editable', '']], 'link').notices[0]).toMatch(/^The editable parameter arrived empty/);
    expect(readEmbedConfig([['controls', '']], 'props').notices[0]).toMatch(/^The controls prop arrived empty/);
  });

  it('needs no notice when the other name lists the inputs', () => {
    const config = readEmbedConfig([['controls', ''], ['editable', 'leverage']], 'attributes');
    expect(config.controls).toEqual(['leverage']);
    expect(config.notices).toEqual([]);
  });

  it('views="" shows the default views with a notice, instead of an empty widget', () => {
    const config = readEmbedConfig([['views', '']], 'attributes');
    expect(config.views).toEqual(readEmbedConfig([], 'attributes').views);
    expect(config.notices).toHaveLength(1);
    expect(config.notices[0]).toMatch(/^The views attribute arrived empty, so the default views are shown/);
  });
});
