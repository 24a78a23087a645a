import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { analyze } from '../../src/model/analyze';
import { defaultInputs, inputsWith } from '../../src/config/presets';
import { inputsToSpec } from '../../src/config/spec';
import { formatPrice, formatTimes } from '../../src/config/format';
import { MAX_SCENARIOS } from '../../src/store/calculatorStore';
import { InputsPanel } from '../../src/ui/InputsPanel';
import { ScenariosPanel } from '../../src/ui/ScenariosPanel';
import { describedText, failOnConsoleErrors, renderWithStore } from './helpers';

// Component tests type character by character; a busy machine needs more than the 5 s default.
vi.setConfig({ testTimeout: 20_000 });
failOnConsoleErrors();

async function save(user: ReturnType<typeof userEvent.setup>, name: string): Promise<void> {
  await user.type(screen.getByLabelText('Scenario name'), name);
  await user.click(screen.getByRole('button', { name: 'Save scenario' }));
}

describe('scenarios', () => {
  it('save with a name, compare against the current inputs, and remove', async () => {
    const user = userEvent.setup();
    const { store } = renderWithStore(<ScenariosPanel />);
    await save(user, '20x base');
    expect(screen.getByLabelText('Scenario name')).toHaveProperty('value', '');
    act(() => store.getState().setInput('leverage', '50'));

    const table = screen.getByRole('table', { name: 'Scenario comparison' });
    const saved = within(table).getByRole('row', { name: /20x base/ });
    const base = analyze(inputsToSpec(defaultInputs()));
    const now = analyze(inputsToSpec(inputsWith({ leverage: '50' })));
    if (!base.valid || !now.valid) throw new Error('both are valid');
    expect(saved.textContent).toContain(formatTimes(base.leverage));
    expect(saved.textContent).toContain(formatPrice(base.liquidationPrice, '0.1', { direction: 'up' }));
    // The comparison follows the inputs one task later (the input's own update commits first).
    await waitFor(() => expect(within(table).getByRole('row', { name: /Current inputs/ }).textContent).toContain(formatPrice(now.liquidationPrice, '0.1', { direction: 'up' })));

    await user.click(screen.getByRole('button', { name: 'Remove scenario 20x base' }));
    expect(within(table).queryByRole('row', { name: /20x base/ })).toBeNull();
    expect(store.getState().scenarios).toHaveLength(0);
  });

  it('stop at four', async () => {
    const user = userEvent.setup();
    const { store } = renderWithStore(<ScenariosPanel />);
    for (let index = 1; index <= MAX_SCENARIOS; index += 1) await save(user, `S${index}`);
    expect(store.getState().scenarios).toHaveLength(MAX_SCENARIOS);
    const button = screen.getByRole('button', { name: 'Save scenario' });
    expect(button).toHaveProperty('disabled', true);
    // The reason is announced with the name field, whose hint it is.
    expect(describedText(screen.getByLabelText('Scenario name'))).toBe('All 4 slots are used: remove a scenario to save another.');
    await user.click(screen.getByRole('button', { name: 'Remove scenario S2' }));
    expect(button).toHaveProperty('disabled', false);
    expect(screen.getAllByRole('listitem').map((item) => item.textContent)).toEqual([expect.stringContaining('S1'), expect.stringContaining('S3'), expect.stringContaining('S4')]);
  });

  it('load a saved scenario back into the inputs', async () => {
    const user = userEvent.setup();
    const { store } = renderWithStore(
      <>
        <InputsPanel />
        <ScenariosPanel />
      </>,
    );
    await save(user, 'Base');
    act(() => store.getState().setInput('entry', '61000'));
    expect(screen.getByLabelText('Entry price')).toHaveProperty('value', '61000');
    await user.click(screen.getByRole('button', { name: 'Load scenario Base' }));
    expect(screen.getByLabelText('Entry price')).toHaveProperty('value', '50000');
  });

  it('cannot save invalid inputs', () => {
    renderWithStore(<ScenariosPanel />, { inputs: inputsWith({ entry: '' }) });
    expect(screen.getByRole('button', { name: 'Save scenario' })).toHaveProperty('disabled', true);
    expect(describedText(screen.getByLabelText('Scenario name'))).toBe('Fix the inputs to save them as a scenario.');
  });
});
