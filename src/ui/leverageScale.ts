/**
 * The leverage slider is log-scaled so 1–10× gets as much room as 10–100×: position p of SLIDER_STEPS maps to
 * max^(p / SLIDER_STEPS). The number box holds the exact figure; the slider rounds to values people type.
 */
export const SLIDER_STEPS = 1000;
export const FALLBACK_MAX_LEVERAGE = 125;

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

/** Leverage values the slider lands on: tenths below 10×, whole numbers above. */
export function roundLeverage(leverage: number): number {
  return leverage < 10 ? Math.round(leverage * 10) / 10 : Math.round(leverage);
}

function usableMax(max: number): number {
  return Number.isFinite(max) && max > 1 ? max : FALLBACK_MAX_LEVERAGE;
}

/** Slider position (0 … SLIDER_STEPS) → leverage, rounded, within 1× … max. */
export function sliderToLeverage(position: number, max: number): number {
  const top = usableMax(max);
  const fraction = Number.isFinite(position) ? clamp(position, 0, SLIDER_STEPS) / SLIDER_STEPS : 0;
  if (fraction >= 1) return top;
  return clamp(roundLeverage(Math.exp(Math.log(top) * fraction)), 1, top);
}

/** Leverage → the nearest slider position; values outside 1× … max sit at the ends. */
export function leverageToSlider(leverage: number, max: number): number {
  const top = usableMax(max);
  if (!Number.isFinite(leverage) || leverage <= 1) return 0;
  if (leverage >= top) return SLIDER_STEPS;
  return Math.round((SLIDER_STEPS * Math.log(leverage)) / Math.log(top));
}

/** Keyboard increments grow with leverage, so each press changes the figure by a similar share. */
function increment(leverage: number): number {
  if (leverage < 2) return 0.1;
  if (leverage < 5) return 0.5;
  if (leverage < 10) return 1;
  if (leverage < 20) return 1;
  if (leverage < 50) return 5;
  if (leverage < 150) return 25;
  return 50;
}

const EPSILON = 1e-9;

function nextUp(leverage: number): number {
  // The increment of the zone just above the current value, then the first multiple of it past the value.
  const step = increment(leverage + EPSILON);
  return Math.round((Math.floor(leverage / step + EPSILON) + 1) * step * 10) / 10;
}

function nextDown(leverage: number): number {
  const step = increment(leverage - EPSILON);
  return Math.round((Math.ceil(leverage / step - EPSILON) - 1) * step * 10) / 10;
}

/**
 * One keyboard step along a ladder of round values (…, 1.9, 2, 2.5, …, 20, 25, …, 100, 125): arrow keys
 * move one rung, Page keys five. The result stays within 1× … max.
 */
export function stepLeverage(leverage: number, direction: 1 | -1, max: number, rungs = 1): number {
  const top = usableMax(max);
  let value = Number.isFinite(leverage) ? clamp(leverage, 1, top) : 1;
  for (let rung = 0; rung < rungs; rung += 1) {
    value = clamp(direction === 1 ? nextUp(value) : nextDown(value), 1, top);
  }
  return value;
}

/** Round leverages people think in; the slider's labels are drawn from these. */
const ROUND_LEVERAGES = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000];
/** Labels closer than this share of the track to the maximum's label are dropped, so no two overlap. */
const MIN_LABEL_GAP = 0.12;

export interface LeverageTick {
  leverage: number;
  /** Where the label sits along the track: 0 at 1×, 1 at the maximum. */
  fraction: number;
}

/** Labels under the slider: round leverages in 1-2-5 steps from 1× up, and the maximum itself at the end. */
export function leverageTicks(max: number): LeverageTick[] {
  const top = usableMax(max);
  const at = (leverage: number): number => Math.log(leverage) / Math.log(top);
  const ticks: LeverageTick[] = [];
  for (const leverage of ROUND_LEVERAGES) {
    const fraction = at(leverage);
    const previous = ticks[ticks.length - 1];
    if (1 - fraction < MIN_LABEL_GAP) break;
    if (previous !== undefined && fraction - previous.fraction < MIN_LABEL_GAP) continue;
    ticks.push({ leverage, fraction });
  }
  // The maximum to three digits (125×, 3.22×), so that a maximum just above 1× does not read as a second 1×.
  const maxLabel = Number(top.toPrecision(3));
  const lastRound = ticks[ticks.length - 1];
  if (lastRound !== undefined && lastRound.leverage >= maxLabel) ticks.pop();
  ticks.push({ leverage: maxLabel, fraction: 1 });
  return ticks;
}
