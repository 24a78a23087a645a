import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { ChartPanel } from '../../src/chart/ChartPanel';
import { CalculatorProvider } from '../../src/store/context';
import { createCalculatorStore } from '../../src/store/calculatorStore';
import { inputsWith } from '../../src/config/presets';
import { failOnConsoleErrors } from './helpers';

describe('the equity chart marks the liquidation price on the mark and in last-price terms', () => {
  failOnConsoleErrors();

  it('draws the liquidation marker and, for a spread, the labelled last-price line over a bracketed band', async () => {
    const store = createCalculatorStore({ inputs: inputsWith({ markSpread: '0.5' }) });
    const { container } = render(
      <div style={{ width: 640, height: 480 }}>
        <CalculatorProvider store={store}>
          <ChartPanel />
        </CalculatorProvider>
      </div>,
    );
    const band = await screen.findByRole('img', { name: /Shaded: the liquidation price on the mark .* in last-price terms .* spread of \+0\.5 %/ });
    expect(band.textContent).toMatch(/^Liq\. in last price \d/);
    expect(container.querySelector('[data-marker="liquidation"]')).not.toBeNull();
    expect(band.querySelector('.lev-last-band-bracket')).not.toBeNull();

    store.getState().setInput('markSpread', '0');
    await expect.poll(() => container.querySelector('[data-marker="last-price-liquidation"]')).toBeNull();
    expect(container.querySelector('[data-marker="liquidation"]')).not.toBeNull();
  });
});
