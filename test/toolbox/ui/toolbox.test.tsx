import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { addToPosition, exitPnl, maxOpen, priceForNetRoe, sizeByRisk } from '../../../src/model/toolbox';
import { analyze } from '../../../src/model/analyze';
import { analyzePortfolio, contagion } from '../../../src/model/portfolio';
import { priceForRoe } from '../../../src/model/companions';
import type { PositionSpec } from '../../../src/model/types';
import { defaultInputs } from '../../../src/config/presets';
import { inputsToSpec } from '../../../src/config/spec';
import { portfolioToText } from '../../../src/config/lists';
import { withText } from '../../../src/config/schema';
import type { Inputs } from '../../../src/config/schema';
import { formatMoney, formatPercent, formatPrice } from '../../../src/config/format';
import { portfolioTick } from '../../../src/view/toolbox';
import { EXAMPLE_PORTFOLIO } from '../../../src/toolbox/ui/PortfolioPanel';
import { ToolboxPanel } from '../../../src/toolbox/ui/ToolboxPanel';
import type { ContagionSlotProps } from '../../../src/toolbox/ui/PortfolioPanel';
import { describedText, expectNoBadNumbers, failOnConsoleErrors, renderWithStore } from '../../ui/helpers';

failOnConsoleErrors();

const TICK = '0.1';

function validSpec(inputs: Inputs = defaultInputs()): { spec: PositionSpec; leverage: string; collateral: string; liquidation: string | null } {
  const spec = inputsToSpec(inputs);
  const analysis = analyze(spec);
  if (!analysis.valid) throw new Error('the default inputs must be valid');
  return { spec, leverage: analysis.leverage, collateral: analysis.collateral, liquidation: analysis.liquidationPrice };
}

function valueOf(element: HTMLElement): string {
  return element instanceof HTMLInputElement ? element.value : '';
}

function result(key: string): string {
  const node = document.querySelector(`[data-tool-result="${key}"]`);
  return node?.textContent?.trim() ?? '';
}

describe('the trader’s toolbox', () => {
  it('is a tablist moved by arrow keys, bound to the store', async () => {
    const user = userEvent.setup();
    const { store } = renderWithStore(<ToolboxPanel />);
    const tabs = within(screen.getByRole('tablist', { name: 'Toolbox tools' })).getAllByRole('tab');
    expect(tabs).toHaveLength(6);
    const first = screen.getByRole('tab', { name: 'Exit price → PnL' });
    expect(first.getAttribute('aria-selected')).toBe('true');
    first.focus();
    await user.keyboard('{ArrowRight}');
    expect(store.getState().toolTab).toBe('target');
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Target ROE → price' }));
    await user.keyboard('{End}');
    expect(store.getState().toolTab).toBe('portfolio');
    await user.keyboard('{ArrowRight}');
    expect(store.getState().toolTab).toBe('exit');
    expect(screen.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe(first.id);
  });

  it('exit price: PnL, ROE and the 1× return from exitPnl, with every component listed', async () => {
    const user = userEvent.setup();
    const { container } = renderWithStore(<ToolboxPanel />);
    const { spec } = validSpec();
    const field = screen.getByLabelText('Exit price');
    await user.type(field, '53000');
    const expected = exitPnl(spec, '53000');
    expect(expected).not.toBeNull();
    if (expected === null) return;
    expect(result('netPnl')).toBe(formatMoney(expected.netPnl, 'USDT'));
    expect(result('roe')).toBe(formatPercent(expected.roe, { signed: true }));
    expect(result('netRoe')).toBe(formatPercent(expected.netRoe, { signed: true }));
    expect(result('unleveragedReturn')).toBe(formatPercent(expected.unleveragedReturn, { signed: true }));
    const table = screen.getByRole('table', { name: /component by component/ });
    for (const component of expected.components) {
      expect(within(table).getByRole('row', { name: new RegExp(component.label.replace(/[()]/g, '.')) }).textContent).toContain(formatMoney(component.amount, 'USDT'));
    }
    expect(screen.getByText(/leave out fees and funding/).textContent).toContain(expected.note);
    // Arrow keys step the exit price by 0.1 % of entry (50 at 50,000).
    await user.keyboard('{ArrowUp}');
    expect(field instanceof HTMLInputElement ? field.value : '').toBe('53050');
    expectNoBadNumbers(container);
  });

  it('exit price beyond liquidation: "liquidated first at X: loss Y", not the curve’s PnL; a target ROE there is unreachable', async () => {
    const user = userEvent.setup();
    const { container } = renderWithStore(<ToolboxPanel />);
    const { spec, liquidation } = validSpec();
    await user.type(screen.getByLabelText('Exit price'), '40000');
    const liquidationText = formatPrice(liquidation, TICK, { direction: 'up' });
    const unended = exitPnl(spec, '40000');
    const status = screen.getAllByRole('status').map((node) => node.textContent ?? '').join(' ');
    expect(status).toMatch(new RegExp(`Liquidated first at ${liquidationText.replace(/[.,]/g, '\\$&')}: loss [\\d,.]+ USDT \\(the whole margin plus fees\\)`));
    // The loss shown is the margin (500) and the fee to open: not the −2,030 the curve would give at 40,000.
    const loss = Number(result('liquidationLoss').replace(/[^\d.]/g, ''));
    expect(loss).toBeGreaterThan(500);
    expect(loss).toBeLessThan(510);
    expect(Math.abs(Number(unended?.netPnl))).toBeGreaterThan(2000);
    expect(result('netPnl')).toBe('');
    expect(screen.queryByRole('table', { name: /component by component/ })).toBeNull();

    await user.click(screen.getByRole('tab', { name: 'Target ROE → price' }));
    const field = screen.getByLabelText('Target ROE');
    await user.clear(field);
    await user.type(field, '-150');
    const targetStatus = screen.getAllByRole('status').map((node) => node.textContent ?? '').join(' ');
    expect(targetStatus).toContain(`Unreachable: the position is liquidated at ${liquidationText} first`);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expectNoBadNumbers(container);
  });

  it('exit price: bad text is explained inline and never shows NaN', async () => {
    const user = userEvent.setup();
    const { container } = renderWithStore(<ToolboxPanel />);
    const field = screen.getByLabelText('Exit price');
    await user.type(field, 'abc');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    const message = document.getElementById((field.getAttribute('aria-describedby') ?? '').split(' ')[0] ?? '');
    expect(message?.textContent).toMatch(/above zero/);
    expectNoBadNumbers(container);
  });

  it('target ROE: the gross and net prices from priceForRoe and priceForNetRoe, for gains and losses', async () => {
    const user = userEvent.setup();
    renderWithStore(<ToolboxPanel />, { inputs: { ...defaultInputs() } });
    await user.click(screen.getByRole('tab', { name: 'Target ROE → price' }));
    const { spec } = validSpec();
    for (const roe of ['100', '-40']) {
      const field = screen.getByLabelText('Target ROE');
      await user.clear(field);
      await user.type(field, roe);
      const fraction = String(Number(roe) / 100);
      expect(result('targetGross')).toBe(formatPrice(priceForRoe(spec, fraction), TICK));
      expect(result('targetNet')).toBe(formatPrice(priceForNetRoe(spec, fraction), TICK));
    }
  });

  it('average entry: rows are added and removed; figures and both liquidation prices come from addToPosition', async () => {
    const user = userEvent.setup();
    const { store, container } = renderWithStore(<ToolboxPanel />);
    await user.click(screen.getByRole('tab', { name: 'Average entry (DCA)' }));
    // With no fill yet the tab says what to enter, and shows no figures.
    expect(screen.getByText(/Add a fill/).textContent).toBe('Add a fill: the price and size of an order that adds to the position.');
    expect(container.querySelector('[data-tool-result="averageEntry"]')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Add fill' }));
    await user.click(screen.getByRole('button', { name: 'Add fill' }));
    const price2 = screen.getByLabelText('Fill 2 price');
    expect(price2.getAttribute('aria-invalid')).toBe('true');
    await user.type(price2, '46000');
    await user.type(screen.getByLabelText('Fill 2 size'), '0.1');
    const { spec } = validSpec();
    const fills = [
      { price: valueOf(screen.getByLabelText('Fill 1 price')), size: valueOf(screen.getByLabelText('Fill 1 size')) },
      { price: '46000', size: '0.1' },
    ];
    const expected = addToPosition(spec, fills);
    expect(expected.valid).toBe(true);
    if (!expected.valid) return;
    expect(result('averageEntry')).toBe(formatPrice(expected.averageEntry, TICK));
    expect(result('liquidationBefore')).toBe(formatPrice(expected.before.liquidationPrice, TICK, { direction: 'up' }));
    expect(result('liquidationAfter')).toBe(formatPrice(expected.after.liquidationPrice, TICK, { direction: 'up' }));
    expect(result('liquidationBefore')).not.toBe(result('liquidationAfter'));
    expect(store.getState().inputs.fills).toBe(`${fills[0]?.price ?? ''}:${fills[0]?.size ?? ''}; 46000:0.1`);
    await user.click(screen.getByRole('button', { name: 'Remove fill 1' }));
    expect(store.getState().inputs.fills).toBe('46000:0.1');
    expectNoBadNumbers(container);
  });

  it('max open: the largest position, its bracket and what limits it, from maxOpen; the brackets table and its date', async () => {
    const user = userEvent.setup();
    renderWithStore(<ToolboxPanel />);
    await user.click(screen.getByRole('tab', { name: 'Max open & brackets' }));
    const { spec, leverage, collateral } = validSpec();
    const expected = maxOpen({ ...spec, collateral, leverage });
    expect(expected.valid).toBe(true);
    if (!expected.valid) return;
    expect(result('maxNotional')).toBe(formatMoney(expected.maxNotional, 'USDT'));
    expect(result('maxTier')).toBe(expected.tier === null ? 'none' : `Bracket ${expected.tier + 1}`);
    // The venue's bracket table, with the bracket in force at entry marked.
    const brackets = within(screen.getByRole('region', { name: 'Maintenance brackets' })).getAllByRole('row');
    expect(brackets.filter((row) => row.getAttribute('aria-current') === 'true')).toHaveLength(1);
    expect(result('bracketSource')).toMatch(/data as of \d{4}/);
  });

  it('size by risk: size and liquidation from sizeByRisk; a stop beyond liquidation warns by how much', async () => {
    const user = userEvent.setup();
    const { container } = renderWithStore(<ToolboxPanel />);
    await user.click(screen.getByRole('tab', { name: 'Size by risk' }));
    const { spec, leverage, collateral, liquidation } = validSpec();
    const stop = screen.getByLabelText('Stop-loss price');
    await user.type(stop, '49000');
    const safe = sizeByRisk({ spec, balance: collateral, riskFraction: '0.01', stopPrice: '49000', leverage });
    expect(safe.valid).toBe(true);
    if (!safe.valid) return;
    expect(result('riskSize')).toBe(`${new Intl.NumberFormat(undefined, { maximumFractionDigits: 8 }).format(Number(safe.size))} BTC`);
    expect(result('lossAtStop')).toBe(formatMoney(safe.lossAtStop, 'USDT'));
    expect(screen.queryByRole('alert')).toBeNull();
    const beyond = String(Math.floor(Number(liquidation) - 500));
    await user.clear(stop);
    await user.type(stop, beyond);
    const unsafe = sizeByRisk({ spec, balance: collateral, riskFraction: '0.01', stopPrice: beyond, leverage });
    expect(unsafe.valid && !unsafe.stopBeforeLiquidation).toBe(true);
    if (!unsafe.valid) return;
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain(formatPercent(Math.abs(Number(unsafe.stopMargin))));
    // A stop on the wrong side of entry is the model's message, inline.
    await user.clear(stop);
    await user.type(stop, '60000');
    expect(stop.getAttribute('aria-invalid')).toBe('true');
    expect(describedText(stop)).toMatch(/stop-loss must be below the entry/);
    expectNoBadNumbers(container);
  });

  it('size by risk: a maker rebate on opening reads as a rebate with a positive amount, as the exit breakdown writes it', async () => {
    const user = userEvent.setup();
    const inputs = withText(withText(defaultInputs(), 'makerFeeRate', '-0.025'), 'entryOrder', 'maker');
    renderWithStore(<ToolboxPanel />, { inputs });
    await user.click(screen.getByRole('tab', { name: 'Size by risk' }));
    await user.type(screen.getByLabelText('Stop-loss price'), '49000');
    const { spec, leverage, collateral } = validSpec(inputs);
    const sized = sizeByRisk({ spec, balance: collateral, riskFraction: '0.01', stopPrice: '49000', leverage });
    expect(sized.valid).toBe(true);
    if (!sized.valid) return;
    expect(Number(sized.openFee)).toBeLessThan(0);
    const row = document.querySelector('[data-tool-result="riskOpenFee"]')?.closest('div, li, tr');
    expect(row?.textContent).toContain('Maker rebate on opening');
    expect(result('riskOpenFee')).toBe(formatMoney(sized.openFee.replace(/^-/, ''), 'USDT'));
  });

  it('size by risk: switching to an amount keeps the risk, and the amount drives the size', async () => {
    const user = userEvent.setup();
    const { store } = renderWithStore(<ToolboxPanel />);
    await user.click(screen.getByRole('tab', { name: 'Size by risk' }));
    await user.click(screen.getByRole('radio', { name: 'Amount' }));
    expect(store.getState().inputs.riskAmount).toBe('5');
    const amount = screen.getByLabelText('Risk amount');
    await user.clear(amount);
    await user.type(amount, '20');
    const { spec, leverage, collateral } = validSpec();
    const stop = store.getState().inputs.stopPrice === '' ? '49000' : store.getState().inputs.stopPrice;
    const expected = sizeByRisk({ spec, balance: collateral, riskAmount: '20', stopPrice: stop, leverage });
    expect(expected.valid).toBe(true);
    if (!expected.valid) return;
    expect(result('riskAmount')).toBe(formatMoney('20', 'USDT'));
    expect(result('lossAtStop')).toBe(formatMoney(expected.lossAtStop, 'USDT'));
  });

  it('portfolio: each liquidation price given the others, from analyzePortfolio; the contagion renderer gets the model’s curve', async () => {
    const user = userEvent.setup();
    const rendered: ContagionSlotProps[] = [];
    const renderContagion = (props: ContagionSlotProps): null => {
      rendered.push(props);
      return null;
    };
    const { store, container } = renderWithStore(<ToolboxPanel renderContagion={renderContagion} />);
    await user.click(screen.getByRole('tab', { name: 'Cross-margin portfolio' }));
    await user.click(screen.getByRole('button', { name: 'Load an example' }));
    expect(store.getState().inputs.portfolio).toBe(portfolioToText(EXAMPLE_PORTFOLIO));
    const portfolio = {
      wallet: store.getState().inputs.portfolioWallet,
      positions: EXAMPLE_PORTFOLIO.map((row) => ({ id: row.name, side: row.side, entry: row.entry, size: row.size, mark: row.mark, mmr: String(Number(row.mmr) / 100) })),
    };
    const expected = analyzePortfolio(portfolio);
    expect(expected.valid).toBe(true);
    if (!expected.valid) return;
    expected.positions.forEach((position, index) => {
      expect(result(`portfolioLiquidation-${index}`)).toBe(formatPrice(position.liquidationPrice, portfolioTick(position.mark), { direction: position.side === 'long' ? 'up' : 'down' }));
    });
    expect(result('accountEquity')).toBe(formatMoney(expected.accountEquity, 'USDT'));
    const last = rendered[rendered.length - 1];
    expect(last?.names).toEqual(['BTC', 'ETH']);
    expect(last?.contagion.accountLiquidationPrice).toBe(expected.positions[0]?.liquidationPrice);
    expect(result('contagionSentence')).toMatch(/liquidates every position/);
    // Moving BTC to its own account-liquidation price leaves ETH's liquidation price where the model puts it.
    const priceField = screen.getByLabelText('Price of BTC');
    fireEvent.change(priceField, { target: { value: '45000' } });
    expect((await screen.findByRole('table', { name: /With BTC at/ })).textContent).toContain(formatPrice('45000', portfolioTick('50000')));
    const moved = contagion(portfolio, 0, { from: 40000, to: 60000, points: 2, at: ['45000'] });
    expect(moved.valid).toBe(true);
    if (!moved.valid) return;
    const point = moved.exact[0];
    expect(result('contagionLiquidation-1')).toBe(point?.liquidationPrices[1] === null ? 'liquidated' : formatPrice(point?.liquidationPrices[1] ?? null, portfolioTick('3000'), { direction: 'down' }));
    expect(result('contagionEquity')).toBe(formatMoney(point?.accountEquity ?? null, 'USDT'));
    expectNoBadNumbers(container);
  });

  it('portfolio: bad cells are marked inline, and rows can be removed', async () => {
    const user = userEvent.setup();
    const { store, container } = renderWithStore(<ToolboxPanel />);
    await user.click(screen.getByRole('tab', { name: 'Cross-margin portfolio' }));
    await user.click(screen.getByRole('button', { name: 'Add position' }));
    const entry = screen.getByLabelText('Position 1 entry');
    expect(entry.getAttribute('aria-invalid')).toBe('true');
    await user.type(entry, '100');
    await user.type(screen.getByLabelText('Position 1 size'), '2');
    await user.type(screen.getByLabelText('Cross wallet balance'), '50');
    expect(entry.getAttribute('aria-invalid')).toBe('false');
    // One position: a header row and its own row.
    expect(within(screen.getByRole('table', { name: /Each position’s liquidation price/ })).getAllByRole('row')).toHaveLength(2);
    await user.click(screen.getByRole('button', { name: 'Remove position 1' }));
    expect(store.getState().inputs.portfolio).toBe('');
    expectNoBadNumbers(container);
  });
});
