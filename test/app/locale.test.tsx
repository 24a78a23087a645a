import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { analyze } from '../../src/model/analyze';
import { roundToTick } from '../../src/model/companions';
import { defaultInputs } from '../../src/config/presets';
import { inputsToSpec } from '../../src/config/spec';
import { App } from '../../src/app/App';
import { addressFor, formatParams, formatSettingsFrom } from '../../src/app/urlState';
import { failOnConsoleErrors } from '../ui/helpers';

vi.setConfig({ testTimeout: 30_000 });
failOnConsoleErrors();

/** The default position's liquidation price as Intl writes the model's tick-rounded value in a locale. */
function liquidationIn(locale: string | undefined): string {
  const analysis = analyze(inputsToSpec(defaultInputs()));
  if (!analysis.valid || analysis.liquidationPrice === null) throw new Error('the default position has a liquidation price');
  const rounded = roundToTick(analysis.liquidationPrice, '0.1', 'up');
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(Number(rounded));
}

beforeEach(() => {
  window.localStorage.clear();
  window.history.replaceState(null, '', '/');
});

afterEach(() => {
  window.localStorage.clear();
});

describe('locale and currency on the standalone page', () => {
  it('reads only usable values from the query', () => {
    expect(formatSettingsFrom('?locale=de-DE&currency=EUR')).toEqual({ locale: 'de-DE', currency: 'EUR' });
    expect(formatSettingsFrom('')).toEqual({ locale: undefined, currency: undefined });
    expect(formatParams('?entry=1&locale=de-DE&currency=EUR')).toEqual([
      ['locale', 'de-DE'],
      ['currency', 'EUR'],
    ]);
    expect(formatParams('?locale=not%20a%20locale')).toEqual([]);
  });

  it('keeps them when the address bar is rewritten, default state included', () => {
    const inputs = defaultInputs();
    expect(addressFor('/', '', { inputs, theme: 'auto', scenarios: [] }, [['locale', 'de-DE']])).toBe('/?locale=de-DE');
    expect(addressFor('/', '#x', { inputs: { ...inputs, leverage: '10' }, theme: 'auto', scenarios: [] }, [['locale', 'de-DE']])).toMatch(/^\/\?.*leverage=10.*&locale=de-DE#x$/);
  });

  it('formats the figures in the locale and currency of its URL, and keeps them while the state syncs', async () => {
    const user = userEvent.setup();
    window.history.replaceState(null, '', '/?locale=de-DE&currency=EUR');
    const { container } = render(<App />);
    expect(container.querySelector('[data-result="liquidationPrice"]')?.textContent).toBe(liquidationIn('de-DE'));
    const analysis = analyze(inputsToSpec(defaultInputs()));
    if (!analysis.valid) throw new Error('defaults are valid');
    expect(container.querySelector('[data-result="notional"]')?.textContent).toBe(
      new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR', minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(Number(analysis.notionalQuote)),
    );
    const leverage = screen.getByLabelText('Leverage');
    await user.clear(leverage);
    await user.type(leverage, '10');
    await waitFor(() => expect(window.location.search).toMatch(/leverage=10/));
    expect(new URLSearchParams(window.location.search).get('locale')).toBe('de-DE');
    expect(new URLSearchParams(window.location.search).get('currency')).toBe('EUR');
  });

  it('uses the browser’s locale and the venue’s units without them', () => {
    const { container } = render(<App />);
    expect(container.querySelector('[data-result="liquidationPrice"]')?.textContent).toBe(liquidationIn(undefined));
    expect(container.querySelector('[data-result="notional"]')?.textContent).toMatch(/USDT$/);
  });
});
