import { Dec, ONE, ZERO, parseDecimal, toOutput, toOutputOrNull as out } from './decimal';
import type { DecimalInput } from './decimal';
import { notionalAt, pnlAt, priceAtHealth, requirementAt } from './engine';
import { priceGrid } from './curve';
import { HUGE, readSpec } from './position';
import type { Position } from './position';
import type { PositionSpec, Side, SpecKey } from './types';

/**
 * A cross-margin account: several positions sharing one wallet (Binance one-way cross). For each position
 * the others are held at their marks, and the backing collateral is
 *   C_i = wallet − Σ_{j≠i} MM_j(mark_j) + Σ_{j≠i} uPnL_j(mark_j),
 * then the engine's single-position solve (equity = requirement) gives its liquidation price. That price is
 * also where the whole account reaches equity = total maintenance when only asset i moves.
 */

/** More positions than a cross account on one screen holds; each contagion point solves every one of them. */
const MAX_POSITIONS = 50;

/** The spec keys a position of a cross account takes over as they are (the venue's rules and the side). */
const SHARED_KEYS = ['side', 'mmr', 'mmAmount', 'mmBasis', 'tiers', 'tierMeasure', 'maxLeverage', 'feeRate', 'closeFeeInLiquidation', 'feeBasis'] as const;
type SharedKey = (typeof SHARED_KEYS)[number];

/**
 * One position of the account. Sizes and rates as in PositionSpec; the mark defaults to the entry. `leverage` is
 * only checked against the venue's caps (and brackets): cross liquidation does not depend on it.
 */
export interface PortfolioPosition extends Pick<PositionSpec, SharedKey | 'leverage'> {
  id?: string;
  /** Every position of one account must share the margin currency: all linear (quote) or all inverse (one coin). */
  instrument?: 'linear' | 'inverse';
  entry: DecimalInput;
  size: DecimalInput;
  mark?: DecimalInput;
}

export interface Portfolio {
  /** Cross wallet balance (realized), in the margin currency. */
  wallet: DecimalInput;
  positions: readonly PortfolioPosition[];
}

export interface PortfolioError {
  /** Index of the position the problem belongs to; null for the account. */
  position: number | null;
  field: SpecKey | 'wallet' | 'mark' | 'positions' | 'index' | 'range';
  message: string;
}

export interface InvalidPortfolio {
  valid: false;
  errors: PortfolioError[];
}

export interface PortfolioPositionFigures {
  id: string;
  side: Side;
  mark: string;
  /** Position value at the mark (margin currency). */
  notional: string;
  uPnl: string;
  /** Maintenance requirement at the mark (plus the close fee when the venue counts it). */
  maintenance: string;
  /** wallet − the others' maintenance + the others' uPnL: what backs this position. */
  backingCollateral: string;
  /** Price of this asset, the others held at their marks, at which the account is liquidated. */
  liquidationPrice: string | null;
  liquidationNote: string | null;
  /** (liquidation − mark) ÷ mark. */
  liquidationDistance: string | null;
}

export interface PortfolioAnalysis {
  valid: true;
  marginCurrency: 'quote' | 'coin';
  wallet: string;
  /** Wallet + every position's uPnL at its mark (Binance's margin balance). */
  accountEquity: string;
  totalMaintenance: string;
  /** Account equity ÷ total maintenance; 1 is liquidation. Null when nothing is required. */
  health: string | null;
  /** Total maintenance ÷ account equity (Binance's margin ratio, liquidation at 100 %); null when equity ≤ 0. */
  marginRatio: string | null;
  /** The account is at or below its liquidation point at these marks. */
  liquidated: boolean;
  positions: PortfolioPositionFigures[];
  warnings: string[];
}

interface Member {
  id: string;
  position: Position;
  mark: Dec;
}

interface ResolvedPortfolio {
  wallet: Dec;
  members: Member[];
}

interface AccountFigures {
  pnls: Dec[];
  requirements: Dec[];
  equity: Dec;
  totalMaintenance: Dec;
}

function toSpec(input: PortfolioPosition, wallet: DecimalInput): PositionSpec {
  const spec: PositionSpec = { marginMode: 'cross', collateral: wallet, entry: input.entry, size: input.size };
  if (input.instrument !== undefined) spec.instrument = input.instrument;
  // Cross liquidation ignores leverage; 1× keeps the venue's bracket caps from rejecting a position that only sets none.
  spec.leverage = input.leverage ?? '1';
  const copy = <K extends SharedKey>(key: K): void => {
    const value = input[key];
    if (value !== undefined) spec[key] = value;
  };
  SHARED_KEYS.forEach(copy);
  return spec;
}

function resolvePortfolio(portfolio: Portfolio): { ok: true; value: ResolvedPortfolio } | { ok: false; errors: PortfolioError[] } {
  const errors: PortfolioError[] = [];
  if (typeof portfolio !== 'object' || portfolio === null || !Array.isArray(portfolio.positions)) {
    return { ok: false, errors: [{ position: null, field: 'positions', message: 'A portfolio needs a wallet and a list of positions.' }] };
  }
  const wallet = parseDecimal(portfolio.wallet);
  if (wallet === null || wallet.lte(0) || wallet.gt(HUGE)) {
    errors.push({ position: null, field: 'wallet', message: `The wallet balance must be a number above zero and at most ${HUGE.toString()}.` });
  }
  if (portfolio.positions.length === 0) errors.push({ position: null, field: 'positions', message: 'Add at least one position.' });
  if (portfolio.positions.length > MAX_POSITIONS) {
    return { ok: false, errors: [{ position: null, field: 'positions', message: `At most ${MAX_POSITIONS} positions in one account.` }] };
  }
  const members: Member[] = [];
  const instruments = new Set<string>();
  portfolio.positions.forEach((input, index) => {
    if (typeof input !== 'object' || input === null) {
      errors.push({ position: index, field: 'positions', message: `Position ${index + 1} is not a position.` });
      return;
    }
    const id = typeof input.id === 'string' && input.id.trim() !== '' ? input.id : `#${index + 1}`;
    const instrument: unknown = input.instrument ?? 'linear';
    if (instrument !== 'linear' && instrument !== 'inverse') {
      errors.push({ position: index, field: 'instrument', message: `${id}: a cross account holds linear or inverse perpetuals (loans have no cross margin).` });
      return;
    }
    instruments.add(instrument);
    // A stand-in wallet keeps one bad account field from hiding every position's own problems.
    const resolution = readSpec(toSpec(input, wallet === null || wallet.lte(0) ? '1' : toOutput(wallet)));
    if (!resolution.ok) {
      for (const error of resolution.errors) errors.push({ position: index, field: error.field, message: `${id}: ${error.message}` });
      return;
    }
    const mark = input.mark === undefined ? resolution.position.entry : parseDecimal(input.mark);
    if (mark === null || mark.lte(0) || mark.gt(HUGE)) {
      errors.push({ position: index, field: 'mark', message: `${id}: the mark price must be a number above zero.` });
      return;
    }
    members.push({ id, position: resolution.position, mark });
  });
  if (instruments.size > 1) {
    errors.push({ position: null, field: 'instrument', message: 'One cross wallet holds one margin currency: make every position linear, or every position inverse on the same coin.' });
  }
  if (errors.length > 0 || wallet === null) return { ok: false, errors };
  return { ok: true, value: { wallet, members } };
}

function accountAtMarks(account: ResolvedPortfolio): AccountFigures {
  const pnls = account.members.map((member) => pnlAt(member.position, member.mark));
  const requirements = account.members.map((member) => requirementAt(member.position, member.mark));
  const sum = (values: Dec[]): Dec => values.reduce((total, value) => total.plus(value), ZERO);
  return { pnls, requirements, equity: account.wallet.plus(sum(pnls)), totalMaintenance: sum(requirements) };
}

/** wallet − Σ_{j≠i} MM_j + Σ_{j≠i} uPnL_j. */
function backingOf(figures: AccountFigures, index: number): Dec {
  const ownPnl = figures.pnls[index] ?? ZERO;
  const ownRequirement = figures.requirements[index] ?? ZERO;
  return figures.equity.minus(ownPnl).minus(figures.totalMaintenance.minus(ownRequirement));
}

/** The engine's solve for one position backed by the rest of the account (the backing may be ≤ 0 when this position's profit carries the account). */
function liquidationOf(member: Member, backing: Dec): Dec | null {
  return priceAtHealth({ ...member.position, marginMode: 'cross', collateral: backing }, ONE);
}

function liquidationNote(member: Member): string {
  return member.position.sign === 1
    ? 'The rest of the account covers this long down to a price of zero: this asset alone cannot liquidate the account.'
    : 'The rest of the account covers this short at any price: this asset alone cannot liquidate the account.';
}

function healthOf(figures: AccountFigures): Dec | null {
  return figures.totalMaintenance.gt(0) ? figures.equity.div(figures.totalMaintenance) : null;
}

/** Account equity, total maintenance and health at the marks, and each position's liquidation price given the others. */
export function analyzePortfolio(portfolio: Portfolio): PortfolioAnalysis | InvalidPortfolio {
  const resolved = resolvePortfolio(portfolio);
  if (!resolved.ok) return { valid: false, errors: resolved.errors };
  const account = resolved.value;
  const figures = accountAtMarks(account);
  const health = healthOf(figures);
  const liquidated = figures.equity.lte(figures.totalMaintenance);
  const warnings: string[] = [];
  if (liquidated) warnings.push('At these marks the account equity does not cover the total maintenance: the account is being liquidated.');
  const positions = account.members.map((member, index): PortfolioPositionFigures => {
    const backing = backingOf(figures, index);
    const liquidation = liquidationOf(member, backing);
    return {
      id: member.id,
      side: member.position.side,
      mark: toOutput(member.mark),
      notional: toOutput(notionalAt(member.position, member.mark)),
      uPnl: toOutput(figures.pnls[index] ?? ZERO),
      maintenance: toOutput(figures.requirements[index] ?? ZERO),
      backingCollateral: toOutput(backing),
      liquidationPrice: out(liquidation),
      liquidationNote: liquidation === null ? liquidationNote(member) : null,
      liquidationDistance: liquidation === null ? null : toOutput(liquidation.minus(member.mark).div(member.mark)),
    };
  });
  return {
    valid: true,
    marginCurrency: account.members[0]?.position.instrument === 'inverse' ? 'coin' : 'quote',
    wallet: toOutput(account.wallet),
    accountEquity: toOutput(figures.equity),
    totalMaintenance: toOutput(figures.totalMaintenance),
    health: out(health),
    marginRatio: figures.equity.gt(0) ? toOutput(figures.totalMaintenance.div(figures.equity)) : null,
    liquidated,
    positions,
    warnings,
  };
}

export interface ContagionOptions {
  /** Price range of the moved asset for the chart arrays. */
  from: number;
  to: number;
  /** Evenly spaced points (2 to 500); the account-liquidation price is merged in when it lies in the range. */
  points: number;
  /** Prices of the moved asset at which to report exact decimal figures (the first 50). */
  at?: readonly DecimalInput[];
}

export interface ContagionPoint {
  price: string;
  accountEquity: string;
  totalMaintenance: string;
  health: string | null;
  /** Every position's liquidation price with the moved asset at `price`; null past the account's liquidation. */
  liquidationPrices: (string | null)[];
}

export interface Contagion {
  valid: true;
  /** Index of the moved position. */
  index: number;
  id: string;
  /** Price of the moved asset at which the account as a whole is liquidated (the others at their marks). */
  accountLiquidationPrice: string | null;
  price: number[];
  accountEquity: number[];
  totalMaintenance: number[];
  health: (number | null)[];
  /** liquidationPrices[j][n]: position j's liquidation price when the moved asset is at price[n]. */
  liquidationPrices: (number | null)[][];
  /** Exact figures at each price of `at`, in the given order (invalid prices left out). */
  exact: ContagionPoint[];
  /** Exact figures at the account-liquidation price, where every liquidation price meets its mark. */
  atLiquidation: ContagionPoint | null;
}

/**
 * Every point solves each other position's liquidation price, so a call costs points × positions solves: these
 * bounds keep it within tens of milliseconds (the portfolio panel draws 161 points).
 */
const MAX_POINTS = 500;
const MAX_EXACT_PRICES = 50;
const LIQUIDATION_SLACK = new Dec('1e-40');

function grid(options: ContagionOptions, extra: number | null): number[] {
  const count = Math.min(MAX_POINTS, Math.max(2, Math.floor(options.points)));
  const step = (options.to - options.from) / (count - 1);
  const prices = priceGrid(options.from, options.to, count);
  if (extra !== null && Number.isFinite(extra) && extra > options.from && extra < options.to) {
    // A grid point a rounding error away from the level would plot a second, noisy crossing: the level replaces it.
    const twin = prices.findIndex((price) => Math.abs(price - extra) <= Math.abs(step) * 1e-6);
    if (twin >= 0) prices[twin] = extra;
    else prices.push(extra);
  }
  return prices.filter((price) => price > 0).sort((a, b) => a - b);
}

interface MovedState {
  figures: AccountFigures;
  liquidations: (Dec | null)[];
}

/** The account with the moved asset at `price`: only its own PnL and requirement change, so the rest is reused. */
function movedFigures(account: ResolvedPortfolio, atMarks: AccountFigures, index: number, price: Dec): AccountFigures {
  const moved = account.members[index];
  if (moved === undefined) return atMarks;
  const pnl = pnlAt(moved.position, price);
  const requirement = requirementAt(moved.position, price);
  const pnls = atMarks.pnls.slice();
  const requirements = atMarks.requirements.slice();
  pnls[index] = pnl;
  requirements[index] = requirement;
  return {
    pnls,
    requirements,
    equity: atMarks.equity.minus(atMarks.pnls[index] ?? ZERO).plus(pnl),
    totalMaintenance: atMarks.totalMaintenance.minus(atMarks.requirements[index] ?? ZERO).plus(requirement),
  };
}

function stateAt(account: ResolvedPortfolio, atMarks: AccountFigures, index: number, price: Dec, ownLiquidation: Dec | null): MovedState {
  const figures = movedFigures(account, atMarks, index, price);
  // Rounding at the 50th digit must not declare the account dead exactly at its liquidation price.
  const slack = account.wallet.plus(figures.totalMaintenance).mul(LIQUIDATION_SLACK);
  const alive = figures.equity.minus(figures.totalMaintenance).gte(slack.neg());
  const liquidations = account.members.map((member, position) => {
    // The moved asset's own level does not depend on its price: it is the account-liquidation price.
    if (position === index) return ownLiquidation;
    return alive ? liquidationOf(member, backingOf(figures, position)) : null;
  });
  return { figures, liquidations };
}

function exactPoint(price: Dec, state: MovedState): ContagionPoint {
  return {
    price: toOutput(price),
    accountEquity: toOutput(state.figures.equity),
    totalMaintenance: toOutput(state.figures.totalMaintenance),
    health: out(healthOf(state.figures)),
    liquidationPrices: state.liquidations.map(out),
  };
}

/**
 * Moves one asset (position `index`'s mark), the others held at their marks: the account equity, total
 * maintenance, health and every position's liquidation price as functions of that price. Number arrays
 * for the chart; exact decimals at `at` and at the account-liquidation price.
 */
export function contagion(portfolio: Portfolio, index: number, options: ContagionOptions): Contagion | InvalidPortfolio {
  const resolved = resolvePortfolio(portfolio);
  if (!resolved.ok) return { valid: false, errors: resolved.errors };
  const account = resolved.value;
  const moved = account.members[index];
  if (!Number.isInteger(index) || moved === undefined) {
    return { valid: false, errors: [{ position: null, field: 'index', message: `Choose a position from 1 to ${account.members.length}.` }] };
  }
  if (typeof options !== 'object' || options === null || !Number.isFinite(options.from) || !Number.isFinite(options.to) || options.to <= options.from || options.to <= 0 || !Number.isFinite(options.points)) {
    return { valid: false, errors: [{ position: null, field: 'range', message: 'The price range needs a finite start below a positive end.' }] };
  }
  const atMarks = accountAtMarks(account);
  const ownLiquidation = liquidationOf(moved, backingOf(atMarks, index));

  const prices = grid(options, ownLiquidation === null ? null : ownLiquidation.toNumber());
  const curve: Omit<Contagion, 'valid' | 'index' | 'id' | 'accountLiquidationPrice' | 'exact' | 'atLiquidation'> = {
    price: prices,
    accountEquity: [],
    totalMaintenance: [],
    health: [],
    liquidationPrices: account.members.map(() => []),
  };
  for (const price of prices) {
    const state = stateAt(account, atMarks, index, new Dec(price), ownLiquidation);
    curve.accountEquity.push(state.figures.equity.toNumber());
    curve.totalMaintenance.push(state.figures.totalMaintenance.toNumber());
    const health = healthOf(state.figures);
    curve.health.push(health === null ? null : health.toNumber());
    state.liquidations.forEach((liquidation, position) => curve.liquidationPrices[position]?.push(liquidation === null ? null : liquidation.toNumber()));
  }

  const exact: ContagionPoint[] = [];
  const at: unknown = options.at;
  for (const raw of Array.isArray(at) ? at.slice(0, MAX_EXACT_PRICES) : []) {
    const price = parseDecimal(raw);
    if (price === null || price.lte(0) || price.gt(HUGE)) continue;
    exact.push(exactPoint(price, stateAt(account, atMarks, index, price, ownLiquidation)));
  }
  return {
    valid: true,
    index,
    id: moved.id,
    accountLiquidationPrice: out(ownLiquidation),
    ...curve,
    exact,
    atLiquidation: ownLiquidation === null ? null : exactPoint(ownLiquidation, stateAt(account, atMarks, index, ownLiquidation, ownLiquidation)),
  };
}
