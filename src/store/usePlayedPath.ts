import { useMemo } from 'react';
import { simulatePath } from '../model/simulate';
import type { SimulatedPath } from '../model/simulate';
import type { PositionSpec } from '../model/types';
import { readSeed } from '../view/path';
import type { PathCursor } from '../view/path';

/** The played path for a spec, the seed field's text and the cursor's shape; null while it cannot be played. */
export function usePlayedPath(spec: PositionSpec | null, seedText: string, cursor: Pick<PathCursor, 'shape' | 'jumps'>): SimulatedPath | null {
  const reading = readSeed(seedText);
  const seed = reading.ok ? reading.seed : null;
  const { shape, jumps } = cursor;
  return useMemo(() => (spec === null || seed === null ? null : simulatePath(spec, { seed, shape, jumps })), [spec, seed, shape, jumps]);
}
