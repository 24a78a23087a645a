import type { ReactNode } from 'react';
import { LeverageLens } from '../../src/embed/LeverageLens';

/**
 * The component as test/browser/ssr.test.ts renders it on the server and ssr-client.tsx hydrates it in Chromium:
 * one module, so both sides render the same props. No `locale` prop: the reader's locale is what is tested.
 */
export function ServerRenderedWidget(): ReactNode {
  return <LeverageLens entry={50000} collateral={500} leverage={20} side="long" venue="binance-usdm-btcusdt" views="chart,results" onChange={markHydrated} />;
}

/** The first `change` comes from an effect, after hydration committed: the test waits for this mark. */
function markHydrated(): void {
  if (typeof document !== 'undefined') document.documentElement.dataset['hydrated'] = 'true';
}
