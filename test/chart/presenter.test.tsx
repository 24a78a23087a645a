import { describe, expect, it, vi } from 'vitest';
import { failOnConsoleErrors } from '../ui/helpers';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ChartPanel } from '../../src/chart/ChartPanel';
import { CalculatorProvider } from '../../src/store/context';
import { createCalculatorStore } from '../../src/store/calculatorStore';
import { createDeriver } from '../../src/view/derive';
import { headlineRows, readingContext } from '../../src/view/readings';
import { createFormatter } from '../../src/config/format';
import { inputsWith } from '../../src/config/presets';
import type { Inputs } from '../../src/config/schema';

/** The liquidation price as the headline shows it, worked out by the model for these inputs. */
function liquidationText(inputs: Inputs): string {
  const view = createDeriver()(inputs);
  if (view.shown === null) throw new Error('the inputs do not make a position');
  const row = headlineRows(view.shown, readingContext(view.venue, view.tick), createFormatter()).find((candidate) => candidate.key === 'liquidationPrice');
  return row === undefined ? '' : `${row.value}${row.unit === '' ? '' : ` ${row.unit}`}`;
}

describe('presenter view', () => {
  failOnConsoleErrors();

  it('opens over the chart with the key figures, steps the saved scenarios by keyboard, and Esc restores the position and the focus', async () => {
    const user = userEvent.setup();
    const start = inputsWith({ leverage: '20' });
    const store = createCalculatorStore({ inputs: start });
    const tenTimes = inputsWith({ leverage: '10' });
    store.setState({ scenarios: [{ id: 'a', name: 'Ten times', inputs: tenTimes }] });
    render(
      <CalculatorProvider store={store}>
        <ChartPanel />
      </CalculatorProvider>,
    );
    const present = screen.getByRole('button', { name: 'Present' });
    await user.click(present);

    const dialog = await screen.findByRole('dialog', { name: 'Presenter view' });
    const heading = within(dialog).getByRole('heading', { name: 'Your position (1 of 2)' });
    expect(document.activeElement).toBe(heading);
    const figure = (): string => within(dialog).getByText('Liquidation price', { selector: 'dt' }).nextElementSibling?.textContent ?? '';
    expect(figure()).toBe(liquidationText(start));

    await user.keyboard('{PageDown}');
    expect(within(dialog).getByRole('heading', { level: 2 }).textContent).toBe('Ten times (2 of 2)');
    expect(store.getState().inputs.leverage).toBe('10');
    await vi.waitFor(() => expect(figure()).toBe(liquidationText(tenTimes)), { timeout: 10_000 });
    expect(figure()).not.toBe(liquidationText(start));

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(store.getState().inputs.leverage).toBe('20');
    await act(async () => {});
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Present' }));
  });

  it('says how to step when nothing is saved, and the Leave button closes it', async () => {
    const user = userEvent.setup();
    render(
      <CalculatorProvider>
        <ChartPanel />
      </CalculatorProvider>,
    );
    await user.click(screen.getByRole('button', { name: 'Present' }));
    const dialog = screen.getByRole('dialog', { name: 'Presenter view' });
    expect(within(dialog).getByRole('heading', { level: 2 }).textContent).toBe('Your position');
    expect(dialog.textContent).toContain('Save scenarios to step through them here');
    await user.click(within(dialog).getByRole('button', { name: 'Leave presenter view' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
