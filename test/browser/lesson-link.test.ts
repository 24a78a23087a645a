import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { defaultInputs } from '../../src/config/presets';
import { launchBrowser, watchErrors } from './chromium';
import { noBrokenNumbers, openCalculator, screenshot } from './helpers';

const baseUrl = inject('baseUrl');

/** The lesson: four scenarios that differ in leverage, the amplification chart, the size-by-risk tool. */
const lesson = [
  { name: 'Careful 2×', leverage: '2' },
  { name: 'Usual 5×', leverage: '5' },
  { name: 'Bold 25×', leverage: '25' },
  { name: 'Reckless | 75×', leverage: '75' },
] as const;
const chartTab = 'Amplification';
const toolTab = 'Size by risk';

async function savedScenarioNames(page: Page): Promise<string[]> {
  const names = await page.getByRole('list', { name: 'Saved scenarios' }).locator('.lev-scenarios__name').allInnerTexts();
  return names.map((name) => name.trim());
}

async function isSelected(page: Page, tab: string): Promise<string | null> {
  return page.getByRole('tab', { name: tab, exact: true }).getAttribute('aria-selected');
}

describe.skipIf(baseUrl === '')('a lesson is one link, in Chromium', () => {
  it('saves four scenarios, switches the chart and toolbox tabs, and a fresh browser opening the copied link shows all of it', async () => {
    const teacher = await openCalculator(baseUrl);
    const student = await launchBrowser({ width: 1280, height: 900 });
    try {
      const { page } = teacher;
      const leverage = page.getByLabel('Leverage', { exact: true });
      for (const scenario of lesson) {
        await leverage.fill(scenario.leverage);
        await page.getByLabel('Scenario name').fill(scenario.name);
        await page.getByRole('button', { name: 'Save scenario' }).click();
      }
      await expect.poll(() => savedScenarioNames(page)).toEqual(lesson.map((scenario) => scenario.name));
      // The main position goes back to the page's default leverage: each scenario then differs from it.
      await leverage.fill(defaultInputs().leverage);

      await page.getByRole('tab', { name: chartTab, exact: true }).click();
      await page.getByRole('tab', { name: toolTab, exact: true }).click();
      await expect.poll(() => isSelected(page, chartTab)).toBe('true');
      await expect.poll(() => isSelected(page, toolTab)).toBe('true');

      await teacher.session.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
      await page.getByRole('button', { name: 'Copy link' }).click();
      await expect.poll(() => page.getByRole('status').filter({ hasText: 'Link copied' }).count()).toBe(1);
      const link = String(await page.evaluate(() => navigator.clipboard.readText()));
      expect(new URL(link).origin).toBe(new URL(baseUrl).origin);
      // The address bar carries the same lesson once the page has caught up with the last change.
      await expect.poll(() => new URL(page.url()).search).toBe(new URL(link).search);

      // A fresh profile: nothing in its storage, so everything it shows comes from the link.
      expect((await student.context.storageState()).origins).toEqual([]);
      const fresh = await student.context.newPage();
      const errors = watchErrors(fresh);
      await fresh.goto(link);
      await expect.poll(() => savedScenarioNames(fresh)).toEqual(lesson.map((scenario) => scenario.name));
      await expect.poll(() => isSelected(fresh, chartTab)).toBe('true');
      await expect.poll(() => isSelected(fresh, toolTab)).toBe('true');
      expect(await fresh.getByLabel('Leverage', { exact: true }).inputValue()).toBe(defaultInputs().leverage);
      // Each scenario keeps its own leverage: loading one puts it back into the inputs.
      await fresh.getByRole('button', { name: `Load scenario ${lesson[2].name}` }).click();
      await expect.poll(() => fresh.getByLabel('Leverage', { exact: true }).inputValue()).toBe(lesson[2].leverage);
      expect(await fresh.getByText(/could not be used/).count()).toBe(0);
      await noBrokenNumbers(fresh);
      await screenshot(fresh, `lesson-link-opened.png`, true);
      expect(errors).toEqual([]);
      expect(teacher.errors).toEqual([]);
    } finally {
      await student.close();
      await teacher.session.close();
    }
  });
});
