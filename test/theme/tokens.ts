import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const TOKENS_FILE = join('src', 'theme', 'tokens.css');

export type Theme = 'light' | 'dark';
export const themes: readonly Theme[] = ['light', 'dark'];

/** A token's value in each theme, as written in tokens.css (`light-dark(a, b)` or one value for both). */
export type TokenValues = Record<Theme, string>;

/** Drops /* … *\/ comments, so prose about colours is not read as a colour. */
export function withoutComments(css: string): string {
  return css.replace(/\/\*[\s\S]*?\*\//g, '');
}

/** Every --lev-* declaration in the token file, by name without the leading dashes (`--lev-bg` → `lev-bg`). */
export function parseTokens(css: string): Map<string, TokenValues> {
  const tokens = new Map<string, TokenValues>();
  for (const match of withoutComments(css).matchAll(/--(lev-[a-z0-9-]+)\s*:\s*([^;]+);/g)) {
    const [, name = '', raw = ''] = match;
    const value = raw.trim();
    const pair = /^light-dark\(\s*([^,]+?)\s*,\s*([^,]+?)\s*\)$/.exec(value);
    tokens.set(name, pair === null ? { light: value, dark: value } : { light: pair[1] ?? '', dark: pair[2] ?? '' });
  }
  return tokens;
}

export function readTokens(): Map<string, TokenValues> {
  return parseTokens(readFileSync(TOKENS_FILE, 'utf8'));
}

/** Files under src/ whose names end with one of `extensions`, as paths from the project root. */
export function sourceFiles(extensions: readonly string[]): string[] {
  return readdirSync('src', { recursive: true, encoding: 'utf8' })
    .filter((path) => extensions.some((extension) => path.endsWith(extension)))
    .map((path) => join('src', path))
    .sort();
}

/** The names of the --lev-* custom properties a text reads with var(), e.g. `lev-equity`. */
export function referencedTokens(text: string): string[] {
  return [...text.matchAll(/var\(\s*--(lev-[a-z0-9-]+)/g)].map((match) => match[1] ?? '');
}

const colourFunction = /\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\(/;
const hexColour = /#[0-9a-fA-F]{3,8}\b/;
const namedColour = /(?<![\w-])(?:white|black|red|green|blue|gray|grey|silver|orange|yellow|purple|navy|teal)(?![\w-])/;

/** The colour values written in a stylesheet's declarations (comments and selectors are not read). */
export function cssColourLiterals(css: string): string[] {
  const found: string[] = [];
  for (const match of withoutComments(css).matchAll(/[\w-]+\s*:\s*([^;{}]+)[;}]/g)) {
    const value = match[1] ?? '';
    for (const pattern of [hexColour, colourFunction, namedColour]) {
      const literal = pattern.exec(value);
      if (literal !== null) found.push(value.trim());
    }
  }
  return found;
}

/**
 * Colours written in TypeScript string literals: hex values, colour functions, and fallbacks inside var()
 * (`var(--lev-equity, #2563eb)`), which would be a second copy of the palette.
 */
export function scriptColourLiterals(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(/'[^'\n]*'|"[^"\n]*"|`[^`]*`/g)) {
    const text = match[0];
    if (hexColour.test(text) || colourFunction.test(text) || /var\(\s*--lev-[a-z0-9-]+\s*,/.test(text)) found.push(text);
  }
  return found;
}
