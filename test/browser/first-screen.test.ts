import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, openCalculator, screenshot } from './helpers';
import type { OpenPage } from './helpers';

const baseUrl = inject('baseUrl');

interface Box {
  top: number;
  bottom: number;
  height: number;
}

/** Where an element is in the first screen (before any scrolling), in CSS pixels. */
async function boxOf(page: Page, selector: string): Promise<Box> {
  const element = page.locator(selector).first();
  await element.waitFor({ state: 'attached' });
  const box = await element.evaluate((node) => {
    const rect = node.getBoundingClientRect();
    return { top: rect.top + window.scrollY, bottom: rect.bottom + window.scrollY, height: rect.height };
  });
  return box;
}

/** How many pixels of a box a screen of this height shows before any scrolling. */
function visibleIn(box: Box, screenHeight: number): number {
  return Math.max(0, Math.min(box.bottom, screenHeight) - Math.max(box.top, 0));
}

const plot = '.lev-chart-section .lev-plot';
const slider = 'input[type="range"][aria-label="Leverage slider"]';
const keyFigures = ['liquidationPrice', 'liquidationDistance', 'amplification', 'maxLoss'];

/** One page per screen size, shared by that block's tests (read `.page` inside them); the block fails on any console error. */
function openAt(viewport: { width: number; height: number }): { readonly page: Page } {
  let opened: OpenPage | null = null;
  beforeAll(async () => {
    opened = await openCalculator(baseUrl, viewport);
  });
  afterAll(async () => {
    if (opened === null) return;
    expect(opened.errors, 'console errors during the suite').toEqual([]);
    await opened.session.close();
  });
  return {
    get page(): Page {
      if (opened === null) throw new Error('the page opens before the first test');
      return opened.page;
    },
  };
}

/** The equity plot's box, after checking that it starts in the first screen. */
async function plotStartingInFirstScreen(page: Page, screenHeight: number): Promise<Box> {
  const plotBox = await boxOf(page, plot);
  expect(plotBox.top).toBeLessThan(screenHeight);
  return plotBox;
}

describe.skipIf(baseUrl === '')('the first screen is the chart', () => {
  describe('on a 1280×800 laptop', () => {
    const screen = { width: 1280, height: 800 };
    const opened = openAt(screen);

    it('shows at least 200 px of the equity plot, the leverage slider and the four figures that matter', async () => {
      const plotBox = await plotStartingInFirstScreen(opened.page, screen.height);
      expect(visibleIn(plotBox, screen.height)).toBeGreaterThanOrEqual(200);
      expect((await boxOf(opened.page, slider)).bottom).toBeLessThanOrEqual(screen.height);
      for (const key of keyFigures) expect((await boxOf(opened.page, `[data-result="${key}"]`)).bottom, key).toBeLessThanOrEqual(screen.height);
      await screenshot(opened.page, `first-screen-1280.png`);
    });

    it('has the essential inputs beside or above the chart: venue, side, entry, collateral, size, leverage, isolated/cross', async () => {
      const plotBox = await boxOf(opened.page, plot);
      for (const field of ['venue', 'side', 'entry', 'collateral', 'size', 'leverage', 'marginMode']) {
        const box = await boxOf(opened.page, `[data-field="${field}"] :is(input, select)`);
        expect(box.bottom, field).toBeLessThanOrEqual(screen.height);
        // Beside the chart (level with it) or above it, never under it.
        expect(box.top, field).toBeLessThan(plotBox.bottom);
      }
      // Isolated/cross sits next to leverage, not in the folded advanced settings.
      const leverage = await boxOf(opened.page, '[data-field="leverage"] input[type="text"]');
      const cross = await boxOf(opened.page, '[data-field="marginMode"]');
      expect(Math.abs(cross.top - leverage.top)).toBeLessThan(60);
    });

    it('puts the other groups below the chart, each folding from its heading by keyboard', async () => {
      const plotBox = await boxOf(opened.page, plot);
      const toggles = opened.page.locator('.lev-fold__toggle');
      const names = await toggles.allInnerTexts();
      expect(names.map((name) => name.replace(/^[▾▸]\s*/, ''))).toEqual(['More figures', 'Risk over time and holding costs', 'Play a price path', 'Toolbox', 'Scenarios', 'Venue rules and advanced settings']);
      for (let index = 0; index < names.length; index += 1) {
        const toggle = toggles.nth(index);
        expect((await boxOf(opened.page, `.lev-fold >> nth=${String(index)}`)).top).toBeGreaterThan(plotBox.bottom);
        // Each toggle is the heading of its group.
        expect(await toggle.evaluate((node) => node.parentElement?.tagName)).toBe('H2');
        const body = opened.page.locator(`#${await toggle.getAttribute('aria-controls') ?? ''}`);
        expect(await toggle.getAttribute('aria-expanded')).toBe('true');
        await toggle.focus();
        await opened.page.keyboard.press('Enter');
        expect(await toggle.getAttribute('aria-expanded')).toBe('false');
        expect(await body.isVisible()).toBe(false);
        await opened.page.keyboard.press('Space');
        expect(await toggle.getAttribute('aria-expanded')).toBe('true');
        expect(await body.isVisible()).toBe(true);
      }
    });

    it('reaches the leverage slider by keyboard before the chart, and steps it with the arrow keys', async () => {
      await opened.page.evaluate(() => window.scrollTo(0, 0));
      const order = await opened.page.evaluate(() => {
        const focusable = [...document.querySelectorAll<HTMLElement>('input, select, button, [tabindex="0"], summary')].filter((node) => !node.hasAttribute('disabled') && node.offsetParent !== null);
        const sliderIndex = focusable.findIndex((node) => node.getAttribute('aria-label') === 'Leverage slider');
        const chartIndex = focusable.findIndex((node) => node.closest('.lev-chart-section') !== null);
        const entryIndex = focusable.findIndex((node) => node.closest('[data-field="entry"]') !== null);
        return { sliderIndex, chartIndex, entryIndex };
      });
      expect(order.sliderIndex).toBeGreaterThanOrEqual(0);
      expect(order.sliderIndex).toBeLessThan(order.chartIndex);
      expect(order.chartIndex).toBeLessThan(order.entryIndex);
      const box = opened.page.getByLabel('Leverage', { exact: true });
      const before = Number(await box.inputValue());
      await opened.page.locator(slider).focus();
      await opened.page.keyboard.press('ArrowRight');
      await expect.poll(async () => Number(await box.inputValue())).toBeGreaterThan(before);
      await opened.page.keyboard.press('ArrowLeft');
      await expect.poll(async () => Number(await box.inputValue())).toBe(before);
    });
  });

  describe('while the leverage is steered', () => {
    const opened = openAt({ width: 1280, height: 800 });

    it('the groups below the chart skip rendering off screen during a held key, and render as usual a second after it is released', async () => {
      const visibility = (): Promise<string[]> =>
        opened.page.$$eval('.lev-layout__more > .lev-fold', (folds) => folds.map((fold) => getComputedStyle(fold).contentVisibility));
      expect(new Set(await visibility())).toEqual(new Set(['visible']));
      await opened.page.locator(slider).focus();
      await opened.page.keyboard.down('ArrowRight');
      await expect.poll(async () => new Set(await visibility())).toEqual(new Set(['auto']));
      await opened.page.keyboard.up('ArrowRight');
      await expect.poll(async () => new Set(await visibility()), { timeout: 4000 }).toEqual(new Set(['visible']));
      // Their text kept up with the steps meanwhile: the scenario table's current row reads the new leverage.
      const leverage = await opened.page.getByLabel('Leverage', { exact: true }).inputValue();
      expect(await opened.page.locator('.lev-layout__more').innerText()).toContain(`${leverage}×`);
    });
  });

  describe('on a 375×812 phone', () => {
    const screen = { width: 375, height: 812 };
    const opened = openAt(screen);

    it('starts the plot by 560 px, with at least 240 px of it in the first screen, and has the slider within the first screen and a quarter', async () => {
      const plotBox = await plotStartingInFirstScreen(opened.page, screen.height);
      // Issue 12, "picture first": the chart's tools take one line (the rest behind "Chart options"), not four.
      expect(plotBox.top).toBeLessThanOrEqual(560);
      expect(visibleIn(plotBox, screen.height)).toBeGreaterThanOrEqual(240);
      expect((await boxOf(opened.page, slider)).bottom).toBeLessThanOrEqual(screen.height * 1.25);
      expect(await opened.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      await screenshot(opened.page, `first-screen-375.png`);
    });

    it('puts the chart tools on one line, the rest one keyboard press away behind "Chart options"', async () => {
      const { page } = opened;
      const tools = page.locator('.lev-chart-section').getByRole('group', { name: 'Chart tools' });
      const toggle = tools.getByRole('button', { name: 'Chart options' });
      const lineTops = await Promise.all(['Zoom in (narrower price range)', 'Hold axes', 'Chart options'].map(async (name) => (await tools.getByRole('button', { name }).boundingBox())?.y));
      expect(new Set(lineTops).size, `tops ${lineTops.join(', ')}`).toBe(1);
      // The range status has no room on the line: it stays a live region, read out when it changes.
      expect(await tools.getByRole('status').innerText()).toBe('Auto range');
      const moved = [tools.getByRole('button', { name: 'Download PNG' }), tools.getByRole('button', { name: 'Download CSV' }), tools.getByRole('checkbox', { name: /^\d+-day price range$/ })];
      for (const control of moved) expect(await control.isVisible()).toBe(false);
      await toggle.focus();
      await page.keyboard.press('Enter');
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      for (const control of moved) expect(await control.isVisible()).toBe(true);
      await page.keyboard.press('Tab');
      expect(await moved[2]?.evaluate((node) => node === document.activeElement)).toBe(true);
      expect(await axeViolations(page, '.lev-chart-section .lev-chart-bar')).toEqual([]);
      await page.keyboard.press('Escape');
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      expect(await toggle.evaluate((node) => node === document.activeElement)).toBe(true);
      for (const control of moved) expect(await control.isVisible()).toBe(false);
    });

    it('keeps the leverage slider on screen while the chart is scrolled into view', async () => {
      const plotBox = await boxOf(opened.page, plot);
      await opened.page.evaluate((top) => window.scrollTo(0, top - 200), plotBox.top);
      const onScreen = await opened.page.locator(slider).evaluate((node) => {
        const rect = node.getBoundingClientRect();
        return rect.top >= 0 && rect.bottom <= window.innerHeight;
      });
      expect(onScreen).toBe(true);
      await opened.page.evaluate(() => window.scrollTo(0, 0));
    });

    it('has no axe violations in the light theme or the dark theme', async () => {
      await opened.page.getByRole('radio', { name: 'Light' }).check();
      expect(await axeViolations(opened.page)).toEqual([]);
      await opened.page.getByRole('radio', { name: 'Dark' }).check();
      await expect.poll(() => opened.page.locator('[data-theme="dark"]').count()).toBeGreaterThan(0);
      expect(await axeViolations(opened.page)).toEqual([]);
      await opened.page.getByRole('radio', { name: 'Auto' }).check();
    });
  });
});
