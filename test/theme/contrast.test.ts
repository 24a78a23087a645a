import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readTokens, referencedTokens, sourceFiles, themes } from './tokens';
import type { Theme } from './tokens';

/*
 * WCAG 2.2 contrast in both themes. axe checks the HTML text of the page, but not SVG text or lines, so the
 * chart's colours are checked here, from the token file itself: text ≥ 4.5:1 (1.4.3), lines and other graphical
 * objects ≥ 3:1 (1.4.11). The pairs follow what the charts draw (src/chart, the toolbox's chart layer).
 */

const TEXT = 4.5;
const GRAPHIC = 3;

const tokens = readTokens();

/** The plot sits on --lev-bg on the page and on its panel's --lev-surface in an embed (the chart is transparent there). */
const plotBackgrounds = ['lev-bg', 'lev-surface'];

/** Drawn as text on the plot: tick labels, marker and reference-line labels, fan end labels, the band label. */
const chartText = [
  'lev-axis', // tick labels (equity, amplification)
  'lev-muted', // tick labels (holding period), the start line's label, "Liq. before last fill"
  'lev-text', // the zero line's label, the contagion chart's moved-price marker
  'lev-entry',
  'lev-danger',
  'lev-bankruptcy',
  'lev-breakeven',
  'lev-threshold',
  'lev-equity', // "your leverage" at the end of its fan line
  'lev-fan',
  'lev-band', // the ±1σ / ±2σ labels
  'lev-scenario-1',
  'lev-scenario-2',
  'lev-scenario-3',
  'lev-scenario-4',
  'lev-tool-exit',
  'lev-tool-target',
];

/** Drawn as lines or marks whose colour carries meaning (the accent: the played price path, its dot, the rebalanced token). */
const chartLines = [...chartText, 'lev-unleveraged', 'lev-warning', 'lev-tool-capped', 'lev-accent'];

/**
 * Chart colours that are not lines or text: the backgrounds themselves, and the grid, which only repeats the
 * axis ticks (decoration, exempt from 1.4.11).
 */
const notLines = new Set(['lev-bg', 'lev-surface', 'lev-grid', 'lev-tooltip-bg']);

/** UI text and the surfaces it sits on (ui.css, chart.css, app.css, embed-dialog.css, toolbox.css). */
const uiText: readonly (readonly [string, readonly string[]])[] = [
  ['lev-text', ['lev-bg', 'lev-surface', 'lev-surface-raised', 'lev-tooltip-bg', 'lev-accent-soft', 'lev-warning-soft', 'lev-danger-soft']],
  ['lev-muted', ['lev-bg', 'lev-surface', 'lev-surface-raised', 'lev-tooltip-bg', 'lev-accent-soft']],
  ['lev-danger', ['lev-bg', 'lev-surface', 'lev-surface-raised', 'lev-danger-soft']],
  ['lev-accent-text', ['lev-accent']],
];

type Rgb = readonly [number, number, number];

function rgbOf(name: string, theme: Theme): Rgb {
  const value = tokens.get(name)?.[theme] ?? '';
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/.exec(value);
  if (hex === null) throw new Error(`--${name} has no #rrggbb value in the ${theme} theme (found "${value}")`);
  return [parseInt(hex[1] ?? '', 16), parseInt(hex[2] ?? '', 16), parseInt(hex[3] ?? '', 16)];
}

/** Relative luminance (WCAG 2.2). */
function luminance([red, green, blue]: Rgb): number {
  const linear = (channel: number): number => {
    const value = channel / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue);
}

function contrast(a: Rgb, b: Rgb): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
}

/** `top` painted at `opacity` over `bottom`, as the band's rectangles are. */
function over(bottom: Rgb, top: Rgb, opacity: number): Rgb {
  const mix = (index: 0 | 1 | 2): number => top[index] * opacity + bottom[index] * (1 - opacity);
  return [mix(0), mix(1), mix(2)];
}

interface Failure {
  pair: string;
  ratio: number;
  needed: number;
}

function failures(pairs: readonly (readonly [string, string, number])[], theme: Theme): Failure[] {
  return pairs
    .map(([foreground, background, needed]) => ({ pair: `--${foreground} on --${background}`, ratio: Number(contrast(rgbOf(foreground, theme), rgbOf(background, theme)).toFixed(2)), needed }))
    .filter((result) => result.ratio < result.needed);
}

describe.each(themes)('the %s theme', (theme) => {
  it('has a #rrggbb value for every colour checked here', () => {
    const names = new Set([...plotBackgrounds, ...chartLines, ...uiText.flatMap(([text, surfaces]) => [text, ...surfaces])]);
    for (const name of names) expect(() => rgbOf(name, theme), `--${name}`).not.toThrow();
    expect(names.size).toBeGreaterThanOrEqual(25);
  });

  it('draws chart text at 4.5:1 or more on the plot background', () => {
    expect(failures(chartText.flatMap((text) => plotBackgrounds.map((background) => [text, background, TEXT] as const)), theme)).toEqual([]);
  });

  it('draws chart lines and markers at 3:1 or more on the plot background', () => {
    expect(failures(chartLines.flatMap((line) => plotBackgrounds.map((background) => [line, background, GRAPHIC] as const)), theme)).toEqual([]);
  });

  it('keeps the band labels readable on the band’s own shading (outer band 7 %, inner band 10 % on top)', () => {
    const band = rgbOf('lev-band', theme);
    for (const background of plotBackgrounds) {
      const shaded = over(over(rgbOf(background, theme), band, 0.07), band, 0.1);
      expect(contrast(band, shaded), `--lev-band on --${background} under both bands`).toBeGreaterThanOrEqual(TEXT);
    }
  });

  it('writes tooltip and UI text at 4.5:1 or more on the surfaces it sits on', () => {
    expect(failures(uiText.flatMap(([text, surfaces]) => surfaces.map((surface) => [text, surface, TEXT] as const)), theme)).toEqual([]);
  });
});

describe('the pairs checked', () => {
  it('cover every token the charts draw with', () => {
    const chartSources = sourceFiles(['.ts', '.tsx']).filter((file) => /(^|\/)chart\//.test(file));
    expect(chartSources.length).toBeGreaterThanOrEqual(5);
    const drawn = new Set(chartSources.flatMap((file) => referencedTokens(readFileSync(file, 'utf8'))));
    expect(drawn.size).toBeGreaterThanOrEqual(15);
    const unchecked = [...drawn].filter((name) => !chartLines.includes(name) && !notLines.has(name));
    expect(unchecked).toEqual([]);
  });
});
