import { lazy, Suspense } from 'react';
import type { ReactNode } from 'react';
import { useCalculator } from '../store/context';

// The played path's layer arrives with the path panel, in its own chunk: the first chart's JS does not carry it.
const PathLayer = lazy(() => import('./PathLayer').then((module) => ({ default: module.PathLayer })));

/** Mounts the played price path's dot on the equity chart while the path panel is on screen (the store's `path`). */
export function PathMount({ equityInCoin }: { equityInCoin: boolean }): ReactNode {
  const cursor = useCalculator((state) => state.path);
  if (cursor === null) return null;
  return (
    <Suspense fallback={null}>
      <PathLayer cursor={cursor} equityInCoin={equityInCoin} />
    </Suspense>
  );
}
