import { describe, expect, inject, it } from 'vitest';
import { openCalculator, screenshot } from './helpers';

const baseUrl = inject('baseUrl');

/** Four saved scenarios at other leverages: with every marker of the page's default position. */
const scenarios = ['Five*leverage=5', 'Ten*leverage=10', 'Fifty*leverage=50', 'Hundred*leverage=100'].join('|');

interface LabelReport {
  problems: string[];
  markerRows: number;
  unlabelled: string[];
}

// A page script as a string: the test transpiler would add helpers the page does not have.
const readLabels = `(() => {
  const svg = document.querySelector('.lev-plot svg.lev-surface');
  const frame = svg.getBoundingClientRect();
  const texts = Array.from(svg.querySelectorAll('text')).map((node) => ({ text: node.textContent, marker: node.classList.contains('lev-marker-label'), box: node.getBoundingClientRect() })).filter((label) => label.box.width > 0);
  const problems = [];
  for (const label of texts) {
    if (label.box.left < frame.left - 0.5 || label.box.right > frame.right + 0.5 || label.box.top < frame.top - 0.5 || label.box.bottom > frame.bottom + 0.5) problems.push('leaves the chart: ' + label.text);
  }
  texts.forEach((a, index) => texts.slice(index + 1).forEach((b) => {
    if (a.box.left < b.box.right && b.box.left < a.box.right && a.box.top < b.box.bottom && b.box.top < a.box.bottom) problems.push('overlap: ' + a.text + ' / ' + b.text);
  }));
  const markerRows = new Set(texts.filter((label) => label.marker).map((label) => Math.round(label.box.top))).size;
  const unlabelled = Array.from(svg.querySelectorAll('.lev-markers [data-marker]')).filter((group) => group.querySelector('text') === null).map((group) => group.getAttribute('data-marker'));
  return { problems, markerRows, unlabelled };
})()`;

describe.skipIf(baseUrl === '')('chart labels with every marker and four scenarios, in Chromium', () => {
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 375, height: 812 },
  ]) {
    it(`at ${viewport.width}×${viewport.height}: no label overlaps another or leaves the chart, at most three rows, and every unlabelled marker is listed with its price`, async () => {
      const { session, page, errors } = await openCalculator(`${baseUrl}?scenarios=${encodeURIComponent(scenarios)}`, viewport);
      try {
        await expect.poll(() => page.locator('.lev-plot svg.lev-surface .lev-series-scenario').count()).toBe(4);
        const report: LabelReport = await page.evaluate(readLabels);
        expect(report.problems).toEqual([]);
        expect(report.markerRows).toBeGreaterThan(0);
        expect(report.markerRows).toBeLessThanOrEqual(3);
        // With this many markers some labels cannot fit: each of them is in the marker list, name and price.
        expect(report.unlabelled.length).toBeGreaterThan(0);
        for (const id of report.unlabelled) {
          const item = page.locator(`.lev-marker-list [data-marker="${id}"]`);
          expect(await item.count(), id).toBe(1);
          expect((await item.innerText()).trim(), id).toMatch(/\S \d{1,3}(,\d{3})*(\.\d+)?$/);
        }
        // The start line's label sits clear of the markers and the liquidated hatch: no marker line or zone crosses it.
        const startClear = await page.evaluate(`(() => {
          const label = document.querySelector('.lev-plot svg.lev-surface .lev-ref-start text');
          if (label === null) return 'no start label';
          const box = label.getBoundingClientRect();
          const crossing = Array.from(document.querySelectorAll('.lev-plot svg.lev-surface .lev-markers line, .lev-plot svg.lev-surface .lev-zone-liquidated')).filter((node) => {
            const other = node.getBoundingClientRect();
            return other.left < box.right && box.left < other.right && other.top < box.bottom && box.top < other.bottom;
          });
          return crossing.map((node) => node.getAttribute('class') ?? node.tagName).join(', ');
        })()`);
        expect(startClear).toBe('');
        // Labels on the chart keep their prices too, at any width.
        for (const text of await page.locator('.lev-plot svg.lev-surface .lev-marker-label').allTextContents()) expect(text).toMatch(/\d(\.\d+)?$/);
        await screenshot(page.locator('.lev-chart').first(), `labels-${viewport.width}.png`);
        expect(errors).toEqual([]);
      } finally {
        await session.close();
      }
    });
  }
});
