import { Dec, ONE } from './decimal';
import { bankruptcyPrice, breakEvenPrice, closeFeeAt, effectiveLeverageAt, entryNotional, equityAt, healthAt, openFeeOf, orderRateTerm, priceAtHealth, requirementAt, tierUsedAt } from './engine';
import { analyze, resolve } from './analyze';
import { accrualAt, carryLiquidationHours, fundingEvents, fundingOver } from './horizon';
import { endBeyondProbability, touchProbability } from './risk';
import type { Position } from './position';
import type { PositionSpec } from './types';
import { Working, ceilingOf, difference, floorOf, product, quotient, sideOf, sum } from './working';
import type { RecordedStep } from './working';

/** The figures whose working the model can show. A health level's price is `threshold:<level>`. */
export type WorkedFigure =
  | 'liquidationPrice'
  | 'liquidationDistance'
  | 'bankruptcyPrice'
  | 'breakEvenPrice'
  | 'healthAtEntry'
  | 'amplification'
  | 'touchProbability'
  | 'endBeyondProbability'
  | 'carryFunding'
  | 'carryFees'
  | 'carryTotal'
  | 'carryLiquidationHours'
  | `threshold:${string}`;

/** One figure's derivation: the rule in words and symbols, then the model's own steps with the reader's numbers. */
export interface Derivation {
  figure: WorkedFigure;
  /** The rule in words. */
  rule: string;
  /** The rule in symbols (x = P for linear contracts, 1/P for inverse). */
  symbols: string;
  steps: RecordedStep[];
  notes: string[];
  /** The figure the steps end at (the last step's value); null when the figure does not exist (no liquidation). */
  value: Dec | null;
}

const perpetualRule = {
  rule: 'Liquidation is where equity falls to the maintenance requirement: health (equity ÷ requirement) reaches 1.',
  symbols: 'a₀ + a₁·x = h·(r₀ + r₁·x)  ⇒  x = (h·r₀ − a₀) ÷ (a₁ − h·r₁)',
};
const loanRule = {
  rule: 'A loan is liquidated where the health factor (collateral value × liquidation threshold ÷ debt) reaches 1.',
  symbols: 'H = V × LT ÷ D = h',
};

/**
 * The inputs every working starts from, named once so later steps refer to them by symbol. With brackets, the
 * bracket named is the one the requirement uses at `bracketPrice` (the solved price for a level's working).
 */
function givens(trace: Working, position: Position, bracketPrice: Dec | null = position.entry): void {
  const inverse = position.instrument === 'inverse';
  trace.given('E', 'entry price', 'entry', position.entry);
  trace.given('Q', inverse ? 'size (USD face value)' : 'size (base units)', 'number', position.size);
  trace.given('C', position.marginMode === 'cross' ? 'collateral backing the position: wallet − other positions’ maintenance + their PnL' : position.instrument === 'loan' ? 'own funds' : 'collateral (margin)', 'money', position.collateral);
  if (position.instrument === 'loan') {
    if (position.liquidationThreshold !== null) trace.given('LT', 'liquidation threshold', 'rate', position.liquidationThreshold);
    return;
  }
  const tier = position.tiers.length === 1 ? position.tiers[0] : bracketPrice === null ? undefined : tierUsedAt(position, bracketPrice);
  if (tier !== undefined) {
    const which = position.tiers.length > 1 ? ` of bracket ${tier.index + 1}` : '';
    trace.given('mmr', `maintenance rate${which}`, 'rate', tier.mmr);
    trace.given('A', `maintenance amount${which}`, 'money', tier.mmAmount);
  }
  if (!position.feeRate.isZero()) orderRateTerm(trace, position, 'taker');
}

function levelWorking(position: Position, figure: WorkedFigure, level: Dec): Derivation {
  const trace = new Working();
  givens(trace, position, priceAtHealth(position, level));
  const value = priceAtHealth(position, level, trace);
  const rule = position.instrument === 'loan' ? loanRule : perpetualRule;
  return { figure, rule: level.eq(1) ? rule.rule : `${rule.rule.replace(/reaches 1\.$/, '')}reaches ${level.toString()} (h = ${level.toString()}).`, symbols: rule.symbols, steps: trace.steps, notes: trace.notes, value };
}

const probabilityRule = {
  touchProbability: {
    rule: 'The price is taken to follow geometric Brownian motion (no jumps). The chance that it touches the liquidation price at some moment within the horizon is the reflection formula for a barrier.',
    symbols: 'p = N(u − m) + e^(2um)·N(u + m),  u = ln(B ÷ S) ÷ (σ√T),  m = (μ ÷ σ − σ ÷ 2)·√T',
  },
  endBeyondProbability: {
    rule: 'Under the same geometric Brownian motion, the chance that the price ends the horizon beyond the liquidation price is the normal distribution of its log.',
    symbols: 'p = N(u − m),  u = ln(B ÷ S) ÷ (σ√T),  m = (μ ÷ σ − σ ÷ 2)·√T',
  },
};

/** The liquidation odds, from the numbers the analysis used (its horizon, stressed σ, drift less the carry's drift). */
function probabilityWorking(spec: PositionSpec, figure: 'touchProbability' | 'endBeyondProbability'): Derivation | null {
  const analysis = analyze(spec);
  const risk = analysis.valid ? analysis.risk : null;
  const odds = risk?.liquidation ?? null;
  if (!analysis.valid || risk === null || odds === null || analysis.liquidationPrice === null) return null;
  const input = { spot: Number(analysis.entry), barrier: Number(analysis.liquidationPrice), volatility: risk.volatility, years: risk.years, drift: risk.drift - risk.carryDrift };
  const trace = new Working();
  const probability = figure === 'touchProbability' ? touchProbability(input, trace) : endBeyondProbability(input, trace);
  const shown = figure === 'touchProbability' ? odds.touchProbability : odds.endBeyondProbability;
  if (trace.steps.length === 0) trace.note('The price cannot spread over this horizon (σ√T is zero) or the barrier is out of reach, so the chance is all or nothing.');
  // Touching includes ending beyond: the touch figure is never below the ending-beyond one.
  if (shown !== probability) trace.note('Shown: the larger of this and the chance of ending beyond, as touching includes ending beyond.');
  return { figure, ...probabilityRule[figure], steps: trace.steps, notes: trace.notes, value: new Dec(shown) };
}

/** Funding over the holding period: whole payments only, each on the position value at entry. */
function fundingSteps(trace: Working, position: Position): Dec {
  const { carry } = position;
  const hours = trace.given('H', 'holding period in hours', 'hours', carry.holdHours);
  const interval = trace.given('I', 'hours between funding payments', 'hours', carry.fundingIntervalHours);
  const rate = trace.given('r', 'funding rate per 8 hours (positive: longs pay)', 'rate', carry.fundingRate);
  const side = sideOf(trace, position.sign);
  const events = trace.step('n', 'whole funding payments in the period', 'number', floorOf(quotient(hours, interval)), fundingEvents(position, hours));
  const notional = trace.step('N', 'position value at entry', 'money', position.instrument === 'inverse' ? quotient(position.size, position.entry) : product(position.size, position.entry), entryNotional(position));
  return trace.step('F', 'funding paid (negative: received): r ÷ 8 per hour, over n payments of I hours, on N', 'money', product(quotient(rate, new Dec(8)), side, events, interval, notional), fundingOver(position, hours, position.entry, 'events'));
}

/** The fee to open and to close at the entry price, each at its order's rate (named f for taker, f_m for maker). */
function feeSteps(trace: Working, position: Position): Dec {
  const opening = orderRateTerm(trace, position, position.entryOrder);
  const closing = orderRateTerm(trace, position, position.exitOrder);
  const notional = trace.step('N', 'position value at entry', 'money', position.instrument === 'inverse' ? quotient(position.size, position.entry) : product(position.size, position.entry), entryNotional(position));
  const open = trace.step('F₀', `fee to open, a ${position.entryOrder} order: ${trace.nameOf(opening) ?? 'f'} × N`, 'money', product(opening, notional), openFeeOf(position));
  const close = trace.step('F₁', `fee to close at the entry price, a ${position.exitOrder} order: ${trace.nameOf(closing) ?? 'f'} × N`, 'money', product(closing, notional), closeFeeAt(position, position.entry));
  return trace.step('Fees', 'fees to open and close (a maker rebate counts negative)', 'money', sum(open, close), open.plus(close));
}

function carryWorking(position: Position, figure: 'carryFunding' | 'carryFees' | 'carryTotal' | 'carryLiquidationHours'): Derivation | null {
  const trace = new Working();
  const perpetual = position.instrument !== 'loan';
  if (!position.carry.holdGiven && figure !== 'carryLiquidationHours') return null;
  switch (figure) {
    case 'carryFunding':
      if (!perpetual) return null;
      return { figure, rule: 'Funding is paid at each funding time on the position value; over a holding period only whole payments count, and the price is taken as flat.', symbols: 'F = r ÷ 8 × s × ⌊H ÷ I⌋ × I × N', ...recorded(trace, fundingSteps(trace, position)) };
    case 'carryFees':
      return { figure, rule: 'A fee is charged on the position value when opening and again when closing (here at the entry price): the maker fee for a resting limit order, else the taker fee.', symbols: 'Fees = f₀ × N + f₁ × N', ...recorded(trace, feeSteps(trace, position)) };
    case 'carryTotal': {
      const accrual = accrualAt(position, position.carry.holdHours, position.entry);
      const funding = perpetual ? fundingSteps(trace, position) : trace.given('F', 'funding (none on a loan)', 'money', accrual.funding);
      const interest = trace.given('I_b', 'borrow interest over the period', 'money', accrual.borrowInterest);
      const earned = trace.given('Y', 'supply yield over the period', 'money', accrual.supplyYield);
      const fees = feeSteps(trace, position);
      const total = trace.step('T', 'cost of holding: funding + interest − yield + fees', 'money', sum(difference(sum(funding, interest), earned), fees), funding.plus(interest).minus(earned).plus(fees));
      return { figure, rule: 'The cost of holding adds what carry takes (funding, or a loan’s interest less its yield) to the fees, at a flat price.', symbols: 'T = F + I_b − Y + Fees', ...recorded(trace, total) };
    }
    case 'carryLiquidationHours': {
      const hours = carryLiquidationHours(position);
      if (!perpetual || hours === null) return null;
      const interval = trace.given('I', 'hours between funding payments', 'hours', position.carry.fundingIntervalHours);
      const perPayment = trace.given('F₁', 'funding paid at each payment (r ÷ 8 × s × I × N)', 'money', fundingOver(position, interval, position.entry, 'events'));
      const equity = trace.given('Eq', 'equity at entry', 'money', equityAt(position, position.entry));
      const requirement = trace.given('R', 'maintenance requirement at entry', 'money', requirementAt(position, position.entry));
      const headroom = trace.step('D', 'room before liquidation: equity − requirement', 'money', difference(equity, requirement), equity.minus(requirement));
      const payments = trace.step('k', 'payments until the room is used up (rounded up)', 'number', ceilingOf(quotient(headroom, perPayment)), headroom.div(perPayment).ceil());
      trace.step('t', 'hours until carry alone liquidates at a flat price', 'hours', product(payments, interval), hours);
      return { figure, rule: 'At a flat price only funding moves equity; the position is liquidated at the first payment after which equity is at or below the requirement.', symbols: 't = ⌈(Eq − R) ÷ F₁⌉ × I', steps: trace.steps, notes: trace.notes, value: hours };
    }
  }
}

function working(position: Position, figure: WorkedFigure): Derivation | null {
  const trace = new Working();
  switch (figure) {
    case 'liquidationPrice':
      return levelWorking(position, figure, ONE);
    case 'liquidationDistance': {
      const derivation = levelWorking(position, figure, ONE);
      const price = derivation.value;
      if (price === null) return derivation;
      const distance = price.minus(position.entry).div(position.entry);
      const recorder = new Working();
      recorder.given('E', 'entry price', 'entry', position.entry);
      recorder.given('P', 'liquidation price', 'liquidation', price);
      recorder.step('d', 'distance: the move from entry to liquidation, as a fraction of entry', 'rate', quotient(difference(price, position.entry), position.entry), distance);
      return { ...derivation, rule: 'The distance is the move from the entry price to the liquidation price, as a share of the entry price.', symbols: 'd = (P − E) ÷ E', steps: [...derivation.steps, ...recorder.steps.slice(2)], value: distance };
    }
    case 'bankruptcyPrice':
      givens(trace, position);
      return {
        figure,
        rule: 'Bankruptcy is where equity (collateral plus PnL) reaches zero: the collateral is used up.',
        symbols: position.instrument === 'inverse' ? 'C + s·Q·(1/E − 1/P) = 0  ⇒  1/P = 1/E + s·C ÷ Q' : 'C + s·Q·(P − E) = 0  ⇒  P = E − s·C ÷ Q',
        ...recorded(trace, bankruptcyPrice(position, trace)),
      };
    case 'breakEvenPrice':
      givens(trace, position);
      return {
        figure,
        rule: 'Break-even is where the gain pays back the fee to open (on the entry value) and to close (on the value at the exit), each at its order’s rate: the maker fee for a resting limit order, else the taker fee.',
        symbols:
          position.instrument === 'inverse'
            ? 's·Q·(1/E − 1/P) = f₀·Q/E + f₁·Q/P  ⇒  P = E·(1 + s·f₁) ÷ (1 − s·f₀)'
            : 's·Q·(P − E) = f₀·Q·E + f₁·Q·P  ⇒  P = E·(1 + s·f₀) ÷ (1 − s·f₁)',
        ...recorded(trace, breakEvenPrice(position, trace)),
      };
    case 'healthAtEntry':
      givens(trace, position);
      return {
        figure,
        rule: position.instrument === 'loan' ? loanRule.rule.replace('is liquidated where', 'has health') : 'Health is equity divided by the maintenance requirement; 1 is liquidation.',
        symbols: position.instrument === 'loan' ? 'H = V × LT ÷ D' : 'H = (C + PnL) ÷ (N × (mmr + f) − A)',
        ...recorded(trace, healthAt(position, position.entry, trace)),
      };
    case 'amplification':
      givens(trace, position);
      return {
        figure,
        rule: 'Amplification is the position value divided by equity: a 1 % price move changes equity by that many percent.',
        symbols: 'A = N ÷ Eq',
        ...recorded(trace, effectiveLeverageAt(position, position.entry, trace)),
      };
    default: {
      const level = figure.slice('threshold:'.length);
      const parsed = /^\d+(\.\d+)?$/.test(level) ? new Dec(level) : null;
      return parsed === null ? null : levelWorking(position, figure, parsed);
    }
  }
}

function recorded(trace: Working, value: Dec | null): Pick<Derivation, 'steps' | 'notes' | 'value'> {
  return { steps: trace.steps, notes: trace.notes, value };
}

/**
 * The working of one figure for a spec, from the model's own code paths (each function records its steps when
 * handed a recorder). Computed only when asked: `analyze` never records. Null for an invalid spec.
 */
export function deriveFigure(spec: PositionSpec, figure: WorkedFigure): Derivation | null {
  const resolution = resolve(spec);
  if (!resolution.ok) return null;
  switch (figure) {
    case 'touchProbability':
    case 'endBeyondProbability':
      return probabilityWorking(spec, figure);
    case 'carryFunding':
    case 'carryFees':
    case 'carryTotal':
    case 'carryLiquidationHours':
      return carryWorking(resolution.position, figure);
    default:
      return working(resolution.position, figure);
  }
}
