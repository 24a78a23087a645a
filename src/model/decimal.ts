import Decimal from 'decimal.js';

/** A private Decimal constructor: the host page's global Decimal settings never leak into our math. */
export const Dec = Decimal.clone({ precision: 50, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -30, toExpPos: 40 });
export type Dec = InstanceType<typeof Dec>;

export type DecimalInput = number | string;

const plainNumber = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** Parses user or API input; null for anything that is not a finite number (never throws). */
export function parseDecimal(value: unknown): Dec | null {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? new Dec(value) : null;
  }
  if (typeof value !== 'string') return null;
  const trimmed = value.trim().replace(/[_,\s]/g, '');
  if (trimmed === '' || !plainNumber.test(trimmed)) return null;
  const parsed = new Dec(trimmed);
  return parsed.isFinite() ? parsed : null;
}

/** Plain decimal notation, never exponent form, trailing zeros dropped. */
export function toPlainString(value: Dec): string {
  const fixed = value.toFixed();
  return fixed === '-0' ? '0' : fixed;
}

/** Exact figures are kept to 30 significant digits in the JSON output: far below any tick, still readable. */
export function toOutput(value: Dec): string {
  return toPlainString(value.toSignificantDigits(30));
}

export const ZERO = new Dec(0);
export const ONE = new Dec(1);
