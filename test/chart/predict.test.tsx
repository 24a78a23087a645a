import { describe, expect, it } from 'vitest';
import { failOnConsoleErrors } from '../ui/helpers';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ChartPanel } from '../../src/chart/ChartPanel';
import { KeyFigures } from '../../src/ui/HeadlineResults';
import { CalculatorProvider } from '../../src/store/context';
import { createCalculatorStore } from '../../src/store/calculatorStore';
import type { CalculatorStore } from '../../src/store/calculatorStore';
import { createDeriver } from '../../src/view/derive';
import { headlineRows, readingContext } from '../../src/view/readings';
import { createFormatter } from '../../src/config/format';
import { inputsWith } from '../../src/config/presets';
import { parseConfig } from '../../src/config/codec';
import { observedAttributeNames, readEmbedConfig } from '../../src/embed/config';
import { guessError } from '../../src/model/predict';

const inputs = inputsWith({ leverage: '20' });
const view = createDeriver()(inputs);
const format = createFormatter();

/** A headline figure as the page shows it for these inputs, worked out by the model. */
function figure(key: string): string {
  if (view.shown === null) throw new Error('no position');
  const row = headlineRows(view.shown, readingContext(view.venue, view.tick), format).find((candidate) => candidate.key === key);
  return row === undefined ? '' : row.value;
}

function renderLesson(): { store: CalculatorStore; container: HTMLElement } {
  const store = createCalculatorStore({ inputs, predict: 'liquidation' });
  const { container } = render(
    <CalculatorProvider store={store}>
      <KeyFigures />
      <ChartPanel />
    </CalculatorProvider>,
  );
  return { store, container };
}

/** The value shown for a figure by its label in the results list. */
function shownValue(label: string): string {
  const term = screen.getAllByText(label, { selector: 'dt' })[0];
  return term?.nextElementSibling?.textContent ?? '';
}

describe('predict, then reveal', () => {
  failOnConsoleErrors();

  it('hides the liquidation figures, markers, losing side and summary until a guess is revealed', async () => {
    const user = userEvent.setup();
    const { store, container } = renderLesson();
    const answer = figure('liquidationPrice');
    expect(answer).not.toBe('');
    expect(shownValue('Liquidation price')).toContain('Hidden');
    expect(container.textContent).not.toContain(answer);
    expect(container.querySelector('.lev-marker-liquidation')).toBeNull();
    expect(screen.queryByRole('tab', { name: 'Amplification' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Download CSV' })).toHaveProperty('disabled', true);
    const reveal = screen.getByRole('button', { name: 'Reveal' });
    expect(reveal).toHaveProperty('disabled', true);

    // The keyboard places the guess: the handle starts at the entry and steps a thousandth of it per arrow.
    const handle = screen.getByRole('slider', { name: /Your guess of the liquidation price/ });
    handle.focus();
    await user.keyboard('{Shift>}{ArrowLeft}{ArrowLeft}{ArrowLeft}{/Shift}');
    const entry = Number(inputs.entry);
    expect(store.getState().predict?.guess).toBeCloseTo(entry - 30 * entry * 0.001, 6);
    expect(reveal).toHaveProperty('disabled', false);

    // Typing is the other way, and wins.
    const field = screen.getByLabelText(/Your guess/, { selector: 'input' });
    await user.clear(field);
    await user.type(field, '48000');
    expect(store.getState().predict?.guess).toBe(48000);
    expect(container.textContent).not.toContain(answer);

    await user.click(reveal);
    const error = guessError(inputs.entry, view.shown?.liquidationPrice ?? '', '48000');
    expect(error).not.toBeNull();
    const text = within(screen.getByRole('region', { name: 'Predict, then reveal' })).getByRole('status').textContent ?? '';
    expect(text).toContain(answer);
    expect(text).toContain(`off by ${format.price(Math.abs(Number(error?.difference)), view.tick)}`);
    expect(text).toContain(format.percent(error?.shareOfMove ?? null));
    expect(text).toContain(error?.early === true ? 'before the real level' : 'beyond the real level');
    expect(shownValue('Liquidation price')).toContain(answer);
    expect(container.querySelector('.lev-marker-liquidation')).not.toBeNull();

    await user.click(screen.getByRole('button', { name: 'Guess again' }));
    expect(shownValue('Liquidation price')).toContain('Hidden');
    expect(store.getState().predict).toEqual({ target: 'liquidation', guess: null, revealed: false });
  });

  it('says what to type when the guess is not a price, and keeps the last guess', async () => {
    const user = userEvent.setup();
    const { store } = renderLesson();
    const field = screen.getByLabelText(/Your guess/, { selector: 'input' });
    await user.type(field, '-5');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Enter a price above zero, like 48000.')).not.toBeNull();
    expect(store.getState().predict?.guess).toBeNull();
  });

  it('travels in links, attributes and props as predict=liquidation; another value is refused with a reason', () => {
    expect(parseConfig([['predict', 'liquidation']]).link.predict).toBe('liquidation');
    const refused = parseConfig([['predict', 'everything']]);
    expect(refused.link.predict).toBeUndefined();
    expect(refused.rejected.map((entry) => entry.key)).toEqual(['predict']);
    expect(readEmbedConfig([['predict', 'liquidation']], 'attributes').predict).toBe('liquidation');
    expect(observedAttributeNames()).toContain('predict');
  });
});
