/**
 * How lenders charge interest: the growth of a balance over a period under each compounding convention, and the
 * time at which a loan's health, eroded by interest alone, reaches a level.
 *
 * - simple: the balance grows by r·t (t in 365-day years). The model's convention before this key existed.
 * - hourly: Binance margin charges simple interest by the hour: one hour's interest (r/8760) when the loan is taken
 *   and one more at the start of every clock hour after. The model takes the loan on the hour, so a hold of h > 0
 *   hours pays ⌊h⌋ + 1 hours (startedHours gives the count for a loan taken later in the hour).
 * - per-second: Aave v3's variable debt compounds every second, (1 + r/31,536,000)^seconds − 1 (Aave's
 *   SECONDS_PER_YEAR is 365 days; on chain it evaluates the first three terms of the binomial expansion, which
 *   test/model/interest.test.ts checks against Aave's own library to the cent).
 * - continuous: e^{r·t} − 1, the limit of ever finer compounding.
 *
 * Simple and hourly growth are exact decimals. Continuous and per-second growth need an exponential: a 50-digit
 * decimal one costs about as much as the whole analysis (it runs a dozen times per analysis), so it is taken in
 * binary floating point, 15–16 significant digits of the growth, a billionth of a cent of interest on a million.
 */
import { Dec, ONE, ZERO } from './decimal';
import type { Compounding } from './types';

export const HOURS_PER_YEAR = new Dec(8760);
const HOURS_PER_YEAR_NUMBER = 8760;
const SECONDS_PER_HOUR = 3600;
/** Aave v3 MathUtils.SECONDS_PER_YEAR: 365 days. */
export const SECONDS_PER_YEAR = 31536000;
/**
 * Growth beyond this multiple of the balance (e^34.5: a 1000 % rate compounded for three and a half years) is held
 * there: the figures stay within what the model writes, and such a loan was liquidated long before.
 */
const LARGEST_GROWTH = 1e15;

export const compoundings: readonly Compounding[] = ['simple', 'continuous', 'per-second', 'hourly'];

function fromFloat(growth: number): Dec {
  if (!Number.isFinite(growth)) return new Dec(growth > 0 ? LARGEST_GROWTH : -1);
  return new Dec(Math.min(LARGEST_GROWTH, Math.max(-1, growth)));
}

/**
 * Whole seconds in a period: Aave accrues over block timestamps, which count whole seconds. A period written in
 * hours (a number of seconds ÷ 3600) comes back a hair below its seconds, so a billionth of a second is forgiven.
 */
function secondsIn(hours: Dec): number {
  return hours.mul(SECONDS_PER_HOUR).toDecimalPlaces(9, Dec.ROUND_HALF_UP).floor().toNumber();
}

/**
 * Hours of interest Binance margin charges for a loan held `hours`, taken `minutesPastTheHour` into a clock hour:
 * one on borrowing, one at each clock hour passed (Binance's FAQ: borrowed 13:20, repaid 14:15 → 2 hours).
 */
export function startedHours(hours: Dec, minutesPastTheHour: Dec = ZERO): Dec {
  if (hours.lte(0)) return ZERO;
  const offset = minutesPastTheHour.div(60);
  return offset.plus(hours).floor().minus(offset.floor()).plus(1);
}

/**
 * Interest over `hours` at an annual rate, as a fraction of the balance: never below −1 (a −100 % rate cannot make
 * a balance negative).
 */
export function growth(apr: Dec, hours: Dec, compounding: Compounding): Dec {
  switch (compounding) {
    case 'simple':
      return Dec.max(ONE.neg(), apr.mul(hours).div(HOURS_PER_YEAR));
    case 'hourly':
      return Dec.max(ONE.neg(), apr.mul(startedHours(hours)).div(HOURS_PER_YEAR));
    case 'continuous':
      return fromFloat(Math.expm1((apr.toNumber() * hours.toNumber()) / HOURS_PER_YEAR_NUMBER));
    case 'per-second':
      // A rate ≥ −100 % a year is > −1 per second, so log1p is defined.
      return fromFloat(Math.expm1(secondsIn(hours) * Math.log1p(apr.toNumber() / SECONDS_PER_YEAR)));
  }
}

/**
 * Hours until health at a flat price, A·(1 + g_y(t))/(1 + g_r(t)), falls to 1 from A > 1, interest on the debt at r
 * and yield on the collateral at y; null when it never does (yield outruns interest, or a balance is wiped out
 * first). Simple: t = (A − 1)/(r − A·y) years. Hourly: the clock hour at whose start the charged hours first
 * reach the simple crossing (0: the first hour's charge, taken on borrowing, already does). Continuous: ln A/(r − y). Per-second: ln A/(ln(1 + r/S) − ln(1 + y/S)) seconds.
 */
export function crossingHours(health: Dec, borrowApr: Dec, supplyApr: Dec, compounding: Compounding): Dec | null {
  if (health.lte(1)) return ZERO;
  if (compounding === 'simple' || compounding === 'hourly') {
    const denominator = borrowApr.minus(health.mul(supplyApr));
    if (denominator.lte(0)) return null;
    const years = health.minus(1).div(denominator);
    const stillPositive = ONE.plus(borrowApr.mul(years)).gt(0) && ONE.plus(supplyApr.mul(years)).gt(0);
    if (!stillPositive) return null;
    const hours = years.mul(HOURS_PER_YEAR);
    // ⌊t⌋ + 1 hours are charged from time t on, so ⌈crossing⌉ hours are first charged at t = ⌈crossing⌉ − 1.
    return compounding === 'simple' ? hours : hours.ceil().minus(1);
  }
  const logHealth = Math.log(health.toNumber());
  const perYear =
    compounding === 'continuous'
      ? borrowApr.toNumber() - supplyApr.toNumber()
      : (Math.log1p(borrowApr.toNumber() / SECONDS_PER_YEAR) - Math.log1p(supplyApr.toNumber() / SECONDS_PER_YEAR)) * SECONDS_PER_YEAR;
  if (!(perYear > 0) || !Number.isFinite(logHealth)) return null;
  const hours = (logHealth / perYear) * HOURS_PER_YEAR_NUMBER;
  if (!Number.isFinite(hours)) return null;
  // Per-second accrual moves in whole seconds: the crossing is at the first second that reaches it.
  return compounding === 'per-second' ? new Dec(Math.ceil(hours * SECONDS_PER_HOUR)).div(SECONDS_PER_HOUR) : new Dec(hours);
}
