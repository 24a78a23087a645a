import type { ValidAnalysis } from '../model/types';
import type { Formatter } from '../config/format';

/*
 * The one display rule for prices. Every card, chart label, tooltip, text summary and table writes a price
 * through `priceText`, so one figure is one string wherever it appears: the same tick, the same rounding.
 */

/** What a price is: its kind decides which way it is rounded to the tick. */
export type PriceKind = 'entry' | 'liquidation' | 'bankruptcy' | 'breakEven' | 'threshold' | 'price';

export type Rounding = 'nearest' | 'up' | 'down';

/** How one position's prices are written: the tick they are rounded to and the side that sets the rounding. */
export interface PriceDisplay {
  tick: string;
  side: ValidAnalysis['side'];
}

/** Significant digits the entry keeps at least: a coarse tick never flattens a sub-cent price to 0.00. */
const ENTRY_DIGITS = 5;
/** The model's decimals stop at 1e-30 (parseDecimal), so no tick is finer. */
const FINEST_EXPONENT = -30;

/** Liquidation-type levels round toward entry, so the shown level is reached no later than the exact one. */
export function towardEntry(side: ValidAnalysis['side']): 'up' | 'down' {
  return side === 'long' ? 'up' : 'down';
}

/**
 * The rounding each kind of price gets. Levels round the cautious way, which is one direction per side: a long's
 * liquidation, bankruptcy and health prices (below entry) round up, toward entry, and its break-even (above entry)
 * rounds up too, away from entry, so the shown price covers the fees. A short's round down. Other prices: nearest.
 */
export function priceRounding(kind: PriceKind, side: ValidAnalysis['side']): Rounding {
  switch (kind) {
    case 'liquidation':
    case 'bankruptcy':
    case 'threshold':
    case 'breakEven':
      return towardEntry(side);
    case 'entry':
    case 'price':
      return 'nearest';
  }
}

function powerOfTen(exponent: number): string {
  const bounded = Math.max(FINEST_EXPONENT, exponent);
  return bounded >= 0 ? `1${'0'.repeat(bounded)}` : `0.${'0'.repeat(-bounded - 1)}1`;
}

function positive(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  const number = Math.abs(Number(value));
  return Number.isFinite(number) && number > 0 ? number : null;
}

/**
 * The tick prices are written to: the venue's tick (0.01 for custom parameters), made finer when it cannot show the
 * entry to five significant digits or cannot put two ticks between entry and liquidation. So a venue's own prices
 * keep its tick, and a sub-cent coin shows its liquidation below its entry instead of 0.01 above it.
 */
export function displayTick(venueTick: string, entry: string | number | null | undefined, liquidation: string | number | null = null): string {
  let tick = positive(venueTick) ?? Number.POSITIVE_INFINITY;
  let text = venueTick;
  const refine = (exponent: number): void => {
    const candidate = powerOfTen(exponent);
    if (Number(candidate) < tick) {
      tick = Number(candidate);
      text = candidate;
    }
  };
  const entryValue = positive(entry);
  if (entryValue === null) return text;
  refine(Math.floor(Math.log10(entryValue)) - (ENTRY_DIGITS - 1));
  const liquidationValue = positive(liquidation);
  const gap = liquidationValue === null ? null : positive(entryValue - liquidationValue);
  if (gap !== null) refine(Math.floor(Math.log10(gap / 2)));
  return text;
}

/** How an analysis's prices are written, given the venue's tick. */
export function priceDisplay(venueTick: string, analysis: Pick<ValidAnalysis, 'entry' | 'liquidationPrice' | 'side'>): PriceDisplay {
  return { tick: displayTick(venueTick, analysis.entry, analysis.liquidationPrice), side: analysis.side };
}

/** A price as every part of the page writes it (no unit: callers add the quote currency where they need it). */
export function priceText(kind: PriceKind, value: string | number | null, display: PriceDisplay, format: Formatter): string {
  return format.price(value, display.tick, { direction: priceRounding(kind, display.side) });
}

/** The rule in words, for "How this is worked out". */
export function displayRuleText(display: PriceDisplay, format: Formatter): string {
  const direction = towardEntry(display.side);
  return (
    `Prices are shown to ${format.price(display.tick, display.tick)}, the same on every card, chart label and table. For a ${display.side} they are rounded ${direction}: ` +
    `liquidation, bankruptcy and health prices toward the entry, so the shown level is reached no later than the exact one, and break-even away from it, so the shown price covers the fees.`
  );
}
