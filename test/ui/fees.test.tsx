import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { analyze } from '../../src/model/analyze';
import { findVenue } from '../../src/model/venues';
import { formatPrice } from '../../src/config/format';
import { defaultInputs } from '../../src/config/presets';
import { withText } from '../../src/config/schema';
import type { Inputs } from '../../src/config/schema';
import { inputsToSpec } from '../../src/config/spec';
import { describedText, failOnConsoleErrors, renderInputsAndResults } from './helpers';

// Component tests type character by character; a busy machine needs more than the 5 s default.
vi.setConfig({ testTimeout: 20_000 });

function field(label: string): HTMLInputElement | HTMLSelectElement {
  const element = screen.getByLabelText(label);
  if (!(element instanceof HTMLInputElement || element instanceof HTMLSelectElement)) throw new Error(`${label} is not a field`);
  return element;
}

/** The break-even price as the page writes it for these inputs: the model's figure through the display rule (a long rounds up). */
function shownBreakEven(inputs: Inputs): string {
  const analysis = analyze(inputsToSpec(inputs));
  if (!analysis.valid) throw new Error('inputs refused');
  return formatPrice(analysis.breakEvenPrice, findVenue(inputs.venue)?.tick ?? '0.01', { direction: 'up' });
}

function breakEvenOnScreen(container: HTMLElement): string | null | undefined {
  return container.querySelector('[data-result="breakEvenPrice"]')?.textContent;
}

describe('maker and taker fees on the page', () => {
  failOnConsoleErrors();

  it('choosing a maker opening order at a 0.02 % maker fee moves the break-even to the model’s figure', async () => {
    const user = userEvent.setup();
    const { container } = renderInputsAndResults();
    await user.click(screen.getByRole('button', { name: 'Advanced settings' }));
    const makerFee = field('Maker fee');
    await user.clear(makerFee);
    await user.type(makerFee, '0.02');
    // Figures follow an input one task later (the store's merged write): wait for them on a loaded machine.
    await waitFor(() => expect(breakEvenOnScreen(container)).toBe(shownBreakEven(withText(defaultInputs(), 'makerFeeRate', '0.02'))));
    const takerFigure = breakEvenOnScreen(container);
    await user.selectOptions(field('Opening order'), 'maker');
    const makerInputs = withText(withText(defaultInputs(), 'makerFeeRate', '0.02'), 'entryOrder', 'maker');
    await waitFor(() => expect(breakEvenOnScreen(container)).toBe(shownBreakEven(makerInputs)));
    expect(breakEvenOnScreen(container)).not.toBe(takerFigure);
    expect(field('Closing order').value).toBe('taker');
  });

  it('a bad maker fee is an inline message next to the field; the other fields keep their values', async () => {
    const user = userEvent.setup();
    renderInputsAndResults();
    await user.click(screen.getByRole('button', { name: 'Advanced settings' }));
    const takerBefore = field('Taker fee').value;
    const entryBefore = field('Entry price').value;
    const makerFee = field('Maker fee');
    await user.clear(makerFee);
    await user.type(makerFee, '-5');
    expect(makerFee.getAttribute('aria-invalid')).toBe('true');
    expect(describedText(makerFee)).toContain('Maker fee must be at least −1 % (a rebate).');
    await user.selectOptions(field('Closing order'), 'maker');
    expect(describedText(makerFee)).toContain('Maker fee must be at least −1 % (a rebate).');
    expect([field('Taker fee').value, field('Entry price').value, field('Closing order').value]).toEqual([takerBefore, entryBefore, 'maker']);
    await user.clear(makerFee);
    await waitFor(() => expect(describedText(makerFee)).toContain('Give the maker fee for a maker order.'));
  });

  it('a maker rebate on opening is taken off the maximum loss and said so; a free opening still leaves a fee to close', () => {
    const rebate = withText(withText(withText(defaultInputs(), 'makerFeeRate', '-0.025'), 'entryOrder', 'maker'), 'exitOrder', 'maker');
    const { container, unmount } = renderInputsAndResults(rebate);
    expect(screen.getByText(/^All the collateral less the maker rebate on opening\./)).not.toBeNull();
    expect(screen.getByText(/, less .* maker rebate on opening\./)).not.toBeNull();
    expect(container.textContent).not.toMatch(/plus the fee to open/);
    // Rebates on both orders put a long's break-even below its entry.
    expect(screen.getByText(/^The maker rebates pay you: BTC can fall .* before closing loses money\.$/)).not.toBeNull();
    unmount();
    renderInputsAndResults(withText(withText(defaultInputs(), 'makerFeeRate', '0'), 'entryOrder', 'maker'));
    expect(screen.queryByText('With no fees, break-even is the entry price.')).toBeNull();
    expect(screen.getByText(/must rise .* to pay the fees to open and close\./)).not.toBeNull();
  });
});
