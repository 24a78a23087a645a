// Builds compared on this machine, interleaved: `tsx test/bench/compare.ts <distA> <distB> [<distC> …] [rounds]`.
// On a shared, noisy machine two benchmark runs minutes apart measure the load as much as the code; taking the
// samples of each build in turn (cold loads, held-key and single slider steps) exposes all of them to the same load.
// Build each side first, e.g. `npx vite build --outDir /tmp/a` in each tree.
import type { Page } from 'playwright-core';
import { line, openColdPage, sliderTimings, summarize } from './probes';

interface Side {
  name: string;
  page: Page;
  url: string;
  close: () => Promise<void>;
  firstPaint: number[];
  heldWork: number[];
  heldFrame: number[];
  aloneWork: number[];
}

async function coldLoad(side: Side): Promise<void> {
  await side.page.goto('about:blank');
  await side.page.goto(side.url, { waitUntil: 'commit' });
  await side.page.waitForFunction('window.__levChartPainted !== null', undefined, { timeout: 20_000, polling: 100 });
  side.firstPaint.push(Number(await side.page.evaluate('window.__levChartPainted')));
}

async function sliderRun(side: Side, gapMs: number): Promise<void> {
  await side.page.goto(side.url);
  await side.page.waitForSelector('.lev-series-equity path', { state: 'attached' });
  const timings = await sliderTimings(side.page, gapMs);
  if (gapMs < 500) {
    side.heldWork.push(...timings.work);
    side.heldFrame.push(...timings.frame);
  } else {
    side.aloneWork.push(...timings.work);
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const roundsText = args.length > 2 && /^\d+$/.test(args[args.length - 1] ?? '') ? args.pop() : undefined;
  if (args.length < 2) throw new Error('usage: tsx test/bench/compare.ts <distA> <distB> [<distC> …] [rounds]');
  const rounds = Math.max(1, Number(roundsText ?? 3));
  const sides: Side[] = [];
  for (const [index, dir] of args.entries()) {
    const { page, origin, close } = await openColdPage(dir);
    sides.push({ name: `${String.fromCharCode(65 + index)} (${dir})`, page, url: `${origin}/`, close, firstPaint: [], heldWork: [], heldFrame: [], aloneWork: [] });
  }
  try {
    for (let round = 0; round < rounds; round += 1) {
      // Alternate who goes first, so no build always meets the same phase of the load.
      const order = round % 2 === 0 ? sides : [...sides].reverse();
      for (let load = 0; load < 3; load += 1) for (const side of order) await coldLoad(side);
      for (const side of order) await sliderRun(side, 60);
      for (const side of order) await sliderRun(side, 500);
      console.log(`round ${round + 1}/${rounds} done`);
    }
    for (const side of sides) {
      console.log(`--- ${side.name}`);
      console.log(line('first chart paint, cold load (cache off)', summarize(side.firstPaint), '≤ 300 ms'));
      console.log(line('leverage slider: main-thread work per step', summarize(side.heldWork), 'p95 ≤ 12 ms'));
      console.log(line('leverage slider: input → next frame', summarize(side.heldFrame), 'p95 ≤ 33 ms'));
      console.log(line('leverage slider, steps 500 ms apart: work', summarize(side.aloneWork), 'p95 ≤ 12 ms'));
    }
  } finally {
    for (const side of sides) await side.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
