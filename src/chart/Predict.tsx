import { useCallback, useId, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { roundToTick } from '../model/companions';
import { guessError } from '../model/predict';
import type { ValidAnalysis } from '../model/types';
import { useCalculator } from '../store/context';
import type { PredictState } from '../store/calculatorStore';
import { useFormatter } from '../store/format';
import { priceText } from '../view/display';
import type { EquityPlan } from './plan';
import { usePlot } from './plot';
import { PriceHandle } from './PriceHandle';
import type { MovablePrice } from './PriceHandle';
import { colors } from './series';

/**
 * The plan with the answer taken out: no liquidation, bankruptcy or health markers, no liquidated or warning zone,
 * and the curves only on the winning side of the entry — where a curve ends would give the liquidation away. The
 * axes stay those of the whole plan (the caller passes its value range), so nothing jumps when the answer appears.
 */
export function withoutAnswer(plan: EquityPlan, analysis: ValidAnalysis): EquityPlan {
  const entry = Number(analysis.entry);
  const winning = analysis.side === 'long' ? (price: number) => price >= entry : (price: number) => price <= entry;
  return {
    ...plan,
    markers: plan.markers.filter((marker) => marker.kind === 'entry' || marker.kind === 'breakEven'),
    zones: { ...plan.zones, liquidated: null, warning: null },
    rows: plan.rows.filter((row) => winning(row.price)),
    notes: ['The losing side of the chart is hidden until you reveal your guess.'],
  };
}

/** One keyboard step of the guess: a thousandth of the entry, in whole ticks (as the toolbox's exit handle moves). */
function stepOf(entry: number, tick: string): number {
  const size = Number(tick);
  return Math.max(size, Math.round((entry * 0.001) / size) * size);
}

interface GuessHandleProps {
  analysis: ValidAnalysis;
  tick: string;
  predict: PredictState;
  setGuess: (price: number) => void;
}

/** The guess on the chart: a dashed line with its label and a handle to drag or step; after the reveal, just the line. */
export function GuessLayer({ analysis, tick, predict, setGuess }: GuessHandleProps): ReactNode {
  const plot = usePlot();
  const format = useFormatter();
  const entry = Number(analysis.entry);
  // Before the first move the handle waits at the entry, where every guess starts from.
  const price = predict.guess ?? entry;
  const place = useCallback(
    (value: number) => {
      const text = roundToTick(value.toPrecision(15), tick);
      if (text !== null && Number(text) > 0) setGuess(Number(text));
    },
    [tick, setGuess],
  );
  const step = stepOf(entry, tick);
  const label = format.price(price, tick);
  const handle = useMemo<MovablePrice>(() => ({ price, label, onDrag: place, onStep: (direction) => place(price + direction * step) }), [price, label, place, step]);
  if (plot === null) return null;
  const x = plot.toX(price);
  const placed = predict.guess !== null;
  return (
    <g className="lev-guess">
      {placed && x !== undefined && Number.isFinite(x) ? (
        <>
          <line x1={x} x2={x} y1={plot.area.y} y2={plot.area.y + plot.area.height} stroke={colors.text} strokeWidth={2} strokeDasharray="8 4" />
          <text x={x + 6} y={plot.area.y + 14} fill={colors.text} fontSize={11} fontWeight={600}>
            Your guess {label}
          </text>
        </>
      ) : null}
      {predict.revealed ? null : <PriceHandle handle={handle} name="Your guess of the liquidation price: drag, or use the arrow keys" color={colors.text} className="lev-guess-handle" />}
    </g>
  );
}

/**
 * The lesson's bar above the chart: before the reveal, what to do, a field for the guess (the keyboard- and
 * screen-reader-friendly way to place it) and Reveal; after it, the answer, how far off the guess was, and Guess again.
 */
export function PredictBar({ analysis, tick, unit }: { analysis: ValidAnalysis; tick: string; unit: string }): ReactNode {
  const predict = useCalculator((state) => state.predict);
  const setGuess = useCalculator((state) => state.setGuess);
  const reveal = useCalculator((state) => state.reveal);
  const guessAgain = useCalculator((state) => state.guessAgain);
  const format = useFormatter();
  const fieldId = useId();
  // What the reader typed, shown until the guess is moved another way (the handle), then the field follows the guess.
  const [typed, setTyped] = useState<{ text: string; problem: string | null; guess: number | null } | null>(null);
  if (predict === null) return null;
  const display = { tick, side: analysis.side };
  const shownGuess = predict.guess === null ? '' : String(predict.guess);
  const onType = (text: string): void => {
    const value = Number(text.trim());
    const problem = text.trim() === '' ? null : Number.isFinite(value) && value > 0 ? null : 'Enter a price above zero, like 48000.';
    const placed = problem === null && text.trim() !== '';
    if (placed) setGuess(value);
    setTyped({ text, problem, guess: placed ? value : predict.guess });
  };
  if (!predict.revealed) {
    const problem = typed !== null && typed.guess === predict.guess ? typed.problem : null;
    return (
      <section className="lev-predict" aria-label="Predict, then reveal">
        <p className="lev-predict-ask">
          <strong>Predict:</strong> at what price will this {analysis.side} be liquidated? Drag the guess line on the chart, or type your guess.
        </p>
        <div className="lev-predict-row">
          <label htmlFor={fieldId}>Your guess ({unit})</label>
          <input
            id={fieldId}
            className="lev-input"
            inputMode="decimal"
            value={typed !== null && typed.guess === predict.guess ? typed.text : shownGuess}
            onChange={(event) => onType(event.target.value)}
            aria-invalid={problem !== null}
            aria-describedby={problem === null ? undefined : `${fieldId}-problem`}
          />
          <button type="button" className="lev-tool" onClick={reveal} disabled={predict.guess === null}>
            Reveal
          </button>
        </div>
        {problem === null ? null : (
          <p id={`${fieldId}-problem`} className="lev-field__error">
            {problem}
          </p>
        )}
      </section>
    );
  }
  const answer = analysis.liquidationPrice;
  const error = answer === null || predict.guess === null ? null : guessError(analysis.entry, answer, predict.guess);
  const answerText = priceText('liquidation', answer, display, format);
  return (
    <section className="lev-predict lev-predict--revealed" aria-label="Predict, then reveal">
      <p role="status" className="lev-predict-answer">
        {answer === null
          ? 'This position has no liquidation price: nothing the price does closes it.'
          : `Liquidation is at ${answerText} ${unit}. Your guess, ${format.price(predict.guess, tick)} ${unit}, was ${
              error === null
                ? 'not comparable'
                : error.difference === '0'
                  ? 'exactly right'
                  : `off by ${format.price(Math.abs(Number(error.difference)), tick)} ${unit}: ${format.percent(error.shareOfMove)} of the move from entry to liquidation, ${error.early ? 'before' : 'beyond'} the real level`
            }.`}
      </p>
      <button
        type="button"
        className="lev-tool"
        onClick={() => {
          setTyped(null);
          guessAgain();
        }}
      >
        Guess again
      </button>
    </section>
  );
}
