import { describe, expect, it } from 'vitest';
import { inputsWith } from '../../src/config/presets';
import { percentText } from '../../src/config/schema';
import type { Inputs } from '../../src/config/schema';
import { derive } from '../../src/view/derive';
import { scenarioPlans } from '../../src/view/scenarios';
import type { SavedScenario } from '../../src/view/scenarios';
import { createViewSelectors } from '../../src/view/selectors';
import type { ViewSource } from '../../src/view/selectors';
import { openTool, toolMarks } from '../../src/view/toolbox';
import type { ToolTab } from '../../src/view/toolbox';

function source(patch: Partial<Inputs> = {}, scenarios: readonly SavedScenario[] = [], toolTab: ToolTab = 'exit'): ViewSource {
  return { inputs: inputsWith({ ...patch }), scenarios, toolTab };
}

const saved: readonly SavedScenario[] = [
  { id: 'a', name: 'Ten times', inputs: inputsWith({ leverage: '10' }) },
  { id: 'b', name: 'Broken', inputs: inputsWith({ entry: 'abc' }) },
];

describe('view selectors', () => {
  it('give the same object back for the same inputs object, and a new one for new inputs', () => {
    const selectors = createViewSelectors();
    const state = source();
    const first = selectors.selectDerived(state);
    expect(selectors.selectDerived({ ...state, toolTab: 'risk' })).toBe(first);
    const next = selectors.selectDerived(source({ leverage: '10' }));
    expect(next).not.toBe(first);
    expect(next.current?.leverage).toBe(derive(source({ leverage: '10' }).inputs).current?.leverage);
  });

  it('work the saved scenarios out once per list, as the pure function does', () => {
    const selectors = createViewSelectors();
    const state = source({}, saved);
    const plans = selectors.selectScenarioPlans(state);
    expect(selectors.selectScenarioPlans({ ...state, inputs: { ...state.inputs, leverage: '5' } })).toBe(plans);
    expect(plans).toEqual(scenarioPlans(saved));
    expect(plans.map((plan) => plan.analysis === null)).toEqual([false, true]);
    expect(selectors.selectScenarioPlans(source({}, [...saved]))).not.toBe(plans);
  });

  it('work out only the open tab, once per inputs and tab, shared by every caller', () => {
    const selectors = createViewSelectors();
    const state = source({ exitPrice: '52000' });
    const open = selectors.selectOpenTool(state);
    expect(open.tab).toBe('exit');
    expect(selectors.selectOpenTool(state)).toBe(open);
    // The chart asks with the derived view it draws: the same computation, not a second one.
    expect(selectors.openToolOf(selectors.selectDerived(state), 'exit')).toBe(open);
    expect(open).toEqual(openTool(derive(state.inputs), 'exit'));
    const risk = selectors.selectOpenTool({ ...state, toolTab: 'risk' });
    expect(risk.tab).toBe('risk');
    expect(selectors.selectOpenTool(state)).toBe(open);
  });

  it('keep the chart marks while they are equal by value, and none without an open tab', () => {
    const selectors = createViewSelectors();
    const first = selectors.selectDerived(source({ exitPrice: '52000' }));
    const marks = selectors.toolMarksOf(first, 'exit');
    expect(marks.map((mark) => mark.exact)).toEqual(['52000']);
    // New inputs (another leverage) with the same exit price: a new derived view, the same marks.
    const second = selectors.selectDerived(source({ exitPrice: '52000', leverage: '10' }));
    expect(second).not.toBe(first);
    expect(selectors.toolMarksOf(second, 'exit')).toBe(marks);
    const moved = selectors.toolMarksOf(selectors.selectDerived(source({ exitPrice: '53000', leverage: '10' })), 'exit');
    expect(moved).not.toBe(marks);
    expect(moved).toEqual(toolMarks(openTool(derive(source({ exitPrice: '53000', leverage: '10' }).inputs), 'exit')));
    expect(selectors.toolMarksOf(second, null)).toEqual([]);
  });

  it('never share results between two sets (two widgets on one page)', () => {
    const one = createViewSelectors();
    const other = createViewSelectors();
    const state = source({ targetRoe: percentText('80') }, saved, 'target');
    expect(one.selectDerived(state)).not.toBe(other.selectDerived(state));
    expect(one.selectScenarioPlans(state)).not.toBe(other.selectScenarioPlans(state));
    expect(one.selectOpenTool(state)).not.toBe(other.selectOpenTool(state));
    expect(one.selectOpenTool(state)).toEqual(other.selectOpenTool(state));
  });

  it('keep showing the last valid position while a field is wrong, per set', () => {
    const selectors = createViewSelectors();
    const valid = selectors.selectDerived(source());
    const broken = selectors.selectDerived(source({ entry: 'abc' }));
    expect(broken.stale).toBe(true);
    expect(broken.shown).toBe(valid.current);
    // A fresh set has never seen a valid position: nothing to show.
    expect(createViewSelectors().selectDerived(source({ entry: 'abc' })).shown).toBeNull();
  });
});
