import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { analyze } from '../../src/model/analyze';
import { analyzePortfolio } from '../../src/model/portfolio';
import { defaultInputs } from '../../src/config/presets';
import { inputsToSpec } from '../../src/config/spec';
import { formatPrice } from '../../src/config/format';
import { portfolioTick } from '../../src/view/toolbox';
import { launchBrowser, watchErrors } from './chromium';
import { axeViolations, noBrokenNumbers, resultText, screenshot, shareCalculator } from './helpers';

const baseUrl = inject('baseUrl');
async function markerX(page: Page, id: string): Promise<number> {
  const line = page.locator(`.lev-marker-tool-${id} line`).first();
  await line.waitFor({ state: 'attached' });
  return Number(await line.getAttribute('x1'));
}

async function openTool(page: Page, name: string): Promise<void> {
  const tab = page.getByRole('tab', { name });
  await tab.click();
  await expect.poll(() => tab.getAttribute('aria-selected')).toBe('true');
}

const positions = [
  { name: 'BTC', side: 'long', entry: '50000', size: '0.3', mark: '49000', mmr: '0.5' },
  { name: 'ETH', side: 'short', entry: '3000', size: '4', mark: '3100', mmr: '0.75' },
] as const;
const wallet = '3000';

describe.skipIf(baseUrl === '')('the trader’s toolbox in Chromium', () => {
  let page: Page;
  shareCalculator(baseUrl, (opened) => ({ page } = opened));

  it('switches tools with the arrow keys (an accessible tablist)', async () => {
    const first = page.getByRole('tab', { name: 'Exit price → PnL' });
    await first.click();
    await first.press('ArrowRight');
    await expect.poll(() => page.getByRole('tab', { name: 'Target ROE → price' }).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => first.getAttribute('aria-selected')).toBe('true');
  });

  it('moves the exit price with the arrow keys and lists the PnL components', async () => {
    await openTool(page, 'Exit price → PnL');
    const exit = page.getByLabel('Exit price', { exact: true });
    await exit.fill('52000');
    const before = await resultText(page, 'netPnl', 'data-tool-result');
    await exit.press('ArrowUp');
    await expect.poll(() => exit.inputValue()).toBe('52050');
    await expect.poll(() => resultText(page, 'netPnl', 'data-tool-result')).not.toBe(before);
    expect(await page.getByRole('row', { name: /Fee to open/ }).count()).toBe(1);
    expect(await page.getByText(/leave out fees and funding/).count()).toBeGreaterThan(0);
    await noBrokenNumbers(page);
  });

  it('drags the exit marker on the main chart and moves it with the keyboard', async () => {
    await openTool(page, 'Exit price → PnL');
    const exit = page.getByLabel('Exit price', { exact: true });
    // No exit marker on the chart until an exit price is set.
    await exit.fill('');
    await expect.poll(() => page.locator('.lev-marker-tool-exit').count()).toBe(0);
    expect(await page.getByRole('slider', { name: /Exit price marker/ }).count()).toBe(0);
    await exit.fill('51000');
    // The chart follows the input one task later: wait for the marker to appear.
    const startX = await markerX(page, 'exit');
    const handle = page.getByRole('slider', { name: /Exit price marker/ });
    await handle.scrollIntoViewIfNeeded();
    const box = await handle.boundingBox();
    expect(box).not.toBeNull();
    if (box === null) return;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 60, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    await expect.poll(async () => Number(await exit.inputValue())).toBeGreaterThan(51000);
    await expect.poll(() => markerX(page, 'exit')).toBeGreaterThan(startX);
    const dragged = Number(await exit.inputValue());
    await handle.focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(async () => Number(await exit.inputValue())).toBeCloseTo(dragged - 50, 6);
    await screenshot(page.locator('.lev-chart-section'), `toolbox-exit-chart-desktop.png`);
  });

  it('warns when the stop sits beyond the liquidation price', async () => {
    await openTool(page, 'Size by risk');
    const analysis = analyze(inputsToSpec(defaultInputs()));
    expect(analysis.valid).toBe(true);
    if (!analysis.valid || analysis.liquidationPrice === null) return;
    const safeStop = (Number(analysis.entry) * 0.99).toString();
    await page.getByLabel('Stop-loss price', { exact: true }).fill(safeStop);
    await expect.poll(() => page.locator('[data-tool-result="stopSafe"]').count()).toBe(1);
    expect(await page.locator('[data-tool-result="stopWarning"]').count()).toBe(0);
    // Below a 20× long's liquidation price.
    const unsafeStop = Math.floor(Number(analysis.liquidationPrice) * 0.97).toString();
    await page.getByLabel('Stop-loss price', { exact: true }).fill(unsafeStop);
    const warning = page.locator('[data-tool-result="stopWarning"]');
    await expect.poll(() => warning.isVisible()).toBe(true);
    expect(await warning.innerText()).toMatch(/before the stop triggers/);
    // The stop is marked, and the equity capped at the stop is drawn beside the uncapped curve.
    await expect.poll(() => page.locator('.lev-marker-tool-stop').count()).toBe(1);
    await expect.poll(() => page.locator('.lev-series-capped').count()).toBe(1);
    await screenshot(page.locator('.lev-chart-section'), `toolbox-risk-chart-desktop.png`);
    await noBrokenNumbers(page);
    await screenshot(page.locator('.lev-toolbox'), `toolbox-risk-desktop.png`);
  });

  it('adds fills and moves the liquidation marker (before and after the last fill)', async () => {
    await openTool(page, 'Average entry (DCA)');
    await page.getByRole('button', { name: 'Add fill' }).click();
    await page.getByLabel('Fill 1 price', { exact: true }).fill('48000');
    await page.getByLabel('Fill 1 size', { exact: true }).fill('0.2');
    await expect.poll(() => page.locator('[data-tool-result="liquidationAfter"]').count()).toBe(1);
    const afterOne = await resultText(page, 'liquidationAfter', 'data-tool-result');
    expect(await resultText(page, 'liquidationBefore', 'data-tool-result')).not.toBe(afterOne);
    const markerAfterOne = await markerX(page, 'liquidation-after');
    await page.getByRole('button', { name: 'Add fill' }).click();
    await page.getByLabel('Fill 2 price', { exact: true }).fill('46000');
    await page.getByLabel('Fill 2 size', { exact: true }).fill('0.2');
    await expect.poll(() => resultText(page, 'liquidationAfter', 'data-tool-result')).not.toBe(afterOne);
    // The "after" marker moves with the second fill.
    await expect.poll(() => markerX(page, 'liquidation-after')).not.toBe(markerAfterOne);
    // The "before" of the second fill is the "after" of the first.
    expect(await resultText(page, 'liquidationBefore', 'data-tool-result')).toBe(afterOne);
    const before = await markerX(page, 'liquidation-before');
    const afterTwo = await markerX(page, 'liquidation-after');
    expect(afterTwo).not.toBe(before);
    await noBrokenNumbers(page);
    await screenshot(page.locator('.lev-toolbox'), `toolbox-average-desktop.png`);
    await screenshot(page.locator('.lev-chart-section'), `toolbox-average-chart-desktop.png`);
  });

  it('builds a two-position cross portfolio and shows both liquidation prices, as analyzePortfolio gives them', async () => {
    await openTool(page, 'Cross-margin portfolio');
    await page.getByLabel('Cross wallet balance', { exact: true }).fill(wallet);
    for (const [index, position] of positions.entries()) {
      await page.getByRole('button', { name: 'Add position' }).click();
      const label = `Position ${index + 1}`;
      await page.getByLabel(`${label} name`, { exact: true }).fill(position.name);
      await page.getByLabel(`${label} side`, { exact: true }).selectOption(position.side);
      await page.getByLabel(`${label} entry`, { exact: true }).fill(position.entry);
      await page.getByLabel(`${label} size`, { exact: true }).fill(position.size);
      await page.getByLabel(`${label} mark`, { exact: true }).fill(position.mark);
      await page.getByLabel(`${label} maintenance rate`, { exact: true }).fill(position.mmr);
    }
    const expected = analyzePortfolio({
      wallet,
      positions: positions.map((position) => ({ id: position.name, instrument: 'linear', side: position.side, entry: position.entry, size: position.size, mark: position.mark, mmr: (Number(position.mmr) / 100).toString() })),
    });
    expect(expected.valid).toBe(true);
    if (!expected.valid) return;
    for (const [index, figures] of expected.positions.entries()) {
      expect(figures.liquidationPrice).not.toBeNull();
      const text = formatPrice(figures.liquidationPrice, portfolioTick(figures.mark), { direction: figures.side === 'long' ? 'up' : 'down' });
      await expect.poll(() => resultText(page, `portfolioLiquidation-${index}`, 'data-tool-result')).toBe(text);
    }
    await expect.poll(() => page.locator('.lev-series-account-equity path').count()).toBeGreaterThan(0);
    expect(await resultText(page, 'contagionSentence', 'data-tool-result')).toMatch(/liquidates every position/);
    await noBrokenNumbers(page);
    expect(await axeViolations(page, '.lev-toolbox')).toEqual([]);
    await screenshot(page.locator('.lev-toolbox'), `toolbox-portfolio-desktop.png`);
  });

  it('carries the portfolio through a share link into a fresh browser', async () => {
    await expect.poll(() => page.url()).toContain('portfolio=');
    const link = page.url();
    const cells = [await resultText(page, 'portfolioLiquidation-0', 'data-tool-result'), await resultText(page, 'portfolioLiquidation-1', 'data-tool-result')];
    const fresh = await launchBrowser({ width: 375, height: 800 });
    try {
      const other = await fresh.context.newPage();
      const otherErrors = watchErrors(other);
      await other.goto(link);
      await other.waitForSelector('.lev-series-equity path', { state: 'attached' });
      await openTool(other, 'Cross-margin portfolio');
      await expect.poll(() => resultText(other, 'portfolioLiquidation-0', 'data-tool-result')).toBe(cells[0]);
      expect(await resultText(other, 'portfolioLiquidation-1', 'data-tool-result')).toBe(cells[1]);
      expect(await other.getByLabel('Position 2 name', { exact: true }).inputValue()).toBe('ETH');
      await noBrokenNumbers(other);
      await screenshot(other.locator('.lev-toolbox'), `toolbox-portfolio-375.png`);
      await openTool(other, 'Size by risk');
      await screenshot(other.locator('.lev-toolbox'), `toolbox-risk-375.png`);
      expect(otherErrors).toEqual([]);
    } finally {
      await fresh.close();
    }
  });
});
