import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { analyze, liquidationPriceAt } from '../../src/model';
import { defaultInputs, inputsToSpec } from '../../src/config/codec';
import { formatPrice } from '../../src/config/format';
import { RiskOverTime } from '../../src/chart/RiskOverTimeChart';
import { riskPathPlan } from '../../src/chart/risk';
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
    const plan = riskPathPlan(analysis, spec, units);
    expect(summary?.textContent).toBe(plan?.summary);
    expect(summary?.textContent).toContain(formatPrice(liquidationPriceAt(spec, '168'), units.tick));
    expect(container.querySelector('.lev-series-path-liquidation path')).not.toBeNull();
    expect(container.querySelector('.lev-series-path-equity path')).not.toBeNull();
    expect(screen.getByRole('region', { name: 'Liquidation price over the holding period' })).toBeTruthy();
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
