import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { inputsWith } from '../../src/config/presets';
import { failOnConsoleErrors, renderInputsAndResults } from './helpers';

vi.setConfig({ testTimeout: 20_000 });
failOnConsoleErrors();

const aaveLoop = { venue: 'aave-v3-eth', instrument: 'loan', entry: '3000', collateral: '1000', ltv: '80', liquidationThreshold: '83', loops: 'max' } as const;

function field(key: string): HTMLElement {
  const element = document.querySelector<HTMLElement>(`[data-field="${key}"]`);
  if (element === null) throw new Error(`no field ${key}`);
  return element;
}

describe('the loop control and the interest convention on the page', () => {
  it('shows the loop ceiling as text under the loops field and follows the loan-to-value', async () => {
    const user = userEvent.setup();
    renderInputsAndResults(inputsWith(aaveLoop));
    expect(field('loops').textContent).toContain('ceiling 5×');
    const ltv = screen.getByLabelText('Loan-to-value per loop');
    await user.clear(ltv);
    await user.type(ltv, '50');
    expect(field('loops').textContent).toContain('ceiling 2×');
  });

  it('puts the reason next to a loops value it cannot use', async () => {
    const user = userEvent.setup();
    renderInputsAndResults(inputsWith(aaveLoop));
    const loops = screen.getByLabelText('Loops');
    await user.clear(loops);
    await user.type(loops, '2.5');
    expect(field('loops').querySelector('.lev-field__error')?.textContent).toContain('Loops must be a whole number.');
    expect(field('loops').textContent).not.toContain('ceiling');
  });

  it('offers the lenders’ conventions as a labelled choice', () => {
    renderInputsAndResults(inputsWith({ ...aaveLoop, compounding: 'per-second' }));
    const interest = screen.getByLabelText('Interest charged');
    expect(interest).toHaveProperty('value', 'per-second');
    expect([...interest.querySelectorAll('option')].map((option) => option.textContent)).toEqual(['Simple interest', 'Compounded every second (Aave)', 'Per hour begun (Binance margin)', 'Compounded continuously']);
  });
});
