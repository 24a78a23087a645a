import { act, render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useIdleReady, useSettledValue, useValueAfterInput } from '../../src/store';
import { failOnConsoleErrors } from './helpers';

failOnConsoleErrors();

function Settled({ value }: { value: string }): ReactNode {
  return <output aria-label="settled">{useSettledValue(value, 250)}</output>;
}

function AfterInput({ value }: { value: string }): ReactNode {
  return <output aria-label="after input">{useValueAfterInput(value)}</output>;
}

function Idle(): ReactNode {
  return <output aria-label="idle">{useIdleReady() ? 'ready' : 'waiting'}</output>;
}

const shown = (name: string): string => screen.getByRole('status', { name }).textContent ?? '';

describe('scheduling hooks', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('useSettledValue shows the first value at once and a new one only after it has held still for the delay', () => {
    const { rerender } = render(<Settled value="a" />);
    expect(shown('settled')).toBe('a');
    rerender(<Settled value="b" />);
    act(() => vi.advanceTimersByTime(200));
    rerender(<Settled value="c" />);
    act(() => vi.advanceTimersByTime(200));
    // "b" never settled: "c" came 200 ms after it, and "c" has waited only 200 ms.
    expect(shown('settled')).toBe('a');
    act(() => vi.advanceTimersByTime(60));
    expect(shown('settled')).toBe('c');
  });

  it('useValueAfterInput shows the first value at once and each new one a task later, not in the same render', () => {
    const { rerender } = render(<AfterInput value="a" />);
    expect(shown('after input')).toBe('a');
    rerender(<AfterInput value="b" />);
    expect(shown('after input')).toBe('a');
    act(() => vi.runOnlyPendingTimers());
    expect(shown('after input')).toBe('b');
  });

  it('useValueAfterInput skips values that a newer one replaced before their task ran', () => {
    const { rerender } = render(<AfterInput value="a" />);
    rerender(<AfterInput value="b" />);
    rerender(<AfterInput value="c" />);
    act(() => vi.runOnlyPendingTimers());
    expect(shown('after input')).toBe('c');
  });

  it('useIdleReady turns true once the browser is idle (a short timer where requestIdleCallback is missing)', () => {
    render(<Idle />);
    expect(shown('idle')).toBe('waiting');
    act(() => vi.advanceTimersByTime(1500));
    expect(shown('idle')).toBe('ready');
  });
});
