import { useEffect, useId, useMemo, useState, useSyncExternalStore } from 'react';
import type { ReactNode } from 'react';
import { fieldDefinition } from '../config/schema';
import { healthAlong, leveragedTokenPath, simulateFan } from '../model/simulate';
import type { PathShape } from '../model/simulate';
import { useCalculator, useCalculatorStore, useDerived, useInputSetters } from '../store/context';
import { useFormatter } from '../store/format';
import { usePathSpec, usePlayedPath } from '../store/usePlayedPath';
import { toolContext } from '../view/readings';
import {
  clampStep,
  decayText,
  fanSummary,
  INITIAL_CURSOR,
  lastStep,
  pathFigures,
  pathSummary,
  readSeed,
  REDUCED_MOTION_STEP,
  seedFrom,
  SPEEDS,
  STEPS_PER_SECOND,
} from '../view/path';
import type { PathChartsData, PathCursor } from '../view/path';
import { TextField } from './Field';
import './path.css';

/*
 * Play a price path (issue 14): a seeded simulated market over the risk horizon. The step on screen lives in the
 * widget's store (the equity chart draws its dot from it); playing, the speed and the token's leverage are this
 * panel's own state. With prefers-reduced-motion nothing animates: the reader steps through the path instead.
 */

const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';
const TOKEN_LEVERAGES: readonly number[] = [2, 3, 5];
const DEFAULT_TOKEN_LEVERAGE = 3;

const markets: readonly { value: string; label: string; shape: PathShape; jumps: boolean }[] = [
  { value: 'random', label: 'Random walk (GBM)', shape: 'random', jumps: false },
  { value: 'jumps', label: 'Random walk with jumps', shape: 'random', jumps: true },
  { value: 'sideways', label: 'Sideways market (ends where it began)', shape: 'sideways', jumps: false },
];

function marketOf(cursor: PathCursor): string {
  return markets.find((market) => market.shape === cursor.shape && market.jumps === cursor.jumps)?.value ?? 'random';
}

function subscribeMotion(onChange: () => void): () => void {
  if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return () => undefined;
  const query = window.matchMedia(REDUCED_MOTION);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

function reducedMotionNow(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia(REDUCED_MOTION).matches;
}

/** Whether the reader asked for reduced motion (followed live). */
export function useReducedMotion(): boolean {
  return useSyncExternalStore(subscribeMotion, reducedMotionNow, () => false);
}

export interface PathChartsSlotProps {
  data: PathChartsData;
  priceLabel: string;
  tokenLabel: string;
}

export interface PathPanelProps {
  /** The charts (chart layer), handed in by the page: ui and chart never import each other. */
  renderCharts: (props: PathChartsSlotProps) => ReactNode;
}

function LabelledSelect({ label, value, options, onChange }: { label: string; value: string; options: readonly { value: string; label: string }[]; onChange: (value: string) => void }): ReactNode {
  const id = useId();
  return (
    <div className="lev-path-select">
      <label htmlFor={id}>{label}</label>
      <select id={id} className="lev-select" value={value} onChange={(event) => onChange(event.target.value)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function PathPanel({ renderCharts }: PathPanelProps): ReactNode {
  const store = useCalculatorStore();
  const derived = useDerived();
  const format = useFormatter();
  const seedText = useCalculator((state) => state.inputs.seed);
  const setSeed = useInputSetters()('seed');
  const stored = useCalculator((state) => state.path);
  const cursor = stored ?? INITIAL_CURSOR;
  const reducedMotion = useReducedMotion();
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState(1);
  const [tokenLeverage, setTokenLeverage] = useState(DEFAULT_TOKEN_LEVERAGE);
  const stepId = useId();

  // The equity chart draws the dot once the reader starts the path (the first screen stays as it was); gone with the panel.
  useEffect(() => () => store.getState().setPath(null), [store]);

  const spec = usePathSpec(derived.shownSpec);
  const analysis = derived.shown;
  const seedReading = readSeed(seedText);
  const path = usePlayedPath(spec, seedText, cursor);
  const step = path === null ? 0 : clampStep(cursor.step, path);
  const end = path === null ? 0 : lastStep(path);
  const atEnd = step >= end;
  const seed = seedReading.ok ? seedReading.seed : null;
  const fan = useMemo(() => (spec === null || seed === null || cursor.shape !== 'random' ? null : simulateFan(spec, { seed, jumps: cursor.jumps })), [spec, seed, cursor.shape, cursor.jumps]);
  const token = useMemo(() => (path === null ? null : leveragedTokenPath(path.prices, tokenLeverage, path.terms.stepHours)), [path, tokenLeverage]);

  const moveTo = (next: number): void => {
    const current = store.getState().path ?? INITIAL_CURSOR;
    store.getState().setPath({ ...current, step: Math.max(0, Math.min(end, next)) });
  };

  useEffect(() => {
    if (!playing || reducedMotion) return undefined;
    const timer = window.setInterval(
      () => {
        const current = store.getState().path ?? INITIAL_CURSOR;
        if (current.step >= end) {
          setPlaying(false);
          return;
        }
        store.getState().setPath({ ...current, step: current.step + 1 });
      },
      1000 / (STEPS_PER_SECOND * speed),
    );
    return () => window.clearInterval(timer);
  }, [playing, reducedMotion, speed, end, store]);
  const isPlaying = playing && !reducedMotion && !atEnd;

  const context = useMemo(() => toolContext(derived.venue, derived.inputs.instrument, derived.tick), [derived.venue, derived.inputs.instrument, derived.tick]);
  // One object per change of what the charts draw: an input change elsewhere does not redraw 200 paths.
  const chartsData = useMemo<PathChartsData | null>(() => (path === null ? null : { path, step, fan, token, tokenLeverage, quote: context.quote }), [path, step, fan, token, tokenLeverage, context.quote]);
  const point = path?.points[step];
  const health = useMemo(() => (spec === null || point === undefined ? null : healthAlong(spec, point)), [spec, point]);
  const seedError = derived.errors.seed ?? (seedReading.ok ? undefined : seedReading.message);

  const newSeed = (): void => {
    setPlaying(false);
    setSeed(String(seedFrom(Math.random())));
    moveTo(0);
  };
  const chooseMarket = (value: string): void => {
    const market = markets.find((candidate) => candidate.value === value);
    if (market === undefined) return;
    setPlaying(false);
    store.getState().setPath({ step: 0, shape: market.shape, jumps: market.jumps });
  };

  const seedField = <TextField field={fieldDefinition('seed')} value={seedText} onChange={setSeed} error={seedError} />;
  if (analysis === null || path === null || chartsData === null) {
    return (
      <div className="lev-path-panel">
        <p className="lev-path-empty">
          {analysis === null
            ? 'Enter a valid position to play a price path.'
            : seed === null
              ? 'Correct the path seed to play the path.'
              : 'Set a volatility and a horizon above zero (Risk over time) to play a price path over the horizon.'}
        </p>
        {seedField}
      </div>
    );
  }

  const figures = pathFigures(path, step, health, analysis, context, format);
  const summary = pathSummary(path, analysis, context, format);
  const touch = analysis.risk?.liquidation?.touchProbability ?? null;
  const decay = token === null ? null : decayText(tokenLeverage, path, token, format);
  const liquidatedNow = point?.state === 'liquidated';
  const figureRows: readonly [string, string][] = [
    ['Where', figures.position],
    ['Price', figures.price],
    ['Equity', figures.equity],
    ['Health', figures.health],
    ['Carry paid', figures.carry],
    ['Position', figures.state],
  ];
  const status = liquidatedNow ? `Liquidated at step ${point.step}: the position is over.` : atEnd ? 'The path has reached the horizon.' : '';

  return (
    <div className="lev-path-panel">
      <p className="lev-path-intro">
        A simulated market over the {format.number(path.terms.hours / 24, { digits: 2 })}-day horizon at {format.percent(path.terms.volatility, { digits: 0 })} volatility: the dot on the equity chart walks with the price,
        equity pays the funding as it falls due, and a liquidation ends the path. The same seed plays the same path on every machine; Copy link shares it.
      </p>
      <div className="lev-path-controls" role="group" aria-label="Path controls">
        {reducedMotion ? null : (
          <button type="button" className="lev-button" onClick={() => setPlaying(!isPlaying)} disabled={atEnd && !isPlaying}>
            {isPlaying ? 'Pause' : 'Play'}
          </button>
        )}
        <button type="button" className="lev-button" onClick={() => moveTo(step + 1)} disabled={atEnd}>
          Step
        </button>
        {reducedMotion ? (
          <button type="button" className="lev-button" onClick={() => moveTo(step + REDUCED_MOTION_STEP)} disabled={atEnd}>
            Step a day
          </button>
        ) : null}
        <button
          type="button"
          className="lev-button lev-button--quiet"
          onClick={() => {
            setPlaying(false);
            moveTo(0);
          }}
          disabled={step === 0}
        >
          Restart
        </button>
        <button type="button" className="lev-button lev-button--quiet" onClick={newSeed}>
          New seed
        </button>
        {reducedMotion ? null : (
          <LabelledSelect label="Speed" value={String(speed)} options={SPEEDS.map((value) => ({ value: String(value), label: `${format.number(value, { digits: value < 1 ? 1 : 0 })}×` }))} onChange={(value) => setSpeed(Number(value))} />
        )}
        <LabelledSelect label="Market" value={marketOf(cursor)} options={markets} onChange={chooseMarket} />
      </div>
      {reducedMotion ? <p className="lev-path-note">Reduced motion is on: the path does not play by itself; step through it.</p> : null}
      <div className="lev-path-scrub">
        <label htmlFor={stepId}>Time step</label>
        <input id={stepId} type="range" min={0} max={end} step={1} value={step} aria-valuetext={figures.position} onChange={(event) => moveTo(Number(event.target.value))} />
      </div>
      <dl className="lev-path-figures" aria-label="The path at this step">
        {figureRows.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd className={term === 'Position' ? `lev-path-state${liquidatedNow ? ' lev-path-state--liquidated' : ''}` : undefined}>{value}</dd>
          </div>
        ))}
      </dl>
      <p className="lev-visually-hidden" role="status">
        {status}
      </p>
      {renderCharts({ data: chartsData, priceLabel: summary, tokenLabel: decay?.outcome ?? '' })}
      <p className="lev-path-summary">
        <strong>The whole path:</strong> {summary}
      </p>
      {fan === null ? null : <p className="lev-path-fan-summary">{fanSummary(fan, touch, format)}</p>}
      <div className="lev-path-seed">{seedField}</div>
      <h3 className="lev-path-subtitle">Rebalanced leverage decays</h3>
      <LabelledSelect label="Token leverage" value={String(tokenLeverage)} options={TOKEN_LEVERAGES.map((value) => ({ value: String(value), label: `${value}×` }))} onChange={(value) => setTokenLeverage(Number(value))} />
      {decay === null ? null : (
        <>
          <p className="lev-path-decay">{decay.formula}</p>
          <p className="lev-path-decay">
            {decay.outcome}
            {cursor.shape === 'sideways' ? null : (
              <>
                {' '}
                <button type="button" className="lev-button lev-button--quiet" onClick={() => chooseMarket('sideways')}>
                  Show a sideways market
                </button>
              </>
            )}
          </p>
        </>
      )}
    </div>
  );
}
