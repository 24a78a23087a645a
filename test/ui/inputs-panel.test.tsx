import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { analyze } from '../../src/model/analyze';
import { findVenue } from '../../src/model/venues';
import { applyVenue, defaultInputs, inputsWith } from '../../src/config/presets';
import { fieldErrors, inputsToSpec } from '../../src/config/spec';
import type { Inputs } from '../../src/config/schema';
import type { ValidAnalysis } from '../../src/model/types';
import { formatPrice } from '../../src/config/format';
import { leverageToSlider, sliderToLeverage, stepLeverage } from '../../src/ui/leverageScale';
import { leverageCeiling } from '../../src/ui/inputHelpers';
import { describedText, expectNoBadNumbers, failOnConsoleErrors, renderInputsAndResults, resultsStatus } from './helpers';

// Component tests type character by character; a busy machine needs more than the 5 s default.
vi.setConfig({ testTimeout: 20_000 });
failOnConsoleErrors();

const page = renderInputsAndResults;

function textbox(label: string): HTMLInputElement {
  const element = screen.getByLabelText(label);
  if (!(element instanceof HTMLInputElement)) throw new Error(`${label} is not an input`);
  return element;
}

function liquidationText(container: HTMLElement): string | null | undefined {
  return container.querySelector('[data-result="liquidationPrice"]')?.textContent;
}

function defaultAnalysis(): ValidAnalysis {
  const analysis = analyze(inputsToSpec(defaultInputs()));
  if (!analysis.valid) throw new Error('defaults are valid');
  return analysis;
}

function defaultLiquidation(): string {
  const analysis = defaultAnalysis();
  return formatPrice(analysis.liquidationPrice, findVenue(defaultInputs().venue)?.tick ?? '0.01', { direction: 'up' });
}

describe('bad input', () => {
  const cases: [label: string, key: keyof Inputs, value: string][] = [
    ['Entry price', 'entry', ''],
    ['Entry price', 'entry', 'abc'],
    ['Entry price', 'entry', '-5'],
    ['Entry price', 'entry', '0'],
    ['Entry price', 'entry', '1e400'],
    ['Collateral', 'collateral', '0'],
    ['Collateral', 'collateral', 'lots'],
    ['Leverage', 'leverage', '500'],
    ['Leverage', 'leverage', '-2'],
  ];

  it.each(cases)('%s (%s) = "%s" shows the model’s message inline, keeps the other fields and the last valid result', async (label, key, value) => {
    const user = userEvent.setup();
    const { container } = page();
    const input = textbox(label);
    await user.clear(input);
    // Pasted whole, so no valid prefix ("50" of "500") becomes the last valid result.
    if (value !== '') await user.paste(value);

    const expected = fieldErrors(inputsWith({ [key]: value }))[key];
    expect(expected).toBeDefined();
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(describedText(input)).toContain(expected);
    expect(input.value).toBe(value);
    // The other fields keep what was typed.
    for (const [otherLabel, otherKey] of [['Entry price', 'entry'], ['Collateral', 'collateral'], ['Leverage', 'leverage']] as const) {
      if (otherKey !== key) expect(textbox(otherLabel).value).toBe(defaultInputs()[otherKey]);
    }
    expect(resultsStatus()).toContain(`Showing the last valid inputs — fix ${label}`);
    expect(liquidationText(container)).toBe(defaultLiquidation());
    expectNoBadNumbers(container);
  });

  it('clears the message and the notice once the value is fixed', async () => {
    const user = userEvent.setup();
    page();
    const input = textbox('Entry price');
    await user.clear(input);
    await user.type(input, 'x');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    await user.clear(input);
    await user.type(input, '60000');
    expect(input.getAttribute('aria-invalid')).toBe('false');
    expect(screen.queryByText(/Showing the last valid inputs/)).toBeNull();
  });

  it('a maintenance rate that liquidates at once is an inline error on the rate', async () => {
    const user = userEvent.setup();
    const { container } = page(inputsWith({ tiers: '' }));
    await user.click(screen.getByRole('button', { name: 'Advanced settings' }));
    const rate = textbox('Maintenance rate');
    await user.clear(rate);
    await user.type(rate, '10');
    const expected = fieldErrors(inputsWith({ tiers: '', mmr: '10' })).mmr;
    expect(expected).toMatch(/liquidated at once/);
    expect(rate.getAttribute('aria-invalid')).toBe('true');
    expect(describedText(rate)).toContain(expected);
    expect(resultsStatus()).toContain('Showing the last valid inputs — fix Maintenance rate');
    expectNoBadNumbers(container);
  });

  it('points to Advanced settings when the faulty field is folded away', () => {
    page(inputsWith({ tiers: '', mmr: '10' }));
    expect(screen.getByText(/under Advanced settings\./).textContent).toBe('Check Maintenance rate under Advanced settings.');
    expect(screen.getByRole('button', { name: 'Advanced settings' }).getAttribute('aria-expanded')).toBe('false');
  });
});

describe('leverage slider and number box', () => {
  it('stay in sync from the keyboard and from typing', async () => {
    const user = userEvent.setup();
    page();
    const max = leverageCeiling(defaultInputs(), defaultAnalysis());
    const slider = screen.getByRole('slider', { name: 'Leverage slider' });
    const box = textbox('Leverage');
    expect(slider.getAttribute('aria-valuetext')).toBe('20×');

    slider.focus();
    await user.keyboard('{ArrowRight}');
    const up = stepLeverage(20, 1, max);
    expect(box.value).toBe(String(up));
    expect(slider.getAttribute('aria-valuetext')).toBe(`${up}×`);

    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(box.value).toBe(String(stepLeverage(stepLeverage(up, -1, max), -1, max)));
    await user.keyboard('{End}');
    expect(box.value).toBe(String(max));
    await user.keyboard('{Home}');
    expect(box.value).toBe('1');

    await user.clear(box);
    await user.type(box, '50');
    expect((slider instanceof HTMLInputElement ? slider.value : '')).toBe(String(leverageToSlider(50, max)));
    expect(slider.getAttribute('aria-valuetext')).toBe('50×');
  });

  it('writes the log-mapped leverage when dragged', () => {
    page();
    const slider = screen.getByRole('slider', { name: 'Leverage slider' });
    fireEvent.change(slider, { target: { value: '500' } });
    expect(textbox('Leverage').value).toBe(String(sliderToLeverage(500, leverageCeiling(defaultInputs(), defaultAnalysis()))));
  });

  it('ends at the highest leverage the brackets allow for this collateral, not at the first bracket’s 125×', async () => {
    const user = userEvent.setup();
    page();
    const slider = screen.getByRole('slider', { name: 'Leverage slider' });
    slider.focus();
    await user.keyboard('{End}');
    const top = textbox('Leverage').value;
    // The top of the slider is a leverage the model accepts, and one step more is refused by the bracket at that size.
    expect(fieldErrors(inputsWith({ leverage: top })).leverage).toBeUndefined();
    expect(fieldErrors(inputsWith({ leverage: String(Number(top) + 1) })).leverage).toMatch(/bracket \d+ allows at most/);
    expect(Number(top)).toBeLessThan(Number(findVenue(defaultInputs().venue)?.spec.maxLeverage));
    expect(slider.getAttribute('aria-valuetext')).toBe(`${top}×`);
  });

  it('labels the track with round leverages', () => {
    const { container } = page();
    const labels = [...container.querySelectorAll('.lev-slider__scale span')].map((label) => label.textContent);
    expect(labels[0]).toBe('1×');
    expect(labels.at(-1)).toBe(`${String(leverageCeiling(defaultInputs(), defaultAnalysis()))}×`);
    for (const label of labels.slice(1, -1)) expect(label).toMatch(/^(1|2|5)0*×$/);
  });

  it('ends at the venue maximum', async () => {
    const user = userEvent.setup();
    page(applyVenue(defaultInputs(), 'hyperliquid-btc'));
    screen.getByRole('slider', { name: 'Leverage slider' }).focus();
    await user.keyboard('{End}');
    expect(textbox('Leverage').value).toBe(String(findVenue('hyperliquid-btc')?.spec.maxLeverage));
  });
});

describe('venue presets and custom values', () => {
  it('fill the maintenance fields and mark edits as custom', async () => {
    const user = userEvent.setup();
    const { container } = page();
    await user.selectOptions(screen.getByLabelText('Venue preset'), 'bybit-usdt-btcusdt');
    const bybit = findVenue('bybit-usdt-btcusdt');
    expect(container.textContent).toContain(`Data as of ${bybit?.asOf}`);
    await user.click(screen.getByRole('button', { name: 'Advanced settings' }));
    const rate = textbox('Maintenance rate');
    expect(rate.value).toBe('0.5');
    expect(textbox('Taker fee').value).toBe('0.055');
    const rateField = rate.closest('[data-field]');
    if (!(rateField instanceof HTMLElement)) throw new Error('field wrapper missing');
    expect(within(rateField).queryByText('custom')).toBeNull();

    await user.clear(rate);
    await user.type(rate, '0.6');
    expect(within(rateField).getByText('custom').getAttribute('title')).toBe('Changed from the venue preset');
    expect(rate.getAttribute('aria-describedby')).toContain(within(rateField).getByText('custom').id);
  });

  it('show the bracket in force and the Advanced part starts folded', async () => {
    const user = userEvent.setup();
    page();
    const disclosure = screen.getByRole('button', { name: 'Advanced settings' });
    expect(disclosure.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByLabelText('Maintenance rate')).toBeNull();
    const table = screen.getByRole('table', { name: /Maintenance brackets/ });
    const current = within(table).getAllByRole('row').filter((row) => row.getAttribute('aria-current') === 'true');
    expect(current).toHaveLength(1);
    expect(current[0]?.textContent).toMatch(/Applies at entry and at liquidation/);
    await user.click(disclosure);
    expect(disclosure.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByLabelText('Brackets')).toHaveProperty('value', defaultInputs().tiers);
  });
});

describe('instruments', () => {
  it('loan fields appear only for loans', async () => {
    const user = userEvent.setup();
    page();
    expect(screen.queryByLabelText('Liquidation threshold')).toBeNull();
    expect(screen.queryByLabelText('Loops')).toBeNull();
    await user.selectOptions(screen.getByLabelText('Instrument'), 'loan');
    expect(textbox('Liquidation threshold').value).toBe('83');
    const loan = applyVenue(defaultInputs(), 'aave-v3-eth');
    expect(textbox('Loan-to-value per loop').value).toBe(loan.ltv);
    expect(textbox('Loops').value).toBe(loan.loops);
    expect(screen.getByLabelText('Venue preset')).toHaveProperty('value', 'aave-v3-eth');
    expect(screen.queryByRole('table', { name: /Maintenance brackets/ })).toBeNull();

    await user.selectOptions(screen.getByLabelText('Instrument'), 'linear');
    expect(screen.queryByLabelText('Liquidation threshold')).toBeNull();
  });

  it('inverse contracts take collateral in the coin', async () => {
    const user = userEvent.setup();
    page();
    await user.selectOptions(screen.getByLabelText('Instrument'), 'inverse');
    const collateral = textbox('Collateral');
    expect(collateral.parentElement?.textContent).toContain('BTC');
    expect(textbox('Size').parentElement?.textContent).toContain('USD');
  });
});

describe('margin mode', () => {
  it('sits beside leverage, and cross margin calls the collateral the wallet balance', async () => {
    const user = userEvent.setup();
    page();
    const leverageField = textbox('Leverage').closest('[data-field]');
    expect(leverageField?.nextElementSibling?.getAttribute('data-field')).toBe('marginMode');
    expect(screen.getByRole('radio', { name: 'Isolated' })).toHaveProperty('checked', true);
    const collateral = textbox('Collateral').value;

    await user.click(screen.getByRole('radio', { name: 'Cross' }));
    expect(screen.queryByLabelText('Collateral')).toBeNull();
    expect(textbox('Wallet balance').value).toBe(collateral);
    await user.clear(textbox('Wallet balance'));
    await user.paste('0');
    expect(resultsStatus()).toContain('fix Wallet balance');

    await user.click(screen.getByRole('radio', { name: 'Isolated' }));
    expect(textbox('Collateral').value).toBe('0');
  });
});

describe('the worked-out figure', () => {
  it('is read-only, shows the model’s value, and becomes typed when another is chosen', async () => {
    const user = userEvent.setup();
    page();
    const analysis = analyze(inputsToSpec(defaultInputs()));
    if (!analysis.valid) throw new Error('defaults are valid');
    const size = textbox('Size');
    expect(size.readOnly).toBe(true);
    expect(Number(size.value)).toBe(Number(analysis.size));
    expect(describedText(size)).toMatch(/Worked out from collateral and leverage/);

    await user.selectOptions(screen.getByLabelText('Work out'), 'leverage');
    expect(textbox('Size').readOnly).toBe(false);
    expect(Number(textbox('Size').value)).toBe(Number(analysis.size));
    expect(textbox('Leverage').readOnly).toBe(true);
    expect(screen.getByRole('slider', { name: 'Leverage slider' })).toHaveProperty('disabled', true);
    expect(screen.queryByText(/Showing the last valid inputs/)).toBeNull();
  });
});
