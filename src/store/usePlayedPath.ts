import { useMemo } from 'react';
import { simulatePath } from '../model/simulate';
import type { SimulatedPath } from '../model/simulate';
import type { PositionSpec } from '../model/types';
import { readSeed } from '../view/path';
import type { PathCursor } from '../view/path';
import { useSettledValue } from './useSettled';

/** A path costs tens of milliseconds (exact decimals at every step): it follows a held slider only once it pauses. */
export const PATH_SETTLE_MS = 250;

/** The spec the path panel and the chart's dot simulate: the shown spec once it has stopped changing. */
export function usePathSpec(spec: PositionSpec | null): PositionSpec | null {
  return useSettledValue(spec, PATH_SETTLE_MS);
}

/** The played path for a (settled) spec, the seed field's text and the cursor's shape; null while it cannot be played. */
export function usePlayedPath(spec: PositionSpec | null, seedText: string, cursor: Pick<PathCursor, 'shape' | 'jumps'>): SimulatedPath | null {
  const reading = readSeed(seedText);
  const seed = reading.ok ? reading.seed : null;
  const { shape, jumps } = cursor;
  return useMemo(() => (spec === null || seed === null ? null : simulatePath(spec, { seed, shape, jumps })), [spec, seed, shape, jumps]);
}
