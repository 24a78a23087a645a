import { act, render, screen } from '@testing-library/react';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useDraftValue, useIdleReady, useSettledValue, useValueAfterInput } from '../../src/store/useSettled';
import { failOnConsoleErrors } from '../ui/helpers';

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

/** A control over a stored value: "step" moves it through the draft, "type" writes at once. */
function Draft({ stored, commit }: { stored: string; commit: (value: string) => void }): ReactNode {
  const draft = useDraftValue(stored, commit);
  return (
    <>
      <output aria-label="draft">{draft.shown}</output>
      <button type="button" onClick={() => draft.set(String(Number(draft.shown) + 1))}>
        step
      </button>
      <button type="button" onClick={() => draft.setNow('100')}>
        type
      </button>
    </>
  );
}

/** The draft hook wired to a real stored value, as the leverage control is to the store. */
function StoredDraft({ onCommit }: { onCommit: (value: string) => void }): ReactNode {
  const [stored, setStored] = useState('1');
  return (
    <>
      <output aria-label="stored">{stored}</output>
      <Draft
        stored={stored}
        commit={(value) => {
          onCommit(value);
          setStored(value);
        }}
      />
    </>
  );
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

  it('useDraftValue shows a step at once and writes it a task later', () => {
    const writes: string[] = [];
    render(<StoredDraft onCommit={(value) => writes.push(value)} />);
    act(() => screen.getByRole('button', { name: 'step' }).click());
    expect(shown('draft')).toBe('2');
    expect(shown('stored')).toBe('1');
    expect(writes).toEqual([]);
    act(() => vi.runOnlyPendingTimers());
    expect(writes).toEqual(['2']);
    expect(shown('stored')).toBe('2');
    expect(shown('draft')).toBe('2');
  });

  it('useDraftValue writes steps that came before the write once, with the latest value', () => {
    const writes: string[] = [];
    render(<StoredDraft onCommit={(value) => writes.push(value)} />);
    const step = screen.getByRole('button', { name: 'step' });
    act(() => step.click());
    act(() => step.click());
    act(() => step.click());
    expect(shown('draft')).toBe('4');
    act(() => vi.runOnlyPendingTimers());
    expect(writes).toEqual(['4']);
    expect(shown('stored')).toBe('4');
  });

  it('useDraftValue writes typing at once, and a pending step no longer lands after it', () => {
    const writes: string[] = [];
    render(<StoredDraft onCommit={(value) => writes.push(value)} />);
    act(() => screen.getByRole('button', { name: 'step' }).click());
    act(() => screen.getByRole('button', { name: 'type' }).click());
    expect(writes).toEqual(['100']);
    expect(shown('draft')).toBe('100');
    act(() => vi.runAllTimers());
    expect(writes).toEqual(['100']);
    expect(shown('stored')).toBe('100');
  });

  it('useDraftValue makes a pending write when the control goes away', () => {
    const writes: string[] = [];
    const { unmount } = render(<Draft stored="1" commit={(value) => writes.push(value)} />);
    act(() => screen.getByRole('button', { name: 'step' }).click());
    unmount();
    expect(writes).toEqual(['2']);
    act(() => vi.runAllTimers());
    expect(writes).toEqual(['2']);
  });
});
