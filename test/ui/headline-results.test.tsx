import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { analyze } from '../../src/model/analyze';
import { findVenue } from '../../src/model/venues';
import type { ValidAnalysis } from '../../src/model/types';
import { applyVenue, defaultInputs, inputsWith } from '../../src/config/presets';
import { inputsToSpec } from '../../src/config/spec';
import type { Inputs } from '../../src/config/schema';
import { formatNumber, formatPercent, formatPrice, formatTimes } from '../../src/config/format';
import { HeadlineResults } from '../../src/ui/HeadlineResults';
import { expectNoBadNumbers, failOnConsoleErrors, renderWithStore } from './helpers';

// Component tests type character by character; a busy machine needs more than the 5 s default.
vi.setConfig({ testTimeout: 20_000 });
failOnConsoleErrors();

function analysisOf(inputs: Inputs): ValidAnalysis {
  const analysis = analyze(inputsToSpec(inputs));
  if (!analysis.valid) throw new Error('expected valid inputs');
  return analysis;
}

function result(container: HTMLElement, key: string): string | null | undefined {
  return container.querySelector(`[data-result="${key}"]`)?.textContent;
}

describe('headline results', () => {
  it('show the liquidation price rounded up to the tick for the default long', () => {
    const { container } = renderWithStore(<HeadlineResults />);
    const inputs = defaultInputs();
    const analysis = analysisOf(inputs);
    const tick = findVenue(inputs.venue)?.tick ?? '0.01';
    expect(result(container, 'liquidationPrice')).toBe(formatPrice(analysis.liquidationPrice, tick, { direction: 'up' }));
    expect(result(container, 'liquidationDistance')).toBe(formatPercent(analysis.liquidationDistance, { signed: true }));
    expect(result(container, 'bankruptcyPrice')).toBe(formatPrice(analysis.bankruptcyPrice, tick));
    expect(result(container, 'amplification')).toBe(formatTimes(analysis.amplification));
    expect(container.querySelector('[data-result="liquidationPrice"]')?.getAttribute('data-unit')).toBe('USDT');
    expect(result(container, 'convention')).toBe(analysis.convention);
    // The readings under the figures put the model's distance and amplification in words.
    const distance = formatPercent(Math.abs(Number(analysis.liquidationDistance)), { digits: 1 });
    expect(screen.getByText(/before this position is liquidated\./).textContent).toBe(`BTC can fall ${distance} before this position is liquidated.`);
    expect(screen.getByText(/A 1 % move changes your equity by/).textContent).toBe(`A 1 % move changes your equity by ${formatNumber(analysis.amplification, { digits: 2 })} %.`);
    expectNoBadNumbers(container);
  });

  it('round a short’s liquidation price down, toward entry', () => {
    const inputs = inputsWith({ side: 'short' });
    const { container } = renderWithStore(<HeadlineResults />, { inputs });
    const analysis = analysisOf(inputs);
    expect(result(container, 'liquidationPrice')).toBe(formatPrice(analysis.liquidationPrice, '0.1', { direction: 'down' }));
  });

  it('renders a dl with one value per data-result key, each followed by its reading', () => {
    const { container } = renderWithStore(<HeadlineResults />);
    const list = container.querySelector('dl');
    expect(list).not.toBeNull();
    const keys = [...container.querySelectorAll('dd[data-result]')].map((element) => element.getAttribute('data-result'));
    expect(keys).toEqual(
      expect.arrayContaining(['liquidationPrice', 'liquidationDistance', 'bankruptcyPrice', 'breakEvenPrice', 'initialMargin', 'maintenanceMargin', 'amplification', 'maxLoss', 'healthAtEntry', 'thresholdPrice-1.25', 'thresholdPrice-2']),
    );
    for (const value of container.querySelectorAll('dd[data-result]')) {
      expect(value.nextElementSibling?.getAttribute('data-reading')).toBe(value.getAttribute('data-result'));
    }
  });

  it('say why there is no liquidation price', () => {
    const inputs = inputsWith({ leverage: '1' });
    const analysis = analysisOf(inputs);
    const { container } = renderWithStore(<HeadlineResults />, { inputs });
    expect(result(container, 'liquidationPrice')).toBe('None');
    expect(analysis.liquidationNote).not.toBeNull();
    // The reading beside "None" is the model's own reason.
    expect(container.querySelector('[data-result="liquidationPrice"]')?.closest('li, tr, div')?.textContent).toContain(analysis.liquidationNote ?? '?');
    expectNoBadNumbers(container);
  });

  it('list the model’s warnings', () => {
    const inputs = inputsWith({ collateral: '100', leverage: '125' });
    const analysis = analysisOf(inputs);
    expect(analysis.warnings.length).toBeGreaterThan(0);
    renderWithStore(<HeadlineResults />, { inputs });
    const listed = screen.getAllByRole('listitem').filter((item) => item.closest('[aria-label="Warnings"]') !== null);
    expect(listed.map((item) => item.textContent)).toEqual(analysis.warnings.map((warning) => `Warning: ${warning}`));
  });

  it('show loans with their debt, in the loan’s currency', () => {
    const inputs = applyVenue(defaultInputs(), 'aave-v3-eth');
    const analysis = analysisOf(inputs);
    const { container } = renderWithStore(<HeadlineResults />, { inputs });
    expect(result(container, 'liquidationPrice')).toBe(formatPrice(analysis.liquidationPrice, '0.01', { direction: 'up' }));
    expect(result(container, 'debt')).toMatch(/USD$/);
    expectNoBadNumbers(container);
  });

  it('ask for valid inputs when there has never been a valid result', () => {
    const { container } = renderWithStore(<HeadlineResults />, { inputs: inputsWith({ entry: 'abc' }) });
    expect(screen.getByRole('status').textContent).toBe('Enter a valid position to see results — fix Entry price.');
    expect(container.querySelector('[data-result]')).toBeNull();
  });
});
