import { Dec, ONE } from './decimal';
import { bankruptcyPrice, breakEvenPrice, effectiveLeverageAt, healthAt, priceAtHealth } from './engine';
import { resolve } from './analyze';
import type { Position } from './position';
import type { PositionSpec } from './types';
import { Working, difference, quotient } from './working';
import type { RecordedStep } from './working';

/** The figures whose working the model can show. A health level's price is `threshold:<level>`. */
export type WorkedFigure = 'liquidationPrice' | 'liquidationDistance' | 'bankruptcyPrice' | 'breakEvenPrice' | 'healthAtEntry' | 'amplification' | `threshold:${string}`;

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

/** The inputs every working starts from, named once so later steps refer to them by symbol. */
function givens(trace: Working, position: Position): void {
  const inverse = position.instrument === 'inverse';
  trace.given('E', 'entry price', 'entry', position.entry);
  trace.given('Q', inverse ? 'size (USD face value)' : 'size (base units)', 'number', position.size);
  trace.given('C', position.marginMode === 'cross' ? 'collateral backing the position: wallet − other positions’ maintenance + their PnL' : position.instrument === 'loan' ? 'own funds' : 'collateral (margin)', 'money', position.collateral);
  if (position.instrument === 'loan') {
    if (position.liquidationThreshold !== null) trace.given('LT', 'liquidation threshold', 'rate', position.liquidationThreshold);
    return;
  }
  const tier = position.tiers[0];
  if (position.tiers.length === 1 && tier !== undefined) {
    trace.given('mmr', 'maintenance rate', 'rate', tier.mmr);
    if (!tier.mmAmount.isZero()) trace.given('A', 'maintenance amount', 'money', tier.mmAmount);
  }
  if (!position.feeRate.isZero()) trace.given('f', 'taker fee rate', 'rate', position.feeRate);
}

function levelWorking(position: Position, figure: WorkedFigure, level: Dec): Derivation {
  const trace = new Working();
  givens(trace, position);
  const value = priceAtHealth(position, level, trace);
  const rule = position.instrument === 'loan' ? loanRule : perpetualRule;
  return { figure, rule: level.eq(1) ? rule.rule : `${rule.rule.replace(/reaches 1\.$/, '')}reaches ${level.toString()} (h = ${level.toString()}).`, symbols: rule.symbols, steps: trace.steps, notes: trace.notes, value };
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
        rule: 'Break-even is where the gain pays back the taker fee to open (on the entry value) and to close (on the value at the exit).',
        symbols: 's·Q·(P − E) = f·Q·E + f·Q·P  ⇒  P = E·(1 + s·f) ÷ (1 − s·f)',
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
  return working(resolution.position, figure);
}
