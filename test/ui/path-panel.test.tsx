import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { inputsWith } from '../../src/config/presets';
import { inputsToSpec } from '../../src/config/spec';
import { simulatePath } from '../../src/model/simulate';
import { PathPanel } from '../../src/ui/PathPanel';
import type { PathChartsSlotProps } from '../../src/ui/PathPanel';
import { expectNoBadNumbers, failOnConsoleErrors, renderWithStore } from './helpers';

failOnConsoleErrors();

// The charts are the chart layer's (tested there); here a stand-in shows what the panel hands them.
function renderCharts({ data }: PathChartsSlotProps): string {
  return `charts at step ${data.step} of a ${data.path.shape} path, fan ${data.fan?.count ?? 'none'}`;
}

function mockReducedMotion(reduce: boolean): void {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: reduce && query.includes('reduce'),
    media: query,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  }));
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

// No funding: the path's equity at a step is the equity at that price.
const inputs = inputsWith({ fundingRate: '0', seed: '7' });

function figure(name: string): string {
  const list = screen.getByRole('group', { name: 'Path controls' }).parentElement;
  if (list === null) throw new Error('no panel');
  const term = within(list).getByText(name, { selector: 'dt' });
  return term.nextElementSibling?.textContent ?? '';
}

describe('the path panel', () => {
  it('steps through the seeded path: the price shown is the model’s for that step, and the chart dot follows in the store', () => {
    mockReducedMotion(false);
    const { store, container } = renderWithStore(<PathPanel renderCharts={renderCharts} />, { inputs });
    const expected = simulatePath(inputsToSpec(inputs), { seed: 7 });
    expect(figure('Where')).toMatch(/^Step 0 of 168/);
    expect(store.getState().path).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Step' }));
    fireEvent.click(screen.getByRole('button', { name: 'Step' }));
    expect(figure('Where')).toMatch(/^Step 2 of 168/);
    expect(store.getState().path?.step).toBe(2);
    const price = Number(expected?.points[2]?.price);
    expect(Number(figure('Price').replace(/[^0-9.]/g, ''))).toBeCloseTo(price, 1);
    expect(screen.getByText(/charts at step 2 of a random path, fan 200/)).not.toBeNull();
    expectNoBadNumbers(container);
  });

  it('plays and pauses: the step advances on its own while playing and stays while paused', () => {
    mockReducedMotion(false);
    vi.useFakeTimers();
    const { store } = renderWithStore(<PathPanel renderCharts={renderCharts} />, { inputs });
    fireEvent.click(screen.getByRole('button', { name: 'Play' }));
    act(() => vi.advanceTimersByTime(1000));
    const played = store.getState().path?.step ?? 0;
    expect(played).toBeGreaterThan(5);
    fireEvent.click(screen.getByRole('button', { name: 'Pause' }));
    act(() => vi.advanceTimersByTime(1000));
    expect(store.getState().path?.step).toBe(played);
    expect(screen.getByRole('button', { name: 'Play' })).not.toBeNull();
  });

  it('New seed writes another seed into the inputs (and so the link) and goes back to the start', () => {
    mockReducedMotion(false);
    const { store } = renderWithStore(<PathPanel renderCharts={renderCharts} />, { inputs });
    fireEvent.click(screen.getByRole('button', { name: 'Step' }));
    const summary = screen.getByText('The whole path:').parentElement?.textContent;
    fireEvent.click(screen.getByRole('button', { name: 'New seed' }));
    expect(store.getState().inputs.seed).toMatch(/^\d+$/);
    expect(store.getState().inputs.seed).not.toBe('7');
    expect(store.getState().path?.step).toBe(0);
    expect(screen.getByText('The whole path:').parentElement?.textContent).not.toBe(summary);
  });

  it('a seed that is not a whole number gets its message next to the field, and nothing throws', () => {
    mockReducedMotion(false);
    renderWithStore(<PathPanel renderCharts={renderCharts} />, { inputs });
    fireEvent.change(screen.getByLabelText('Path seed'), { target: { value: '1.5' } });
    expect(screen.getByLabelText('Path seed').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Path seed must be a whole number from 0 to 4294967295.')).not.toBeNull();
    expect(screen.getByText('Correct the path seed to play the path.')).not.toBeNull();
  });

  it('with reduced motion there is no Play: the reader steps, a day at a time if they like', () => {
    mockReducedMotion(true);
    const { store } = renderWithStore(<PathPanel renderCharts={renderCharts} />, { inputs });
    expect(screen.queryByRole('button', { name: 'Play' })).toBeNull();
    expect(screen.getByText(/Reduced motion is on/)).not.toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Step a day' }));
    expect(store.getState().path?.step).toBe(24);
  });

  it('a sideways market: no fan, the price ends where it began and the token text says it lost', () => {
    mockReducedMotion(false);
    renderWithStore(<PathPanel renderCharts={renderCharts} />, { inputs: inputsWith({ fundingRate: '0', leverage: '2' }) });
    fireEvent.change(screen.getByLabelText('Market'), { target: { value: 'sideways' } });
    expect(screen.getByText(/charts at step 0 of a sideways path, fan none/)).not.toBeNull();
    expect(screen.getByText(/On this path the price changed \+?0(\.00)? %; the fixed-size 3× position \+?0(\.00)? % and the 3× token [-−]\d/)).not.toBeNull();
  });

  it('steps to the liquidation and says so: the position is over, the step control stops there', () => {
    mockReducedMotion(false);
    // At 20× and 60 % volatility most weeks reach the liquidation price: the first seed that does.
    const seed = [1, 2, 3, 4, 5, 6, 7, 8, 9].find((candidate) => simulatePath(inputsToSpec(inputsWith({ fundingRate: '0' })), { seed: candidate })?.liquidatedAt !== null);
    const risky = inputsWith({ fundingRate: '0', seed: String(seed) });
    const end = simulatePath(inputsToSpec(risky), { seed: seed ?? 1 })?.liquidatedAt;
    if (end === null || end === undefined) throw new Error('expected a liquidated path');
    renderWithStore(<PathPanel renderCharts={renderCharts} />, { inputs: risky });
    fireEvent.change(screen.getByLabelText('Time step'), { target: { value: String(end + 50) } });
    expect(figure('Where')).toMatch(new RegExp(`^Step ${end} of 168`));
    expect(figure('Position')).toBe('Liquidated: the position is over');
    expect(screen.getByRole('status').textContent).toBe(`Liquidated at step ${end}: the position is over.`);
    expect(screen.getByRole('button', { name: 'Step' }).hasAttribute('disabled')).toBe(true);
  });
});
