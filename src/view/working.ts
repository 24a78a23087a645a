import { deriveFigure } from '../model/derivation';
import type { Derivation, WorkedFigure } from '../model/derivation';
import { explainDifference } from '../model/differs';
import type { DifferenceSplit } from '../model/differs';
import type { PositionSpec, ValidAnalysis } from '../model/types';
import type { VenuePreset } from '../model/venues';
import type { Dec } from '../model/decimal';
import type { Operation, RecordedStep, StepKind, Term } from '../model/working';
import type { Formatter } from '../config/format';
import { priceText } from './display';
import type { PriceDisplay, PriceKind } from './display';

/*
 * The working of a headline figure as the reader sees it: each model step written three ways (symbols, the
 * reader's numbers, the value), every number through the one display rule, and the whole as copyable text.
 */

/** The headline rows whose figure has a working, by row key (`data-result`). */
export function workedFigureOf(rowKey: string): WorkedFigure | null {
  switch (rowKey) {
    case 'liquidationPrice':
    case 'liquidationDistance':
    case 'bankruptcyPrice':
    case 'breakEvenPrice':
    case 'healthAtEntry':
    case 'amplification':
    case 'touchProbability':
    case 'endBeyondProbability':
    case 'carryFunding':
    case 'carryFees':
    case 'carryTotal':
    case 'carryLiquidationHours':
      return rowKey;
    default:
      return rowKey.startsWith('thresholdPrice-') ? `threshold:${rowKey.slice('thresholdPrice-'.length)}` : null;
  }
}

export interface WorkingLine {
  symbol: string;
  words: string;
  /** The formula in symbols; null for a given value. */
  formula: string | null;
  /** The same formula with the reader's numbers; null for a given value. */
  substituted: string | null;
  /** The value, as the page writes it. */
  value: string;
}

export interface WorkingView {
  title: string;
  rule: string;
  symbols: string;
  /** Inputs first, then the model's steps in the order it computed them. */
  given: WorkingLine[];
  steps: WorkingLine[];
  notes: string[];
  convention: string;
  /** Where the venue's figures come from; null for custom parameters. */
  source: string | null;
  /** Everything above as plain text, for the Copy button. */
  text: string;
}

export interface WorkingContext {
  tick: string;
  venue: VenuePreset | undefined;
}

const priceKinds: ReadonlySet<StepKind> = new Set<StepKind>(['price', 'liquidation', 'bankruptcy', 'breakEven', 'threshold', 'entry']);

function isPriceKind(kind: StepKind): kind is PriceKind {
  return priceKinds.has(kind);
}

/** A number with about eight significant digits: intermediate quantities have no unit rule of their own. */
function significant(value: Dec, format: Formatter): string {
  const number = value.toNumber();
  if (number === 0 || !Number.isFinite(number)) return format.number(number);
  const digits = Math.max(0, Math.min(12, 7 - Math.floor(Math.log10(Math.abs(number)))));
  return format.number(number, { digits });
}

function numberText(kind: StepKind, value: Dec, display: PriceDisplay, format: Formatter): string {
  if (isPriceKind(kind)) return priceText(kind, value.toString(), display, format);
  switch (kind) {
    case 'rate':
      return format.percent(value.toString(), { digits: 4 });
    case 'probability':
      return format.percent(value.toString());
    case 'times':
      return format.times(value.toString());
    case 'hours':
      return `${significant(value, format)} h`;
    default:
      return significant(value, format);
  }
}

const precedence: Record<Operation, number> = { sum: 1, difference: 1, product: 2, quotient: 2, squareRoot: 3, naturalLog: 3, exponential: 3, normalCdf: 3, floor: 3, ceiling: 3, maximum: 3 };
const calls: Partial<Record<Operation, [string, string]>> = { squareRoot: ['√(', ')'], naturalLog: ['ln(', ')'], exponential: ['exp(', ')'], normalCdf: ['N(', ')'], floor: ['⌊', '⌋'], ceiling: ['⌈', '⌉'], maximum: ['max(', ')'] };

/** A formula in infix with the fewest brackets; `leaf` writes a symbol or a number. */
function infix(term: Term, leaf: (term: Exclude<Term, { operation: Operation }>) => string, outer = 0): string {
  if (!('operation' in term)) return leaf(term);
  const own = precedence[term.operation];
  const call = calls[term.operation];
  const parts = term.terms;
  let text: string;
  if (call !== undefined) text = `${call[0]}${parts.map((part) => infix(part, leaf)).join(', ')}${call[1]}`;
  else if (term.operation === 'sum') text = parts.map((part) => infix(part, leaf, 1)).join(' + ');
  else if (term.operation === 'product') text = parts.map((part) => infix(part, leaf, 2)).join(' × ');
  else {
    const [left, right] = parts;
    const sign = term.operation === 'difference' ? ' − ' : ' ÷ ';
    text = `${left === undefined ? '' : infix(left, leaf, own)}${sign}${right === undefined ? '' : infix(right, leaf, own + 1)}`;
  }
  return own < outer ? `(${text})` : text;
}

function symbolsIn(term: Term | null, into: Set<string>): Set<string> {
  if (term === null) return into;
  if ('symbol' in term) into.add(term.symbol);
  else if ('operation' in term) for (const inner of term.terms) symbolsIn(inner, into);
  return into;
}

const titles: Record<string, string> = {
  liquidationPrice: 'Liquidation price',
  liquidationDistance: 'Distance to liquidation',
  bankruptcyPrice: 'Bankruptcy price',
  breakEvenPrice: 'Break-even price',
  healthAtEntry: 'Health at entry',
  amplification: 'Amplification',
  touchProbability: 'Chance of touching the liquidation price',
  endBeyondProbability: 'Chance of ending beyond the liquidation price',
  carryFunding: 'Funding over the holding period',
  carryFees: 'Fees to open and close',
  carryTotal: 'Total cost of holding',
  carryLiquidationHours: 'Time until carry alone liquidates',
};

/** The final price's kind, so the last step is written exactly as its card is. */
function finalKind(figure: WorkedFigure): StepKind | null {
  switch (figure) {
    case 'liquidationPrice':
      return 'liquidation';
    case 'bankruptcyPrice':
      return 'bankruptcy';
    case 'breakEvenPrice':
      return 'breakEven';
    default:
      return figure.startsWith('threshold:') ? 'threshold' : null;
  }
}

function lineOf(step: RecordedStep, kinds: ReadonlyMap<string, StepKind>, display: PriceDisplay, format: Formatter, kind: StepKind = step.kind): WorkingLine {
  const write = (value: Dec, of: StepKind): string => {
    const text = numberText(of, value, display, format);
    return text.startsWith('-') || text.startsWith('−') ? `(${text})` : text;
  };
  return {
    symbol: step.symbol,
    words: step.words,
    formula: step.formula === null ? null : infix(step.formula, (leaf) => ('symbol' in leaf ? leaf.symbol : write(leaf.literal, 'number'))),
    substituted: step.formula === null ? null : infix(step.formula, (leaf) => ('symbol' in leaf ? write(leaf.value, kinds.get(leaf.symbol) ?? 'number') : write(leaf.literal, 'number'))),
    value: numberText(kind, step.value, display, format),
  };
}

function lineText(line: WorkingLine): string {
  const parts = [line.symbol, line.formula, line.substituted, line.value].filter((part): part is string => part !== null);
  return `${parts.join(' = ')}  (${line.words})`;
}

function sourceText(venue: VenuePreset | undefined): string | null {
  if (venue === undefined || venue.id === 'custom') return null;
  return `${venue.label}: ${venue.source}, as of ${venue.asOf} (${venue.sourceUrl})`;
}

/** Lays out a derivation for the panel; `shown` is the figure as its card writes it (the last step's value). */
export function workingLayout(derivation: Derivation, analysis: ValidAnalysis, context: WorkingContext, format: Formatter, shown: string): WorkingView {
  const display: PriceDisplay = { tick: context.tick, side: analysis.side };
  const kinds = new Map(derivation.steps.map((step) => [step.symbol, step.kind]));
  const used = new Set<string>();
  for (const step of derivation.steps) symbolsIn(step.formula, used);
  const given = derivation.steps.filter((step) => step.formula === null && used.has(step.symbol)).map((step) => lineOf(step, kinds, display, format));
  const computed = derivation.steps.filter((step) => step.formula !== null);
  const last = computed.length - 1;
  const steps = computed.map((step, index) => {
    const line = lineOf(step, kinds, display, format, index === last ? (finalKind(derivation.figure) ?? step.kind) : step.kind);
    return index === last ? { ...line, value: shown } : line;
  });
  const title = titles[derivation.figure] ?? `Price at health ${derivation.figure.slice('threshold:'.length)}`;
  const source = sourceText(context.venue);
  const text = [
    `${title}: how it is worked out`,
    derivation.rule,
    derivation.symbols,
    ...given.map((line) => `${line.symbol} = ${line.value}  (${line.words})`),
    ...steps.map(lineText),
    ...derivation.notes,
    `Convention: ${analysis.convention}`,
    ...(source === null ? [] : [`Source: ${source}`]),
  ].join('\n');
  return { title, rule: derivation.rule, symbols: derivation.symbols, given, steps, notes: derivation.notes, convention: analysis.convention, source, text };
}

/** The working of one headline row; null when the row has none or the spec does not resolve. Computed on demand. */
export function workingView(spec: PositionSpec, analysis: ValidAnalysis, rowKey: string, context: WorkingContext, format: Formatter, shown: string): WorkingView | null {
  const figure = workedFigureOf(rowKey);
  if (figure === null) return null;
  const derivation = deriveFigure(spec, figure);
  return derivation === null || derivation.value === null ? null : workingLayout(derivation, analysis, context, format, shown);
}

export interface DifferenceLine {
  key: string;
  label: string;
  /** The amount in price units, signed, as the display rule writes prices. */
  amount: string;
  /** Its share of the whole difference. */
  share: string;
}

export type DifferenceView =
  | { ok: false; message: string }
  | { ok: true; model: string; reader: string; gap: string; lines: DifferenceLine[]; unexplained: string; summary: string };

function signedPrice(value: Dec, display: PriceDisplay, format: Formatter): string {
  const text = priceText('price', value.abs().toString(), display, format);
  return `${value.isNegative() ? '−' : '+'}${text}`;
}

/** The reader's figure split into conventions, written for the panel. */
export function differenceView(split: DifferenceSplit, analysis: ValidAnalysis, tick: string, format: Formatter): DifferenceView {
  if (!split.ok) return split;
  const display: PriceDisplay = { tick, side: analysis.side };
  const share = (value: Dec): string => (split.gap.isZero() ? '—' : format.percent(value.div(split.gap).toNumber(), { digits: 0 }));
  const lines = split.terms.map((term) => ({ key: term.key, label: term.label, amount: signedPrice(term.explains, display, format), share: share(term.explains) }));
  const unexplained = signedPrice(split.unexplained, display, format);
  const gap = signedPrice(split.gap, display, format);
  const summary = split.gap.isZero()
    ? 'Your figure is the model’s: nothing to explain.'
    : lines.length === 0
      ? `No convention the model knows explains the difference of ${gap}.`
      : `${lines.map((line) => `${line.label}: ${line.amount} (${line.share})`).join('; ')}. Unexplained: ${unexplained}.`;
  return { ok: true, model: priceText('liquidation', split.model.toString(), display, format), reader: priceText('price', split.reader.toString(), display, format), gap, lines, unexplained, summary };
}

/** Why the reader's liquidation price differs from the model's: recomputed by the model, written for the panel. */
export function readerDifference(spec: PositionSpec, analysis: ValidAnalysis, readerText: string, context: WorkingContext, format: Formatter): DifferenceView {
  return differenceView(explainDifference(spec, readerText.trim(), { tick: context.venue?.tick ?? null }), analysis, context.tick, format);
}
