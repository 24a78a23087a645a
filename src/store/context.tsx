import { createContext, useContext, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { useStore } from 'zustand';
import { createCalculatorStore } from './calculatorStore';
import type { CalculatorState, CalculatorStore, CalculatorStoreOptions } from './calculatorStore';
import { createDeriver } from './derive';
import type { DerivedView } from './derive';
import type { Inputs } from '../config/codec';

const StoreContext = createContext<CalculatorStore | null>(null);

export interface CalculatorProviderProps {
  /** An existing store (the standalone page syncs it with the URL); otherwise one is created per provider. */
  store?: CalculatorStore;
  options?: CalculatorStoreOptions;
  children: ReactNode;
}

export function CalculatorProvider({ store, options, children }: CalculatorProviderProps): ReactNode {
  const [ownStore] = useState(() => store ?? createCalculatorStore(options));
  return <StoreContext.Provider value={store ?? ownStore}>{children}</StoreContext.Provider>;
}

export function useCalculatorStore(): CalculatorStore {
  const store = useContext(StoreContext);
  if (store === null) throw new Error('useCalculatorStore needs a <CalculatorProvider> above it.');
  return store;
}

/** Select atomic values only; never return a new object or array from the selector. */
export function useCalculator<T>(selector: (state: CalculatorState) => T): T {
  return useStore(useCalculatorStore(), selector);
}

/** Everything derived from the inputs, memoized per instance; keeps the last valid result. */
// One deriver per store: every component of a widget shares the same analysis of the same inputs.
const derivers = new WeakMap<CalculatorStore, (inputs: Inputs) => DerivedView>();

function deriverFor(store: CalculatorStore): (inputs: Inputs) => DerivedView {
  let deriver = derivers.get(store);
  if (deriver === undefined) {
    deriver = createDeriver();
    derivers.set(store, deriver);
  }
  return deriver;
}

export function useDerived(): DerivedView {
  const store = useCalculatorStore();
  const inputs = useStore(store, (state) => state.inputs);
  return useMemo(() => deriverFor(store)(inputs), [store, inputs]);
}
