import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Analysis } from '../../src/model/types';
import { LeverageLens } from '../../src/embed/LeverageLens';
import { attributeEntries, readEmbedConfig } from '../../src/embed/config';
import { inputsToSpec } from '../../src/config/spec';
import { expectNoBadNumbers, failOnConsoleErrors } from '../ui/helpers';

vi.setConfig({ testTimeout: 20_000 });
failOnConsoleErrors();

describe('<LeverageLens sizeUnit /> (npm props)', () => {
  it('takes a size in contracts, hands the model base units, and converts the typed size when the reader picks another unit', async () => {
    const onChange = vi.fn<(analysis: Analysis) => void>();
    const { container } = render(<LeverageLens venue="gate-usdt-btcusdt" entry="50000" collateral="500" size="200" sizeUnit="contracts" solveFor="leverage" controls="size,sizeUnit" onChange={onChange} />);
    const first = onChange.mock.calls[0]?.[0];
    expect(first?.valid === true ? first.quantity : 'invalid').toBe('0.02');
    const size = screen.getByLabelText('Size');
    expect(size.parentElement?.textContent).toContain('contracts');

    await userEvent.selectOptions(screen.getByLabelText('Size in'), 'quote');
    expect(size).toHaveProperty('value', '1000');
    expect(size.parentElement?.textContent).toContain('USDT');
    const last = onChange.mock.calls.at(-1)?.[0];
    expect(last?.valid === true ? last.quantity : 'invalid').toBe('0.02');
    expectNoBadNumbers(container);
  });
});

describe('<leverage-lens sizeunit makerfeerate> (element attributes, lower-cased by HTML)', () => {
  it('reads the unit and the maker fee like every other key', () => {
    const element = document.createElement('div');
    const attributes: [string, string][] = [['venue', 'binance-usdm-ethusdt'], ['entry', '3000'], ['collateral', '300'], ['size', '6000'], ['sizeunit', 'quote'], ['makerfeerate', '0.0001']];
    for (const [name, value] of attributes) element.setAttribute(name, value);
    const config = readEmbedConfig(attributeEntries(element), 'attributes');
    expect(config.inputs.sizeUnit).toBe('quote');
    expect(config.inputs.makerFeeRate).toBe('0.01');
    expect(inputsToSpec(config.inputs).size).toBe('2');
  });
});
