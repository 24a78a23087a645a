import { Dec } from './decimal';

/*
 * Show the working: a step recorder the model's own functions write to when they are handed one (an optional last
 * parameter, `trace?: Working`). Every `trace?.…` call sits next to the line that computes the value, and with no
 * recorder `?.` skips the call and its arguments, so the normal path builds nothing. Each step states its formula as
 * a small expression over earlier steps (found by object identity: a Dec is immutable, so the same object is the
 * same quantity) and the value the model computed; a test re-evaluates every expression and compares.
 */

/** How a step's value follows from its terms. `normalCdf` is the standard normal distribution function N(x). */
export type Operation = 'sum' | 'difference' | 'product' | 'quotient' | 'squareRoot' | 'naturalLog' | 'exponential' | 'normalCdf' | 'floor' | 'ceiling' | 'maximum';

/** A term of a formula: a quantity (named when it was recorded before, else a literal) or an operation on terms. */
export type Expression = Dec | { operation: Operation; terms: readonly Expression[] };

/** What a step's value is, for the display rule: a price of some kind, money, a rate, a multiplier or a plain number. */
export type StepKind = 'price' | 'liquidation' | 'bankruptcy' | 'breakEven' | 'threshold' | 'entry' | 'money' | 'rate' | 'times' | 'number' | 'hours' | 'probability';

export interface WorkingStep {
  /** The quantity's symbol, e.g. `P_liq`. */
  symbol: string;
  /** What it is, in words. */
  words: string;
  kind: StepKind;
  /** Null for a given value (an input or a venue figure). */
  formula: Expression | null;
  value: Dec;
}

/** A term of a recorded formula as the reader sees it: a symbol with its value, a literal number, or an operation. */
export type Term = { symbol: string; value: Dec } | { literal: Dec } | { operation: Operation; terms: readonly Term[] };

export interface RecordedStep {
  symbol: string;
  words: string;
  kind: StepKind;
  formula: Term | null;
  value: Dec;
}

export const sum = (...terms: Expression[]): Expression => ({ operation: 'sum', terms });
export const difference = (minuend: Expression, subtrahend: Expression): Expression => ({ operation: 'difference', terms: [minuend, subtrahend] });
export const product = (...terms: Expression[]): Expression => ({ operation: 'product', terms });
export const quotient = (dividend: Expression, divisor: Expression): Expression => ({ operation: 'quotient', terms: [dividend, divisor] });
export const squareRoot = (term: Expression): Expression => ({ operation: 'squareRoot', terms: [term] });
export const naturalLog = (term: Expression): Expression => ({ operation: 'naturalLog', terms: [term] });
export const exponential = (term: Expression): Expression => ({ operation: 'exponential', terms: [term] });
export const normalCdfOf = (term: Expression): Expression => ({ operation: 'normalCdf', terms: [term] });
export const floorOf = (term: Expression): Expression => ({ operation: 'floor', terms: [term] });
export const ceilingOf = (term: Expression): Expression => ({ operation: 'ceiling', terms: [term] });
export const maximum = (...terms: Expression[]): Expression => ({ operation: 'maximum', terms });

function isDec(expression: Expression): expression is Dec {
  return Dec.isDecimal(expression);
}

/** The recorder. One per derivation; never shared. */
export class Working {
  readonly steps: RecordedStep[] = [];
  /** Notes in words that are not arithmetic: which bracket holds, which branch of a rule applies. */
  readonly notes: string[] = [];
  private readonly names = new Map<Dec, string>();
  private readonly givenValues = new Map<string, Dec>();

  /**
   * An input or venue figure the working starts from. Returns the value, so it can be used inline; a symbol given
   * again with the same value returns the first object (so later formulas still find it by identity).
   */
  given(symbol: string, words: string, kind: StepKind, value: Dec): Dec {
    const earlier = this.givenValues.get(symbol);
    if (earlier !== undefined && earlier.eq(value)) return earlier;
    this.givenValues.set(symbol, value);
    return this.record({ symbol, words, kind, formula: null, value });
  }

  /** A computed quantity: its formula over earlier quantities and the value the model computed for it. */
  step(symbol: string, words: string, kind: StepKind, formula: Expression, value: Dec): Dec {
    return this.record({ symbol, words, kind, formula, value });
  }

  note(text: string): void {
    this.notes.push(text);
  }

  /** The symbol of a recorded quantity (a value recorded twice keeps its first name). */
  nameOf(value: Dec): string | undefined {
    return this.names.get(value);
  }

  private record(step: WorkingStep): Dec {
    this.steps.push({ ...step, formula: step.formula === null ? null : this.resolve(step.formula) });
    if (!this.names.has(step.value)) this.names.set(step.value, step.symbol);
    return step.value;
  }

  private resolve(expression: Expression): Term {
    if (isDec(expression)) {
      const symbol = this.names.get(expression);
      return symbol === undefined ? { literal: expression } : { symbol, value: expression };
    }
    return { operation: expression.operation, terms: expression.terms.map((term) => this.resolve(term)) };
  }
}

/**
 * The standard normal distribution function a reader evaluates N(x) with. Decimal, so that e^(2um)·N(u + m) far in
 * the tail (e^4000 × N(−90)) keeps its value where a double N(x) underflows to 0 (risk.ts works in logs there).
 */
export type NormalCdf = (x: Dec) => Dec;

/** The value a term stands for, as the formula states it (what a reader or a test recomputes). */
export function termValue(term: Term, normalCdf: NormalCdf): Dec | null {
  if ('symbol' in term) return term.value;
  if ('literal' in term) return term.literal;
  const values: Dec[] = [];
  for (const inner of term.terms) {
    const value = termValue(inner, normalCdf);
    if (value === null) return null;
    values.push(value);
  }
  return applyOperation(term.operation, values, normalCdf);
}

function applyOperation(operation: Operation, values: readonly Dec[], normalCdf: NormalCdf): Dec | null {
  const [first, second] = values;
  if (first === undefined) return null;
  switch (operation) {
    case 'sum':
      return values.reduce((total, value) => total.plus(value));
    case 'product':
      return values.reduce((total, value) => total.mul(value));
    case 'difference':
      return second === undefined ? first.neg() : first.minus(second);
    case 'quotient':
      return second === undefined || second.isZero() ? null : first.div(second);
    case 'squareRoot':
      return first.isNegative() ? null : first.sqrt();
    case 'naturalLog':
      return first.lte(0) ? null : first.ln();
    case 'exponential':
      return first.exp();
    case 'normalCdf':
      return normalCdf(first);
    case 'floor':
      return first.floor();
    case 'ceiling':
      return first.ceil();
    case 'maximum':
      return values.reduce((largest, value) => Dec.max(largest, value));
  }
}

/** The side as a number in formulas: s = +1 for a long, −1 for a short. */
export function sideOf(trace: Working, sign: 1 | -1): Dec {
  return trace.given('s', 'side: +1 for a long, −1 for a short', 'number', new Dec(sign));
}

/** The health level a price is solved for, as its own quantity h (1 is liquidation). */
export function levelOf(trace: Working, level: Dec): Dec {
  return trace.given('h', 'health level solved for (1 = liquidation)', 'number', new Dec(level));
}
