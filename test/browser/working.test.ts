import { describe, expect, inject, it } from 'vitest';
import { axeViolations, noBrokenNumbers, screenshot, shareCalculator } from './helpers';
import type { OpenPage } from './helpers';

const baseUrl = inject('baseUrl');
const panel = '[data-working="liquidationPrice"]';

describe.skipIf(baseUrl === '')('show the working, in Chromium at 375 px', () => {
  let opened: OpenPage;
  shareCalculator(baseUrl, (page) => {
    opened = page;
  });

  it('opens the liquidation price’s working from the keyboard; it fits the phone and ends at the figure shown', async () => {
    const { page } = opened;
    await page.setViewportSize({ width: 375, height: 812 });
    const toggle = page.locator('.lev-headline__item--liquidationPrice .lev-working__toggle').first();
    expect(await toggle.innerText()).toBe('Show the working');
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
    const region = page.getByRole('region', { name: 'How the liquidation price is worked out' });
    await region.waitFor();
    const shown = (await page.locator('[data-result="liquidationPrice"]').first().innerText()).trim();
    expect(await region.locator('ol > li').last().innerText()).toContain(`= ${shown}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await noBrokenNumbers(page);
  });

  it('the panel has no axe violations in the light theme or the dark theme', async () => {
    const { page } = opened;
    await page.getByRole('radio', { name: 'Light' }).check();
    expect(await axeViolations(page, panel)).toEqual([]);
    await screenshot(page.locator(panel), `working-375-light.png`);
    await page.getByRole('radio', { name: 'Dark' }).check();
    await expect.poll(() => page.locator('[data-theme="dark"]').count()).toBeGreaterThan(0);
    expect(await axeViolations(page, panel)).toEqual([]);
    await screenshot(page.locator(panel), `working-375-dark.png`);
    await page.getByRole('radio', { name: 'Auto' }).check();
  });
});
