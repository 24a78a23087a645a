import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { applyVenue, inputsWith } from '../../src/config/presets';
import { createFormatter } from '../../src/config/format';
import { findVenue } from '../../src/model/venues';
import { bracketProvenance } from '../../src/ui/BracketsTable';
import { sizeConversionNote, switchSizeUnit } from '../../src/ui/sizeField';
import { describedText, expectNoBadNumbers, failOnConsoleErrors, renderInputsAndResults } from './helpers';

vi.setConfig({ testTimeout: 20_000 });
failOnConsoleErrors();

const format = createFormatter({ locale: 'en-US' });
const onGate = (texts: Parameters<typeof inputsWith>[0]) => inputsWith({ solveFor: 'leverage', entry: '50000', collateral: '500', ...texts }, applyVenue(inputsWith({}), 'gate-usdt-btcusdt'));

describe('the size field says what the model receives', () => {
  it('contracts: the count times the contract size', () => {
    const inputs = onGate({ size: '200', sizeUnit: 'contracts' });
    expect(sizeConversionNote(inputs, findVenue('gate-usdt-btcusdt'), format)).toBe('= 0.02 BTC (200 contracts × 0.0001 BTC).');
  });

  it('quote value: divided by the entry price', () => {
    const inputs = inputsWith({ solveFor: 'leverage', entry: '3000', size: '6000', sizeUnit: 'quote' }, applyVenue(inputsWith({}), 'binance-usdm-ethusdt'));
    expect(sizeConversionNote(inputs, findVenue('binance-usdm-ethusdt'), format)).toBe('= 2 ETH (6,000 USDT ÷ 3,000).');
  });

  it('choosing another unit rewrites a typed size so the position stays the same', () => {
    expect(switchSizeUnit(onGate({ size: '200', sizeUnit: 'contracts' }), 'quote')).toEqual({ sizeUnit: 'quote', size: '1000' });
    expect(switchSizeUnit(onGate({ size: '1000', sizeUnit: 'quote' }), 'base')).toEqual({ sizeUnit: 'base', size: '0.02' });
  });
});

describe('the preset picker and the brackets table show when their data was taken', () => {
  it('the brackets say whose table it is and its date, or that it was edited', () => {
    const gate = findVenue('gate-usdt-btcusdt');
    expect(bracketProvenance(gate, false)).toBe('Gate USDT perpetual BTC_USDT brackets, data as of 2025-09-30. Source: www.gate.io.');
    expect(bracketProvenance(gate, true)).toBe('Edited: these are not Gate USDT perpetual BTC_USDT’s published brackets (data as of 2025-09-30).');
  });

  it('on the page: the date beside the picker and above the brackets, the conversion under the size, an inline error for part of a contract', async () => {
    const { container } = renderInputsAndResults(onGate({ size: '200', sizeUnit: 'contracts' }));
    expect(screen.getByText('About this preset (data as of 2025-09-30)').tagName).toBe('SUMMARY');
    expect(screen.getByText('Gate USDT perpetual BTC_USDT brackets, data as of 2025-09-30. Source: www.gate.io.').nextElementSibling?.getAttribute('aria-label')).toBe('Maintenance brackets');
    const size = screen.getByLabelText('Size');
    expect(describedText(size)).toBe('= 0.02 BTC (200 contracts × 0.0001 BTC).');
    fireEvent.change(size, { target: { value: '2.5' } });
    await waitFor(() => expect(describedText(size)).toContain('This venue trades whole contracts: enter a whole number of contracts.'));
    expect(size.getAttribute('aria-invalid')).toBe('true');
    expectNoBadNumbers(container);
  });
});

describe('OKX: brackets by size', () => {
  const onOkx = (texts: Parameters<typeof inputsWith>[0]) => inputsWith({ solveFor: 'leverage', entry: '60000', collateral: '0.25', ...texts }, applyVenue(inputsWith({}), 'okx-btcusd-swap'));

  it('3,000 contracts: the table is captioned by position size in USD and marks tier 2, in force at entry and at liquidation', () => {
    const { container } = renderInputsAndResults(onOkx({ size: '3000', sizeUnit: 'contracts' }));
    const table = screen.getByRole('table', { name: 'Maintenance brackets by position size (USD)' });
    const current = [...table.querySelectorAll('tr[aria-current="true"]')].map((row) => row.textContent ?? '');
    expect(current).toHaveLength(1);
    expect(current[0]).toContain('Applies at entry and at liquidation: 200,000');
    expect(container.querySelector('.lev-brackets__legend')?.textContent).toBe('▶ Bracket 2 applies at entry and at the liquidation price.');
    // A maximum is never rounded up: OKX publishes 66.66× for tier 3.
    expect(table.querySelectorAll('tbody tr')[2]?.lastElementChild?.textContent).toBe('66.66×');
    expect(describedText(screen.getByLabelText('Size'))).toBe('= 300,000 USD (3,000 contracts × 100 USD).');
    expectNoBadNumbers(container);
  });
});
