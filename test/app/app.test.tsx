import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { analyze } from '../../src/model/analyze';
import { findVenue } from '../../src/model/venues';
import { defaultInputs, inputsWith } from '../../src/config/presets';
import { inputsToSpec } from '../../src/config/spec';
import { formatPrice } from '../../src/config/format';
import { App } from '../../src/app/App';
import { parseStored, queryFor, readLink, STORAGE_KEY, storedText } from '../../src/app/urlState';
import { failOnConsoleErrors, resultsStatus } from '../ui/helpers';

vi.setConfig({ testTimeout: 30_000 });
failOnConsoleErrors();

function visit(search: string): void {
  window.history.replaceState(null, '', `/${search}`);
}

function input(label: string): HTMLInputElement {
  const element = screen.getByLabelText(label);
  if (!(element instanceof HTMLInputElement)) throw new Error(`${label} is not an input`);
  return element;
}

function appRoot(): Element | null {
  return document.querySelector('.lev-app');
}

beforeEach(() => {
  window.localStorage.clear();
  visit('');
});

afterEach(() => {
  window.localStorage.clear();
});

describe('the standalone page', () => {
  it('opens on the teaching default: a BTC long at 20× on Binance', () => {
    const { container } = render(<App />);
    expect(screen.getAllByRole('heading', { level: 1 }).map((heading) => heading.textContent)).toEqual(['Leverage Lens']);
    expect(input('Leverage').value).toBe('20');
    const analysis = analyze(inputsToSpec(defaultInputs()));
    if (!analysis.valid) throw new Error('defaults are valid');
    expect(container.querySelector('[data-result="liquidationPrice"]')?.textContent).toBe(formatPrice(analysis.liquidationPrice, '0.1', { direction: 'up' }));
    // The footer dates and sources the preset in use.
    const venue = findVenue(defaultInputs().venue);
    expect(screen.getByRole('contentinfo').textContent).toContain(`Preset data as of ${venue?.asOf ?? '?'}, source ${venue?.source ?? '?'}.`);
    expect(window.location.search).toBe('');
  });

  it('reads its state from the URL', () => {
    visit(`?${queryFor(inputsWith({ entry: '61000', leverage: '10', side: 'short' }), 'dark')}`);
    render(<App />);
    expect(input('Entry price').value).toBe('61000');
    expect(input('Leverage').value).toBe('10');
    expect(screen.getByRole('radio', { name: 'Short' })).toHaveProperty('checked', true);
    expect(appRoot()?.getAttribute('data-theme')).toBe('dark');
  });

  it('names the keys of a tampered link in a dismissible notice and never renders its markup', async () => {
    const user = userEvent.setup();
    visit('?v=1&entry=%3Cscript%3Ealert(1)%3C%2Fscript%3E&leverage=9999&evil=%3Cimg%20src%3Dx%3E');
    const { container } = render(<App />);
    const notice = screen.getByText(/defaults were loaded for/);
    expect(notice.textContent).toContain('Entry price (entry)');
    expect(notice.textContent).toContain('Leverage (leverage)');
    expect(screen.getByText(/ignored: evil/).textContent).toContain('The link had settings this page does not know, which were ignored: evil.');
    expect(container.querySelector('script, img')).toBeNull();
    expect(input('Entry price').value).toBe(defaultInputs().entry);
    // The cleaned state replaces the tampered address at once.
    expect(window.location.search).not.toContain('evil');

    await user.click(screen.getAllByRole('button', { name: /^Dismiss notice/ })[0] ?? document.body);
    expect(screen.queryByText(/defaults were loaded for/)).toBeNull();
  });

  it('restores the last session from localStorage on reload', () => {
    window.localStorage.setItem(
      STORAGE_KEY,
      storedText({ inputs: inputsWith({ entry: '42000' }), theme: 'light', scenarios: [{ id: 'k', name: 'Kept', inputs: defaultInputs() }] }) ?? '',
    );
    render(<App />);
    expect(input('Entry price').value).toBe('42000');
    expect(appRoot()?.getAttribute('data-theme')).toBe('light');
    expect(screen.getByRole('list', { name: 'Saved scenarios' }).textContent).toContain('Kept');
  });

  it('prefers URL parameters to the saved session', () => {
    window.localStorage.setItem(STORAGE_KEY, storedText({ inputs: inputsWith({ entry: '42000' }), theme: 'auto', scenarios: [] }) ?? '');
    visit('?v=1&entry=55000');
    render(<App />);
    expect(input('Entry price').value).toBe('55000');
  });

  it('keeps working when storage throws', () => {
    const getItem = vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new Error('blocked');
    });
    const setItem = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new Error('quota');
    });
    render(<App />);
    expect(input('Entry price').value).toBe(defaultInputs().entry);
    getItem.mockRestore();
    setItem.mockRestore();
  });

  it('resets to the defaults and clears the saved session', async () => {
    const user = userEvent.setup();
    window.localStorage.setItem(STORAGE_KEY, storedText({ inputs: inputsWith({ entry: '42000' }), theme: 'auto', scenarios: [] }) ?? '');
    render(<App />);
    await user.click(screen.getByRole('button', { name: 'Reset' }));
    expect(input('Entry price').value).toBe(defaultInputs().entry);
    expect(window.localStorage.getItem(STORAGE_KEY)).toBeNull();
    await waitFor(() => expect(window.location.search).toBe(''), { timeout: 2000 });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(window.localStorage.getItem(STORAGE_KEY)).toBeNull();
  });

  it('copies a link that reproduces the state and announces it', async () => {
    const user = userEvent.setup();
    render(<App />);
    const leverage = input('Leverage');
    await user.clear(leverage);
    await user.type(leverage, '15');
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    // Announced through a live region, not only shown.
    expect((await screen.findByText('Link copied')).getAttribute('role')).toBe('status');
    const copied = await navigator.clipboard.readText();
    expect(readLink(new URL(copied).search)?.inputs).toEqual(inputsWith({ leverage: '15' }));
  });

  it('falls back to a selected read-only link when the clipboard refuses', async () => {
    const user = userEvent.setup();
    render(<App />);
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('denied'));
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    const link = await screen.findByLabelText('Link to this calculation');
    expect(link).toHaveProperty('readOnly', true);
    expect(readLink(new URL(link instanceof HTMLInputElement ? link.value : '').search)?.inputs).toEqual(defaultInputs());
    const status = screen.getAllByRole('status').map((element) => element.textContent).join(' ');
    expect(status).toMatch(/Link copied|copy the selected link/);
    writeText.mockRestore();
  });

  it('switches theme by the toggle and sets data-theme on the app root', async () => {
    const user = userEvent.setup();
    render(<App />);
    expect(appRoot()?.getAttribute('data-theme')).toBe('auto');
    await user.click(screen.getByRole('radio', { name: 'Dark' }));
    expect(appRoot()?.getAttribute('data-theme')).toBe('dark');
    await waitFor(() => expect(new URLSearchParams(window.location.search).get('theme')).toBe('dark'), { timeout: 2000 });
    // The page hands startSync its real storage (the debounce itself is unit-tested in sync.test.ts).
    expect(parseStored(window.localStorage.getItem(STORAGE_KEY)).theme).toBe('dark');
  });

  it('lays out the position, the key figures, the chart and scenarios as labelled regions, the chart before everything but leverage', () => {
    render(<App />);
    const main = screen.getByRole('main');
    for (const name of ['Position', 'Results', 'Chart', 'Scenarios']) {
      // Each region opens with the heading that names it.
      expect(within(within(main).getByRole('region', { name })).getAllByRole('heading')[0]?.textContent).toBe(name);
    }
    // The four figures that matter sit with the chart; the rest follow under "More figures".
    const keyFigures = within(screen.getByRole('region', { name: 'Results' }));
    expect(keyFigures.getAllByRole('term').map((term) => term.textContent)).toEqual(['Liquidation price', 'Distance to liquidation', 'Amplification', 'Maximum loss']);
    // Reading order: leverage and margin mode, the figures, the chart, then the position's other inputs and the folds.
    const order = [
      screen.getByRole('slider', { name: 'Leverage slider' }),
      screen.getByRole('radio', { name: 'Cross' }),
      screen.getByRole('region', { name: 'Results' }),
      screen.getByRole('region', { name: 'Chart' }),
      screen.getByLabelText('Entry price'),
      screen.getByRole('button', { name: 'More figures' }),
      screen.getByRole('region', { name: 'Scenarios' }),
    ];
    order.slice(1).forEach((element, index) => {
      expect(order[index]?.compareDocumentPosition(element)).toBe(Node.DOCUMENT_POSITION_FOLLOWING);
    });
    expect(screen.getByRole('contentinfo').textContent).toMatch(/A model, not advice/);
  });

  it('folds each group below the chart under a heading button', async () => {
    const user = userEvent.setup();
    render(<App />);
    const folds = ['More figures', 'Risk over time and holding costs', 'Toolbox', 'Scenarios', 'Venue rules and advanced settings'];
    for (const fold of folds) {
      const button = screen.getByRole('button', { name: fold });
      // The button is the group's heading, so heading navigation finds the group folded or not.
      expect(button.closest('h2')?.textContent).toContain(fold);
      expect(button.getAttribute('aria-expanded')).toBe('true');
    }
    const toggle = screen.getByRole('button', { name: 'Scenarios' });
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByRole('region', { name: 'Scenarios' })).toBeDefined();
    toggle.focus();
    await user.keyboard('{Enter}');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('region', { name: 'Scenarios' })).toBeNull();
    await user.keyboard(' ');
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(within(screen.getByRole('region', { name: 'Scenarios' })).getByLabelText('Scenario name').closest('[hidden]')).toBeNull();
  });

  it('shows the stale notice when an input goes bad, and the chart stays', async () => {
    const user = userEvent.setup();
    render(<App />);
    const entry = input('Entry price');
    await user.clear(entry);
    await user.paste('abc');
    expect(resultsStatus()).toContain('Showing the last valid inputs — fix Entry price');
    expect(screen.getByRole('region', { name: 'Chart' }).textContent).not.toMatch(/NaN|Infinity/);
  });
});
