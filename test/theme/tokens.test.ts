import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cssColourLiterals, readTokens, referencedTokens, scriptColourLiterals, sourceFiles, themes, TOKENS_FILE } from './tokens';

const tokens = readTokens();

/** Layout settings a host page may set (README: "Layout"); each use carries its default, so the token file has none. */
const layoutSettings = new Set(['lev-font', 'lev-plot-height']);

const colourValue = /^(?:#[0-9a-f]{6}|rgb\(\d+ \d+ \d+ \/ \d+%\))$/;

describe('the token file', () => {
  it('gives every token a colour in the light theme and in the dark theme', () => {
    expect(tokens.size).toBeGreaterThan(30);
    for (const [name, values] of tokens) {
      for (const theme of themes) expect(values[theme], `--${name} (${theme})`).toMatch(colourValue);
    }
  });

  it('defines every colour the README offers host pages, under the same names', () => {
    const readme = readFileSync('README.md', 'utf8');
    const paragraph = /^Colours: ([\s\S]*?)Layout:/m.exec(readme)?.[1] ?? '';
    const documented = new Set(referencedTokensInProse(paragraph));
    // The README writes the scenario colours as a range, `--lev-scenario-1` … `--lev-scenario-4`.
    for (const index of [2, 3]) documented.add(`lev-scenario-${index}`);
    expect(documented.size).toBeGreaterThanOrEqual(30);
    const missing = [...documented].filter((name) => !tokens.has(name));
    expect(missing).toEqual([]);
  });

  it('defines every --lev-* colour that a stylesheet or a component reads', () => {
    const undefinedTokens: string[] = [];
    for (const file of sourceFiles(['.css', '.ts', '.tsx'])) {
      for (const name of referencedTokens(readFileSync(file, 'utf8'))) {
        if (!tokens.has(name) && !layoutSettings.has(name)) undefinedTokens.push(`${file}: --${name}`);
      }
    }
    expect(undefinedTokens).toEqual([]);
  });
});

describe('no colour outside the token file', () => {
  it('finds the colours that the scanners look for', () => {
    expect(cssColourLiterals('/* #fff in prose */ .a { color: #1d5bb8; border: 1px solid rgb(0 0 0 / 45%); background: white }')).toEqual([
      '#1d5bb8',
      '1px solid rgb(0 0 0 / 45%)',
      'white',
    ]);
    expect(cssColourLiterals('.a { white-space: nowrap; color: var(--lev-text); background: color-mix(in srgb, var(--lev-danger) 8%, transparent) }')).toEqual([]);
    expect(scriptColourLiterals(`const a = 'var(--lev-equity, #2563eb)'; const b = "#ffffff"; const c = 'var(--lev-equity)'; const d = \`url(#\${id})\`;`)).toEqual([
      "'var(--lev-equity, #2563eb)'",
      '"#ffffff"',
    ]);
  });

  it('has no colour literal in any other stylesheet', () => {
    const stylesheets = sourceFiles(['.css']).filter((file) => file !== TOKENS_FILE);
    expect(stylesheets.length).toBeGreaterThanOrEqual(5);
    const literals = stylesheets.flatMap((file) => cssColourLiterals(readFileSync(file, 'utf8')).map((value) => `${file}: ${value}`));
    expect(literals).toEqual([]);
  });

  it('has no colour literal, and no fallback copy of a token, in the components', () => {
    const scripts = sourceFiles(['.ts', '.tsx']);
    const drawing = scripts.filter((file) => readFileSync(file, 'utf8').includes('var(--lev-'));
    // The charts reach their colours through the tokens: the scan must see those files, or it proves nothing.
    expect(drawing.length).toBeGreaterThanOrEqual(3);
    const literals = scripts.flatMap((file) => scriptColourLiterals(readFileSync(file, 'utf8')).map((text) => `${file}: ${text}`));
    expect(literals).toEqual([]);
  });
});

/** Token names written in prose as `--lev-name`. */
function referencedTokensInProse(text: string): string[] {
  return referencedTokens(text.replace(/`--(lev-[a-z0-9-]+)`/g, 'var(--$1)'));
}
