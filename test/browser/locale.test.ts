import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { analyze } from '../../src/model/analyze';
import { findVenue } from '../../src/model/venues';
import { roundToTick } from '../../src/model/companions';
import { defaultInputs } from '../../src/config/presets';
import { inputsToSpec } from '../../src/config/spec';
import { launchBrowser, watchErrors } from './chromium';
import type { BrowserSession } from './chromium';

const baseUrl = inject('baseUrl');

/** The default position's tick-rounded liquidation price and quote notional, straight from the model. */
function modelFigures(): { liquidation: number; digits: number; notional: number } {
  const inputs = defaultInputs();
  const analysis = analyze(inputsToSpec(inputs));
  const tick = findVenue(inputs.venue)?.tick ?? '0.01';
  if (!analysis.valid || analysis.liquidationPrice === null) throw new Error('the default position has a liquidation price');
  const rounded = roundToTick(analysis.liquidationPrice, tick, analysis.side === 'long' ? 'up' : 'down');
  const digits = (tick.split('.')[1] ?? '').replace(/0+$/, '').length;
  return { liquidation: Number(rounded), digits, notional: Number(analysis.notionalQuote) };
}

type IntlOptions = { minimumFractionDigits: number; maximumFractionDigits: number; style?: 'currency'; currency?: string };

/** What this Chromium's own Intl writes for a value, so the expectation never depends on Node's ICU data. */
async function intlInPage(page: Page, value: number, locale: string | null, options: IntlOptions): Promise<string> {
  return page.evaluate(([number, tag, settings]) => new Intl.NumberFormat(tag ?? undefined, settings).format(number), [value, locale, options] as const);
}

async function figureText(page: Page, host: string, key: string): Promise<string> {
  const cell = page.locator(`${host} [data-result="${key}"]`).first();
  await cell.waitFor({ state: 'attached' });
  return (await cell.innerText()).trim();
}

describe.skipIf(baseUrl === '')('locale and currency of <leverage-lens> in Chromium', () => {
  let session: BrowserSession;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    session = await launchBrowser({ width: 1280, height: 900 });
    page = await session.context.newPage();
    errors = watchErrors(page);
    await page.route(`${baseUrl}/locale.html`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="en"><title>Locales</title><script type="module" src="/leverage-lens.js"></script><body>
<leverage-lens id="german" locale="de-DE" currency="EUR" views="results"></leverage-lens>
<leverage-lens id="plain" views="results"></leverage-lens>
</body></html>`,
      }),
    );
    await page.goto(`${baseUrl}/locale.html`);
  }, 60_000);

  afterAll(async () => {
    await session.close();
  });

  it('shows each element’s liquidation price and money in its own locale and currency', async () => {
    const { liquidation, digits, notional } = modelFigures();
    const price = { minimumFractionDigits: digits, maximumFractionDigits: digits };
    const german = await intlInPage(page, liquidation, 'de-DE', price);
    const plain = await intlInPage(page, liquidation, null, price);
    expect(await figureText(page, '#german', 'liquidationPrice')).toBe(german);
    expect(await figureText(page, '#plain', 'liquidationPrice')).toBe(plain);
    expect(german).not.toBe(plain);
    const euros = await intlInPage(page, notional, 'de-DE', { style: 'currency', currency: 'EUR', minimumFractionDigits: 2, maximumFractionDigits: 2 });
    expect(await figureText(page, '#german', 'notional')).toBe(euros);
    expect(await figureText(page, '#plain', 'notional')).toMatch(/USDT$/);
    expect(errors).toEqual([]);
  });

  it('follows a live change of the locale attribute, leaving the other element alone', async () => {
    const { liquidation, digits } = modelFigures();
    const price = { minimumFractionDigits: digits, maximumFractionDigits: digits };
    const before = await figureText(page, '#plain', 'liquidationPrice');
    await page.evaluate(() => document.querySelector('#german')?.setAttribute('locale', 'en-IN'));
    const indian = await intlInPage(page, liquidation, 'en-IN', price);
    await expect.poll(() => figureText(page, '#german', 'liquidationPrice')).toBe(indian);
    expect(await figureText(page, '#plain', 'liquidationPrice')).toBe(before);
    await page.evaluate(() => document.querySelector('#german')?.setAttribute('locale', 'de-DE'));
    await expect.poll(() => figureText(page, '#german', 'liquidationPrice')).toBe(await intlInPage(page, liquidation, 'de-DE', price));
    expect(await page.locator('body').innerText()).not.toMatch(/NaN|Infinity|undefined/);
    expect(errors).toEqual([]);
  });
});
