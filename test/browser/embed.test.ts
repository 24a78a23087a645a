import { screenshot } from './helpers';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';
import { analyze } from '../../src/model/analyze';
import { inputsToSpec } from '../../src/config/spec';
import { parseConfig } from '../../src/config/codec';
import { expectedLiquidation, readmeBlocks } from './expected';
import { launchBrowser, watchErrors } from './chromium';
import type { BrowserSession } from './chromium';

const baseUrl = inject('baseUrl');
const shots = 'test-results/screenshots';
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');


async function liquidationOf(scope: Page | Frame, host: string): Promise<string> {
  const cell = scope.locator(`${host} [data-result="liquidationPrice"]`).first();
  await cell.waitFor({ state: 'attached' });
  return (await cell.innerText()).trim();
}

async function frameHeight(page: Page, selector: string): Promise<number> {
  return page.locator(selector).evaluate((frame) => frame.getBoundingClientRect().height);
}

/**
 * axe over the whole page, frames and shadow roots included. The demo repeats one widget, so the UI panels' region
 * landmarks ("Results", …) repeat: `landmark-unique`, a best-practice rule, is off until src/ui can name them per widget.
 */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    const axe: unknown = Reflect.get(window, 'axe');
    if (typeof axe !== 'object' || axe === null) return ['axe did not load'];
    const run: unknown = Reflect.get(axe, 'run');
    if (typeof run !== 'function') return ['axe.run missing'];
    const result: unknown = await Reflect.apply(run, axe, [document, { resultTypes: ['violations'], rules: { 'landmark-unique': { enabled: false } } }]);
    const violations: unknown = typeof result === 'object' && result !== null ? Reflect.get(result, 'violations') : [];
    if (!Array.isArray(violations)) return [];
    return violations.map((violation: unknown) => {
      const id: unknown = typeof violation === 'object' && violation !== null ? Reflect.get(violation, 'id') : '?';
      const nodes: unknown = typeof violation === 'object' && violation !== null ? Reflect.get(violation, 'nodes') : [];
      const targets = Array.isArray(nodes) ? nodes.map((node: unknown) => JSON.stringify(typeof node === 'object' && node !== null ? Reflect.get(node, 'target') : '')).join(' ') : '';
      return `${String(id)}: ${targets}`;
    });
  });
}


const longExample: [string, string][] = [['venue', 'binance-usdm-btcusdt'], ['entry', '50000'], ['collateral', '500'], ['leverage', '20'], ['side', 'long']];
const shortExample: [string, string][] = [['venue', 'bybit-usdt-btcusdt'], ['side', 'short'], ['entry', '60000'], ['collateral', '1000'], ['leverage', '10']];

describe.skipIf(baseUrl === '')('embedding in Chromium', () => {
  let session: BrowserSession;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    session = await launchBrowser({ width: 1280, height: 900 });
    page = await session.context.newPage();
    errors = watchErrors(page);
    await page.goto(`${baseUrl}/demo.html`);
  });

  afterAll(async () => {
    expect(errors, 'console errors on the demo page').toEqual([]);
    await session.close();
  });

  it('renders both elements and the iframe on the demo docs page, each with the model’s figures', async () => {
    expect(await liquidationOf(page, '#long-example')).toBe(expectedLiquidation(longExample));
    expect(await liquidationOf(page, '#short-example')).toBe(expectedLiquidation(shortExample));
    await page.locator('#loan-example').scrollIntoViewIfNeeded();
    const frame = page.frameLocator('#loan-example');
    await frame.locator('[data-result="liquidationPrice"]').first().waitFor();
    expect(await frame.getByRole('heading', { name: 'ETH looped three times on Aave' }).isVisible()).toBe(true);
    // Only the inputs the author opened: the leverage control in the first, side and entry in the second.
    expect(await page.locator('#long-example').getByLabel('Leverage', { exact: true }).count()).toBe(1);
    expect(await page.locator('#long-example').getByLabel('Entry price').count()).toBe(0);
    expect(await page.locator('#short-example').getByLabel('Entry price').count()).toBe(1);
    // views="results,amplification": the amplification view alone, so no tabs.
    expect(await page.locator('#short-example').getByRole('tablist', { name: 'Chart view' }).count()).toBe(0);
    await page.locator('#short-example').getByRole('figure', { name: 'Return on margin against price move at several leverages' }).waitFor();
    expect(await page.locator('body').innerText()).not.toMatch(/NaN|Infinity|undefined/);
  });

  it('updates the liquidation price when an attribute changes, and says so in a change event', async () => {
    await page.locator('#long-example').evaluate((element) => element.setAttribute('leverage', '10'));
    const expected = expectedLiquidation([...longExample.filter(([key]) => key !== 'leverage'), ['leverage', '10']]);
    await expect.poll(() => liquidationOf(page, '#long-example')).toBe(expected);
    // demo.js writes the change event's detail into the page.
    await expect.poll(() => page.locator('#long-example-log').innerText()).toContain('at 10.00×');
    const detail = await page.locator('#long-example').evaluate((element) => {
      const analysis: unknown = Reflect.get(element, 'analysis');
      return typeof analysis === 'object' && analysis !== null ? Reflect.get(analysis, 'liquidationPrice') : null;
    });
    const model = analyze(inputsToSpec(parseConfig([...longExample, ['leverage', '10']]).inputs));
    expect(model.valid && detail).toBe(model.valid ? model.liquidationPrice : false);
  });

  it('keeps the two elements’ state, ids and styles apart', async () => {
    const before = await liquidationOf(page, '#short-example');
    const leverage = page.locator('#long-example').getByLabel('Leverage', { exact: true });
    await leverage.fill('5');
    await expect.poll(() => liquidationOf(page, '#long-example')).toBe(expectedLiquidation([...longExample, ['leverage', '5']]));
    expect(await liquidationOf(page, '#short-example')).toBe(before);
    const ids = await page.evaluate(() =>
      Array.from(document.querySelectorAll('leverage-lens')).map((element) => Array.from(element.shadowRoot?.querySelectorAll('[id]') ?? []).map((node) => node.id)),
    );
    const all = ids.flat();
    expect(all.length).toBeGreaterThan(10);
    expect(new Set(all).size).toBe(all.length);
    // No widget styles leak out: the page's own paragraphs keep the page's font.
    const pageFont = await page.locator('main > p').first().evaluate((node) => getComputedStyle(node).fontFamily);
    expect(pageFont).toMatch(/Georgia/);
    expect(await page.evaluate(() => document.querySelectorAll('style').length)).toBe(0);
  });

  it('takes --lev-* custom properties from the host page through the shadow boundary', async () => {
    const accent = await page.locator('#short-example .lev-embed').evaluate((root) => getComputedStyle(root).getPropertyValue('--lev-accent').trim());
    expect(accent).toBe('#0b6e4f');
    const defaultAccent = await page.locator('#long-example .lev-embed').evaluate((root) => getComputedStyle(root).getPropertyValue('--lev-accent').trim());
    expect(defaultAccent).not.toBe('#0b6e4f');
    expect(defaultAccent).not.toBe('');
  });

  it('shows a notice inside the widget for a bad attribute and falls back to the default', async () => {
    await page.locator('#short-example').evaluate((element) => element.setAttribute('entry', 'sixty thousand'));
    await expect.poll(() => page.locator('#short-example .lev-notice').first().innerText()).toMatch(/Entry price \(entry\)/);
    const fallback = expectedLiquidation([...shortExample.filter(([key]) => key !== 'entry'), ['entry', 'sixty thousand']]);
    await expect.poll(() => liquidationOf(page, '#short-example')).toBe(fallback);
    await page.locator('#short-example').evaluate((element) => element.setAttribute('entry', '60000'));
    await expect.poll(() => page.locator('#short-example .lev-notice').count()).toBe(0);
  });

  it('resizes the iframe to its content through the host script, and ignores forged or malformed messages', async () => {
    await page.locator('#loan-example').scrollIntoViewIfNeeded();
    const frame = page.frame({ url: /embed\.html/ });
    if (frame === null) throw new Error('the iframe page did not load');
    await frame.locator('.lev-series-equity path').first().waitFor({ state: 'attached' });
    await expect.poll(() => page.locator('#loan-example').getAttribute('data-leverage-lens-height')).not.toBeNull();
    const contentHeight = (): Promise<number> => frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
    await expect.poll(async () => Math.abs((await frameHeight(page, '#loan-example')) - (await contentHeight()))).toBeLessThanOrEqual(1);
    const before = await frameHeight(page, '#loan-example');

    // The content grows: the amplification view draws two charts.
    await frame.getByRole('tab', { name: 'Amplification' }).click();
    await expect.poll(() => frameHeight(page, '#loan-example')).toBeGreaterThan(before + 50);
    await expect.poll(async () => Math.abs((await frameHeight(page, '#loan-example')) - (await contentHeight()))).toBeLessThanOrEqual(1);
    const grown = await frameHeight(page, '#loan-example');

    // From the host page itself (wrong source), a wrong id, a non-number: all ignored.
    await page.evaluate(() => window.postMessage({ type: 'leverage-lens:height', id: 'loan-example', height: 300 }, '*'));
    await frame.evaluate(() => {
      window.parent.postMessage({ type: 'leverage-lens:height', id: 'someone-else', height: 300 }, '*');
      window.parent.postMessage({ type: 'leverage-lens:height', id: 'loan-example', height: '300px' }, '*');
      window.parent.postMessage({ type: 'leverage-lens:height', id: 'loan-example', height: Number.NaN }, '*');
    });
    await page.waitForTimeout(200);
    expect(await frameHeight(page, '#loan-example')).toBe(grown);
    // A finite but absurd height is clamped.
    await frame.evaluate(() => window.parent.postMessage({ type: 'leverage-lens:height', id: 'loan-example', height: 1e12 }, '*'));
    await expect.poll(() => frameHeight(page, '#loan-example')).toBe(6000);
    await frame.evaluate(() => window.parent.postMessage({ type: 'leverage-lens:height', id: 'loan-example', height: Math.ceil(document.body.getBoundingClientRect().height) }, '*'));
    await expect.poll(() => frameHeight(page, '#loan-example')).toBe(grown);
  });

  it('never touches the host page’s address or storage', async () => {
    expect(page.url()).toBe(`${baseUrl}/demo.html`);
    expect(await page.evaluate(() => window.localStorage.length + window.sessionStorage.length)).toBe(0);
  });

  it('has no axe violations on the demo page', async () => {
    expect(await axeViolations(page)).toEqual([]);
  });

  it('screenshots the demo page on a desktop and a 375 px phone, without horizontal scrolling', async () => {
    await page.goto(`${baseUrl}/demo.html`);
    await page.locator('#loan-example').scrollIntoViewIfNeeded();
    await page.frameLocator('#loan-example').locator('.lev-series-equity path').first().waitFor({ state: 'attached' });
    await page.locator('#short-example .recharts-line path').first().waitFor({ state: 'attached' });
    await screenshot(page, `demo-desktop.png`, true);

    const phone = await session.context.newPage();
    const phoneErrors = watchErrors(phone);
    await phone.setViewportSize({ width: 375, height: 800 });
    await phone.goto(`${baseUrl}/demo.html`);
    await phone.locator('#long-example .lev-series-equity path').first().waitFor({ state: 'attached' });
    await phone.locator('#loan-example').scrollIntoViewIfNeeded();
    await phone.frameLocator('#loan-example').locator('.lev-series-equity path').first().waitFor({ state: 'attached' });
    await expect.poll(() => phone.locator('#loan-example').getAttribute('data-leverage-lens-height')).not.toBeNull();
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(phone, `demo-375.png`, true);
    expect(phoneErrors).toEqual([]);
    await phone.close();
  });

  it('renders under a strict Content-Security-Policy with no violations', async () => {
    const strict = await session.context.newPage();
    const strictErrors = watchErrors(strict);
    await strict.addInitScript(() => {
      const seen: string[] = [];
      Reflect.set(window, '__cspViolations', seen);
      document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
    await strict.goto(`${baseUrl}/csp-demo.html`);
    await strict.locator('leverage-lens .lev-series-equity path').first().waitFor({ state: 'attached' });
    const pairs: [string, string][] = [['entry', '60000'], ['collateral', '1000'], ['leverage', '5'], ['side', 'short'], ['venue', 'dydx-v4-btc']];
    expect(await liquidationOf(strict, 'leverage-lens')).toBe(expectedLiquidation(pairs));
    await strict.frameLocator('iframe').locator('.lev-series-equity path').first().waitFor({ state: 'attached' });
    // Styled from the constructed sheet: the panel has its border radius and background, not browser defaults.
    const radius = await strict.locator('leverage-lens .lev-panel').first().evaluate((node) => getComputedStyle(node).borderTopLeftRadius);
    expect(radius).toBe('10px');
    expect(await strict.evaluate(() => Reflect.get(window, '__cspViolations'))).toEqual([]);
    // Download PNG copies the chart with its computed styles: as presentation attributes, never style attributes,
    // which this policy would block one by one.
    const download = strict.waitForEvent('download');
    // In this column the chart bar is narrow: the downloads wait behind "Chart options".
    await strict.locator('leverage-lens').getByRole('button', { name: 'Chart options' }).click();
    await strict.locator('leverage-lens').getByRole('button', { name: 'Download PNG' }).click();
    expect((await download).suggestedFilename()).toMatch(/\.png$/);
    expect(await strict.evaluate(() => Reflect.get(window, '__cspViolations'))).toEqual([]);
    expect(strictErrors).toEqual([]);
    await strict.close();
  });

  it('keeps a fixed height without the host script, and takes its content height from a host script that loads late', async () => {
    const plain = await session.context.newPage();
    const plainErrors = watchErrors(plain);
    await plain.route(`${baseUrl}/plain-frame.html`, (route) =>
      route.fulfill({ contentType: 'text/html', body: `<!doctype html><title>Plain</title><iframe src="/embed.html?leverage=10&id=a" title="Leverage Lens" height="600" width="100%"></iframe>` }),
    );
    await plain.goto(`${baseUrl}/plain-frame.html`);
    const frame = plain.frameLocator('iframe');
    await frame.locator('[data-result="liquidationPrice"]').first().waitFor();
    expect(await frame.locator('[data-result="liquidationPrice"]').first().innerText()).toBe(expectedLiquidation([['leverage', '10']]));
    expect(await plain.locator('iframe').evaluate((frame) => frame.clientHeight)).toBe(600);
    // A host script added after the frame has posted its height asks for it again and sizes the frame.
    await plain.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    await plain.addScriptTag({ url: `${baseUrl}/leverage-lens-host.js` });
    await expect.poll(() => plain.locator('iframe').getAttribute('data-leverage-lens-height')).not.toBeNull();
    const sized = Number(await plain.locator('iframe').getAttribute('data-leverage-lens-height'));
    expect(sized).not.toBe(600);
    expect(await plain.locator('iframe').evaluate((frame) => frame.clientHeight)).toBe(sized);
    expect(plainErrors).toEqual([]);
    await plain.close();
  });

  it('runs the README’s element and iframe snippets in a 690 px docs column: the element is compact, its chart on the first screen', async () => {
    // The first two html blocks of the Embedding section are the snippets; the recipes after them are other pages.
    const snippets = readmeBlocks('html')
      .slice(0, 2)
      .map((block) => block.replaceAll('https://lens.example.org/', `${baseUrl}/`));
    expect(snippets[0]).toContain('<leverage-lens');
    expect(snippets[1]).toContain('<iframe');
    const docs = await session.context.newPage();
    const docsErrors = watchErrors(docs);
    await docs.setViewportSize({ width: 1280, height: 800 });
    const column = '<style>main { max-width: 690px; margin: 0 auto; } h1 { margin: 0 0 16px; font-size: 32px; }</style>';
    await docs.route(`${baseUrl}/readme-snippets.html`, (route) =>
      route.fulfill({ contentType: 'text/html', body: `<!doctype html><html lang="en"><title>README</title>${column}<body><main><h1>Leverage</h1>${snippets.join('\n')}</main></body></html>` }),
    );
    await docs.goto(`${baseUrl}/readme-snippets.html`);
    const pairs: [string, string][] = [['entry', '50000'], ['leverage', '20'], ['side', 'long']];
    expect(await liquidationOf(docs, 'leverage-lens')).toBe(expectedLiquidation(pairs));
    await docs.locator('leverage-lens .lev-series-equity path').first().waitFor({ state: 'attached' });
    const box = await docs.locator('leverage-lens').evaluate((element) => {
      const chart = element.shadowRoot?.querySelector('.lev-plot')?.getBoundingClientRect();
      const own = element.getBoundingClientRect();
      return { width: own.width, height: own.height, plotTop: chart?.top ?? Number.POSITIVE_INFINITY };
    });
    // The compact default: about one screen (README: "about 830 px in a 690 px column"), its plot starting on the first.
    expect(box.width).toBe(690);
    expect(box.height).toBeLessThan(950);
    expect(box.plotTop).toBeLessThan(400);
    await docs.locator('iframe').scrollIntoViewIfNeeded();
    await docs.frameLocator('iframe').locator('[data-result="liquidationPrice"]').first().waitFor();
    expect((await docs.frameLocator('iframe').locator('[data-result="liquidationPrice"]').first().innerText()).trim()).toBe(expectedLiquidation(pairs));
    await expect.poll(() => docs.locator('iframe').getAttribute('data-leverage-lens-height')).not.toBeNull();
    expect(Number(await docs.locator('iframe').getAttribute('data-leverage-lens-height'))).toBeLessThan(950);
    expect(docsErrors).toEqual([]);
    await docs.close();
  });

  it('sizes only Leverage Lens embeds from allowed origins, and a frame keeps its height until its widget has rendered', async () => {
    const hosts = await session.context.newPage();
    const hostErrors = watchErrors(hosts);
    const post = (id: string, height: number): string => `<script>parent.postMessage({ type: 'leverage-lens:height', id: '${id}', height: ${height} }, '*')</script>`;
    // Every height the host script applies, per frame, from the first one on.
    await hosts.addInitScript(() => {
      const applied: Record<string, number[]> = {};
      Reflect.set(window, '__applied', applied);
      new MutationObserver((records) => {
        for (const record of records) {
          if (!(record.target instanceof HTMLIFrameElement)) continue;
          (applied[record.target.id] ??= []).push(Number(record.target.getAttribute('data-leverage-lens-height')));
        }
      }).observe(document, { subtree: true, attributeFilter: ['data-leverage-lens-height'] });
    });
    // A third party's page named embed.html, a page of this origin that is not an embed, and a second Leverage Lens
    // origin (lens.test, serving the same build) that the page allows with data-origins.
    await hosts.route('http://ads.test/**', (route) => route.fulfill({ contentType: 'text/html', body: `<!doctype html><title>Ad</title>${post('ad', 5000)}` }));
    await hosts.route(`${baseUrl}/not-an-embed.html*`, (route) => route.fulfill({ contentType: 'text/html', body: `<!doctype html><title>Other</title>${post('other', 5000)}` }));
    await hosts.route('http://lens.test/**', async (route) => {
      const response = await route.fetch({ url: route.request().url().replace('http://lens.test', baseUrl) });
      await route.fulfill({ response });
    });
    const dataFrame = `data:text/html,${encodeURIComponent(`<title>Data</title>${post('', 5000)}`)}`;
    const body = [
      `<script src="${baseUrl}/leverage-lens-host.js" data-origins="http://lens.test"></script>`,
      '<iframe id="real" title="Real" src="/embed.html?leverage=10&amp;id=real" height="700" width="100%"></iframe>',
      '<iframe id="ad" title="Ad" src="http://ads.test/embed.html?id=ad" height="250"></iframe>',
      '<iframe id="other" title="Other" src="/not-an-embed.html?id=other" height="250"></iframe>',
      `<iframe id="data" title="Data" src="${dataFrame}" height="250"></iframe>`,
      '<iframe id="extra" title="Extra" src="http://lens.test/embed.html?leverage=5&amp;id=extra" height="700" width="100%"></iframe>',
      '<div class="fold"></div>',
      '<iframe id="below" title="Below" src="/embed.html?leverage=3&amp;id=below" height="900" width="100%"></iframe>',
    ].join('\n');
    await hosts.route(`${baseUrl}/hosts.html`, (route) =>
      route.fulfill({ contentType: 'text/html', body: `<!doctype html><html lang="en"><title>Hosts</title><style>iframe { border: 0; display: block; } .fold { height: 3000px; }</style><body>${body}</body></html>` }),
    );
    await hosts.goto(`${baseUrl}/hosts.html`);
    // Per sized frame, the lowest height the host script ever gave it.
    const applied = (): Promise<{ id: string; lowest: number }[]> =>
      hosts.evaluate(() => {
        const seen: unknown = Reflect.get(window, '__applied');
        const entries: [string, unknown][] = typeof seen === 'object' && seen !== null ? Object.entries(seen) : [];
        return entries.map(([id, heights]) => ({ id, lowest: Array.isArray(heights) ? Math.min(...heights.map(Number)) : 0 })).sort((a, b) => a.id.localeCompare(b.id));
      });
    const sized = async (): Promise<string[]> => (await applied()).map((entry) => entry.id);
    await expect.poll(sized).toEqual(['below', 'extra', 'real']);
    for (const id of ['real', 'extra', 'below']) {
      const frame = hosts.frame({ url: new RegExp(`id=${id}`) });
      if (frame === null) throw new Error(`no ${id} frame`);
      await frame.locator('[data-result="liquidationPrice"]').first().waitFor();
      const content = (): Promise<number> => frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
      await expect.poll(async () => Math.abs((await frameHeight(hosts, `#${id}`)) - (await content()))).toBeLessThanOrEqual(1);
    }
    // The frame below the fold was never collapsed: its first height was its rendered widget's, not an empty page's.
    expect((await applied()).find((entry) => entry.id === 'below')?.lowest).toBeGreaterThan(400);
    // The others asked again, from inside, after the host has sized the real embeds: still their authors' heights.
    for (const pattern of [/ads\.test/, /not-an-embed/, /^data:/]) {
      await hosts.frame({ url: pattern })?.evaluate(() => window.parent.postMessage({ type: 'leverage-lens:height', id: new URL(location.href).searchParams.get('id') ?? '', height: 5000 }, '*'));
    }
    const real = hosts.frame({ url: /id=real/ });
    await real?.evaluate(() => window.parent.postMessage({ type: 'leverage-lens:height', id: 'real', height: 777 }, '*'));
    await expect.poll(() => frameHeight(hosts, '#real')).toBe(777);
    expect(await Promise.all(['#ad', '#other', '#data'].map((selector) => frameHeight(hosts, selector)))).toEqual([250, 250, 250]);
    expect(await sized()).toEqual(['below', 'extra', 'real']);
    // A host stylesheet's max-height caps what the frame may take.
    await hosts.addStyleTag({ content: '#real { max-height: 500px; }' });
    await real?.evaluate(() => window.parent.postMessage({ type: 'leverage-lens:height', id: 'real', height: 2000 }, '*'));
    await expect.poll(() => hosts.locator('#real').getAttribute('data-leverage-lens-height')).toBe('500');
    expect(hostErrors).toEqual([]);
    await hosts.close();
  });

  it('generates snippets on the standalone page that work pasted into a plain HTML file', async () => {
    const app = await session.context.newPage();
    const appErrors = watchErrors(app);
    await app.goto(`${baseUrl}/?v=1&venue=binance-usdm-btcusdt&entry=64000&leverage=15&side=short`);
    const appLiquidation = (await app.locator('[data-result="liquidationPrice"]').first().innerText()).trim();
    await app.getByRole('button', { name: 'Embed' }).click();
    const dialog = app.getByRole('dialog', { name: 'Embed this calculation' });
    await dialog.waitFor();
    await app.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await app.getByRole('button', { name: 'Embed' }).click();
    const elementSnippet = await dialog.getByRole('textbox', { name: 'Custom element' }).inputValue();
    const iframeSnippet = await dialog.getByRole('textbox', { name: 'iframe', exact: true }).inputValue();
    await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
    await dialog.getByRole('button', { name: 'Copy the Custom element snippet' }).click();
    expect(await app.evaluate(() => navigator.clipboard.readText())).toBe(elementSnippet);
    expect(appErrors).toEqual([]);
    await app.close();

    const docs = await session.context.newPage();
    const docsErrors = watchErrors(docs);
    await docs.route(`${baseUrl}/pasted.html`, (route) =>
      route.fulfill({ contentType: 'text/html', body: `<!doctype html><html lang="en"><title>Pasted</title><body>${elementSnippet}\n${iframeSnippet}</body></html>` }),
    );
    await docs.goto(`${baseUrl}/pasted.html`);
    expect(await liquidationOf(docs, 'leverage-lens')).toBe(appLiquidation);
    await docs.locator('iframe').scrollIntoViewIfNeeded();
    const frame = docs.frameLocator('iframe');
    await frame.locator('[data-result="liquidationPrice"]').first().waitFor();
    expect((await frame.locator('[data-result="liquidationPrice"]').first().innerText()).trim()).toBe(appLiquidation);
    await expect.poll(() => docs.locator('iframe').getAttribute('data-leverage-lens-height')).not.toBeNull();
    expect(docsErrors).toEqual([]);
    await docs.close();
  });
});
