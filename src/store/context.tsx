import { createContext, useContext, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { useStore } from 'zustand';
import { createCalculatorStore, createWidget } from './calculatorStore';
import type { CalculatorState, CalculatorStore, CalculatorStoreOptions, Widget } from './calculatorStore';
import type { InputKey } from '../config/schema';
import type { DerivedView } from '../view/derive';
import type { ViewSelectors } from '../view/selectors';

/** A setter for each input key, made once per key: memoized fields then skip renders when their own props are unchanged. */
function inputSetters(store: CalculatorStore): (key: InputKey) => (value: string) => void {
  const setters = new Map<InputKey, (value: string) => void>();
  return (key) => {
    let setter = setters.get(key);
    if (setter === undefined) {
      setter = (value) => store.getState().setInput(key, value);
      setters.set(key, setter);
    }
    return setter;
  };
}

interface WidgetContextValue extends Widget {
  setterFor: (key: InputKey) => (value: string) => void;
}

const WidgetContext = createContext<WidgetContextValue | null>(null);

export interface CalculatorProviderProps {
  /** An existing store (the standalone page syncs it with the URL); otherwise one is created per provider. */
  store?: CalculatorStore;
  options?: CalculatorStoreOptions;
  children: ReactNode;
}

/** Hands one widget's store and its selectors to everything inside. */
export function CalculatorProvider({ store, options, children }: CalculatorProviderProps): ReactNode {
  const [ownStore] = useState(() => store ?? createCalculatorStore(options));
  const active = store ?? ownStore;
  const widget = useMemo(() => ({ ...createWidget(active), setterFor: inputSetters(active) }), [active]);
  return <WidgetContext.Provider value={widget}>{children}</WidgetContext.Provider>;
}

function useWidget(): WidgetContextValue {
  const widget = useContext(WidgetContext);
  if (widget === null) throw new Error('Calculator hooks need a <CalculatorProvider> above them.');
  return widget;
}

export function useCalculatorStore(): CalculatorStore {
  return useWidget().store;
}

/** This widget's memoized view selectors. */
export function useSelectors(): ViewSelectors {
  return useWidget().selectors;
}

/** Select atomic values only; never return a new object or array from the selector. */
export function useCalculator<T>(selector: (state: CalculatorState) => T): T {
  return useStore(useCalculatorStore(), selector);
}

/** A value from one of the widget's memoized selectors (`useView(selectors.selectScenarioPlans)`): the same subscription. */
export const useView: <T>(selector: (state: CalculatorState) => T) => T = useCalculator;

/** This widget's setter for an input key, the same function on every render. */
export function useInputSetters(): (key: InputKey) => (value: string) => void {
  return useWidget().setterFor;
}

/** Everything derived from the inputs, shared by every component of the widget; keeps the last valid result. */
export function useDerived(): DerivedView {
  return useView(useSelectors().selectDerived);
}
