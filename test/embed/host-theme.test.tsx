import { act, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { isOpaque, readHostSignals, schemeFromSignals } from '../../src/embed/hostTheme';
import type { HostSignals } from '../../src/embed/hostTheme';
import { LeverageLens } from '../../src/embed/LeverageLens';
import { failOnConsoleErrors } from '../ui/helpers';

failOnConsoleErrors();

/** A page that says nothing, on a system of the given scheme; tests add one signal at a time. */
function quietPage(systemDark: boolean, signals: Partial<HostSignals> = {}): HostSignals {
  return { dataThemes: ['', ''], classNames: ['', ''], colorScheme: 'normal', background: null, systemDark, ...signals };
}

afterEach(() => {
  const html = document.documentElement;
  html.removeAttribute('class');
  html.removeAttribute('data-theme');
  html.removeAttribute('style');
});

describe('schemeFromSignals', () => {
  it('follows the system when the page says nothing', () => {
    expect(schemeFromSignals(quietPage(true))).toBe('dark');
    expect(schemeFromSignals(quietPage(false))).toBe('light');
  });

  it('reads data-theme (Docusaurus, Starlight) over the system, either way', () => {
    expect(schemeFromSignals(quietPage(true, { dataThemes: ['light', ''] }))).toBe('light');
    expect(schemeFromSignals(quietPage(false, { dataThemes: ['dark', ''] }))).toBe('dark');
    expect(schemeFromSignals(quietPage(false, { dataThemes: ['', 'dark'] }))).toBe('dark');
    // A theme name that is not a scheme says nothing.
    expect(schemeFromSignals(quietPage(true, { dataThemes: ['forest', ''] }))).toBe('dark');
  });

  it('reads a whole `dark` or `light` class (VitePress), not a class that merely contains the word', () => {
    expect(schemeFromSignals(quietPage(false, { classNames: ['has-sidebar dark', ''] }))).toBe('dark');
    expect(schemeFromSignals(quietPage(true, { classNames: ['light', ''] }))).toBe('light');
    expect(schemeFromSignals(quietPage(false, { classNames: ['dark-logo', ''] }))).toBe('light');
    expect(schemeFromSignals(quietPage(true, { classNames: ['dark light', ''] }))).toBe('dark');
  });

  it('puts data-theme before a class, and both before color-scheme and the background', () => {
    expect(schemeFromSignals(quietPage(false, { dataThemes: ['light', ''], classNames: ['dark', ''] }))).toBe('light');
    expect(schemeFromSignals(quietPage(false, { classNames: ['dark', ''], colorScheme: 'light', background: 'rgb(255, 255, 255)' }))).toBe('dark');
  });

  it('reads a color-scheme naming one scheme; `light dark` and `normal` leave it to what follows', () => {
    expect(schemeFromSignals(quietPage(false, { colorScheme: 'dark' }))).toBe('dark');
    expect(schemeFromSignals(quietPage(true, { colorScheme: 'only light' }))).toBe('light');
    expect(schemeFromSignals(quietPage(true, { colorScheme: 'light dark' }))).toBe('dark');
    expect(schemeFromSignals(quietPage(false, { colorScheme: 'light dark' }))).toBe('light');
  });

  it('takes an opaque background behind the widget as what the reader sees: a light page on a dark system is light', () => {
    expect(schemeFromSignals(quietPage(true, { background: 'rgb(255, 255, 255)' }))).toBe('light');
    expect(schemeFromSignals(quietPage(false, { background: 'rgb(27, 27, 31)' }))).toBe('dark');
    expect(schemeFromSignals(quietPage(false, { background: 'rgba(15, 18, 23, 0.9)' }))).toBe('dark');
  });

  it('counts only opaque rgb() colours as a background', () => {
    expect(isOpaque('rgb(255, 255, 255)')).toBe(true);
    expect(isOpaque('rgba(0, 0, 0, 0)')).toBe(false);
    expect(isOpaque('rgba(0, 0, 0, 0.2)')).toBe(false);
    expect(isOpaque('transparent')).toBe(false);
    expect(isOpaque('')).toBe(false);
  });
});

describe('readHostSignals', () => {
  it('reads html and body attributes and the colour scheme and background around the widget', () => {
    document.documentElement.className = 'dark';
    document.documentElement.dataset['theme'] = 'dark';
    const column = document.createElement('div');
    column.style.colorScheme = 'dark';
    column.style.backgroundColor = 'rgb(20, 20, 20)';
    const widget = document.createElement('div');
    column.append(widget);
    document.body.append(column);
    const signals = readHostSignals(widget);
    expect(signals.dataThemes[0]).toBe('dark');
    expect(signals.classNames[0]).toBe('dark');
    expect(signals.background).toBe('rgb(20, 20, 20)');
    expect(schemeFromSignals(signals)).toBe('dark');
    column.remove();
  });

  it('skips a custom element’s own host: the signals come from outside it', () => {
    const column = document.createElement('section');
    column.style.backgroundColor = 'rgb(250, 250, 250)';
    const host = document.createElement('div');
    host.style.backgroundColor = 'rgb(0, 0, 0)';
    const shadow = host.attachShadow({ mode: 'open' });
    const inner = document.createElement('div');
    shadow.append(inner);
    column.append(host);
    document.body.append(column);
    expect(readHostSignals(host).background).toBe('rgb(250, 250, 250)');
    column.remove();
  });
});

describe('theme="auto" on the React component', () => {
  function shownTheme(container: HTMLElement): string | null {
    return container.querySelector('.lev-embed')?.getAttribute('data-theme') ?? null;
  }

  it('shows the host page’s scheme and follows its changes live', async () => {
    const { container } = render(<LeverageLens entry={50000} leverage={20} views="results" />);
    expect(shownTheme(container)).toBe('light');
    await act(async () => {
      document.documentElement.classList.add('dark');
      await Promise.resolve();
    });
    expect(shownTheme(container)).toBe('dark');
    await act(async () => {
      document.documentElement.classList.remove('dark');
      document.documentElement.dataset['theme'] = 'light';
      await Promise.resolve();
    });
    expect(shownTheme(container)).toBe('light');
  });

  it('keeps an explicit theme whatever the page says', async () => {
    document.documentElement.dataset['theme'] = 'dark';
    const { container } = render(<LeverageLens entry={50000} leverage={20} views="results" theme="light" />);
    expect(shownTheme(container)).toBe('light');
    await act(async () => {
      document.documentElement.classList.add('dark');
      await Promise.resolve();
    });
    expect(shownTheme(container)).toBe('light');
  });
});
