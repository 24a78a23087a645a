import { useCallback, useEffect, useRef, useState } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';
import type { FieldDefinition } from '../config/schema';
import { useDraftValue } from '../store/useSettled';
import { useFormatter } from '../store/format';
import { describedBy, FieldFrame, useFrameIds } from './Field';
import type { FieldStatus } from './Field';
import { leverageTicks, leverageToSlider, SLIDER_STEPS, sliderToLeverage, stepLeverage } from './leverageScale';

export interface LeverageControlProps extends FieldStatus {
  field: FieldDefinition;
  /** The text in the number box (typed, or the worked-out figure when read-only). */
  value: string;
  /** Slider ceiling (venue or loan maximum). */
  max: number;
  readOnly: boolean;
  onChange: (value: string) => void;
}

const keySteps: Record<string, { direction: 1 | -1; rungs: number }> = {
  ArrowUp: { direction: 1, rungs: 1 },
  ArrowRight: { direction: 1, rungs: 1 },
  ArrowDown: { direction: -1, rungs: 1 },
  ArrowLeft: { direction: -1, rungs: 1 },
  PageUp: { direction: 1, rungs: 5 },
  PageDown: { direction: -1, rungs: 5 },
};

/** A tick's place along the slider, through the CSSOM: a style attribute is blocked by a strict style-src (and would be in server HTML). */
function placeTick(node: HTMLSpanElement | null, fraction: number): void {
  if (node !== null) node.style.left = `${String(fraction * 100)}%`;
}

/** How long after the last step (key released, pointer lifted) the slider still counts as steered. */
const STEERING_SETTLE_MS = 1000;

/**
 * Whether the reader is steering the slider: from a step or a press until a second after the last release. While
 * it is, the page lets the browser skip rendering the groups below the chart that are off screen (app.css), so a
 * held key or a drag re-lays out and repaints only what can be seen. The flag lives on the slider's own element.
 */
function useSteering(): { steering: boolean; start: () => void; settle: () => void } {
  const [steering, setSteering] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const clear = (): void => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
  };
  useEffect(() => clear, []);
  const start = useCallback(() => {
    clear();
    setSteering(true);
  }, []);
  const settle = useCallback(() => {
    clear();
    timer.current = setTimeout(() => {
      timer.current = null;
      setSteering(false);
    }, STEERING_SETTLE_MS);
  }, []);
  return { steering, start, settle };
}

/** Number box and log-scaled slider over one value: whichever is used writes the same input. */
export function LeverageControl({ field, value: stored, max, readOnly, onChange, ...status }: LeverageControlProps): ReactNode {
  const ids = useFrameIds();
  const format = useFormatter();
  // Slider steps show at once and reach the store a task later; typing writes at once.
  const { shown: value, set: slideTo, setNow: typeValue } = useDraftValue(stored, onChange);
  const typed = Number(value.trim() === '' ? NaN : value);
  const position = leverageToSlider(typed, max);
  const current = Number.isFinite(typed) ? typed : sliderToLeverage(position, max);
  // A typed figure far outside the scale is described, not spelled out digit by digit.
  const valueText = !Number.isFinite(typed) ? 'not set' : typed > max ? `above the ${format.times(max)} maximum` : format.times(typed);
  const { steering, start: startSteering, settle: settleSteering } = useSteering();

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    const step = keySteps[event.key];
    let next: number | null = null;
    if (step !== undefined) next = stepLeverage(current, step.direction, max, step.rungs);
    else if (event.key === 'Home') next = 1;
    else if (event.key === 'End') next = max;
    if (next === null) return;
    // The browser's own step would move one of 1000 log positions, often too little to change the rounded value.
    event.preventDefault();
    startSteering();
    slideTo(String(next));
  };

  return (
    <FieldFrame field={field} ids={ids} status={status}>
      <div className="lev-field__control">
        <input
          id={ids.inputId}
          type="text"
          inputMode="decimal"
          className={`lev-input lev-input--short${readOnly ? ' lev-input--derived' : ''}`}
          value={value}
          readOnly={readOnly}
          aria-invalid={status.error !== undefined}
          aria-describedby={describedBy(ids, status)}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => typeValue(event.target.value)}
        />
        <span className="lev-unit" aria-hidden="true">
          ×
        </span>
      </div>
      <div className="lev-slider" data-steering={steering ? '' : undefined}>
        <input
          type="range"
          className="lev-slider__input"
          min={0}
          max={SLIDER_STEPS}
          step={1}
          value={position}
          disabled={readOnly}
          aria-label="Leverage slider"
          aria-valuetext={valueText}
          onKeyDown={onKeyDown}
          onKeyUp={settleSteering}
          onPointerDown={startSteering}
          onPointerUp={settleSteering}
          onPointerCancel={settleSteering}
          onBlur={settleSteering}
          onChange={(event) => slideTo(String(sliderToLeverage(Number(event.target.value), max)))}
        />
        <div className="lev-slider__scale" aria-hidden="true">
          {leverageTicks(max).map((tick) => (
            <span key={tick.leverage} className="lev-slider__tick" ref={(node) => placeTick(node, tick.fraction)}>
              {format.times(tick.leverage)}
            </span>
          ))}
        </div>
      </div>
    </FieldFrame>
  );
}
