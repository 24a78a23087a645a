// Embedding benchmark (part of `npm run bench`): custom-element and npm-package sizes, the element's first render.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { openColdPage } from './probes';
import { entryFiles } from './entryFiles';

const ELEMENT_BUDGET_KB = 260;
const PACKAGE_BUDGET_KB = 60;
const FIRST_RENDER_BUDGET_MS = 300;
const RUNS = 9;

interface Size {
  raw: number;
  gzip: number;
}

function sizeOf(path: string): Size {
  const content = readFileSync(path);
  return { raw: content.length, gzip: gzipSync(content, { level: 9 }).length };
}

/** Every script of a build directory: the package's lazily loaded panels are separate chunks, counted too. */
function scriptsIn(directory: string): Size & { files: number } {
  const names = readdirSync(directory).filter((name) => name.endsWith('.js'));
  const sizes = names.map((name) => sizeOf(join(directory, name)));
  return { files: names.length, raw: sizes.reduce((sum, size) => sum + size.raw, 0), gzip: sizes.reduce((sum, size) => sum + size.gzip, 0) };
}

/** An entry file of a build directory and the files it loads (the shared chunks). */
function entryScripts(directory: string, entry: string): Size & { files: number } {
  const sizes = entryFiles(directory, entry).files.map((name) => sizeOf(join(directory, name)));
  return { files: sizes.length, raw: sizes.reduce((sum, size) => sum + size.raw, 0), gzip: sizes.reduce((sum, size) => sum + size.gzip, 0) };
}

const kb = (bytes: number): string => (bytes / 1024).toFixed(1);
const verdict = (value: number, budget: number): string => (value <= budget ? 'ok' : 'OVER');

function percentile(samples: number[], share: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? NaN;
}

/** A page like a docs author's: one element, and a probe for its first `change` event (sent after the first commit). */
const benchPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>bench</title>
<script>
  window.__firstRender = null;
  document.addEventListener('change', function (event) {
    if (window.__firstRender === null && event.target && event.target.localName === 'leverage-lens') window.__firstRender = performance.now();
  }, true);
</script>
<script type="module" src="/leverage-lens.js"></script>
</head><body>
<leverage-lens venue="binance-usdm-btcusdt" entry="50000" collateral="500" leverage="20" side="long" editable="leverage"></leverage-lens>
</body></html>`;

async function main(): Promise<void> {
  const outDir = mkdtempSync(join(tmpdir(), 'leverage-lens-bench-embed-'));
  const libDir = mkdtempSync(join(tmpdir(), 'leverage-lens-bench-lib-'));
  try {
    await build({ mode: 'element', logLevel: 'warn', build: { outDir, emptyOutDir: true } });
    await build({ mode: 'lib', logLevel: 'warn', build: { outDir: libDir, emptyOutDir: true } });
    // What a page loads before the element's first render: leverage-lens.js and the chunks it imports statically;
    // the rest (recharts' charts, the price path) arrives when a reader opens them.
    const element = entryScripts(outDir, 'leverage-lens.js');
    const elementAll = readdirSync(outDir)
      .filter((name) => name.startsWith('leverage-lens') && name.endsWith('.js'))
      .map((name) => sizeOf(join(outDir, name)));
    const elementTotal = { files: elementAll.length, gzip: elementAll.reduce((sum, size) => sum + size.gzip, 0) };
    // Served from disk by the preview server, as a docs page would be (an intercepted request adds its own delay).
    writeFileSync(join(outDir, 'bench-embed.html'), benchPage);
    const library = scriptsIn(libDir);
    const styles = sizeOf(join(libDir, 'style.css'));
    console.log(
      `${`custom element before its first render (${element.files} files, React included)`.padEnd(52)} ${kb(element.raw)} KB raw, ${kb(element.gzip)} KB gzip (budget ${ELEMENT_BUDGET_KB} KB gzip: ${verdict(element.gzip / 1024, ELEMENT_BUDGET_KB)})`,
    );
    console.log(`${`custom element with every lazy chunk (${elementTotal.files} files)`.padEnd(52)} ${kb(elementTotal.gzip)} KB gzip`);
    console.log(
      `${`npm package own JS (${library.files} files, dependencies external)`.padEnd(52)} ${kb(library.raw)} KB raw, ${kb(library.gzip)} KB gzip (budget ${PACKAGE_BUDGET_KB} KB gzip: ${verdict(library.gzip / 1024, PACKAGE_BUDGET_KB)})`,
    );
    const model = entryScripts(libDir, 'model.js');
    console.log(`${`npm package model entry (${model.files} files, decimal.js external)`.padEnd(52)} ${kb(model.raw)} KB raw, ${kb(model.gzip)} KB gzip`);
    console.log(`${'npm package style.css'.padEnd(52)} ${kb(styles.raw)} KB raw, ${kb(styles.gzip)} KB gzip`);

    const { page, origin, close } = await openColdPage(outDir);
    const url = `${origin}/bench-embed.html`;
    try {
      const firstRender: number[] = [];
      const chartDrawn: number[] = [];
      for (let run = 0; run < RUNS; run += 1) {
        await page.goto('about:blank');
        await page.goto(url, { waitUntil: 'commit' });
        await page.waitForFunction('window.__firstRender !== null', undefined, { timeout: 20_000 });
        firstRender.push(Number(await page.evaluate('window.__firstRender')));
        await page.waitForFunction('window.__levChartPainted !== null', undefined, { timeout: 20_000, polling: 100 });
        chartDrawn.push(Number(await page.evaluate('window.__levChartPainted')));
      }
      const line = (label: string, samples: number[], budget: string): string =>
        `${label.padEnd(52)} median ${percentile(samples, 0.5).toFixed(1)} ms   p95 ${percentile(samples, 0.95).toFixed(1)} ms   (${samples.length} cold loads${budget})`;
      const median = percentile(firstRender, 0.5);
      console.log(line('element first render (navigation → first change event)', firstRender, `; budget ${FIRST_RENDER_BUDGET_MS} ms: ${verdict(median, FIRST_RENDER_BUDGET_MS)}`));
      console.log(line('element chart drawn (navigation → frame with the equity line)', chartDrawn, ''));
    } finally {
      await close();
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
    rmSync(libDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
