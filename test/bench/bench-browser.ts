// Browser benchmark (part of `npm run bench`): leverage-slider keyboard steps, first chart paint, JS size.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, preview } from 'vite';
import { launchBrowser } from '../browser/chromium';

interface Summary {
  median: number;
  p95: number;
  count: number;
}

function summarize(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (share: number): number => sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? NaN;
  return { median: at(0.5), p95: at(0.95), count: sorted.length };
}

const line = (label: string, summary: Summary, budget: string): string =>
  `${label.padEnd(44)} median ${summary.median.toFixed(1)} ms   p95 ${summary.p95.toFixed(1)} ms   (${summary.count} samples; budget ${budget})`;

function gzipSizeOfBuild(directory: string): { files: number; raw: number; gzip: number } {
  const assets = join(directory, 'assets');
  const scripts = readdirSync(assets).filter((name) => name.endsWith('.js'));
  let raw = 0;
  let gzip = 0;
  for (const name of scripts) {
    const content = readFileSync(join(assets, name));
    raw += content.length;
    gzip += gzipSync(content, { level: 9 }).length;
  }
  return { files: scripts.length, raw, gzip };
}

async function main(): Promise<void> {
  await build({ logLevel: 'warn' });
  const size = gzipSizeOfBuild('dist');
  console.log(`app JS (dist/assets/*.js, ${size.files} files)${' '.repeat(13)} ${(size.raw / 1024).toFixed(1)} KB raw, ${(size.gzip / 1024).toFixed(1)} KB gzip (budget 200 KB gzip)`);

  const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
  const address = server.httpServer.address();
  const port = typeof address === 'object' && address !== null ? address.port : 4173;
  const url = `http://127.0.0.1:${port}/`;
  const session = await launchBrowser();
  try {
    const page = await session.context.newPage();
    const cdp = await session.context.newCDPSession(page);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });

    // First chart paint on a cold load: navigation start → the equity line's path is in the DOM.
    const firstPaint: number[] = [];
    for (let run = 0; run < 7; run += 1) {
      await page.goto('about:blank');
      await page.goto(url, { waitUntil: 'commit' });
      await page.waitForSelector('.recharts-line path', { state: 'attached', timeout: 20_000 });
      firstPaint.push(Number(await page.evaluate('performance.now()')));
    }

    // Leverage slider: ≥ 50 keyboard steps, each timed from the keydown's timestamp.
    await page.goto(url);
    await page.waitForSelector('.recharts-line path', { state: 'attached' });
    // Page scripts are passed as strings: tsx's transpiled functions carry helpers the page does not have.
    await page.evaluate(`(() => {
      const work = [];
      const frame = [];
      window.__levWork = work;
      window.__levFrame = frame;
      document.addEventListener('keydown', (event) => {
        const start = event.timeStamp;
        // A task queued now runs after React's synchronous commit for this discrete event.
        setTimeout(() => work.push(performance.now() - start), 0);
        requestAnimationFrame(() => setTimeout(() => frame.push(performance.now() - start), 0));
      }, true);
    })()`);
    const slider = page.getByRole('slider', { name: 'Leverage slider' });
    await slider.focus();
    const steps = 60;
    for (let step = 0; step < steps; step += 1) {
      await page.keyboard.press(step < steps / 2 ? 'ArrowLeft' : 'ArrowRight');
      await page.waitForTimeout(60);
    }
    const raw: unknown = await page.evaluate('({ work: window.__levWork, frame: window.__levFrame })');
    const numbers = (key: string): number[] => {
      const value: unknown = typeof raw === 'object' && raw !== null ? Reflect.get(raw, key) : [];
      return Array.isArray(value) ? value.filter((item): item is number => typeof item === 'number') : [];
    };
    const timings = { work: numbers('work'), frame: numbers('frame') };
    console.log(line('leverage slider: main-thread work per step', summarize(timings.work), 'p95 ≤ 12 ms'));
    console.log(line('leverage slider: input → next frame', summarize(timings.frame), 'p95 ≤ 33 ms'));
    console.log(line('first chart paint, cold load (cache off)', summarize(firstPaint), '≤ 300 ms'));
  } finally {
    await session.close();
    await server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
