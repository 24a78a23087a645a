import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent, ReactNode, RefObject } from 'react';
import type { Inputs } from '../config/schema';
import { useCalculatorStore, useCalculator } from '../store/context';
import { useFormatter } from '../store/format';
import type { DerivedView } from '../view/derive';
import { presenterAction, presenterCaption } from '../view/presenter';
import { headlineRows, keyFigureKeys, readingContext } from '../view/readings';

/** Elements that read the arrow keys themselves: the chart surface (it moves the reading), tabs, fields, sliders. */
function takesArrows(target: EventTarget): boolean {
  if (!(target instanceof Element)) return false;
  if (target.closest('input, select, textarea, [role="tab"], [role="slider"], [role="application"]') !== null) return true;
  return false;
}

export interface Presenter {
  presenting: boolean;
  open: () => void;
  close: () => void;
  /** The step shown: 0 is the position as it was when the view opened, then each saved scenario. */
  step: number;
  names: readonly string[];
  onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
}

/**
 * The presenter view of one chart panel: the panel goes full screen (the Fullscreen API where the page allows it, a
 * fixed layer over the whole viewport otherwise), and the keys step through the position and its saved scenarios.
 * Leaving restores the inputs the panel had when the view opened and gives the focus back to the Present button.
 */
export function usePresenter(rootRef: RefObject<HTMLElement | null>, buttonRef: RefObject<HTMLButtonElement | null>): Presenter {
  const store = useCalculatorStore();
  const scenarios = useCalculator((state) => state.scenarios);
  // The inputs to restore on leaving; the state says whether the view is open.
  const openedWith = useRef<Inputs | null>(null);
  const [presenting, setPresenting] = useState(false);
  const [step, setStep] = useState(0);
  const names = useMemo(() => ['Your position', ...scenarios.map((scenario) => scenario.name)], [scenarios]);

  const close = useCallback(() => {
    const inputs = openedWith.current;
    openedWith.current = null;
    if (inputs !== null) store.getState().setInputs(inputs);
    setPresenting(false);
    setStep(0);
    const root = rootRef.current;
    if (root !== null && root.ownerDocument.fullscreenElement === root) root.ownerDocument.exitFullscreen().catch(() => undefined);
  }, [store, rootRef]);

  const open = useCallback(() => {
    openedWith.current = store.getState().inputs;
    setPresenting(true);
    setStep(0);
    const root = rootRef.current;
    // Refused in an iframe without allow="fullscreen" or by the browser: the fixed layer alone is the fallback.
    if (root !== null && typeof root.requestFullscreen === 'function') root.requestFullscreen().catch(() => undefined);
  }, [store, rootRef]);

  // Back to the button that opened the view once it is rendered again.
  const wasPresenting = useRef(false);
  useEffect(() => {
    if (wasPresenting.current && !presenting) buttonRef.current?.focus();
    wasPresenting.current = presenting;
  }, [presenting, buttonRef]);

  // Esc in full screen is the browser's: it leaves full screen without a key event, so the view closes with it.
  useEffect(() => {
    const root = rootRef.current;
    if (!presenting || root === null) return undefined;
    const document = root.ownerDocument;
    let wasFullscreen = false;
    const onChange = (): void => {
      if (document.fullscreenElement === root) wasFullscreen = true;
      else if (wasFullscreen) close();
    };
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, [presenting, rootRef, close]);

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      const inputs = openedWith.current;
      if (inputs === null) return;
      const action = presenterAction({ key: event.key, arrowsTaken: takesArrows(event.target) }, step, names.length);
      if (action.kind === 'none') return;
      event.preventDefault();
      if (action.kind === 'leave') {
        close();
        return;
      }
      const scenario = action.to === 0 ? null : scenarios[action.to - 1];
      store.getState().setInputs(scenario?.inputs ?? inputs);
      setStep(action.to);
    },
    [step, names.length, scenarios, store, close],
  );

  return { presenting, open, close, step, names, onKeyDown };
}

/**
 * The bar at the top of the presenter view: which step is shown, the key figures in large type (the same rows as the
 * headline, from the model), and the keys. It takes the focus when the view opens, so the keys work at once.
 */
export function PresenterBar({ presenter, derived }: { presenter: Presenter; derived: DerivedView }): ReactNode {
  const format = useFormatter();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const { shown, venue, tick } = derived;
  const rows = useMemo(() => (shown === null ? [] : headlineRows(shown, readingContext(venue, tick), format).filter((row) => keyFigureKeys.has(row.key))), [shown, venue, tick, format]);
  const steps = presenter.names.length;
  return (
    <div className="lev-presenter-bar">
      <div className="lev-presenter-head">
        <h2 ref={headingRef} tabIndex={-1} className="lev-presenter-title" aria-live="polite">
          {presenterCaption(presenter.names, presenter.step)}
        </h2>
        <p className="lev-presenter-keys">
          {steps > 1 ? 'Page Down or → for the next scenario, Page Up or ← for the previous; ' : 'Save scenarios to step through them here; '}
          Esc leaves.
        </p>
        <button type="button" className="lev-tool" onClick={presenter.close}>
          Leave presenter view
        </button>
      </div>
      <dl className="lev-presenter-figures">
        {rows.map((row) => (
          <div key={row.key} className="lev-presenter-figure">
            <dt>{row.label}</dt>
            <dd>
              {row.value}
              {row.unit === '' ? '' : ` ${row.unit}`}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
