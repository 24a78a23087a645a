/**
 * The story of a position along a one-way price move: equity, PnL and health at each price until the position is
 * liquidated, and what is left of it after. The curve of equityAt goes on below the liquidation price as if the
 * position were still open; here it ends where the venue ends it.
 *
 * Assumptions (also returned as text with every path; what the venue leaves comes from src/model/liquidation.ts):
 * - Perpetuals, isolated: at the liquidation price the venue closes the position, charges its clearance fee and
 *   (Binance, Bybit: the default) keeps the margin that is left for its insurance fund: the trader keeps nothing,
 *   and equity stays 0 from there on. Where the venue leaves that margin to the trader (dYdX) the curve stays at it.
 *   The fee to open was paid outside the margin, so the most the trader loses is the margin plus that fee.
 * - Perpetuals, cross: the same, with the wallet as the limit: the account is liquidated and the backing
 *   collateral (wallet − the others' maintenance + their PnL) is gone.
 * - Without a liquidation price (nothing is required) the position ends at its bankruptcy price (equity 0), the
 *   worst a venue lets it reach; so it does when bankruptcy comes first.
 * - Loans: at health 1 a liquidator repays the close factor's share of the debt (default all of it) and takes a
 *   bonus on it (default 5 %, Aave's common liquidation bonus); what is left is valued at the liquidation price and
 *   held from then on (after a partial liquidation the rest of the loan is still open).
 */
import { resolve } from './analyze';
import { Dec, ZERO, parseDecimal, toOutput, toOutputOrNull } from './decimal';
import type { DecimalInput } from './decimal';
import { equityAt, healthAt, pnlAt } from './engine';
import { liquidationCostAt, liquidationEndPrice, readLiquidationTerms } from './liquidation';
import type { LiquidationTerms } from './liquidation';
import type { Position } from './position';
import type { PositionSpec } from './types';

export type PositionState = 'open' | 'liquidated';

export interface PathPoint {
  price: string;
  /** Margin currency (coin for inverse), fees excluded as in equityAt; after liquidation what the trader keeps. */
  equity: string;
  /** Equity − the backing collateral. */
  pnl: string;
  /** Null after liquidation (and where nothing is required). */
  health: string | null;
  state: PositionState;
}

export interface EquityPath {
  valid: true;
  /** The price at which the venue ends the position: the liquidation price, else the bankruptcy price; null if none. */
  endPrice: string | null;
  /** What the trader keeps once liquidated (margin currency). */
  leftAfterLiquidation: string;
  points: PathPoint[];
  assumption: string;
}

export interface EquityPathOptions {
  /** Loans: the liquidator's penalty as a fraction of the debt repaid (0 to 0.5); default the spec's liquidationBonus (0.05). */
  loanPenalty?: DecimalInput;
}

/** As many prices as a chart draws; the path is exact decimals, so a call stays within milliseconds. */
export const MAX_PATH_PRICES = 2000;
const MAX_LOAN_PENALTY = new Dec('0.5');

/** Said when nothing ends the position at a positive price. */
function assumptionText(position: Position): string {
  if (position.instrument === 'loan') return 'Without debt the loan cannot be liquidated.';
  const limit = position.marginMode === 'cross' ? 'the wallet is the limit: the account is liquidated and its backing collateral is gone' : 'the venue keeps the margin that is left: the trader keeps nothing';
  return `At the liquidation price the position is closed and ${limit}. The fee to open was already paid.`;
}

/** Where the position ends, and what the venue leaves the trader there (src/model/liquidation.ts). */
function ending(position: Position, terms: LiquidationTerms): { price: Dec | null; left: Dec; assumption: string | null } {
  const price = liquidationEndPrice(position);
  if (price === null) return { price: null, left: ZERO, assumption: null };
  const cost = liquidationCostAt(position, terms, price);
  return { price, left: new Dec(cost.left), assumption: cost.assumption };
}

/** The loan penalty option, or undefined when not given (the spec's liquidationBonus applies). */
function readPenalty(options: unknown): Dec | null | undefined {
  const raw: unknown = typeof options === 'object' && options !== null && 'loanPenalty' in options ? options.loanPenalty : undefined;
  if (raw === undefined) return undefined;
  const penalty = parseDecimal(raw);
  return penalty === null || penalty.isNegative() || penalty.gt(MAX_LOAN_PENALTY) ? null : penalty;
}

/**
 * Equity, PnL and health at each price of a one-way move away from entry, with the state: 'open' until the price
 * reaches the liquidation price (health 1), 'liquidated' from there on, with equity at what the venue leaves
 * (see the assumptions above). Once liquidated the position stays liquidated, whatever the later prices. Null for
 * an invalid spec, a price that is not a number above zero, more than 2,000 prices or an invalid penalty.
 */
export function equityPath(spec: PositionSpec, prices: readonly DecimalInput[], options: EquityPathOptions = {}): EquityPath | null {
  const resolution = resolve(spec);
  const list: unknown = prices;
  const penalty = readPenalty(options);
  const terms = typeof spec === 'object' && spec !== null ? readLiquidationTerms(spec) : null;
  if (!resolution.ok || terms === null || !terms.ok || !Array.isArray(list) || list.length > MAX_PATH_PRICES || penalty === null) return null;
  const parsed: Dec[] = [];
  for (const raw of list) {
    const price = parseDecimal(raw);
    if (price === null || price.lte(0)) return null;
    parsed.push(price);
  }
  const position = resolution.position;
  const end = ending(position, penalty === undefined ? terms.terms : { ...terms.terms, bonus: penalty });
  // Liquidated at or beyond the end price on the losing side: below it for a long, above it for a short.
  const reaches = (price: Dec): boolean => end.price !== null && price.minus(end.price).mul(position.sign).lte(0);
  let liquidated = false;
  const points = parsed.map((price): PathPoint => {
    liquidated = liquidated || reaches(price);
    if (liquidated) {
      return { price: toOutput(price), equity: toOutput(end.left), pnl: toOutput(end.left.minus(position.collateral)), health: null, state: 'liquidated' };
    }
    return { price: toOutput(price), equity: toOutput(equityAt(position, price)), pnl: toOutput(pnlAt(position, price)), health: toOutputOrNull(healthAt(position, price)), state: 'open' };
  });
  return { valid: true, endPrice: toOutputOrNull(end.price), leftAfterLiquidation: toOutput(end.left), points, assumption: end.assumption ?? assumptionText(position) };
}
