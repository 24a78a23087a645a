// `npm run bench`: model timings on this machine (median and p95), then the browser benchmark if present.
import { performance } from 'node:perf_hooks';
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { analyze } from '../../src/model/analyze';
import { buildCurve } from '../../src/model/curve';
import { findVenue } from '../../src/model/venues';
import type { PositionSpec } from '../../src/model/types';
import { defaultInputs } from '../../src/config/presets';
import { inputsToSpec } from '../../src/config/spec';

interface Timing {
  median: number;
  p95: number;
  runs: number;
}

function measure(run: (iteration: number) => unknown, runs: number): Timing {
  for (let warm = 0; warm < Math.min(200, runs); warm += 1) run(warm);
  const samples: number[] = [];
  for (let iteration = 0; iteration < runs; iteration += 1) {
    const start = performance.now();
    run(iteration);
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const at = (share: number): number => samples[Math.min(samples.length - 1, Math.floor(share * samples.length))] ?? NaN;
  return { median: at(0.5), p95: at(0.95), runs };
}

const binance = findVenue('binance-usdm-btcusdt');
if (binance === undefined) throw new Error('Binance preset missing');

const base: PositionSpec = { ...binance.spec, side: 'long', entry: '50000', collateral: '500', leverage: '20', thresholds: ['1.25', '2'] };
// A fresh spec object every call, so the per-spec cache cannot flatter the figure.
const analyzeTiming = measure((iteration) => analyze({ ...base, collateral: String(500 + (iteration % 97)) }), 5000);
// The page's default inputs: Binance brackets plus carry over 7 days and the 7-day liquidation odds.
const pageSpec = inputsToSpec(defaultInputs());
const pageTiming = measure((iteration) => analyze({ ...pageSpec, collateral: String(500 + (iteration % 97)) }), 5000);
const curveSpec: PositionSpec = { ...base };
const curveTiming = measure((iteration) => buildCurve(curveSpec, { from: 40000 + (iteration % 7), to: 60000, points: 1000 }), 5000);

const format = (label: string, timing: Timing, budget: number): string =>
  `${label.padEnd(44)} median ${timing.median.toFixed(4)} ms   p95 ${timing.p95.toFixed(4)} ms   (${timing.runs} runs; budget ${budget} ms median: ${timing.median <= budget ? 'ok' : 'OVER'})`;

console.log(`Leverage Lens model benchmark — node ${process.version}, ${new Date().toISOString()}`);
console.log(format('analyze (Binance 12 brackets, 2 thresholds)', analyzeTiming, 1));
console.log(format('analyze (page defaults: + carry and odds)', pageTiming, 1));
console.log(format('buildCurve, 1,000 points', curveTiming, 0.5));

const browserBench = new URL('./bench-browser.ts', import.meta.url);
if (existsSync(browserBench) && process.argv[2] !== '--model-only') {
  const result = spawnSync(process.execPath, ['--import', 'tsx', browserBench.pathname], { stdio: 'inherit' });
  process.exitCode = result.status ?? 1;
}

// Embedding: element and package sizes, the element's first render.
const embedBench = new URL('./bench-embed.ts', import.meta.url);
if (existsSync(embedBench) && process.argv[2] !== '--model-only') {
  const result = spawnSync(process.execPath, ['--import', 'tsx', embedBench.pathname], { stdio: 'inherit' });
  if (result.status !== 0) process.exitCode = result.status ?? 1;
}
