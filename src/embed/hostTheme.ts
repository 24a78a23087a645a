import { useLayoutEffect, useState } from 'react';
import type { RefObject } from 'react';
import type { ThemeChoice } from '../config/schema';

/*
 * `theme="auto"` follows the page the widget sits in, not only the reader's system: docs sites switch dark mode
 * with a class or a data attribute on <html>, and a widget that followed the system alone turned dark on a light
 * page (or stayed white on a dark one). Read in this order, the first that says something wins:
 *   1. `data-theme` on <html> or <body>: Docusaurus and Starlight (`data-theme="dark"` / `"light"`)
 *   2. a `dark` or `light` class on <html> or <body>: VitePress, Tailwind's `dark` class and many themes
 *   3. the computed `color-scheme` just outside the widget, when it names one scheme (`dark`, `only light`)
 *   4. the first opaque background behind the widget: a dark page is dark whatever its markup says
 *   5. the reader's system (`prefers-color-scheme`), when the page says nothing.
 */

export type ColorScheme = 'light' | 'dark';

/** What a host page says about its colours: read from the DOM by readHostSignals, written by hand in tests. */
export interface HostSignals {
  /** `data-theme` of <html> and <body> ('' when absent). */
  dataThemes: readonly string[];
  /** `class` of <html> and <body> ('' when absent). */
  classNames: readonly string[];
  /** The computed `color-scheme` just outside the widget ('' when unknown). */
  colorScheme: string;
  /** The computed background colour of the first opaque element behind the widget, or null when all are transparent. */
  background: string | null;
  /** The reader's system asks for dark (`prefers-color-scheme: dark`). */
  systemDark: boolean;
}

/** A value naming exactly one of the two schemes as a word (`dark`, `theme-dark`, `only light`), or null. */
function schemeWord(value: string): ColorScheme | null {
  const words = value.toLowerCase().split(/[\s_-]+/);
  const dark = words.includes('dark');
  const light = words.includes('light');
  if (dark === light) return null;
  return dark ? 'dark' : 'light';
}

/** A class list naming one scheme as a whole class (`dark`), not as part of another (`dark-logo`). */
function schemeClass(className: string): ColorScheme | null {
  const classes = className.split(/\s+/);
  const dark = classes.includes('dark');
  const light = classes.includes('light');
  if (dark === light) return null;
  return dark ? 'dark' : 'light';
}

/** Channels and alpha of a computed rgb or rgba colour (the notation getComputedStyle returns); other notations say nothing. */
function rgbaOf(color: string): [number, number, number, number] | null {
  const match = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:[\s,/]+([\d.]+%?))?\s*\)$/.exec(color.trim());
  if (match === null) return null;
  const [, red = '', green = '', blue = '', alphaText] = match;
  const alpha = alphaText === undefined ? 1 : alphaText.endsWith('%') ? Number(alphaText.slice(0, -1)) / 100 : Number(alphaText);
  const channels: [number, number, number, number] = [Number(red), Number(green), Number(blue), alpha];
  return channels.every(Number.isFinite) ? channels : null;
}

/** Whether a computed colour is opaque enough to be what the reader sees behind the widget. */
export function isOpaque(color: string): boolean {
  const rgba = rgbaOf(color);
  return rgba !== null && rgba[3] >= 0.5;
}

/** WCAG relative luminance; a background is dark when white text on it contrasts more than black text. */
function backgroundScheme(color: string): ColorScheme | null {
  const rgba = rgbaOf(color);
  if (rgba === null) return null;
  const linear = (channel: number): number => {
    const value = channel / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * linear(rgba[0]) + 0.7152 * linear(rgba[1]) + 0.0722 * linear(rgba[2]);
  return (1.05 / (luminance + 0.05) > (luminance + 0.05) / 0.05) ? 'dark' : 'light';
}

/** The scheme a widget with `theme="auto"` takes on a page saying these things. Pure. */
export function schemeFromSignals(signals: HostSignals): ColorScheme {
  for (const value of signals.dataThemes) {
    const scheme = schemeWord(value);
    if (scheme !== null) return scheme;
  }
  for (const value of signals.classNames) {
    const scheme = schemeClass(value);
    if (scheme !== null) return scheme;
  }
  const declared = schemeWord(signals.colorScheme.replace(/\bonly\b/, ''));
  if (declared !== null) return declared;
  const seen = signals.background === null ? null : backgroundScheme(signals.background);
  if (seen !== null) return seen;
  return signals.systemDark ? 'dark' : 'light';
}

/** A shadow root (checked by shape: an element moved into an iframe's document belongs to another realm). */
function isShadowRoot(node: Node): node is ShadowRoot {
  return node.nodeType === 11 && 'host' in node;
}

/** The parent element, stepping out of a shadow root to its host. */
function parentAcrossShadow(element: Element): Element | null {
  if (element.parentElement !== null) return element.parentElement;
  const parent = element.parentNode;
  return parent !== null && isShadowRoot(parent) ? parent.host : null;
}

const SYSTEM_DARK = '(prefers-color-scheme: dark)';

/**
 * Reads the host page's signals around `outermost`: the widget's own outermost element (its root on a page, the
 * custom element itself in a shadow root), whose own colour scheme is the widget's and so is skipped.
 */
export function readHostSignals(outermost: Element): HostSignals {
  const document = outermost.ownerDocument;
  const view = document.defaultView;
  const pageRoots = [document.documentElement, document.body].filter((element): element is HTMLElement => element !== null);
  const outside = parentAcrossShadow(outermost);
  let background: string | null = null;
  for (let element = outside; element !== null && view !== null; element = parentAcrossShadow(element)) {
    const color = view.getComputedStyle(element).getPropertyValue('background-color');
    if (isOpaque(color)) {
      background = color;
      break;
    }
  }
  return {
    dataThemes: pageRoots.map((element) => element.getAttribute('data-theme') ?? ''),
    classNames: pageRoots.map((element) => element.getAttribute('class') ?? ''),
    colorScheme: outside !== null && view !== null ? view.getComputedStyle(outside).getPropertyValue('color-scheme') : '',
    background,
    systemDark: view !== null && typeof view.matchMedia === 'function' && view.matchMedia(SYSTEM_DARK).matches,
  };
}

/** Calls `onChange` whenever the page may have switched scheme: html/body attributes, or the system setting. */
export function watchHostScheme(outermost: Element, onChange: () => void): () => void {
  const document = outermost.ownerDocument;
  const view = document.defaultView;
  const observer = new MutationObserver(onChange);
  for (const target of [document.documentElement, document.body]) {
    if (target !== null) observer.observe(target, { attributes: true, attributeFilter: ['class', 'data-theme', 'style'] });
  }
  const system = view !== null && typeof view.matchMedia === 'function' ? view.matchMedia(SYSTEM_DARK) : null;
  system?.addEventListener('change', onChange);
  return () => {
    observer.disconnect();
    system?.removeEventListener('change', onChange);
  };
}

/**
 * The theme a widget shows: `light` or `dark` as chosen, and for `auto` the host page's scheme, followed live.
 * The first render (and the server's) keeps `auto`, which the stylesheet resolves from the reader's system; the
 * host's scheme is read in a layout effect, before the browser paints, so hydration sees the server's markup.
 * `inShadow`: the widget renders in a custom element's shadow root, whose host is its outermost element.
 */
export function useHostScheme(rootRef: RefObject<Element | null>, choice: ThemeChoice, inShadow: boolean): ThemeChoice {
  const [scheme, setScheme] = useState<ColorScheme | null>(null);
  useLayoutEffect(() => {
    const root = rootRef.current;
    if (choice !== 'auto' || root === null) return undefined;
    const rootNode = root.getRootNode();
    const outermost = inShadow && isShadowRoot(rootNode) ? rootNode.host : root;
    const update = (): void => setScheme(schemeFromSignals(readHostSignals(outermost)));
    update();
    return watchHostScheme(outermost, update);
  }, [rootRef, choice, inShadow]);
  return choice === 'auto' ? (scheme ?? 'auto') : choice;
}
