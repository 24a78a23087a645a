import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createFormatter } from '../../src/config/format';
import { toQueryString } from '../../src/config/codec';
import { defaultInputs, inputsWith } from '../../src/config/presets';
import type { Inputs } from '../../src/config/schema';
import { derive } from '../../src/view/derive';
import { headlineRows, readingContext } from '../../src/view/readings';
import { noBrokenNumbers, openCalculator } from './helpers';

const baseUrl = inject('baseUrl');
/** The page's number format (Chromium's default locale), so a written price can be read back. */
const format = createFormatter({ locale: 'en-US' });

// Page scripts are strings: the test transpiler adds helpers to functions that the page would not have.
/** Every text of the page a person or a screen reader meets: HTML and SVG text nodes and the labels of elements, less the axis numbers. */
const wholePageText = `(() => {
  const parts = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const parent = node.parentElement;
    // Axis numbers are the scale, not figures: a round tick can fall within a tick of a price.
    if (parent !== null && (parent.tagName === 'SCRIPT' || parent.tagName === 'STYLE' || parent.closest('.lev-tick') !== null)) continue;
    parts.push(node.textContent || '');
  }
  for (const element of document.querySelectorAll('[aria-label], [title]')) {
    parts.push(element.getAttribute('aria-label') || '', element.getAttribute('title') || '');
  }
  return parts.join('\\n');
})()`;

interface Figure {
  name: string;
  exact: string;
  /** How the page's cards write it. */
  card: string;
}

/** The liquidation, break-even and health prices of some inputs, with the string each card shows. */
function figuresOf(inputs: Inputs): { figures: Figure[]; tick: number } {
  const derived = derive(inputs);
  const analysis = derived.current;
  if (analysis === null || analysis.liquidationPrice === null) throw new Error('a position with a liquidation price expected');
  const cards = new Map(headlineRows(analysis, readingContext(derived.venue, derived.tick), format).map((row) => [row.key, row.value]));
  const figures: Figure[] = [
    { name: 'liquidation', exact: analysis.liquidationPrice, card: cards.get('liquidationPrice') ?? '' },
    { name: 'break-even', exact: analysis.breakEvenPrice, card: cards.get('breakEvenPrice') ?? '' },
  ];
  for (const { level, price } of analysis.thresholdPrices) {
    if (price !== null && Number(level) !== 1) figures.push({ name: `health ${level}`, exact: price, card: cards.get(`thresholdPrice-${level}`) ?? '' });
  }
  return { figures, tick: Number(derived.tick) };
}

/** Each figure's spellings on the page: every number written less than a tick from its exact value (any rounding of it to the tick). */
async function spellings(page: Page, figures: readonly Figure[], tick: number): Promise<Record<string, string[]>> {
  const text = String(await page.evaluate(wholePageText));
  const numbers = text.match(/\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g) ?? [];
  const found: Record<string, string[]> = {};
  for (const figure of figures) {
    const exact = Number(figure.exact);
    found[figure.name] = [...new Set(numbers.filter((written) => Math.abs(Number(written.replace(/,/g, '')) - exact) < tick))].sort();
  }
  return found;
}

async function expectOneStringEach(url: string, inputs: Inputs): Promise<void> {
  const { figures, tick } = figuresOf(inputs);
  const { session, page, errors } = await openCalculator(url);
  try {
    const expected = Object.fromEntries(figures.map((figure) => [figure.name, [figure.card]]));
    // The odds and carry arrive a task after the headline: poll until the whole page has settled into one spelling each.
    await expect.poll(() => spellings(page, figures, tick), { timeout: 10_000 }).toEqual(expected);
    await noBrokenNumbers(page);
    expect(errors).toEqual([]);
  } finally {
    await session.close();
  }
}

describe.skipIf(baseUrl === '')('one figure, one string, in Chromium', () => {
  it('writes the liquidation, break-even and health prices of the default page one way each, in HTML and SVG text', async () => {
    const { figures } = figuresOf(defaultInputs());
    // The default break-even is 50,050.025: once 50,050.1 on its card and 50,050.0 on the chart and in the text.
    expect(figures.find((figure) => figure.name === 'break-even')?.card).toBe('50,050.1');
    await expectOneStringEach(baseUrl, defaultInputs());
  });

  it('writes a sub-cent coin’s prices one way each, its liquidation below its entry (custom venue, 0.00001234, 10×, 1 % maintenance)', async () => {
    const inputs = inputsWith({ venue: 'custom', entry: '0.00001234', leverage: '10', mmr: '1', tiers: '', maxLeverage: '', collateral: '100', solveFor: 'size' });
    const { figures } = figuresOf(inputs);
    const liquidation = figures.find((figure) => figure.name === 'liquidation')?.card ?? '';
    expect(Number(liquidation)).toBeLessThan(0.00001234);
    expect(Number(liquidation)).toBeGreaterThan(0);
    await expectOneStringEach(`${baseUrl}/?${toQueryString(inputs)}`, inputs);
  });
});
