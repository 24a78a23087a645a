import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ChartPanel } from '../../src/chart/ChartPanel';
import { CalculatorProvider } from '../../src/store/context';
import { createCalculatorStore } from '../../src/store/calculatorStore';
import { describe, expect, it, vi } from 'vitest';
import { analyze } from '../../src/model/analyze';
import { liquidationPriceAt } from '../../src/model/carry';
import { defaultInputs, inputsWith } from '../../src/config/presets';
import { inputsToSpec } from '../../src/config/spec';
import { defaultFormatter, formatPrice } from '../../src/config/format';
import { RiskOverTime } from '../../src/chart/RiskOverTimeChart';
import { afterHoldMarker, bandSummary, riskPathPlan } from '../../src/chart/risk';
import { failOnConsoleErrors } from './helpers';

vi.setConfig({ testTimeout: 20_000 });
failOnConsoleErrors();

const units = { tick: '0.1', quoteUnit: 'USDT', coinUnit: 'BTC' };

function defaults(): { spec: ReturnType<typeof inputsToSpec>; analysis: Extract<ReturnType<typeof analyze>, { valid: true }> } {
  const spec = inputsToSpec(defaultInputs());
  const analysis = analyze(spec);
  if (!analysis.valid) throw new Error('defaults are valid');
  return { spec, analysis };
}

describe('the liquidation price over the holding period', () => {
  it('is a figure described by its summary, with both lines drawn', () => {
    const { spec, analysis } = defaults();
    const { container } = render(
      <div style={{ width: 640 }}>
        <RiskOverTime analysis={analysis} spec={spec} idBase="t" {...units} />
      </div>,
    );
    const figure = screen.getByRole('figure', { name: /Liquidation price in USDT and equity at a flat price in USDT against time in days/ });
    const summary = document.getElementById(figure.getAttribute('aria-describedby') ?? '');
    const plan = riskPathPlan(analysis, spec, units, defaultFormatter);
    expect(summary?.textContent).toBe(plan?.summary);
    expect(summary?.textContent).toContain(formatPrice(liquidationPriceAt(spec, '168'), units.tick));
    expect(container.querySelector('.lev-series-path-liquidation path')).not.toBeNull();
    expect(container.querySelector('.lev-series-path-equity path')).not.toBeNull();
    expect(screen.getByRole('region', { name: 'Liquidation price over the holding period' }).contains(figure)).toBe(true);
    expect(container.textContent).not.toMatch(/NaN|Infinity/);
  });

  it('is absent without a holding period', () => {
    const spec = { ...inputsToSpec(defaultInputs()), holdHours: '0' };
    const analysis = analyze(spec);
    if (!analysis.valid) throw new Error('valid');
    const { container } = render(<RiskOverTime analysis={analysis} spec={spec} idBase="t" {...units} />);
    expect(container.innerHTML).toBe('');
  });
});

describe('the main chart with risk over time', () => {
  function renderPanel(): HTMLElement {
    const store = createCalculatorStore();
    return render(
      <div style={{ width: 640, height: 480 }}>
        <CalculatorProvider store={store}>
          <ChartPanel />
        </CalculatorProvider>
      </div>,
    ).container;
  }

  it('shades the horizon’s price range behind the curve, with a toggle, and marks liquidation after the hold', async () => {
    const user = userEvent.setup();
    const container = renderPanel();
    const { spec, analysis } = defaults();
    expect(container.querySelector('.lev-band-1 rect')).not.toBeNull();
    expect(container.querySelector('.lev-band-2 rect')).not.toBeNull();
    const marker = afterHoldMarker(analysis, defaultFormatter);
    expect(container.querySelector('.lev-marker-liquidation-after-hold line')).not.toBeNull();
    // Labelled above the plot, or (no room in three rows) in the list of markers under it.
    const labelled = container.querySelector('.lev-marker-label-liquidation-after-hold') ?? container.querySelector('.lev-marker-list [data-marker="liquidation-after-hold"]');
    expect(labelled?.textContent ?? '').toContain(marker?.label ?? '?');
    const figure = screen.getByRole('figure', { name: /Equity in USDT against price/ });
    const summary = document.getElementById(figure.getAttribute('aria-describedby') ?? '')?.textContent ?? '';
    expect(summary).toContain(bandSummary(analysis.risk, '0.1', 'USDT', defaultFormatter));
    expect(summary).toContain('The second liquidation marker (Liq. after 7 d');
    const legend = (): string[] => within(screen.getByRole('list', { name: 'Legend' })).getAllByRole('listitem').map((item) => item.textContent?.trim() ?? '');
    expect(legend()).toContain('7-day price range (±1σ, ±2σ)');

    const toggle = screen.getByRole('checkbox', { name: '7-day price range' });
    expect(toggle).toHaveProperty('checked', true);
    await user.click(toggle);
    expect(container.querySelector('.lev-band')).toBeNull();
    expect(legend()).not.toContain('7-day price range (±1σ, ±2σ)');
    await user.click(toggle);
    expect(container.querySelector('.lev-band')).not.toBeNull();
    // The holding-period chart is loaded once the page is idle, after the first chart.
    const later = await screen.findByRole('figure', { name: /Liquidation price in USDT and equity at a flat price/ }, { timeout: 5000 });
    // Its summary follows the chart a task later on a busy machine.
    await waitFor(() => expect(document.getElementById(later.getAttribute('aria-describedby') ?? '')?.textContent ?? '').toContain(formatPrice(liquidationPriceAt(spec, '168'), units.tick)));
  });

  it('has no range toggle or bands without volatility', () => {
    const store = createCalculatorStore({ inputs: inputsWith({ volatility: '' }) });
    const { container } = render(
      <CalculatorProvider store={store}>
        <ChartPanel />
      </CalculatorProvider>,
    );
    expect(container.querySelector('.lev-band')).toBeNull();
    expect(screen.queryByRole('checkbox', { name: /price range/ })).toBeNull();
  });
});
