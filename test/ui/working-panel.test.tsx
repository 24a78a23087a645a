import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { analyze } from '../../src/model/analyze';
import { inputsWith } from '../../src/config/presets';
import { inputsToSpec } from '../../src/config/spec';
import { HeadlineResults } from '../../src/ui/HeadlineResults';
import { expectNoBadNumbers, failOnConsoleErrors, renderWithStore } from './helpers';

vi.setConfig({ testTimeout: 20_000 });
failOnConsoleErrors();

function card(container: HTMLElement, key: string): HTMLElement {
  const value = container.querySelector(`[data-result="${key}"]`);
  const item = value?.closest('div');
  if (!(item instanceof HTMLElement)) throw new Error(`no card for ${key}`);
  return item;
}

describe('show the working', () => {
  it('opens the liquidation price’s steps from a disclosure, ending at the figure on the card', () => {
    const { container } = renderWithStore(<HeadlineResults />);
    const liquidation = card(container, 'liquidationPrice');
    const toggle = within(liquidation).getByRole('button', { name: 'Show the working of the liquidation price' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const panel = screen.getByRole('region', { name: 'How the liquidation price is worked out' });
    expect(toggle.getAttribute('aria-controls')).toBe(panel.id);
    const steps = within(within(panel).getByRole('list', { name: 'Steps' })).getAllByRole('listitem');
    expect(steps.length).toBeGreaterThan(3);
    const shown = liquidation.querySelector('[data-result="liquidationPrice"]')?.textContent ?? '';
    expect(steps.at(-1)?.textContent).toContain(`= ${shown}`);
    // Each step shows its formula in symbols and then with the reader's numbers.
    const solve = steps.find((step) => step.getAttribute('data-step') === 'x');
    expect(solve?.querySelector('.lev-working__formula')?.textContent).toBe(' = (h × r₀ − a₀) ÷ (a₁ − h × r₁)');
    expect(within(panel).getByText(/^Convention:/).parentElement?.textContent).toContain('mark basis');
    expect(within(panel).getByText(/^Source:/).parentElement?.textContent).toMatch(/Binance/);
    expectNoBadNumbers(container);
    fireEvent.click(toggle);
    expect(screen.queryByRole('region', { name: 'How the liquidation price is worked out' })).toBeNull();
  });

  it('opens the working of the liquidation odds and of the funding, each ending at its card’s figure', () => {
    const { container } = renderWithStore(<HeadlineResults />);
    for (const [key, title] of [
      ['touchProbability', 'chance of touching the liquidation price'],
      ['carryFunding', 'funding over the holding period'],
    ] as const) {
      fireEvent.click(within(card(container, key)).getByRole('button', { name: /^Show the working of/ }));
      const panel = screen.getByRole('region', { name: `How the ${title} is worked out` });
      const steps = within(within(panel).getByRole('list', { name: 'Steps' })).getAllByRole('listitem');
      const shown = container.querySelector(`[data-result="${key}"]`)?.textContent ?? '';
      expect(steps.at(-1)?.querySelector('.lev-working__value')?.textContent).toBe(` = ${shown}`);
    }
    expectNoBadNumbers(container);
  });

  it('copies the working as text', async () => {
    let copied = '';
    const writeText = async (text: string): Promise<void> => {
      copied = text;
    };
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const { container } = renderWithStore(<HeadlineResults />);
    fireEvent.click(within(card(container, 'breakEvenPrice')).getByRole('button', { name: /Show the working/ }));
    const panel = screen.getByRole('region', { name: 'How the break-even price is worked out' });
    fireEvent.click(within(panel).getByRole('button', { name: 'Copy the working of the break-even price as text' }));
    await waitFor(() => expect(within(panel).getByText('Copied')).toBeDefined());
    const shown = container.querySelector('[data-result="breakEvenPrice"]')?.textContent ?? '';
    expect(copied).toMatch(/^Break-even price: how it is worked out\n/);
    expect(copied).toContain(`P = E × (1 + f × s) ÷ (1 − f × s) = `);
    expect(copied).toContain(`= ${shown}  (`);
    Reflect.deleteProperty(navigator, 'clipboard');
  });

  it('explains a liquidation price computed with the fee in the condition by the fee alone', () => {
    const inputs = inputsWith({ venue: 'custom', feeRate: '0.05', closeFeeInLiquidation: 'false' });
    const withFee = analyze(inputsToSpec(inputsWith({ venue: 'custom', feeRate: '0.05', closeFeeInLiquidation: 'true' })));
    if (!withFee.valid || withFee.liquidationPrice === null) throw new Error('expected a liquidation price');
    const { container } = renderWithStore(<HeadlineResults />, { inputs });
    fireEvent.click(within(card(container, 'liquidationPrice')).getByRole('button', { name: /Show the working/ }));
    const field = screen.getByLabelText('The liquidation price your exchange shows');
    fireEvent.change(field, { target: { value: withFee.liquidationPrice } });
    fireEvent.click(screen.getByRole('button', { name: 'Explain' }));
    const table = screen.getByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.getAttribute('data-term'))).toEqual(['closeFeeInLiquidation', 'unexplained']);
    expect(within(rows[0] ?? table).getByRole('rowheader').textContent).toBe('The fee to close counted in the liquidation condition');
    expect(rows[0]?.textContent).toContain('100 %');
  });

  it('says what to type when the figure is not a number', () => {
    const { container } = renderWithStore(<HeadlineResults />);
    fireEvent.click(within(card(container, 'liquidationPrice')).getByRole('button', { name: /Show the working/ }));
    fireEvent.change(screen.getByLabelText('The liquidation price your exchange shows'), { target: { value: '25,100' } });
    fireEvent.click(screen.getByRole('button', { name: 'Explain' }));
    expect(screen.getByText(/a positive number with a decimal point/).textContent).toBe('Type the liquidation price your exchange shows: a positive number with a decimal point.');
  });
});
