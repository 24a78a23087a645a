/**
 * Simulated price paths for teaching: a seeded geometric Brownian motion (optionally with jumps) over the risk
 * horizon, the position's equity, health and carry along it, a fan of many such paths, and a leveraged token
 * (constant leverage, rebalanced daily) on the same prices.
 *
 * Determinism: the uniform stream is Mulberry32 (32-bit integer arithmetic with Math.imul), bit-identical on every
 * engine. Normal draws use Marsaglia's polar method (Math.sqrt is exact; Math.log's last bit is left to the engine by
 * the language), so the same seed gives the same path everywhere to about 1e-15 of the price, far below any tick.
 *
 * Prices are floating point (they come from exp of a random walk); money along the path is decimal, from the engine.
 */
import { resolve } from './analyze';
import { Dec, ONE, ZERO, toOutput, toOutputOrNull } from './decimal';
import { bankruptcyPrice, equityAt, healthAt } from './engine';
import { accrualAt, liquidationAfter, netCarry, positionAfter } from './horizon';
import { equityPath } from './path';
import type { Position } from './position';
import type { PositionSpec } from './types';

// ---------- The random numbers ----------

export type Random = () => number;

/** The largest seed: seeds are unsigned 32-bit integers. */
export const MAX_SEED = 4294967295;

/**
 * Mulberry32 (Tommy Ettinger, public domain): a 32-bit state, period 2^32, passes BigCrush's gap tests for this use.
 * Returns uniform numbers in [0, 1). The state lives in the closure: every caller owns its stream.
 */
export function createRandom(seed: number): Random {
  let state = Number.isFinite(seed) ? Math.trunc(seed) >>> 0 : 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seed for the k-th stream of a family (the fan's paths): a 32-bit integer hash of both (Murmur3's finaliser). */
export function streamSeed(seed: number, index: number): number {
  let h = (Math.trunc(seed) ^ Math.imul(index + 1, 0x9e3779b9)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Standard normal draws from a uniform stream (Marsaglia's polar method; the spare draw is kept for the next call). */
export function createNormal(random: Random): () => number {
  let spare: number | null = null;
  return () => {
    if (spare !== null) {
      const value = spare;
      spare = null;
      return value;
    }
    for (;;) {
      const u = 2 * random() - 1;
      const v = 2 * random() - 1;
      const s = u * u + v * v;
      if (s > 0 && s < 1) {
        const factor = Math.sqrt((-2 * Math.log(s)) / s);
        spare = v * factor;
        return u * factor;
      }
    }
  };
}

/** A Poisson draw with a small mean (Knuth's product of uniforms). */
function poisson(random: Random, mean: number): number {
  if (!(mean > 0)) return 0;
  const limit = Math.exp(-mean);
  let count = 0;
  for (let product = random(); product > limit; product *= random()) count += 1;
  return count;
}

// ---------- The walk ----------

/**
 * Jumps (Merton's jump diffusion): on average `perYear` jumps a year, each multiplying the price by e^J with
 * J normal (meanLog, sdLog). The default: about four a year, a typical jump ±10 %, slightly more often down.
 */
export interface JumpTerms {
  perYear: number;
  meanLog: number;
  sdLog: number;
}

export const DEFAULT_JUMPS: JumpTerms = { perYear: 4, meanLog: -0.02, sdLog: 0.1 };

/** The shape of a played path: a random walk, or a sideways market that swings each day and ends where it began. */
export type PathShape = 'random' | 'sideways';

export interface WalkTerms {
  /** σ per year (after the stress multiplier), μ per year. */
  volatility: number;
  drift: number;
  /** Length of each step in years, and the number of steps. */
  stepYears: number;
  steps: number;
  jumps: JumpTerms | null;
}

export interface Walk {
  /** ln(price ÷ entry) at step 0 … n (step 0 is 0), cut at the liquidation step. */
  logPrices: number[];
  /** The step at which the barrier was touched (at the step or, by the Brownian bridge, between it and the one before). */
  touchedAt: number | null;
}

/**
 * Probability that a Brownian motion with variance `variance` over a step, starting `a` and ending `b` above a
 * barrier (both > 0, in log distance), touched it in between. Exact for any drift: a Brownian bridge's minimum.
 */
export function bridgeTouchProbability(a: number, b: number, variance: number): number {
  if (!(a > 0 && b > 0)) return 1;
  if (!(variance > 0)) return 0;
  return Math.exp((-2 * a * b) / variance);
}

/**
 * One seeded walk of ln(price ÷ entry), checked against a barrier per step (`barrierLogs[i]`: the log distance of the
 * liquidation price at step i; null where none). `below`: the barrier is under the price (a long).
 * Between two steps the Brownian bridge decides whether the diffusion touched the barrier, so the share of touched
 * walks estimates the continuous-monitoring touch probability without the bias of checking only at the steps.
 */
export function walk(seed: number, terms: WalkTerms, barrierLogs: readonly (number | null)[], below: boolean): Walk {
  const random = createRandom(seed);
  const normal = createNormal(random);
  const { volatility, drift, stepYears, steps, jumps } = terms;
  const mean = (drift - (volatility * volatility) / 2) * stepYears;
  const spread = volatility * Math.sqrt(stepYears);
  const variance = spread * spread;
  const logPrices = [0];
  let x = 0;
  for (let step = 1; step <= steps; step += 1) {
    const diffusion = mean + spread * normal();
    let jump = 0;
    if (jumps !== null) {
      const count = poisson(random, jumps.perYear * stepYears);
      for (let k = 0; k < count; k += 1) jump += jumps.meanLog + jumps.sdLog * normal();
    }
    const barrier = barrierLogs[step] ?? null;
    // The bridge covers the diffusion; a jump lands at the step's end, where the direct check sees it.
    const beforeJump = x + diffusion;
    const next = beforeJump + jump;
    // The uniform is drawn on every step, so the stream (and the path) does not depend on the barrier.
    const bridgeDraw = random();
    if (barrier !== null) {
      const distance = (value: number): number => (below ? value - barrier : barrier - value);
      const touched = distance(next) <= 0 || distance(beforeJump) <= 0 || bridgeDraw < bridgeTouchProbability(distance(x), distance(beforeJump), variance);
      if (touched) {
        logPrices.push(next);
        return { logPrices, touchedAt: step };
      }
    }
    x = next;
    logPrices.push(x);
  }
  return { logPrices, touchedAt: null };
}

/**
 * A sideways market: each day the price swings one day's standard deviation up and comes back the next, moving
 * evenly (in log) within the day; the last day returns to the start, so the path ends exactly where it began.
 */
export function sidewaysLogPrices(volatility: number, stepHours: number, steps: number): number[] {
  const swing = volatility * Math.sqrt(1 / 365);
  const days = Math.ceil((steps * stepHours) / 24 - 1e-9);
  // Day d ends up (odd d) or back at the start (even d); the last day always ends at the start.
  const endOfDay = (day: number): number => (day <= 0 || day >= days ? 0 : day % 2 === 1 ? swing : 0);
  const values: number[] = [];
  for (let step = 0; step <= steps; step += 1) {
    const hours = step * stepHours;
    const day = Math.min(days, Math.floor(hours / 24 + 1e-9));
    const within = hours / 24 - day;
    const from = endOfDay(day);
    const to = endOfDay(day + 1);
    values.push(step === steps ? 0 : from + (to - from) * within);
  }
  return values;
}

// ---------- A position along a path ----------

/** Steps of a played path: one an hour, between these bounds (long horizons take longer steps). */
export const MIN_PATH_STEPS = 24;
export const MAX_PATH_STEPS = 480;

export interface PathTerms {
  volatility: number;
  drift: number;
  years: number;
  hours: number;
  steps: number;
  stepHours: number;
}

/** The horizon's terms for a position (σ after stress); null without a volatility and a horizon above zero. */
export function pathTerms(position: Position): PathTerms | null {
  const { volatility, horizonDays, drift, volatilityStress } = position.horizon;
  if (volatility === null || horizonDays === null || horizonDays.lte(0)) return null;
  const hours = horizonDays.mul(24).toNumber();
  const steps = Math.min(MAX_PATH_STEPS, Math.max(MIN_PATH_STEPS, Math.ceil(hours)));
  return { volatility: volatility.mul(volatilityStress).toNumber(), drift: drift.toNumber(), years: horizonDays.div(365).toNumber(), hours, steps, stepHours: hours / steps };
}

/** The liquidation price after `hours` of carry (whole funding events, as the venue pays), else where equity is 0. */
function barrierAfter(position: Position, hours: Dec): Dec | null {
  const liquidation = liquidationAfter(position, hours, ONE, 'events');
  if (liquidation !== null) return liquidation;
  const later = positionAfter(position, hours, 'events');
  const bankruptcy = later === null ? null : bankruptcyPrice(later);
  return bankruptcy !== null && bankruptcy.isFinite() && bankruptcy.gt(0) ? bankruptcy : null;
}

/** ln(barrier ÷ entry) at each step; carry moves the barrier only at funding events, so equal hours share a solve. */
function barrierSchedule(position: Position, terms: PathTerms): (number | null)[] {
  const entry = position.entry.toNumber();
  const solved = new Map<string, number | null>();
  const logs: (number | null)[] = [];
  for (let step = 0; step <= terms.steps; step += 1) {
    const hours = stepHours(terms, step);
    // Perpetuals pay whole funding events: every hour between two events gives the same barrier.
    const key = position.instrument === 'loan' ? hours.toString() : hours.div(position.carry.fundingIntervalHours).floor().toString();
    let log = solved.get(key);
    if (log === undefined) {
      const barrier = barrierAfter(position, hours);
      log = barrier === null ? null : Math.log(barrier.toNumber() / entry);
      solved.set(key, log);
    }
    logs.push(log);
  }
  return logs;
}

function stepHours(terms: PathTerms, step: number): Dec {
  return new Dec(terms.stepHours).mul(step);
}

export interface SimulatedPoint {
  step: number;
  hours: number;
  /** The price (exact decimal of the simulated float); at the liquidation step, the liquidation price. */
  price: string;
  /** Equity in the margin currency after the carry so far; after liquidation what the trader keeps. */
  equity: string;
  /** Net carry paid so far (funding, interest − yield), at the entry price as the horizon figures count it. */
  carry: string;
  state: 'open' | 'liquidated';
}

export interface SimulatedPath {
  seed: number;
  shape: PathShape;
  terms: PathTerms;
  /** Up to the last step, or to the liquidation step where the path ends. */
  points: SimulatedPoint[];
  liquidatedAt: number | null;
  /** The simulated price at every step to the horizon: the walk goes on after a liquidation (the token lives on). */
  prices: number[];
}

export interface PathOptions {
  seed: number;
  shape?: PathShape;
  jumps?: boolean;
}

interface Prepared {
  position: Position;
  terms: PathTerms;
  barriers: (number | null)[];
  below: boolean;
  left: Dec;
}

function prepare(spec: PositionSpec): Prepared | null {
  const resolution = resolve(spec);
  if (!resolution.ok) return null;
  const position = resolution.position;
  const terms = pathTerms(position);
  if (terms === null) return null;
  const ended = equityPath(spec, [position.entry.toString()]);
  return { position, terms, barriers: barrierSchedule(position, terms), below: position.sign === 1, left: new Dec(ended?.leftAfterLiquidation ?? '0') };
}

function walkTerms(terms: PathTerms, jumps: boolean): WalkTerms {
  return { volatility: terms.volatility, drift: terms.drift, stepYears: terms.years / terms.steps, steps: terms.steps, jumps: jumps ? DEFAULT_JUMPS : null };
}

/** The sideways path's first step at or beyond the barrier (checked at the steps: the path is drawn, not random). */
function sidewaysTouch(logPrices: readonly number[], barriers: readonly (number | null)[], below: boolean): number | null {
  const index = logPrices.findIndex((value, step) => {
    const barrier = barriers[step] ?? null;
    return barrier !== null && (below ? value <= barrier : value >= barrier);
  });
  return index < 0 ? null : index;
}

/**
 * One played path: the price, and the position's equity, health and carry at each step until the horizon or the
 * liquidation, where the path ends (the position is over). Null for an invalid spec or without volatility and horizon.
 */
export function simulatePath(spec: PositionSpec, options: PathOptions): SimulatedPath | null {
  const prepared = prepare(spec);
  if (prepared === null) return null;
  const { position, terms, barriers, below, left } = prepared;
  const shape = options.shape ?? 'random';
  const seed = Math.trunc(options.seed) >>> 0;
  const entry = position.entry.toNumber();
  let logPrices: number[];
  let touchedAt: number | null;
  if (shape === 'sideways') {
    logPrices = sidewaysLogPrices(terms.volatility, terms.stepHours, terms.steps);
    touchedAt = sidewaysTouch(logPrices, barriers, below);
  } else {
    // The played path is the fan's first path: the class sees it among the others. The same stream without a barrier
    // gives the same prices and goes on to the horizon (the leveraged token is not liquidated with the position).
    const stream = streamSeed(seed, 0);
    const stepTerms = walkTerms(terms, options.jumps === true);
    logPrices = walk(stream, stepTerms, [], below).logPrices;
    touchedAt = walk(stream, stepTerms, barriers, below).touchedAt;
  }
  const prices = logPrices.map((value) => entry * Math.exp(value));
  const end = touchedAt ?? terms.steps;
  const points: SimulatedPoint[] = [];
  for (let step = 0; step <= end; step += 1) {
    const hours = stepHours(terms, step);
    const carry = toOutput(netCarry(accrualAt(position, hours, position.entry, 'events')));
    const later = positionAfter(position, hours, 'events');
    const barrierLog = barriers[step] ?? null;
    if (step === touchedAt || later === null) {
      // Closed at the liquidation price (by the bridge it was touched on the way to this step's price).
      const price = barrierLog === null ? new Dec(prices[step] ?? entry) : new Dec(entry * Math.exp(barrierLog));
      points.push({ step, hours: hours.toNumber(), price: toOutput(price), equity: toOutput(left), carry, state: 'liquidated' });
      break;
    }
    const price = new Dec(prices[step] ?? entry);
    points.push({ step, hours: hours.toNumber(), price: toOutput(price), equity: toOutput(equityAt(later, price)), carry, state: 'open' });
  }
  const lastStep = points[points.length - 1]?.step ?? 0;
  return { seed, shape, terms, points, liquidatedAt: points[points.length - 1]?.state === 'liquidated' ? lastStep : null, prices };
}

/**
 * Health at one point of a played path (the position after the carry so far, at that price); null once liquidated
 * or where nothing is required. Asked for the step on screen only: solving the requirement at every step costs more
 * than the whole path.
 */
export function healthAlong(spec: PositionSpec, point: SimulatedPoint): string | null {
  if (point.state === 'liquidated') return null;
  const resolution = resolve(spec);
  if (!resolution.ok) return null;
  const later = positionAfter(resolution.position, new Dec(point.hours), 'events');
  return later === null ? null : toOutputOrNull(healthAt(later, new Dec(point.price)));
}

// ---------- Many paths ----------

export interface Fan {
  /** Prices of each path (numbers, for drawing), each cut at its liquidation. */
  paths: number[][];
  liquidated: number;
  count: number;
  /** liquidated ÷ count, and its binomial standard error √(p(1 − p)/n). */
  share: number;
  standardError: number;
  /** The liquidation price at each step (moves with carry); null where there is none. */
  barrier: (number | null)[];
}

/** Fans are drawn, not tabulated: a class sees 200 paths; tests use more. */
export const DEFAULT_FAN_PATHS = 200;
export const MAX_FAN_PATHS = 20000;

/** N seeded paths (the first is the played one) and the share that touched the liquidation price within the horizon. */
export function simulateFan(spec: PositionSpec, options: { seed: number; count?: number; jumps?: boolean }): Fan | null {
  const prepared = prepare(spec);
  if (prepared === null) return null;
  const { position, terms, barriers, below } = prepared;
  const count = Math.min(MAX_FAN_PATHS, Math.max(1, Math.trunc(options.count ?? DEFAULT_FAN_PATHS)));
  const entry = position.entry.toNumber();
  const stepTerms = walkTerms(terms, options.jumps === true);
  const paths: number[][] = [];
  let liquidated = 0;
  for (let index = 0; index < count; index += 1) {
    const walked = walk(streamSeed(Math.trunc(options.seed) >>> 0, index), stepTerms, barriers, below);
    if (walked.touchedAt !== null) liquidated += 1;
    paths.push(walked.logPrices.map((value) => entry * Math.exp(value)));
  }
  const share = liquidated / count;
  return {
    paths,
    liquidated,
    count,
    share,
    standardError: Math.sqrt((share * (1 - share)) / count),
    barrier: barriers.map((log) => (log === null ? null : entry * Math.exp(log))),
  };
}

// ---------- A leveraged token on the same path ----------

/**
 * The expected volatility drag of a position held at constant leverage L (rebalanced continuously), as a log return:
 * L(L − 1)σ²/2 per year, times the years. Where the price ends where it began, the token's value is about e^{−drag}.
 */
export function volatilityDrag(leverage: number, volatility: number, years: number): number {
  return (leverage * (leverage - 1) * volatility * volatility * years) / 2;
}

export interface TokenPath {
  /** Value of the token and of a fixed-size position of the same leverage bought once, per step, from the same start. */
  token: string[];
  fixed: string[];
}

/**
 * A leveraged token (constant leverage L, rebalanced at the first step of each day) and a fixed-size position of the
 * same starting leverage, both starting at `start`, along `prices` (step `i` at `i·stepHours`). Within a day the
 * token holds its exposure: value = V_day·(1 + L·(P/P_day − 1)). Neither goes below zero (the money is gone).
 */
export function leveragedTokenPath(prices: readonly number[], leverage: number, stepHours: number, start: Dec = new Dec(100)): TokenPath | null {
  const first = prices[0];
  if (first === undefined || !(first > 0) || !Number.isFinite(leverage) || !(stepHours > 0)) return null;
  const times = new Dec(leverage);
  const floor = (value: Dec): Dec => Dec.max(ZERO, value);
  const entry = new Dec(first);
  let dayValue = start;
  let dayPrice = entry;
  let day = 0;
  const token: string[] = [];
  const fixed: string[] = [];
  prices.forEach((raw, step) => {
    const price = new Dec(raw);
    const today = Math.floor((step * stepHours) / 24 + 1e-9);
    const value = floor(dayValue.mul(ONE.plus(times.mul(price.div(dayPrice).minus(ONE)))));
    if (today > day) {
      // Rebalance: the exposure is reset to L times today's value.
      day = today;
      dayValue = value;
      dayPrice = price;
    }
    token.push(toOutput(value));
    fixed.push(toOutput(floor(start.mul(ONE.plus(times.mul(price.div(entry).minus(ONE)))))));
  });
  return { token, fixed };
}
