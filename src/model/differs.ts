import { Dec, readDecimal } from './decimal';
import { analyze } from './analyze';
import { roundToTick } from './companions';
import type { PositionSpec, ValidAnalysis } from './types';

/*
 * Why my number differs: the reader's exchange shows another liquidation price. Each convention the venue may use
 * differently is one entry of `conventionTerms`; the model is recomputed with conventions switched, one at a time,
 * and the switch that brings its figure closest to the reader's is kept, until no switch helps. Each kept switch
 * explains the change it made; what is left is unexplained. A new convention is one more entry in the list.
 */

/** What the model is recomputed from: a spec, and whether the figure is then rounded to a tick. */
export interface RecomputeState {
  spec: PositionSpec;
  tick: string | null;
  /** Read the liquidation price after the holding period's funding instead of at opening. */
  afterHold: boolean;
  /** Read it in last-price terms (the mark–last spread) instead of on the mark. */
  lastPrice: boolean;
}

export interface ConventionTerm {
  key: string;
  /** What is switched, in words (shown next to the amount it explains). */
  label: (analysis: ValidAnalysis, state: RecomputeState) => string;
  /** The state with this convention switched; null when it does not apply to this position. */
  switched: (state: RecomputeState, analysis: ValidAnalysis, options: DifferenceOptions) => RecomputeState | null;
}

export interface DifferenceOptions {
  /** The venue's price tick: the exchange may show its figure rounded to it. */
  tick?: string | null;
}

const hasFee = (analysis: ValidAnalysis): boolean => Number(analysis.openFee) > 0;
const feeCounted = (spec: PositionSpec): boolean => spec.closeFeeInLiquidation === true || spec.closeFeeInLiquidation === 'true';

/** The spec with one flat bracket instead of a table. */
function withOneBracket(spec: PositionSpec, mmr: string, mmAmount: string): PositionSpec {
  const flat: PositionSpec = { mmr, mmAmount };
  for (const [key, value] of Object.entries(spec)) if (key !== 'tiers' && key !== 'mmr' && key !== 'mmAmount') Object.assign(flat, { [key]: value });
  return flat;
}

/** The conventions a venue's liquidation price may differ by. Order only breaks ties. */
export const conventionTerms: readonly ConventionTerm[] = [
  {
    key: 'mmBasis',
    label: (analysis) => (analysis.mmBasis === 'mark' ? 'Maintenance measured on entry value instead of at the liquidation price' : 'Maintenance measured at the liquidation price instead of on entry value'),
    switched: (state, analysis) => (analysis.instrument === 'loan' ? null : { ...state, spec: { ...state.spec, mmBasis: analysis.mmBasis === 'mark' ? 'entry' : 'mark' } }),
  },
  {
    key: 'bracket',
    label: (analysis) => `Bracket ${(analysis.entryTier?.index ?? 0) + 1} (the one at entry value) for the whole position`,
    switched: (state, analysis) => {
      const tier = analysis.entryTier;
      if (tier === null || analysis.appliedTier === null || tier.index === analysis.appliedTier.index) return null;
      return { ...state, spec: withOneBracket(state.spec, tier.mmr, tier.mmAmount) };
    },
  },
  {
    key: 'closeFeeInLiquidation',
    label: (_analysis, state) => (feeCounted(state.spec) ? 'The fee to close counted in the liquidation condition' : 'The fee to close left out of the liquidation condition'),
    switched: (state, analysis) => {
      if (analysis.instrument === 'loan' || !hasFee(analysis)) return null;
      return { ...state, spec: { ...state.spec, closeFeeInLiquidation: !feeCounted(state.spec) } };
    },
  },
  {
    key: 'funding',
    label: (analysis) => `Funding paid since opening (${analysis.carry?.hours ?? '0'} hours of the holding period)`,
    switched: (state, analysis) => {
      if (analysis.instrument === 'loan' || analysis.carry === null || Number(analysis.carry.funding) === 0) return null;
      return state.afterHold ? null : { ...state, afterHold: true };
    },
  },
  {
    key: 'markSpread',
    label: (analysis) => `The last price instead of the mark (spread ${analysis.lastPriceLiquidation?.spread ?? '0'})`,
    switched: (state, analysis) => (state.lastPrice || analysis.lastPriceLiquidation === null || Number(analysis.lastPriceLiquidation.spread) === 0 ? null : { ...state, lastPrice: true }),
  },
  {
    key: 'tick',
    label: (_analysis, state) => `Rounded to the price tick ${state.tick ?? ''}`.trim(),
    switched: (state, _analysis, options) => (options.tick === undefined || options.tick === null || state.tick !== null ? null : { ...state, tick: options.tick }),
  },
];

/** The liquidation price of a recomputed state, rounded to the tick when the state says so. */
function figureOf(state: RecomputeState): { analysis: ValidAnalysis; figure: Dec } | null {
  const analysis = analyze(state.spec);
  if (!analysis.valid) return null;
  const onMark = state.afterHold ? analysis.liquidationPriceAfterHold : analysis.liquidationPrice;
  const last = analysis.lastPriceLiquidation;
  if (onMark === null) return null;
  // The spread scales the mark-price level: last = mark × (1 + spread), wherever the mark level is.
  const raw = state.lastPrice && last !== null ? new Dec(onMark).mul(last.lastPrice).div(last.markPrice).toString() : onMark;
  const rounded = state.tick === null ? raw : roundToTick(raw, state.tick, 'nearest');
  return rounded === null ? null : { analysis, figure: new Dec(rounded) };
}

export interface ExplainedTerm {
  key: string;
  label: string;
  /** The figure once this convention is switched too (after the terms before it). */
  figure: Dec;
  /** How much of the gap this switch closes (signed, in price units: figure − the figure before it). */
  explains: Dec;
}

export type DifferenceSplit =
  | { ok: false; message: string }
  | {
      ok: true;
      model: Dec;
      reader: Dec;
      /** reader − model */
      gap: Dec;
      terms: ExplainedTerm[];
      /** Conventions tried that did not bring the figure closer (or do not apply), by key. */
      tried: string[];
      /** reader − the figure after every kept switch. */
      unexplained: Dec;
    };

/** Two figures this close (relative) are the same number written with different digits. */
const SAME = new Dec('1e-12');

/** Splits the difference between the model's liquidation price and the reader's into conventions. Never throws. */
export function explainDifference(spec: PositionSpec, readerFigure: unknown, options: DifferenceOptions = {}): DifferenceSplit {
  const reading = readDecimal(readerFigure);
  if (!reading.ok || reading.value.lte(0)) return { ok: false, message: 'Type the liquidation price your exchange shows: a positive number with a decimal point.' };
  const reader = reading.value;
  let state: RecomputeState = { spec, tick: null, afterHold: false, lastPrice: false };
  const start = figureOf(state);
  if (start === null) return { ok: false, message: 'This position has no liquidation price to compare with.' };
  const model = start.figure;
  let current = start;
  const terms: ExplainedTerm[] = [];
  const remaining = new Set(conventionTerms.map((term) => term.key));
  const close = (figure: Dec): Dec => reader.minus(figure).abs();
  for (;;) {
    let best: { term: ConventionTerm; state: RecomputeState; result: { analysis: ValidAnalysis; figure: Dec } } | null = null;
    for (const term of conventionTerms) {
      if (!remaining.has(term.key)) continue;
      const next = term.switched(state, current.analysis, options);
      const result = next === null ? null : figureOf(next);
      if (next === null || result === null) continue;
      const improves = close(result.figure).lt(close(current.figure).minus(reader.mul(SAME)));
      if (improves && (best === null || close(result.figure).lt(close(best.result.figure)))) best = { term, state: next, result };
    }
    if (best === null) break;
    terms.push({ key: best.term.key, label: best.term.label(current.analysis, best.state), figure: best.result.figure, explains: best.result.figure.minus(current.figure) });
    remaining.delete(best.term.key);
    state = best.state;
    current = best.result;
  }
  return { ok: true, model, reader, gap: reader.minus(model), terms, tried: [...remaining], unexplained: reader.minus(current.figure) };
}
