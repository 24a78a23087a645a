import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LeverageLens } from '../../src/embed/LeverageLens';
import { failOnConsoleErrors } from '../ui/helpers';

failOnConsoleErrors();

/** The figures a widget shows, by their data-result keys, in order. */
function figureKeys(container: HTMLElement): string[] {
  return Array.from(container.querySelectorAll<HTMLElement>('dd[data-result]'), (cell) => cell.dataset['result'] ?? '');
}

describe('the compact embed (no views given)', () => {
  it('shows the chart first, then the four key figures and the reader’s control, and nothing else', async () => {
    const { container } = render(<LeverageLens entry="50000" collateral="500" leverage="20" side="long" editable="leverage" />);
    await screen.findByRole('figure', { name: /Equity in USDT against price/ });
    expect(figureKeys(container)).toEqual(['liquidationPrice', 'liquidationDistance', 'amplification', 'maxLoss']);
    expect(screen.getByLabelText('Leverage', { exact: true })).toBeInstanceOf(HTMLInputElement);
    // Reading order: the chart, then the figures, then the control.
    const chart = container.querySelector('.lev-embed__chart');
    const figures = container.querySelector('.lev-embed__figures');
    const control = screen.getByRole('group', { name: 'Inputs' });
    expect(chart?.compareDocumentPosition(figures ?? chart) ?? 0).toBe(Node.DOCUMENT_POSITION_FOLLOWING);
    expect(figures?.compareDocumentPosition(control) ?? 0).toBe(Node.DOCUMENT_POSITION_FOLLOWING);
    expect(screen.queryByRole('heading', { name: 'Results', level: 2 })?.className).not.toBe('lev-panel__title');
    expect(screen.queryByText(/How this is worked out/)).toBeNull();
    expect(screen.queryByRole('tablist', { name: 'Chart view' })).toBeNull();
  });

  it('shows every figure, the convention and both charts when views asks for them', async () => {
    const { container } = render(<LeverageLens entry="50000" collateral="500" leverage="20" side="long" views="results,chart,amplification" />);
    await screen.findByRole('tablist', { name: 'Chart view' });
    const keys = figureKeys(container);
    expect(keys).toContain('bankruptcyPrice');
    expect(keys.length).toBeGreaterThan(4);
    expect(screen.getByText(/How this is worked out/)).toBeInstanceOf(HTMLElement);
    expect(container.querySelector('.lev-embed__figures')).toBeNull();
  });
});
