import { render, screen, within } from '@testing-library/react';
import type { RenderResult } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, expect, vi } from 'vitest';
import type { MockInstance } from 'vitest';
import { CalculatorProvider } from '../../src/store/context';
import { createCalculatorStore } from '../../src/store/calculatorStore';
import { HeadlineResults } from '../../src/ui/HeadlineResults';
import { InputsPanel } from '../../src/ui/InputsPanel';
import type { Inputs } from '../../src/config/schema';
import type { CalculatorStore, CalculatorStoreOptions } from '../../src/store/calculatorStore';

export function renderWithStore(ui: ReactNode, options: CalculatorStoreOptions = {}): RenderResult & { store: CalculatorStore } {
  const store = createCalculatorStore(options);
  const result = render(<CalculatorProvider store={store}>{ui}</CalculatorProvider>);
  return { ...result, store };
}

/** The inputs panel and the headline results over one store, as the page shows them. */
export function renderInputsAndResults(inputs?: Inputs): RenderResult & { store: CalculatorStore } {
  return renderWithStore(
    <>
      <InputsPanel />
      <HeadlineResults />
    </>,
    inputs === undefined ? {} : { inputs },
  );
}

/** Fails the test when React (or anything else) logs an error or a warning. */
export function failOnConsoleErrors(): void {
  let errorSpy: MockInstance<typeof console.error> | null = null;
  let warnSpy: MockInstance<typeof console.warn> | null = null;
  beforeEach(() => {
    errorSpy = vi.spyOn(console, 'error');
    warnSpy = vi.spyOn(console, 'warn');
  });
  afterEach(() => {
    expect(errorSpy?.mock.calls ?? []).toEqual([]);
    expect(warnSpy?.mock.calls ?? []).toEqual([]);
    errorSpy?.mockRestore();
    warnSpy?.mockRestore();
  });
}

/** Text of the page must never show NaN or Infinity. */
export function expectNoBadNumbers(container: HTMLElement): void {
  expect(container.textContent ?? '').not.toMatch(/NaN|Infinity/);
}

/** What a screen reader reads after an element's name: the text of the element its aria-describedby points at first. */
export function describedText(element: HTMLElement): string {
  const [first] = (element.getAttribute('aria-describedby') ?? '').split(' ');
  return document.getElementById(first ?? '')?.textContent ?? '';
}

/** What the results panel announces on its role="status" line, e.g. that it shows the last valid inputs. */
export function resultsStatus(): string | null {
  return within(screen.getByRole('region', { name: 'Results' })).getByRole('status').textContent;
}

/** The figure a result list pairs with a label: the text of the <dd> right after that <dt>. */
export function figureBeside(label: HTMLElement): string | null | undefined {
  return label.nextElementSibling?.textContent;
}
