/**
 * Barrier (liquidation) risk for a price following geometric Brownian motion
 *   dP/P = μ dt + σ dW,   ν = μ − σ²/2,   b = ln(barrier/spot),   s = σ√T.
 *
 * Plain doubles on purpose: decimal.js has no erf, and probabilities need
 * relative accuracy in the tails rather than decimal exactness.
 *
 * Input contract shared by every function below: spot must be finite and > 0,
 * volatility and years finite and >= 0, drift (default 0) finite. Anything
 * else is invalid and yields probability 0 / density 0 / zScore null /
 * quantile NaN, so a half-typed form never surfaces NaN as a percentage.
 * A barrier <= 0 (or infinite) can never be reached by a GBM: probability 0.
 */

import { Dec } from './decimal';
import { difference, exponential, naturalLog, normalCdfOf, product, quotient, squareRoot, sum } from './working';
import type { Expression, Working } from './working';

export interface BarrierInput {
  spot: number;
  barrier: number;
  volatility: number;
  years: number;
  drift?: number;
}

export interface BarrierRisk {
  touchProbability: number;
  endBeyondProbability: number;
  zScore: number | null;
}

const SQRT_2PI = 2.5066282746310002;
const INV_SQRT_2PI = 0.3989422804014327;
const LN_SQRT_2PI = 0.9189385332046728;
const DBL_MIN = 2.2250738585072014e-308;
// Below this σ√T, |b|/s > 1e84 for every representable b ≠ 0: the diffusion
// is indistinguishable from its deterministic limit (bar the knife edge
// νT = b), and the (u, m) arithmetic would only risk ∞ − ∞.
const DETERMINISTIC_S = 1e-100;
// Cody's central range is |x| <= qnorm(3/4).
const CODY_SPLIT = 0.67448975;
const SQRT_32 = 5.656854249492381;
// Beyond this |x| the tail formula's x² splitting would overflow; there the
// leading asymptotic terms are exact to double precision anyway.
const FAR_TAIL = 1e100;

// --- Standard normal CDF: W. J. Cody, "Rational Chebyshev approximations
// for the error function", Math. Comp. 23 (1969); coefficients as in Cody's
// ACM TOMS Algorithm 715 (1993) ANORM, the routine behind R's pnorm. Cody
// prints 20 digits; each literal here is the shortest form of the same double.

/** Cody's central rational: N(x) − 0.5 for |x| <= CODY_SPLIT. */
function codyCentral(x: number): number {
  const t = x * x;
  const num =
    (((0.06568233791820745 * t + 2.2352520354606837) * t + 161.02823106855587) * t +
      1067.6894854603709) *
      t +
    18154.98125334356;
  const den =
    (((t + 47.202581904688245) * t + 976.0985517377767) * t + 10260.932208618979) * t +
    45507.78933502673;
  return (x * num) / den;
}

/** N(−y)·exp(y²/2) for CODY_SPLIT < y < FAR_TAIL: the scaled tail, O(1/y). */
function codyScaledTail(y: number): number {
  if (y <= SQRT_32) {
    const num =
      (((((((1.0765576773720192e-8 * y + 0.39894151208813466) * y + 8.883149794388377) * y +
        93.50665613217785) *
        y +
        597.2702763948002) *
        y +
        2494.5375852903726) *
        y +
        6848.190450536283) *
        y +
        11602.65143764735) *
        y +
      9842.714838383978;
    const den =
      (((((((y + 22.266688044328117) * y + 235.387901782625) * y + 1519.3775994075547) * y +
        6485.558298266761) *
        y +
        18615.571640885097) *
        y +
        34900.95272114598) *
        y +
        38912.00328609327) *
        y +
      19685.429676859992;
    return num / den;
  }
  const t = 1 / (y * y);
  const num =
    ((((0.023073441764940174 * t + 0.215898534057957) * t + 0.12740116116024736) * t +
      0.022235277870649807) *
      t +
      0.0014216191932278934) *
      t +
    2.9112874951168793e-5;
  const den =
    ((((t + 1.284260096144911) * t + 0.4682382124808651) * t + 0.06598813786892856) * t +
      0.0037823963320275824) *
      t +
    7.297515550839662e-5;
  return (INV_SQRT_2PI - (t * num) / den) / y;
}

/**
 * −y²/2 split as −h²/2 − (y−h)(y+h)/2 with h = y rounded down to 1/16:
 * h² is exact, so exp() of the big part carries no rounding error (Cody).
 */
function negHalfSquare(y: number): { big: number; small: number } {
  const h = Math.trunc(y * 16) / 16;
  return { big: -0.5 * h * h, small: -0.5 * (y - h) * (y + h) };
}

/** N(−y) for y > CODY_SPLIT, with full relative accuracy (no 1 − p). */
function lowerTail(y: number): number {
  if (y >= 40) return 0; // N(−40) ≈ 3.7e-350 is below the smallest double
  const { big, small } = negHalfSquare(y);
  return Math.exp(big) * Math.exp(small) * codyScaledTail(y);
}

/** Standard normal CDF, ~1e-16 relative accuracy including the deep lower tail. */
export function normalCdf(x: number): number {
  // Untyped callers: anything that is not a number (a symbol would throw in arithmetic) is NaN, as NaN is.
  if (typeof x !== 'number' || Number.isNaN(x)) return Number.NaN;
  const y = Math.abs(x);
  if (y <= CODY_SPLIT) return 0.5 + codyCentral(x);
  const tail = lowerTail(y);
  return x < 0 ? tail : 1 - tail;
}

/** ln N(x); finite for every finite x above about −1.9e154 (where x²/2 overflows). */
export function logNormalCdf(x: number): number {
  if (typeof x !== 'number' || Number.isNaN(x)) return Number.NaN;
  const y = Math.abs(x);
  if (y <= CODY_SPLIT) return Math.log(0.5 + codyCentral(x));
  if (x > 0) {
    const upper = lowerTail(y);
    return upper === 0 ? 0 : Math.log1p(-upper); // avoid log1p(−0) = −0
  }
  if (y >= FAR_TAIL) {
    // ln N(−y) = −y²/2 − ln y − ln√(2π) + ln(1 − 1/y² + …); the last term is < 1e-200.
    return -0.5 * y * y - Math.log(y) - LN_SQRT_2PI;
  }
  const { big, small } = negHalfSquare(y);
  return big + small + Math.log(codyScaledTail(y));
}

/** ln(N(x)·exp(x²/2)) for x <= 0: the log Mills-type ratio, free of the x² term. */
function logScaledLowerCdf(x: number): number {
  const y = -x;
  if (y <= CODY_SPLIT) return Math.log(0.5 + codyCentral(x)) + 0.5 * x * x;
  if (y >= FAR_TAIL) return -Math.log(y) - LN_SQRT_2PI; // −∞ at x = −∞
  return Math.log(codyScaledTail(y));
}

// --- Inverse normal CDF: P. J. Acklam's rational approximation (relative
// error 1.15e-9) polished by one Halley step on ln N(x) = ln p, which stays
// well scaled even for p near the smallest subnormal.

function acklam(p: number): number {
  const pLow = 0.02425;
  if (p < pLow || p > 1 - pLow) {
    const q = Math.sqrt(-2 * Math.log(p < pLow ? p : 1 - p));
    const x =
      (((((-7.784894002430293e-3 * q - 3.223964580411365e-1) * q - 2.400758277161838) * q - 2.549732539343734) * q +
        4.374664141464968) *
        q +
        2.938163982698783) /
      ((((7.784695709041462e-3 * q + 3.224671290700398e-1) * q + 2.445134137142996) * q + 3.754408661907416) * q + 1);
    return p < pLow ? x : -x;
  }
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((-3.969683028665376e1 * r + 2.209460984245205e2) * r - 2.759285104469687e2) * r + 1.38357751867269e2) * r -
      3.066479806614716e1) *
      r +
      2.506628277459239) *
      q) /
    (((((-5.447609879822406e1 * r + 1.615858368580409e2) * r - 1.556989798598866e2) * r + 6.680131188771972e1) * r -
      1.328068155288572e1) *
      r +
      1)
  );
}

/** Φ⁻¹(p) for 0 < p < 1. */
function inverseNormalCdf(p: number): number {
  if (p === 0.5) return 0;
  // Refine in the lower tail only: 1 − p is exact for p > 0.5 (Sterbenz).
  if (p > 0.5) return -inverseNormalCdf(1 - p);
  const x = Math.min(acklam(p), 0);
  // g(x) = ln N(x) − ln p;  g' = 1/R,  g''/(2g') = −(x + 1/R)/2,  R = N/φ.
  const g = logNormalCdf(x) - Math.log(p);
  const ratio = Math.exp(logScaledLowerCdf(x)) * SQRT_2PI;
  const newton = g * ratio;
  return x - newton / (1 + (newton * (x + 1 / ratio)) / 2);
}

// --- Input normalisation -------------------------------------------------

/** ln(a/b) for positive finite a, b without overflow and without losing digits near a ≈ b. */
function logRatio(a: number, b: number): number {
  const r = a / b;
  if (r >= 0.5 && r <= 2) return Math.log1p((a - b) / b); // a − b is exact here
  if (r >= DBL_MIN && r < Infinity) return Math.log(r);
  return Math.log(a) - Math.log(b);
}

interface Diffusion {
  spot: number;
  drift: number;
  years: number;
  /** σ√T */
  s: number;
  /** νT/s = (μ/σ − σ/2)√T, finite or ±∞ but never NaN */
  m: number;
}

function isNonNegativeFinite(x: number): boolean {
  return Number.isFinite(x) && x >= 0;
}

function diffusion(spot: number, volatility: number, years: number, drift: number): Diffusion | null {
  if (!(Number.isFinite(spot) && spot > 0)) return null;
  if (!isNonNegativeFinite(volatility) || !isNonNegativeFinite(years) || !Number.isFinite(drift)) return null;
  const rootT = Math.sqrt(years);
  const s = volatility * rootT;
  // s === 0 also covers σ = 0 and T = 0; m is only used when s > 0.
  const m = s === 0 ? 0 : (drift / volatility - volatility / 2) * rootT;
  return { spot, drift, years, s, m };
}

/** Log end point of the deterministic (σ√T → 0) path: μT − s²/2. */
function deterministicLogEnd(d: Diffusion): number {
  return d.drift * d.years - (d.s * d.s) / 2;
}

type Barrier =
  | { kind: 'invalid' }
  | { kind: 'unreachable' }
  | { kind: 'at-spot'; d: Diffusion }
  | { kind: 'deterministic'; below: boolean; b: number; d: Diffusion }
  | { kind: 'diffusive'; below: boolean; u: number; m: number; b: number; d: Diffusion };

function classify(input: BarrierInput): Barrier {
  // Untyped callers can pass anything: a non-object or a barrier that is not a number is invalid input.
  if (typeof input !== 'object' || input === null || typeof input.barrier !== 'number') return { kind: 'invalid' };
  const d = diffusion(input.spot, input.volatility, input.years, input.drift ?? 0);
  if (d === null || Number.isNaN(input.barrier)) return { kind: 'invalid' };
  if (!(input.barrier > 0 && input.barrier < Infinity)) return { kind: 'unreachable' };
  const b = logRatio(input.barrier, input.spot);
  if (b === 0) return { kind: 'at-spot', d };
  const below = b < 0;
  if (d.s < DETERMINISTIC_S) return { kind: 'deterministic', below, b, d };
  // Reflect an upper barrier onto a lower one (ln P → −ln P flips ν), so a
  // single formula with u <= 0 serves both directions.
  const u = below ? b / d.s : -b / d.s;
  const m = below ? d.m : -d.m;
  return { kind: 'diffusive', below, u, m, b, d };
}

function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

// --- Barrier probabilities -------------------------------------------------

/**
 * Probability the path touches the barrier at some t in [0, T]:
 * N(u − m) + exp(2um)·N(u + m) in reflected units (u = b/s <= 0, m = νT/s).
 * When u + m < 0 the second term is evaluated as exp(−(u−m)²/2 + ln[N(x)e^{x²/2}]),
 * algebraically identical but without the huge cancelling pair 2um and ln N(x).
 */
export function touchProbability(input: BarrierInput, trace?: Working): number {
  const c = classify(input);
  switch (c.kind) {
    case 'invalid':
    case 'unreachable':
      return 0;
    case 'at-spot':
      return 1;
    case 'deterministic': {
      // The σ = 0 path spot·e^{μt} is monotone, so it touches iff it ends beyond.
      const e = deterministicLogEnd(c.d);
      return (c.below ? e <= c.b : e >= c.b) ? 1 : 0;
    }
    case 'diffusive': {
      const { u, m } = c;
      const y = u - m;
      const x = u + m;
      const direct = normalCdf(y);
      // u === 0 only when s overflowed to ∞; guard 0·∞.
      const reflected =
        x < 0 ? Math.exp(-0.5 * y * y + logScaledLowerCdf(x)) : Math.exp((u === 0 ? 0 : 2 * u * m) + logNormalCdf(x));
      const touch = clamp01(direct + reflected);
      if (trace !== undefined) {
        const { reflectedUnits, u: uTerm, m: mTerm } = traceDiffusion(trace, input, c);
        // exp(2um)·N(u + m) is evaluated in a rearranged form when u + m < 0 (same value, no overflow); it is shown as written.
        trace.step('p', `chance of touching the barrier: N(u − m) + e^(2um)·N(u + m)${reflectedUnits}`, 'probability', sum(normalCdfOf(difference(uTerm, mTerm)), product(exponential(product(new Dec(2), uTerm, mTerm)), normalCdfOf(sum(uTerm, mTerm)))), new Dec(touch));
      }
      return touch;
    }
  }
}

/**
 * Probability the price ends beyond the barrier at T (P_T <= barrier for a
 * lower barrier, P_T >= barrier for an upper one). A barrier exactly at spot
 * is treated as a lower (long-side) barrier: N(−νT/s), 0.5 when ν = 0.
 */
export function endBeyondProbability(input: BarrierInput, trace?: Working): number {
  const c = classify(input);
  switch (c.kind) {
    case 'invalid':
    case 'unreachable':
      return 0;
    case 'at-spot':
      if (c.d.s < DETERMINISTIC_S) return deterministicLogEnd(c.d) <= 0 ? 1 : 0;
      return normalCdf(-c.d.m);
    case 'deterministic': {
      const e = deterministicLogEnd(c.d);
      return (c.below ? e <= c.b : e >= c.b) ? 1 : 0;
    }
    case 'diffusive': {
      const beyond = normalCdf(c.u - c.m);
      if (trace !== undefined) {
        const { reflectedUnits, u, m } = traceDiffusion(trace, input, c);
        trace.step('p', `chance of ending beyond the barrier: N(u − m)${reflectedUnits}`, 'probability', normalCdfOf(difference(u, m)), new Dec(beyond));
      }
      return beyond;
    }
  }
}

/** The reflected units of a barrier problem, recorded from the same numbers the probabilities use. */
function traceDiffusion(trace: Working, input: BarrierInput, c: Extract<Barrier, { kind: 'diffusive' }>): { reflectedUnits: string; u: Dec; m: Dec } {
  const spot = trace.given('S', 'price now (entry)', 'entry', new Dec(input.spot));
  const barrier = trace.given('B', 'barrier: the liquidation price', 'liquidation', new Dec(input.barrier));
  const sigma = trace.given('σ', 'volatility a year (after the stress multiplier)', 'rate', new Dec(input.volatility));
  const years = trace.given('T', 'horizon in years', 'number', new Dec(input.years));
  const drift = trace.given('μ', 'drift a year, less the carry’s drift of the barrier', 'rate', new Dec(input.drift ?? 0));
  // An upper barrier is reflected onto a lower one: u and m change sign.
  const reflect = (term: Expression): Expression => (c.below ? term : product(new Dec(-1), term));
  const s = trace.step('s', 'σ√T: the spread of the log price at the horizon', 'number', product(sigma, squareRoot(years)), new Dec(c.d.s));
  const b = trace.step('b', 'ln(B ÷ S): the log distance to the barrier', 'number', naturalLog(quotient(barrier, spot)), new Dec(c.b));
  const u = trace.step('u', c.below ? 'b ÷ s: the barrier in spreads (below the price)' : '−b ÷ s: the barrier in spreads, reflected (above the price)', 'number', quotient(reflect(b), s), new Dec(c.u));
  const m = trace.step('m', c.below ? '(μ ÷ σ − σ ÷ 2)·√T: the drift in spreads' : '−(μ ÷ σ − σ ÷ 2)·√T: the drift in spreads, reflected', 'number', reflect(product(difference(quotient(drift, sigma), quotient(sigma, new Dec(2))), squareRoot(years))), new Dec(c.m));
  return { reflectedUnits: c.below ? '' : ' (in reflected units: the barrier is above the price)', u, m };
}

/** |ln(barrier/spot)| / (σ√T); null when σ√T is 0, inputs are invalid or the ratio overflows. */
export function zScore(input: BarrierInput): number | null {
  const c = classify(input);
  switch (c.kind) {
    case 'invalid':
    case 'unreachable':
      return null;
    case 'at-spot':
      return c.d.s > 0 ? 0 : null;
    case 'deterministic':
    case 'diffusive': {
      if (c.d.s === 0) return null;
      const z = Math.abs(c.b) / c.d.s;
      return Number.isFinite(z) ? z : null;
    }
  }
}

export function barrierRisk(input: BarrierInput): BarrierRisk {
  return {
    touchProbability: touchProbability(input),
    endBeyondProbability: endBeyondProbability(input),
    zScore: zScore(input),
  };
}

// --- Horizon price distribution -------------------------------------------

/** spot·e^x without spurious overflow/underflow of e^x alone. */
function scaleByExp(spot: number, x: number): number {
  const f = Math.exp(x);
  if (f > 0 && f < Infinity) {
    const r = spot * f;
    if (r > 0 && r < Infinity) return r;
  }
  return Math.exp(Math.log(spot) + x);
}

/**
 * Lognormal density of P_T at `price`. 0 for price <= 0, for invalid inputs and
 * when σ√T is (numerically) 0, where the law is a point mass with no density.
 * Capped at Number.MAX_VALUE so a chart never receives ∞.
 */
export function lognormalDensity(price: number, spot: number, volatility: number, years: number, drift = 0): number {
  const d = diffusion(spot, volatility, years, drift);
  if (d === null || d.s < DETERMINISTIC_S) return 0;
  if (typeof price !== 'number' || !(price > 0 && price < Infinity)) return 0;
  const w = logRatio(price, spot) / d.s - d.m;
  if (Number.isNaN(w)) return 0; // ∞ − ∞ only in absurd parameter corners
  const lnDensity = -0.5 * w * w - Math.log(price) - Math.log(d.s) - LN_SQRT_2PI;
  return Math.min(Math.exp(lnDensity), Number.MAX_VALUE);
}

/**
 * Inverse of the horizon price CDF: spot·exp(νT + s·Φ⁻¹(p)). Returns 0 at p = 0
 * and ∞ at p = 1 (the support's ends), the deterministic price spot·e^{μT}
 * when σ√T is (numerically) 0, and NaN for invalid inputs or p outside [0, 1].
 */
export function priceQuantile(p: number, spot: number, volatility: number, years: number, drift = 0): number {
  const d = diffusion(spot, volatility, years, drift);
  if (d === null || typeof p !== 'number' || !(p >= 0 && p <= 1)) return Number.NaN;
  if (d.s < DETERMINISTIC_S) return scaleByExp(spot, deterministicLogEnd(d));
  if (p === 0) return 0;
  if (p === 1) return Infinity;
  // νT + s·z = s·(m + z): m is already overflow-safe, and s > 0 keeps this NaN-free.
  const shift = d.m + inverseNormalCdf(p);
  return shift === 0 ? spot : scaleByExp(spot, d.s * shift);
}
