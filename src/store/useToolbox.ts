import { useMemo } from 'react';
import { useDerived } from './context';
import { deriveToolbox } from './toolbox';
import type { ToolboxView } from './toolbox';

/** The toolbox figures for the current inputs, memoized per inputs object. */
export function useToolbox(): ToolboxView {
  const { inputs, spec, current, venue } = useDerived();
  const tick = venue?.tick ?? '0.01';
  return useMemo(() => deriveToolbox(inputs, spec, current, tick), [inputs, spec, current, tick]);
}
