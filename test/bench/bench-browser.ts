// Browser benchmark (part of `npm run bench`): leverage-slider keyboard steps, first chart paint, JS size.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { line, openColdPage, sliderTimings, summarize } from './probes';

interface JsSize {
  files: number;
  raw: number;
  gzip: number;
}

function sizeOf(directory: string, files: readonly string[]): JsSize {
  let raw = 0;
  let gzip = 0;
  for (const name of files) {
    const content = readFileSync(join(directory, name));
    raw += content.length;
    gzip += gzipSync(content, { level: 9 }).length;
  }
  return { files: files.length, raw, gzip };
}

/** Every script in the build, and what index.html loads before the first chart: its entry and the entry's static imports. */
function jsSizesOfBuild(directory: string): { total: JsSize; initial: JsSize } {
  const total = readdirSync(join(directory, 'assets'))
    .filter((name) => name.endsWith('.js'))
    .map((name) => `assets/${name}`);
  const manifest: unknown = JSON.parse(readFileSync(join(directory, '.vite/manifest.json'), 'utf8'));
  const chunk = (key: string): { file: string; imports: string[] } | null => {
    const entry: unknown = typeof manifest === 'object' && manifest !== null ? Reflect.get(manifest, key) : undefined;
    if (typeof entry !== 'object' || entry === null) return null;
    const file: unknown = Reflect.get(entry, 'file');
    const imports: unknown = Reflect.get(entry, 'imports');
    return typeof file === 'string' ? { file, imports: Array.isArray(imports) ? imports.filter((item): item is string => typeof item === 'string') : [] } : null;
  };
  const initial = new Set<string>();
  const visit = (key: string): void => {
    const found = chunk(key);
    if (found === null || initial.has(found.file)) return;
    initial.add(found.file);
    found.imports.forEach(visit);
  };
  visit('index.html');
  return { total: sizeOf(directory, total), initial: sizeOf(directory, [...initial]) };
}

/** A page with only a range input; with `followUpMs` > 0 it also spends 10 ms redrawing a paragraph that long after each step. */
function barePage(followUpMs: number): string {
  const followUp =
    followUpMs > 0
      ? `setTimeout(() => { const start = performance.now(); while (performance.now() - start < 10) {} document.querySelector("p").textContent = "at " + event.target.value; }, ${followUpMs});`
      : '';
  return `<label>Leverage slider <input type="range" min="1" max="125" value="20"></label><output>20</output><p></p><script>document.querySelector("input").addEventListener("input", (event) => { document.querySelector("output").textContent = event.target.value; ${followUp} });</script>`;
}

const kb = (bytes: number): string => (bytes / 1024).toFixed(1);

async function main(): Promise<void> {
  await build({ logLevel: 'warn' });
  const { total, initial } = jsSizesOfBuild('dist');
  console.log(`${`app JS before the first chart (${initial.files} files)`.padEnd(44)} ${kb(initial.raw)} KB raw, ${kb(initial.gzip)} KB gzip (budget 240 KB gzip)`);
  console.log(`${`app JS in total (dist/assets/*.js, ${total.files} files)`.padEnd(44)} ${kb(total.raw)} KB raw, ${kb(total.gzip)} KB gzip`);

  const { page, origin, close } = await openColdPage();
  const url = `${origin}/`;
  try {
    // First chart paint on a cold load: navigation start → the first animation frame in which the equity line's
    // path is in the DOM (that frame paints it). Timed inside the page: polling from here would add its round trips.
    const firstPaint: number[] = [];
    for (let run = 0; run < 7; run += 1) {
      await page.goto('about:blank');
      await page.goto(url, { waitUntil: 'commit' });
      await page.waitForFunction('window.__levChartPainted !== null', undefined, { timeout: 20_000, polling: 100 });
      firstPaint.push(Number(await page.evaluate('window.__levChartPainted')));
    }

    // Leverage slider: ≥ 50 keyboard steps, each timed from the keydown's timestamp.
    await page.goto(url);
    await page.waitForSelector('.lev-series-equity path', { state: 'attached' });
    const timings = await sliderTimings(page);
    console.log(line('leverage slider: main-thread work per step', summarize(timings.work), 'p95 ≤ 12 ms'));
    console.log(line('leverage slider: input → next frame', summarize(timings.frame), 'p95 ≤ 33 ms'));
    console.log(line('leverage slider: input → chart redrawn, painted', summarize(timings.full), 'none; for reference'));
    // Each step alone: the same steps 500 ms apart, so no step meets the previous one's chart updates (the
    // holding-period chart redraws 250 ms after the last change).
    await page.reload();
    await page.waitForSelector('.lev-series-equity path', { state: 'attached' });
    const alone = await sliderTimings(page, 500);
    console.log(line('leverage slider, steps 500 ms apart: work', summarize(alone.work), 'none; for reference'));
    // The same measurement on a bare range input: the floor this browser and machine put under the first two figures.
    await page.setContent(barePage(0));
    const bare = await sliderTimings(page);
    console.log(line('bare <input type=range>: work per step', summarize(bare.work), 'reference floor'));
    // A bare range input whose page also repaints something 20 ms after each step (10 ms of script), as a chart
    // that follows the input would: the next step's frame then waits for the display's next refresh more often.
    await page.setContent(barePage(20));
    const bareWithFollowUp = await sliderTimings(page);
    console.log(line('bare input + a 10 ms repaint 20 ms after each step', summarize(bareWithFollowUp.work), 'reference floor'));
    console.log(line('first chart paint, cold load (cache off)', summarize(firstPaint), '≤ 300 ms'));
  } finally {
    await close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
