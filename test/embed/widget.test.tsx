import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { analyze } from '../../src/model/analyze';
import { findVenue } from '../../src/model/venues';
import type { Analysis } from '../../src/model/types';
import { defaultInputs } from '../../src/config/presets';
import { inputsToSpec } from '../../src/config/spec';
import { parseConfig } from '../../src/config/codec';
import { formatPrice } from '../../src/config/format';
import { DEFAULT_VIEWS, propsToEntries, readEmbedConfig, schemaKeys } from '../../src/embed/config';
import { LeverageLens } from '../../src/embed/LeverageLens';
import { describedText, expectNoBadNumbers, failOnConsoleErrors } from '../ui/helpers';

failOnConsoleErrors();

/** The liquidation price as the page shows it, computed straight from the model for a flat configuration. */
function expectedLiquidation(pairs: [string, string][]): string {
  const inputs = parseConfig(pairs).inputs;
  const analysis = analyze(inputsToSpec(inputs));
  if (!analysis.valid || analysis.liquidationPrice === null) throw new Error('the configuration should have a liquidation price');
  return formatPrice(analysis.liquidationPrice, findVenue(inputs.venue)?.tick ?? '0.01', { direction: analysis.side === 'long' ? 'up' : 'down' });
}

/** The widget's headings in order, all or of one level (its title and the results panel are level 2). */
function headings(level?: number): (string | null)[] {
  return screen.getAllByRole('heading', level === undefined ? {} : { level }).map((heading) => heading.textContent);
}

function liquidationIn(container: HTMLElement): string {
  return container.querySelector('[data-result="liquidationPrice"]')?.textContent ?? '';
}

function widgets(): HTMLElement[] {
  return Array.from(document.querySelectorAll<HTMLElement>('.lev-embed'));
}

beforeEach(() => {
  window.history.replaceState(null, '', '/docs/page?keep=1');
  window.localStorage.clear();
});

afterEach(() => {
  window.localStorage.clear();
});

describe('readEmbedConfig', () => {
  it('reads the same flat keys as the URL, rates as fractions', () => {
    const config = readEmbedConfig([['mmr', '0.004'], ['leverage', '10'], ['controls', 'leverage,side'], ['views', 'chart,results']], 'attributes');
    expect(config.inputs.mmr).toBe('0.4');
    expect(config.inputs.leverage).toBe('10');
    expect(config.controls).toEqual(['leverage', 'side']);
    // Drawn in the schema's order whatever the order given.
    expect(config.views).toEqual(['results', 'chart']);
    expect(config.notices).toEqual([]);
  });

  it('falls back to defaults with a notice naming each bad key, and never throws', () => {
    const config = readEmbedConfig([['leverage', 'lots'], ['theme', 'purple'], ['colour', 'red'], ['controls', 'leverage,nonsense']], 'attributes');
    expect(config.inputs.leverage).toBe(defaultInputs().leverage);
    expect(config.theme).toBe('auto');
    expect(config.controls).toEqual([]);
    expect(config.notices.join(' ')).toMatch(/Leverage \(leverage\)/);
    expect(config.notices.join(' ')).toMatch(/theme/);
    expect(config.notices.join(' ')).toMatch(/controls/);
    expect(config.notices.join(' ')).toMatch(/Unknown attributes were ignored: colour/);
  });

  it('shows the figures and the chart when no views are given', () => {
    expect(readEmbedConfig([], 'link').views).toEqual([...DEFAULT_VIEWS]);
  });

  it('turns props into attribute strings and ignores what is not in the schema', () => {
    expect(propsToEntries({ leverage: 20, closeFeeInLiquidation: true, mmr: 0.004, onChange: () => {}, className: 'x', entry: Number.NaN })).toEqual([
      ['leverage', '20'],
      ['closeFeeInLiquidation', 'true'],
      ['mmr', '0.004'],
    ]);
  });

  it('observes every schema key once', () => {
    const keys = schemaKeys();
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of ['entry', 'leverage', 'side', 'mmr', 'venue', 'controls', 'views', 'theme', 'height', 'title', 'locale', 'currency']) expect(keys).toContain(key);
  });
});

describe('<LeverageLens />', () => {
  it('shows the model’s liquidation price and only the inputs named in controls', () => {
    const pairs: [string, string][] = [['entry', '50000'], ['leverage', '20'], ['side', 'long'], ['controls', 'leverage']];
    const { container } = render(<LeverageLens entry="50000" leverage={20} side="long" controls="leverage" />);
    expect(liquidationIn(container)).toBe(expectedLiquidation(pairs));
    expect(screen.getByLabelText('Leverage')).toHaveProperty('value', '20');
    expect(screen.queryByLabelText('Entry price')).toBeNull();
    expect(screen.queryByLabelText('Collateral')).toBeNull();
    expectNoBadNumbers(container);
  });

  it('calls onChange with the analysis after the first render and after each edit', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn<(analysis: Analysis) => void>();
    render(<LeverageLens entry="50000" leverage="20" controls="leverage" onChange={onChange} />);
    expect(onChange).toHaveBeenCalledTimes(1);
    const first = onChange.mock.calls[0]?.[0];
    const initial = analyze(inputsToSpec(parseConfig([['entry', '50000'], ['leverage', '20']]).inputs));
    expect(first?.valid).toBe(true);
    if (first?.valid === true && initial.valid) expect(first.liquidationPrice).toBe(initial.liquidationPrice);

    const field = screen.getByLabelText('Leverage');
    await user.clear(field);
    await user.type(field, '10');
    const last = onChange.mock.calls.at(-1)?.[0];
    const expected = analyze(inputsToSpec(parseConfig([['entry', '50000'], ['leverage', '10']]).inputs));
    expect(last?.valid).toBe(true);
    expect(expected.valid).toBe(true);
    if (last?.valid === true && expected.valid) expect(last.liquidationPrice).toBe(expected.liquidationPrice);
  });

  it('updates live when props change, keeping the reader’s edits to other inputs', async () => {
    const user = userEvent.setup();
    const { container, rerender } = render(<LeverageLens entry="50000" leverage="20" side="long" controls="leverage,collateral" />);
    const collateral = screen.getByLabelText('Collateral');
    await user.clear(collateral);
    await user.type(collateral, '800');
    rerender(<LeverageLens entry="60000" leverage="20" side="long" controls="leverage,collateral" />);
    expect(liquidationIn(container)).toBe(expectedLiquidation([['entry', '60000'], ['leverage', '20'], ['side', 'long'], ['collateral', '800']]));
    expect(screen.getByLabelText<HTMLInputElement>('Collateral').value).toBe('800');
  });

  it('keeps two widgets on one page apart', async () => {
    const user = userEvent.setup();
    render(
      <>
        <LeverageLens entry="50000" leverage="20" controls="leverage" />
        <LeverageLens entry="50000" leverage="20" controls="leverage" />
      </>,
    );
    const [first, second] = widgets();
    if (first === undefined || second === undefined) throw new Error('two widgets expected');
    const before = liquidationIn(second);
    const field = within(first).getByLabelText('Leverage');
    await user.clear(field);
    await user.type(field, '5');
    expect(liquidationIn(first)).toBe(expectedLiquidation([['entry', '50000'], ['leverage', '5']]));
    expect(liquidationIn(second)).toBe(before);
    // Each widget's ids are its own: no id appears twice on the page.
    const ids = Array.from(document.querySelectorAll('[id]')).map((element) => element.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('shows a notice inside the widget for a bad value and draws the defaults', () => {
    const { container } = render(<LeverageLens leverage="twenty" entry="50000" />);
    expect(container.contains(screen.getByText(/could not be used, so defaults were loaded for: Leverage \(leverage\)/))).toBe(true);
    expect(liquidationIn(container)).toBe(expectedLiquidation([['entry', '50000']]));
  });

  it('never touches the page address or storage', async () => {
    const user = userEvent.setup();
    render(<LeverageLens controls="leverage,side" theme="dark" />);
    await user.click(screen.getByRole('radio', { name: 'Short' }));
    await user.clear(screen.getByLabelText('Leverage'));
    await user.type(screen.getByLabelText('Leverage'), '7');
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
    expect(`${window.location.pathname}${window.location.search}`).toBe('/docs/page?keep=1');
    expect(window.localStorage.length).toBe(0);
  });

  it('shows only the panels named in views', () => {
    render(<LeverageLens views="results" />);
    expect(headings(2)).toEqual(['Results']);
    expect(screen.queryByRole('tablist', { name: 'Chart view' })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Inputs' })).toBeNull();
  });

  it('shows every input under views="inputs" when no controls are named', () => {
    render(<LeverageLens views="inputs,results" />);
    expect(screen.getByLabelText('Venue preset')).toHaveProperty('value', defaultInputs().venue);
    expect(screen.getByLabelText('Entry price')).toHaveProperty('value', defaultInputs().entry);
    expect(screen.getByRole('button', { name: /Advanced settings/ }).getAttribute('aria-expanded')).toBe('false');
  });

  it('shows only the amplification view, without tabs, when only that chart is asked for', async () => {
    render(<LeverageLens views="amplification" />);
    expect(screen.queryByRole('tablist', { name: 'Chart view' })).toBeNull();
    expect(headings()).toEqual(['Amplification']);
    const fan = await screen.findByRole('figure', { name: 'Return on margin against price move at several leverages' });
    expect(describedText(fan)).toMatch(/^Return on margin \(ROE\) against the price move for /);
    expect(screen.queryByRole('figure', { name: /^Equity in .* against price$/ })).toBeNull();
  });

  it('shows only the equity chart, without tabs, under views="chart"', () => {
    render(<LeverageLens views="chart" />);
    expect(screen.queryByRole('tablist', { name: 'Chart view' })).toBeNull();
    expect(headings()).toEqual(['Equity vs price']);
    expect(describedText(screen.getByRole('figure', { name: /^Equity in .* against price$/ }))).toContain(`Liquidation at ${expectedLiquidation([])}`);
  });

  it('offers both chart views as tabs when both are asked for', () => {
    render(<LeverageLens views="chart,amplification" />);
    const tabs = within(screen.getByRole('tablist', { name: 'Chart view' })).getAllByRole('tab');
    expect(tabs.map((tab) => tab.textContent)).toEqual(['Equity vs price', 'Amplification']);
  });

  it('takes a title and a fixed height', () => {
    const { container } = render(<LeverageLens title="BTC at 20×" height={480} views="results" />);
    expect(headings(2)).toEqual(['BTC at 20×', 'Results']);
    const root = container.querySelector<HTMLElement>('.lev-embed');
    expect(root?.style.height).toBe('480px');
    // theme="auto" (the default) shows the host page's scheme: this page says nothing and jsdom has no system setting.
    expect(root?.getAttribute('data-theme')).toBe('light');
  });

  it('labels the collateral control "Wallet balance" in cross margin, as the page does', () => {
    const { rerender } = render(<LeverageLens entry="50000" collateral="500" size="0.2" controls="collateral,marginMode" />);
    expect(screen.getByLabelText('Collateral', { exact: true })).toHaveProperty('value', '500');
    rerender(<LeverageLens entry="50000" collateral="500" size="0.2" leverage="20" marginMode="cross" controls="collateral,marginMode" />);
    expect(screen.getByLabelText('Wallet balance', { exact: true })).toHaveProperty('value', '500');
    expect(screen.queryByLabelText('Collateral', { exact: true })).toBeNull();
  });
});
