import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { applyVenue, defaultInputs } from '../../src/config/presets';
import { describedText, failOnConsoleErrors, renderInputsAndResults } from './helpers';

function textbox(label: string): HTMLInputElement {
  const element = screen.getByLabelText(label);
  if (!(element instanceof HTMLInputElement)) throw new Error(`${label} is not an input`);
  return element;
}

describe('the liquidation fields on the page', () => {
  failOnConsoleErrors();

  it('a perpetual’s spread, clearance fee and insurance-fund choice are labelled fields; a bad spread is an inline error and the results say so', async () => {
    const user = userEvent.setup();
    renderInputsAndResults();
    await user.click(screen.getByRole('button', { name: 'Advanced settings' }));
    expect(textbox('Liquidation clearance fee').value).toBe('1.25');
    const keeps = screen.getByRole('checkbox', { name: 'The insurance fund keeps the margin left at liquidation' });
    expect(keeps).toHaveProperty('checked', true);
    const spread = textbox('Last − mark spread');
    await user.clear(spread);
    await user.type(spread, '80');
    expect(spread.getAttribute('aria-invalid')).toBe('true');
    expect(describedText(spread)).toContain('Mark–last spread must be between −50 % and 50 %.');
    await user.clear(spread);
    await user.type(spread, '0.3');
    expect(spread.getAttribute('aria-invalid')).toBe('false');
    expect(await screen.findByText(/With the last price 0\.3 % above it/)).not.toBeNull();
  });

  it('a loan shows its bonus and close factor from the venue', () => {
    renderInputsAndResults(applyVenue(defaultInputs(), 'aave-v3-eth'));
    expect(textbox('Liquidation bonus / penalty').value).toBe('5');
    expect(textbox('Close factor').value).toBe('50');
    expect(screen.getByText(/^A liquidation repays 50 % of the debt/)).not.toBeNull();
  });
});
