import type { Inputs } from '../config/schema';
import { createDeriver } from './derive';
import type { DerivedView } from './derive';
import { keepWhileEqual, memoizeByObject, memoizeLast } from './memo';
import { scenarioPlans } from './scenarios';
import type { SavedScenario, ScenarioPlan } from './scenarios';
import { openTool, sameMarks, toolMarks } from './toolbox';
import type { OpenTool, ToolMark, ToolTab } from './toolbox';

/** The part of a widget's state the view reads (the store's state has these fields). */
export interface ViewSource {
  inputs: Inputs;
  scenarios: readonly SavedScenario[];
  toolTab: ToolTab;
}

/**
 * Named, memoized selectors over one widget's state. Each returns the same object for the same inputs, so React
 * re-renders only when what it shows changed, and every component of the widget shares one computation.
 * The `…Of` members take a value instead of the state: the chart follows the inputs one task late and asks for
 * the figures of the inputs it is drawing.
 */
export interface ViewSelectors {
  /** The analysis of the current inputs, keeping the last valid one while a field is being corrected. */
  selectDerived: (state: ViewSource) => DerivedView;
  /** The saved scenarios worked out once, for the chart and the comparison table. */
  selectScenarioPlans: (state: ViewSource) => readonly ScenarioPlan[];
  /** The open toolbox tab's figures for the current inputs. */
  selectOpenTool: (state: ViewSource) => OpenTool;
  openToolOf: (derived: DerivedView, tab: ToolTab) => OpenTool;
  /** The open tool's chart marks, the previous list while they are equal by value (no tab: none). */
  toolMarksOf: (derived: DerivedView, tab: ToolTab | null) => readonly ToolMark[];
}

const NO_MARKS: readonly ToolMark[] = [];

/** A fresh set of selectors with their own caches: one per widget, created with its store. */
export function createViewSelectors(): ViewSelectors {
  // The deriver remembers its last inputs and the last valid result: fed only the store's current inputs.
  const derivedOf = createDeriver();
  const plansOf = memoizeLast((scenarios: readonly SavedScenario[]): readonly ScenarioPlan[] => scenarioPlans(scenarios));
  const openToolOf = memoizeByObject(openTool);
  const keepMarks = keepWhileEqual(sameMarks);
  return {
    selectDerived: (state) => derivedOf(state.inputs),
    selectScenarioPlans: (state) => plansOf(state.scenarios),
    selectOpenTool: (state) => openToolOf(derivedOf(state.inputs), state.toolTab),
    openToolOf,
    toolMarksOf: (derived, tab) => (tab === null ? NO_MARKS : keepMarks(toolMarks(openToolOf(derived, tab)))),
  };
}
