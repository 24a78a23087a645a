import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { analyze } from '../../src/model/analyze';
import type { ValidAnalysis } from '../../src/model/types';
import { applyVenue, defaultInputs, inputsWith } from '../../src/config/presets';
import { fieldErrors, inputsToSpec } from '../../src/config/spec';
import type { Inputs } from '../../src/config/schema';
import { defaultFormatter, formatPercent } from '../../src/config/format';
import { formatDuration, formatProbability } from '../../src/view/riskReadings';
import { describedText, expectNoBadNumbers, failOnConsoleErrors, figureBeside, renderInputsAndResults, resultsStatus } from './helpers';

vi.setConfig({ testTimeout: 20_000 });
failOnConsoleErrors();

const page = renderInputsAndResults;

function analysisOf(inputs: Inputs): ValidAnalysis {
  const analysis = analyze(inputsToSpec(inputs));
  if (!analysis.valid) throw new Error('expected valid inputs');
  return analysis;
}

function touchOf(inputs: Inputs): string {
  return formatProbability(analysisOf(inputs).risk?.liquidation?.touchProbability ?? null, defaultFormatter);
}

function result(container: HTMLElement, key: string): string | null | undefined {
  return container.querySelector(`[data-result="${key}"]`)?.textContent;
}

function textbox(label: string): HTMLInputElement {
  const element = screen.getByLabelText(label);
  if (!(element instanceof HTMLInputElement)) throw new Error(`${label} is not an input`);
  return element;
}

describe('risk over time inputs', () => {
  it('sit in their own fieldsets, open by default; drift waits under Advanced settings', async () => {
    const user = userEvent.setup();
    page();
    const carry = screen.getByRole('group', { name: 'Funding, interest and holding period' });
    // Each field shows the page's default for it.
    const defaults = defaultInputs();
    expect(within(carry).getByLabelText('Funding rate (per 8 h)')).toHaveProperty('value', defaults.fundingRate);
    expect(within(carry).getByLabelText('Funding interval')).toHaveProperty('value', defaults.fundingIntervalHours);
    expect(within(carry).getByLabelText('Holding period')).toHaveProperty('value', defaults.holdHours);
    expect(within(carry).queryByLabelText('Borrow rate (APR)')).toBeNull();
    const risk = screen.getByRole('group', { name: 'Volatility and horizon' });
    expect(within(risk).getByLabelText('Volatility (annualized)')).toHaveProperty('value', defaults.volatility);
    expect(within(risk).getByLabelText('Horizon')).toHaveProperty('value', defaults.horizonDays);
    expect(within(risk).getByLabelText('Volatility stress multiplier')).toHaveProperty('value', defaults.volatilityStress);
    expect(screen.queryByLabelText('Drift (annualized)')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Advanced settings' }));
    expect(textbox('Drift (annualized)').value).toBe('0');
  });

  it('explain how volatility scales to the horizon next to the field', () => {
    page();
    const note = describedText(textbox('Volatility (annualized)'));
    // σ·√(7/365) of 60 %.
    expect(note).toContain(`60 % a year is ${formatPercent(0.6 * Math.sqrt(7 / 365), { digits: 1 })} over 7 days`);
  });

  it('show loan rates for loans, not funding', () => {
    page(applyVenue(defaultInputs(), 'aave-v3-eth'));
    const carry = screen.getByRole('group', { name: 'Funding, interest and holding period' });
    const loan = applyVenue(defaultInputs(), 'aave-v3-eth');
    expect(within(carry).getByLabelText('Borrow rate (APR)')).toHaveProperty('value', loan.borrowApr);
    expect(within(carry).getByLabelText('Supply yield (APY)')).toHaveProperty('value', loan.supplyApr);
    expect(within(carry).queryByLabelText('Funding rate (per 8 h)')).toBeNull();
  });
});

describe('risk over time results', () => {
  it('give the model’s touch probability, z distance and end-beyond odds with a reading each', () => {
    const { container } = page();
    const risk = analysisOf(defaultInputs()).risk?.liquidation;
    if (risk === undefined || risk === null) throw new Error('risk expected');
    const section = screen.getByRole('region', { name: 'Risk over time' });
    expect(figureBeside(within(section).getByText('Chance of touching the liquidation price within 7 days'))).toBe(formatProbability(risk.touchProbability, defaultFormatter));
    expect(result(container, 'touchProbability')).toBe(formatProbability(risk.touchProbability, defaultFormatter));
    expect(result(container, 'endBeyondProbability')).toBe(formatProbability(risk.endBeyondProbability, defaultFormatter));
    expect(result(container, 'zScore')).toMatch(/^\d+(\.\d+)? σ$/);
    expect(container.querySelector('[data-reading="touchProbability"]')?.textContent).toContain(formatProbability(risk.touchProbability, defaultFormatter));
    expect(container.querySelector('[data-reading="zScore"]')?.textContent).toMatch(/standard deviations of a 7-day move away/);
    expect(figureBeside(within(section).getByText(/ending below the liquidation price/))).toBe(formatProbability(risk.endBeyondProbability, defaultFormatter));
    expect(result(container, 'riskCaveat')).toMatch(/jump.*fat\s+tails/);
    for (const value of section.querySelectorAll('dd[data-result]')) {
      expect(value.nextElementSibling?.getAttribute('data-reading')).toBe(value.getAttribute('data-result'));
      expect(value.nextElementSibling?.textContent ?? '').not.toBe('');
    }
    expectNoBadNumbers(container);
  });

  it('update the probability when volatility and horizon change', async () => {
    const user = userEvent.setup();
    const { container } = page();
    const before = result(container, 'touchProbability');
    await user.clear(textbox('Volatility (annualized)'));
    await user.type(textbox('Volatility (annualized)'), '90');
    await user.clear(textbox('Horizon'));
    await user.type(textbox('Horizon'), '30');
    const inputs = inputsWith({ volatility: '90', horizonDays: '30' });
    // Typed values reach the figures one task later (the odds follow the headline figures).
    await waitFor(() => expect(result(container, 'touchProbability')).toBe(touchOf(inputs)));
    expect(result(container, 'touchProbability')).not.toBe(before);
    expect(figureBeside(screen.getByText('Chance of touching the liquidation price within 30 days'))).toBe(touchOf(inputs));
    expect(describedText(textbox('Volatility (annualized)'))).toContain('90 % a year is');
    expectNoBadNumbers(container);
  });

  it.each([
    ['Volatility (annualized)', 'volatility', 'abc'],
    ['Volatility (annualized)', 'volatility', '-10'],
    ['Horizon', 'horizonDays', '-1'],
    ['Holding period', 'holdHours', 'week'],
    ['Volatility stress multiplier', 'volatilityStress', '-2'],
  ] as const)('%s (%s) = "%s" shows the inline message and keeps the last valid odds', (label, key, value) => {
    const { container } = page();
    const before = result(container, 'touchProbability');
    const input = textbox(label);
    fireEvent.change(input, { target: { value } });
    const expected = fieldErrors(inputsWith({ [key]: value }))[key];
    expect(expected).toBeDefined();
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(describedText(input)).toContain(expected);
    expect(resultsStatus()).toContain(`Showing the last valid inputs — fix ${label}`);
    expect(result(container, 'touchProbability')).toBe(before);
    expectNoBadNumbers(container);
  });

  it('offer the stress multiplier next to the caveat', async () => {
    const user = userEvent.setup();
    const { container } = page();
    await user.click(screen.getByRole('button', { name: 'Stress volatility 1.5×' }));
    expect(textbox('Volatility stress multiplier').value).toBe('1.5');
    // The figures follow the input one task later (the store's merged write): a loaded machine may not be there yet.
    await waitFor(() => expect(result(container, 'touchProbability')).toBe(touchOf(inputsWith({ volatilityStress: '1.5' }))));
    await user.click(screen.getByRole('button', { name: 'Remove the stress' }));
    expect(textbox('Volatility stress multiplier').value).toBe('1');
  });

  it('list funding, fees and the liquidation price after the holding period', () => {
    const { container } = page();
    const analysis = analysisOf(defaultInputs());
    expect(analysis.carry).not.toBeNull();
    expect(screen.getByRole('heading', { name: /^Holding for / }).textContent).toBe(`Holding for ${formatDuration(analysis.carry?.hours ?? null, defaultFormatter)}: funding, interest and fees`);
    expect(result(container, 'carryFunding')).toMatch(/^21(\.00)? USDT$/);
    expect(container.querySelector('[data-reading="carryFunding"]')?.textContent).toMatch(/21 payments of 0\.01 % of the position every 8 h/);
    expect(result(container, 'carryTotal')).toContain('USDT');
    expect(result(container, 'liquidationPriceAfterHold')).not.toBe(result(container, 'liquidationPrice'));
    expect(container.querySelector('[data-reading="liquidationPriceAfterHold"]')?.textContent).toMatch(/closer to the entry price/);
    expect(result(container, 'carryLiquidationHours')).toBe(formatDuration(analysis.carryLiquidationHours, defaultFormatter));
    expect(container.querySelector('[data-result="netApy"]')).toBeNull();
    expectNoBadNumbers(container);
  });

  it('give a loan its net APY and never liquidate by carry when yield outruns interest', () => {
    const inputs = inputsWith({ borrowApr: '1', supplyApr: '4' }, applyVenue(defaultInputs(), 'aave-v3-eth'));
    const analysis = analysisOf(inputs);
    const { container } = page(inputs);
    expect(result(container, 'netApy')).toBe(formatPercent(analysis.netApy, { signed: true, digits: 2 }));
    expect(analysis.carryLiquidationHours).toBeNull();
    expect(result(container, 'carryLiquidationHours')).toBe('Never');
    expect(container.querySelector('[data-result="carryFunding"]')).toBeNull();
    expect(result(container, 'carryBorrowInterest')).toContain('USD');
    expectNoBadNumbers(container);
  });

  it('ask for volatility and horizon when they are empty', () => {
    const { container } = page(inputsWith({ volatility: '' }));
    expect(screen.getByRole('region', { name: 'Risk over time' }).textContent).toContain('Enter a volatility and a horizon to see the chance of liquidation.');
    expect(container.querySelector('[data-result="touchProbability"]')).toBeNull();
  });
});
