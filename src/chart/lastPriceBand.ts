import type { ValidAnalysis } from '../model/types';
import type { Formatter } from '../config/format';
import { priceText } from '../view/display';

/*
 * The liquidation price in last-price terms, for the equity chart: venues liquidate when the mark price reaches the
 * liquidation price, and with the last price a spread away from the mark that happens when the last price is at
 * mark liquidation × (1 + spread). The chart shades the band between the two and marks the last-price level with
 * words, so the difference never rests on colour alone.
 */

export interface LastPriceBandPlan {
  /** The band's edges (the mark liquidation price and its last-price equivalent), low to high. */
  low: number;
  high: number;
  /** Where the last price stands when the mark reaches the liquidation price. */
  lastPrice: number;
  markPrice: number;
  /** Text drawn beside the last-price line, and its short form for a narrow plot. */
  label: string;
  shortLabel: string;
  /** The band in one sentence, for screen readers and the chart's notes. */
  description: string;
}

/** The band to draw, or null without a spread (the two prices are one) or a liquidation price. */
export function lastPriceBandPlan(analysis: ValidAnalysis, tick: string, format: Formatter): LastPriceBandPlan | null {
  const band = analysis.lastPriceLiquidation;
  if (band === null || Number(band.spread) === 0) return null;
  const [low, high, lastPrice, markPrice] = [band.low, band.high, band.lastPrice, band.markPrice].map(Number);
  if (low === undefined || high === undefined || lastPrice === undefined || markPrice === undefined) return null;
  if (![low, high, lastPrice, markPrice].every((value) => Number.isFinite(value) && value > 0)) return null;
  const display = { tick, side: analysis.side };
  const last = priceText('liquidation', band.lastPrice, display, format);
  const mark = priceText('liquidation', band.markPrice, display, format);
  const spread = format.percent(band.spread, { signed: true });
  return {
    low,
    high,
    lastPrice,
    markPrice,
    label: `Liq. in last price ${last}`,
    shortLabel: `Last ${last}`,
    description: `Shaded: the liquidation price on the mark (${mark}) and in last-price terms (${last}) for a last − mark spread of ${spread}.`,
  };
}
