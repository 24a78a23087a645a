import type { PositionSpec, ValidAnalysis } from '../model/types';
import type { Inputs } from '../config/schema';
import { derive } from './derive';

/** A saved snapshot of the inputs, as the store keeps it. */
export interface SavedScenario {
  id: string;
  name: string;
  inputs: Inputs;
}

/** A saved scenario worked out: the chart draws it, the scenarios panel compares it. */
export interface ScenarioPlan {
  id: string;
  name: string;
  spec: PositionSpec;
  /** Null when the saved inputs no longer give a valid position. */
  analysis: ValidAnalysis | null;
  tick: string;
}

export function scenarioPlans(scenarios: readonly SavedScenario[]): ScenarioPlan[] {
  return scenarios.map((scenario) => {
    const derived = derive(scenario.inputs);
    return { id: scenario.id, name: scenario.name, spec: derived.spec, analysis: derived.current, tick: derived.tick };
  });
}
