import { analyze } from '../model/analyze';
import { findVenue } from '../model/venues';
import type { PositionSpec, ValidAnalysis } from '../model/types';
import type { VenuePreset } from '../model/venues';
import { customizedKeys } from '../config/presets';
import { fieldErrors, inputsToSpec, textErrors } from '../config/spec';
import type { InputKey, Inputs } from '../config/schema';
import { displayTick } from './display';

export interface Derived {
  inputs: Inputs;
  spec: PositionSpec;
  /** The analysis of the current inputs, or null when they are invalid. */
  current: ValidAnalysis | null;
  errors: Partial<Record<InputKey, string>>;
  customized: InputKey[];
  venue: VenuePreset | undefined;
  /** The display tick (src/view/display.ts): the venue's, finer when the entry's magnitude needs it. Every price on screen is rounded to it. */
  tick: string;
}

/** The tick of a custom position (no venue). */
export const DEFAULT_TICK = '0.01';

/** Pure derivation of everything the page shows from the raw inputs. */
export function derive(inputs: Inputs): Derived {
  const spec = inputsToSpec(inputs);
  const analysis = analyze(spec);
  const venue = findVenue(inputs.venue);
  // Text the schema cannot read is left out of the spec, so the model alone may call such inputs valid.
  const valid = analysis.valid && Object.keys(textErrors(inputs)).length === 0;
  return {
    inputs,
    spec,
    current: valid && analysis.valid ? analysis : null,
    errors: valid ? {} : fieldErrors(inputs),
    customized: customizedKeys(inputs),
    venue,
    tick: displayTick(venue?.tick ?? DEFAULT_TICK, analysis.valid ? analysis.entry : null, analysis.valid ? analysis.liquidationPrice : null),
  };
}

export interface DerivedView extends Derived {
  /** The analysis to draw: the current one, or the last valid one while inputs are invalid. */
  shown: ValidAnalysis | null;
  /** The spec behind `shown`. */
  shownSpec: PositionSpec | null;
  /** True while invalid inputs are shown with the last valid result. */
  stale: boolean;
}

/**
 * A per-instance memo: recomputes only when the store hands over a new inputs object, and remembers
 * the last valid result so the page can keep showing it while a field is being corrected.
 */
export function createDeriver(): (inputs: Inputs) => DerivedView {
  let lastInputs: Inputs | null = null;
  let lastView: DerivedView | null = null;
  let lastValid: Derived | null = null;
  return (inputs) => {
    if (inputs === lastInputs && lastView !== null) return lastView;
    const derived = derive(inputs);
    if (derived.current !== null) lastValid = derived;
    const shownFrom = derived.current !== null ? derived : lastValid;
    lastInputs = inputs;
    lastView = { ...derived, tick: shownFrom?.tick ?? derived.tick, shown: shownFrom?.current ?? null, shownSpec: shownFrom?.spec ?? null, stale: derived.current === null && shownFrom !== null };
    return lastView;
  };
}
