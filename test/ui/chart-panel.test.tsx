import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ChartPanel } from '../../src/chart/ChartPanel';
import { CalculatorProvider } from '../../src/store/context';
import { createCalculatorStore } from '../../src/store/calculatorStore';
import { derive } from '../../src/view/derive';
import type { CalculatorStore } from '../../src/store/calculatorStore';
import { defaultInputs, inputsWith } from '../../src/config/presets';
import { formatPrice } from '../../src/config/format';
import { describedText, failOnConsoleErrors } from './helpers';

function renderPanel(store: CalculatorStore = createCalculatorStore()): { store: CalculatorStore } {
  render(
    <div style={{ width: 640, height: 480 }}>
      <CalculatorProvider store={store}>
        <ChartPanel />
      </CalculatorProvider>
    </div>,
  );
  return { store };
}

describe('ChartPanel', () => {
  failOnConsoleErrors();

  it('switches between the equity and amplification tabs by role, bound to the store', async () => {
    const user = userEvent.setup();
    const { store } = renderPanel();
    const equityTab = screen.getByRole('tab', { name: 'Equity vs price' });
    const amplificationTab = screen.getByRole('tab', { name: 'Amplification' });
    expect(equityTab).toHaveProperty('ariaSelected', 'true');
    expect(screen.getByRole('tabpanel')).toBe(screen.getByRole('tabpanel', { name: 'Equity vs price' }));
    expect(screen.getByRole('tabpanel').contains(screen.getByRole('figure', { name: /Equity in USDT against price/ }))).toBe(true);

    await user.click(amplificationTab);
    expect(store.getState().view).toBe('amplification');
    expect(amplificationTab).toHaveProperty('ariaSelected', 'true');
    const panel = screen.getByRole('tabpanel', { name: 'Amplification' });
    expect(panel.contains(screen.getByRole('figure', { name: /Return on margin against price move/ }))).toBe(true);
    expect(describedText(screen.getByRole('figure', { name: 'Effective leverage against price' }))).toMatch(/The axis is capped at 100×\.$/);
    expect(screen.queryByRole('figure', { name: /Equity in USDT against price/ })).toBeNull();

    // Arrow keys move between tabs (roving tab index).
    await user.keyboard('{ArrowLeft}');
    expect(store.getState().view).toBe('equity');
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Equity vs price' }));
  });

  it('zoom buttons change the store’s zoom and reset brings back the automatic range', async () => {
    const user = userEvent.setup();
    const { store } = renderPanel();
    const reset = screen.getByRole('button', { name: 'Reset the price range' });
    expect(reset).toHaveProperty('disabled', true);
    await user.click(screen.getByRole('button', { name: /Zoom out/ }));
    expect(store.getState().zoom).toBe(2);
    await user.click(screen.getByRole('button', { name: /Zoom out/ }));
    expect(store.getState().zoom).toBe(4);
    await user.click(screen.getByRole('button', { name: /Zoom in/ }));
    expect(store.getState().zoom).toBe(2);
    expect(reset).toHaveProperty('disabled', false);
    await user.click(reset);
    expect(store.getState().zoom).toBe(1);
  });

  it('describes the chart with a summary that names the liquidation price', () => {
    renderPanel();
    const derived = derive(defaultInputs());
    const liquidation = formatPrice(derived.current?.liquidationPrice ?? null, derived.venue?.tick ?? '0.01', { direction: 'up' });
    const figure = screen.getByRole('figure', { name: /Equity in USDT against price/ });
    const summaryId = figure.getAttribute('aria-describedby') ?? '';
    const summary = document.getElementById(summaryId);
    expect(summary?.textContent).toContain(`Liquidation at ${liquidation}`);
    expect(summary?.getAttribute('aria-live')).toBeNull();
    expect(document.body.textContent).not.toMatch(/NaN|Infinity/);
  });

  it('draws the markers as labelled reference lines with stable classes', () => {
    const { container } = render(
      <div style={{ width: 640, height: 480 }}>
        <CalculatorProvider>
          <ChartPanel />
        </CalculatorProvider>
      </div>,
    );
    for (const id of ['entry', 'liquidation', 'bankruptcy', 'break-even', 'threshold-1-25', 'threshold-2']) {
      expect(container.querySelector(`.lev-marker-${id} line`), id).not.toBeNull();
    }
    expect(container.querySelector('.lev-marker-label-liquidation')?.textContent).toMatch(/^Liquidation 47,690\.8/);
    expect(container.querySelector('.lev-zone-liquidated')).not.toBeNull();
    const patterns = Array.from(container.querySelectorAll('pattern')).map((pattern) => pattern.id);
    expect(patterns.length).toBe(1);
  });

  it('gives two widgets on one page different SVG ids', () => {
    const { container } = render(
      <>
        <CalculatorProvider>
          <ChartPanel />
        </CalculatorProvider>
        <CalculatorProvider>
          <ChartPanel />
        </CalculatorProvider>
      </>,
    );
    const ids = Array.from(container.querySelectorAll('[id]')).map((element) => element.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(container.querySelectorAll('pattern')).toHaveLength(2);
  });

  it('offers the export buttons with accessible names', () => {
    renderPanel();
    const exports = screen.getByRole('group', { name: 'Export' });
    expect(within(exports).getByRole('button', { name: 'Download PNG' })).toHaveProperty('disabled', false);
    expect(within(exports).getByRole('button', { name: 'Download CSV' })).toHaveProperty('disabled', false);
  });

  it('offers USD and coin equity for inverse contracts, and overlays saved scenarios with a legend entry', async () => {
    const user = userEvent.setup();
    const store = createCalculatorStore();
    store.getState().applyVenue('binance-coinm-btcusd');
    store.getState().saveScenario('Lower leverage');
    store.getState().setInput('leverage', '10');
    renderPanel(store);
    const units = screen.getByRole('group', { name: 'Equity unit' });
    const usd = within(units).getByRole('button', { name: 'USD' });
    const btc = within(units).getByRole('button', { name: 'BTC' });
    expect(usd.getAttribute('aria-pressed')).toBe('true');
    await user.click(btc);
    expect(store.getState().equityUnit).toBe('coin');
    expect(btc.getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('tabpanel').contains(screen.getByRole('figure', { name: /Equity in BTC against price/ }))).toBe(true);
    expect(screen.queryByRole('figure', { name: /Equity in USD against price/ })).toBeNull();
    const legend = within(screen.getByRole('list', { name: 'Legend' })).getAllByRole('listitem').map((item) => item.textContent ?? '');
    expect(legend.filter((entry) => entry.includes('Scenario: Lower leverage'))).toHaveLength(1);
  });

  it('says what to do when there is nothing valid to draw', () => {
    const store = createCalculatorStore({ inputs: inputsWith({ entry: '' }) });
    renderPanel(store);
    expect(screen.getByRole('tabpanel', { name: 'Equity vs price' }).textContent).toContain('Enter a valid position to see the chart.');
    expect(screen.queryByRole('figure')).toBeNull();
    expect(screen.getByRole('button', { name: 'Download CSV' })).toHaveProperty('disabled', true);
  });
});
