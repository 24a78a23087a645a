import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { analyze } from '../../src/model/analyze';
import { defaultInputs } from '../../src/config/presets';
import { inputsToSpec } from '../../src/config/spec';
import type { BrowserSession } from './chromium';
import { shareCalculator } from './helpers';

const baseUrl = inject('baseUrl');

/** The y of every point of an SVG path made of M/L commands (the chart's line paths). */
function pathYs(d: string): number[] {
  return [...d.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map((match) => Number(match[2]));
}

async function referenceY(page: Page, id: 'zero' | 'start'): Promise<number> {
  return Number(await page.locator(`.lev-plot .lev-ref-${id} line`).first().getAttribute('y1'));
}

describe.skipIf(baseUrl === '')('the curve ends where the position ends, in Chromium', () => {
  let session: BrowserSession;
  let page: Page;
  shareCalculator(baseUrl, (opened) => ({ session, page } = opened));
  const spec = inputsToSpec(defaultInputs());
  const analysis = analyze(spec);
  if (!analysis.valid) throw new Error('the default inputs are valid');

  it('the tooltip beyond the liquidation price reads "liquidated", never a negative equity or health', async () => {
    void session;
    const surface = page.locator('.lev-plot svg.lev-surface').first();
    await surface.scrollIntoViewIfNeeded();
    await surface.focus();
    // Home reads the lowest price of the range: below this long's liquidation price.
    await page.keyboard.press('Home');
    const tooltip = page.locator('.lev-plot .lev-tooltip').first();
    await tooltip.waitFor({ state: 'visible' });
    const title = await tooltip.locator('.lev-tooltip-title').innerText();
    const price = Number((title.split('(')[0] ?? '').replace(/[^\d.]/g, ''));
    expect(price).toBeLessThan(Number(analysis.liquidationPrice));
    expect(await tooltip.locator('dt:text-is("Position") + dd').innerText()).toMatch(/^liquidated/);
    expect(await tooltip.locator('dt:text-is("Health") + dd').innerText()).toBe('liquidated');
    const equity = await tooltip.locator('dt:text-is("Equity") + dd').innerText();
    expect(equity).not.toMatch(/[-−]/);
    expect(Number(equity.replace(/[^\d.]/g, ''))).toBe(0);

    // The mouse over the far left of the plot reads the same.
    await page.keyboard.press('Escape');
    const box = await surface.boundingBox();
    if (box === null) throw new Error('the chart has no box');
    await page.mouse.move(box.x + 80, box.y + box.height * 0.5);
    await expect.poll(() => tooltip.locator('dt:text-is("Position") + dd').innerText()).toMatch(/^liquidated/);
    await page.mouse.move(0, 0);

    // Back toward entry the position is open again on the tooltip: End reads the highest price.
    await surface.focus();
    await page.keyboard.press('End');
    await expect.poll(() => tooltip.locator('dt:text-is("Position") + dd').innerText()).toBe('open');
    await page.keyboard.press('Escape');
  });

  it('the drawn equity line never goes below the zero line by more than the fees', async () => {
    const d = (await page.locator('.lev-plot .lev-series-equity path').first().getAttribute('d')) ?? '';
    const ys = pathYs(d);
    expect(ys.length).toBeGreaterThan(100);
    const zero = await referenceY(page, 'zero');
    const start = await referenceY(page, 'start');
    // The value axis, read off the two reference lines: the start line is the collateral, the zero line 0.
    const pixelsPerUnit = (zero - start) / Number(analysis.effectiveCollateral);
    expect(pixelsPerUnit).toBeGreaterThan(0);
    // Taker fees to open and to close, on the entry notional.
    const fees = 2 * Number(spec.feeRate ?? 0) * Number(analysis.notional);
    const lowest = Math.max(...ys);
    expect(lowest).toBeLessThanOrEqual(zero + fees * pixelsPerUnit + 0.5);
    // And the line does reach the bottom: it drops to what the venue leaves (nothing), at the zero line.
    expect(lowest).toBeGreaterThan(zero - 1);
  });
});
