import { equityPath } from '../model/path';
import type { PositionState } from '../model/path';
import type { PositionSpec, Side } from '../model/types';

/*
 * Where the venue ends a position, read once from the model's equityPath: the chart's curves, its CSV, its text
 * and the toolbox compare their prices with it instead of drawing a position that lives past its liquidation.
 * What the curve ends at is what the venue leaves the trader (src/model/liquidation.ts): nothing where the
 * insurance fund keeps the margin left (Binance, Bybit), the equity less the liquidation fee where it does not
 * (dYdX), a loan's equity less the liquidator's bonus on the debt repaid (Aave, Maker; Liquity takes it all).
 */

export type { PositionState };

export interface PositionEnd {
  /** The model's price at which the position is closed (liquidation, else bankruptcy), exact and as a number. */
  exact: string;
  price: number;
  /** What the venue leaves the trader once liquidated, in the margin currency (the analysis's liquidationCost.left). */
  leftExact: string;
  left: number;
  /** What is assumed about the venue's liquidation, in words. */
  assumption: string;
  side: Side;
}

/** The end of a position, or null when the spec is invalid or nothing ends it at a positive price. */
export function positionEnd(spec: PositionSpec, position: { entry: string; side: Side }): PositionEnd | null {
  // One price is enough: the end price, what is left and the assumption do not depend on the prices asked.
  const path = equityPath(spec, [position.entry]);
  if (path === null || path.endPrice === null) return null;
  const price = Number(path.endPrice);
  const left = Number(path.leftAfterLiquidation);
  if (!(price > 0) || !Number.isFinite(price) || !Number.isFinite(left)) return null;
  return { exact: path.endPrice, price, leftExact: path.leftAfterLiquidation, left, assumption: path.assumption, side: position.side };
}

/** At or past the end price on the losing side (below it for a long, above it for a short): the model's rule. */
export function reachesEnd(end: PositionEnd | null, price: number): boolean {
  if (end === null) return false;
  return end.side === 'long' ? price <= end.price : price >= end.price;
}

/** The position's state at a price on a one-way move from entry. */
export function stateAt(end: PositionEnd | null, price: number): PositionState {
  return reachesEnd(end, price) ? 'liquidated' : 'open';
}
