import { useDerived } from './context';
import type { DerivedView } from './derive';
import { deriveToolbox } from './toolbox';
import type { ToolboxView } from './toolbox';

// Keyed by the deriver's view, which is one object per inputs object: the panel and the chart share one toolbox.
const views = new WeakMap<DerivedView, ToolboxView>();

/** The toolbox for a derived view, computed once per view (each tool only when read). */
export function toolboxFor(derived: DerivedView): ToolboxView {
  let view = views.get(derived);
  if (view === undefined) {
    view = deriveToolbox(derived.inputs, derived.spec, derived.current, derived.venue?.tick ?? '0.01');
    views.set(derived, view);
  }
  return view;
}

/** The toolbox figures for the current inputs. */
export function useToolbox(): ToolboxView {
  return toolboxFor(useDerived());
}
