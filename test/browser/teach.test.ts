import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectedLiquidation } from './expected';
import { axeViolations, screenshot, shareCalculator } from './helpers';

/*
 * Teaching in a real browser: a predict link keeps the answer off the page (figures, chart labels, summary) until the
 * reader reveals a guess; the presenter view puts the chart and its key figures on the whole screen in large type.
 */

const baseUrl = inject('baseUrl');

describe.skipIf(baseUrl === '')('predict, then reveal and the presenter view', () => {
  let page: Page;
  shareCalculator(`${baseUrl}/?v=1&predict=liquidation&leverage=20`, (opened) => {
    page = opened.page;
  });
  const answer = expectedLiquidation([['leverage', '20']]);

  it('a predict link hides the liquidation price everywhere until Reveal, and then shows how far off the guess was', async () => {
    expect(answer).toMatch(/\d/);
    expect(await page.locator('body').innerText()).not.toContain(answer);
    expect(await page.locator('.lev-marker-liquidation').count()).toBe(0);
    expect(await axeViolations(page, '.lev-predict')).toEqual([]);
    const field = page.getByLabel('Your guess (USDT)');
    await field.fill('48000');
    await page.getByRole('button', { name: 'Reveal' }).click();
    const result = page.locator('.lev-predict [role="status"]');
    await expect.poll(() => result.innerText()).toContain(`Liquidation is at ${answer} USDT`);
    expect(await result.innerText()).toMatch(/off by [\d,.]+ USDT: [\d.,]+ % of the move from entry to liquidation/);
    expect(await page.locator('.lev-marker-liquidation').count()).toBeGreaterThan(0);
    await screenshot(page.locator('.lev-predict'), `predict-revealed.png`);
  });

  it('the presenter view fills the screen with 24 px or larger figures, and Esc gives the focus back', async () => {
    const present = page.getByRole('button', { name: 'Present' });
    await present.click();
    const dialog = page.getByRole('dialog', { name: 'Presenter view' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    const box = await dialog.boundingBox();
    const viewport = page.viewportSize();
    expect(box?.width).toBe(viewport?.width);
    const sizes = await page.locator('.lev-presenter-figure dd').evaluateAll((nodes) => nodes.map((node) => parseFloat(getComputedStyle(node).fontSize)));
    expect(sizes.length).toBeGreaterThanOrEqual(3);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(24);
    // The chart's own labels grow with the screen too: drawn at a logical 800 px and scaled up (11 px text at 1× is
    // about 13 px tall on screen).
    const labelHeights = await page.locator('.lev-presenting .lev-marker-label').evaluateAll((nodes) => nodes.map((node) => node.getBoundingClientRect().height));
    expect(labelHeights.length).toBeGreaterThan(0);
    expect(Math.min(...labelHeights)).toBeGreaterThanOrEqual(16);
    await screenshot(page, `presenter-1280.png`);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Present');
  });
});
