import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { analyze } from '../../src/model/analyze';
import { equityPath } from '../../src/model/path';
import { defaultInputs, inputsWith } from '../../src/config/presets';
import { inputsToSpec } from '../../src/config/spec';
import { formatPrice } from '../../src/config/format';
import { launchBrowser, watchErrors } from './chromium';
import type { BrowserSession } from './chromium';
import { axeViolations, noBrokenNumbers, resultText, screenshot, shareCalculator } from './helpers';

const baseUrl = inject('baseUrl');
async function markerX(page: Page, id: string): Promise<number> {
  const line = page.locator(`.lev-marker-${id} line`).first();
  await line.waitFor({ state: 'attached' });
  return Number(await line.getAttribute('x1'));
}

describe.skipIf(baseUrl === '')('the calculator page in Chromium', () => {
  let session: BrowserSession;
  let page: Page;
  shareCalculator(baseUrl, (opened) => ({ session, page } = opened));

  it('shows the model’s liquidation price for entry 50,000 / collateral 500 / long / 20× at 0.4 % (mark basis)', async () => {
    await page.getByLabel('Venue preset').selectOption('binance-usdm-btcusdt');
    await page.getByLabel('Entry price').fill('50000');
    await page.getByLabel('Collateral', { exact: true }).fill('500');
    await page.getByRole('radio', { name: 'Long' }).check();
    await page.getByLabel('Leverage', { exact: true }).fill('20');
    const spec = inputsToSpec(inputsWith({ venue: 'binance-usdm-btcusdt', entry: '50000', collateral: '500', side: 'long', leverage: '20' }));
    const analysis = analyze(spec);
    expect(analysis.valid).toBe(true);
    if (!analysis.valid) return;
    expect(analysis.appliedMmr).toBe('0.004');
    expect(analysis.mmBasis).toBe('mark');
    const expected = formatPrice(analysis.liquidationPrice, '0.1', { direction: 'up' });
    await expect.poll(() => resultText(page, 'liquidationPrice')).toContain(expected);
    await noBrokenNumbers(page);
    await screenshot(page, `desktop.png`, true);
  });

  it('reads the curve in the tooltip by pointer and by keyboard, with a dot on the equity line', async () => {
    const spec = inputsToSpec(defaultInputs());
    /** Price and equity as the tooltip shows them; the equity must be the model's at that price. */
    const readTooltip = async (): Promise<{ price: number; equity: number }> => {
      const tooltip = page.locator('.lev-plot .lev-tooltip').first();
      await tooltip.waitFor({ state: 'visible' });
      const title = await tooltip.locator('.lev-tooltip-title').innerText();
      const equityText = await tooltip.locator('dt:text-is("Equity") + dd').innerText();
      const number = (text: string): number => Number(text.replace(/[^\d.-]/g, ''));
      return { price: number(title.split('(')[0] ?? ''), equity: number(equityText) };
    };
    const analysis = analyze(spec);
    if (!analysis.valid) throw new Error('the defaults should be valid');
    const checkAgainstModel = ({ price, equity }: { price: number; equity: number }): void => {
      // What the position has at that price: the model's equity while open, what the venue leaves once liquidated.
      const expected = Number(equityPath(spec, [String(price)])?.points[0]?.equity ?? Number.NaN);
      // The title rounds the price to the 0.1 tick (±0.05), and equity moves by the quantity per unit of price; the equity shows cents.
      expect(Math.abs(equity - expected)).toBeLessThanOrEqual(Number(analysis.quantity) * 0.05 + 0.005 + 1e-9);
    };

    const surface = page.locator('.lev-plot svg.lev-surface').first();
    await surface.scrollIntoViewIfNeeded();
    const box = await surface.boundingBox();
    if (box === null) throw new Error('the chart has no box');
    await page.mouse.move(box.x + box.width * 0.7, box.y + box.height * 0.6);
    const byPointer = await readTooltip();
    checkAgainstModel(byPointer);
    expect(await page.locator('.lev-active-dot').count()).toBe(1);
    await page.mouse.move(0, 0);

    await surface.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const byKey = await readTooltip();
    checkAgainstModel(byKey);
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await readTooltip()).price).toBeGreaterThan(byKey.price);
    await page.keyboard.press('Escape');
    await page.locator('body').focus();

    // 19× keeps the chart's frame (the same price range and value ticks as 20×): the tooltip must still read the
    // new curve, not the one the frame was drawn for.
    const spec19 = inputsToSpec(inputsWith({ leverage: '19' }));
    const analysis19 = analyze(spec19);
    if (!analysis19.valid) throw new Error('19× should be valid');
    await page.getByLabel('Leverage', { exact: true }).fill('19');
    // Typing scrolled the field into view: find the chart again.
    await surface.scrollIntoViewIfNeeded();
    const again = await surface.boundingBox();
    if (again === null) throw new Error('the chart has no box');
    await expect
      .poll(async () => {
        await page.mouse.move(0, 0);
        await page.mouse.move(again.x + again.width * 0.7, again.y + again.height * 0.6);
        const { price, equity } = await readTooltip();
        return Math.abs(equity - Number(equityPath(spec19, [String(price)])?.points[0]?.equity ?? Number.NaN)) <= Number(analysis19.quantity) * 0.05 + 0.005 + 1e-9;
      })
      .toBe(true);
    await page.mouse.move(0, 0);
    await page.getByLabel('Leverage', { exact: true }).fill('20');
  });

  it('moves the markers when the leverage slider is driven by keyboard', async () => {
    const before = await markerX(page, 'liquidation');
    const textBefore = await resultText(page, 'liquidationPrice');
    const slider = page.getByRole('slider', { name: 'Leverage slider' });
    await slider.focus();
    for (let step = 0; step < 10; step += 1) await page.keyboard.press('ArrowRight');
    await expect.poll(() => resultText(page, 'liquidationPrice')).not.toBe(textBefore);
    // The chart renders deferred after the headline: wait for the marker to follow.
    await expect.poll(() => markerX(page, 'liquidation')).not.toBe(before);
    const leverage = Number(await page.getByLabel('Leverage', { exact: true }).inputValue());
    expect(leverage).toBeGreaterThan(20);
  });

  it('round-trips the state through a copied link in a fresh browser', async () => {
    await page.getByLabel('Leverage', { exact: true }).fill('37');
    await page.getByRole('radio', { name: 'Short' }).check();
    await expect.poll(() => page.url()).toContain('leverage=37');
    await expect.poll(() => page.url()).toContain('side=short');
    await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
    await page.getByRole('button', { name: /copy link/i }).click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(page.url());
    const liquidation = await resultText(page, 'liquidationPrice');

    const fresh = await launchBrowser({ width: 1280, height: 900 });
    try {
      const other = await fresh.context.newPage();
      const otherErrors = watchErrors(other);
      await other.goto(copied);
      await expect.poll(() => resultText(other, 'liquidationPrice')).toBe(liquidation);
      expect(await other.getByLabel('Leverage', { exact: true }).inputValue()).toBe('37');
      expect(await other.getByRole('radio', { name: 'Short' }).isChecked()).toBe(true);
      expect(otherErrors).toEqual([]);
    } finally {
      await fresh.close();
    }
  });

  it('names tampered link keys in a notice and renders nothing from the URL as HTML', async () => {
    const other = await session.context.newPage();
    const otherErrors = watchErrors(other);
    await other.goto(`${baseUrl}/?v=1&side=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&entry=abc&leverage=20`);
    const notice = other.getByText(/side/).filter({ hasText: /entry/ }).first();
    await expect.poll(() => notice.isVisible()).toBe(true);
    expect(await other.locator('img[src="x"]').count()).toBe(0);
    expect(await other.getByRole('radio', { name: 'Long' }).isChecked()).toBe(true);
    expect(otherErrors).toEqual([]);
    await other.close();
  });

  it('explains bad input next to the field and keeps the other fields and the last valid result', async () => {
    await page.goto(baseUrl);
    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    const liquidation = await resultText(page, 'liquidationPrice');
    const entry = page.getByLabel('Entry price');
    await entry.fill('abc');
    await expect.poll(() => entry.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await entry.getAttribute('aria-describedby')) ?? '';
    const message = await page.locator(`[id="${describedBy.split(' ')[0] ?? ''}"]`).innerText();
    expect(message.length).toBeGreaterThan(5);
    await expect.poll(() => page.getByText('Showing the last valid inputs').isVisible()).toBe(true);
    expect(await resultText(page, 'liquidationPrice')).toBe(liquidation);
    expect(await page.getByLabel('Collateral', { exact: true }).inputValue()).toBe('500');
    for (const bad of ['-5', '0', '1e30']) {
      await entry.fill(bad);
      await expect.poll(() => entry.getAttribute('aria-invalid')).toBe('true');
      await noBrokenNumbers(page);
    }
    await entry.fill('50000');
    await page.getByLabel('Leverage', { exact: true }).fill('500');
    const leverageField = page.getByLabel('Leverage', { exact: true });
    await expect.poll(() => leverageField.getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Leverage', { exact: true }).fill('20');
    await expect.poll(() => leverageField.getAttribute('aria-invalid')).not.toBe('true');
    await noBrokenNumbers(page);
  });

  it('has no axe violations in the light theme, and none in the dark theme', async () => {
    await page.getByRole('radio', { name: 'Light' }).check();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('radio', { name: 'Dark' }).check();
    await expect.poll(() => page.locator('[data-theme="dark"]').count()).toBeGreaterThan(0);
    const background = await page.evaluate(() => {
      const root = document.querySelector('[data-theme="dark"]');
      return root === null ? '' : getComputedStyle(root).backgroundColor;
    });
    const channels = (background.match(/\d+/g) ?? []).slice(0, 3).map(Number);
    expect(channels.reduce((sum, value) => sum + value, 0) / 3).toBeLessThan(80);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, `desktop-dark.png`, true);
    await page.getByRole('radio', { name: 'Auto' }).check();
  });

  it('fits a 375 px phone without horizontal scrolling', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(baseUrl);
    await page.waitForSelector('.lev-series-equity path', { state: 'attached' });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await page.locator('.lev-marker-liquidation').count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, `mobile-375.png`, true);
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});
