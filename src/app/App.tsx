import { lazy, Suspense, useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { findVenue } from '../model/venues';
import { CalculatorProvider, useCalculator, useCalculatorStore } from '../store/context';
import { createCalculatorStore } from '../store/calculatorStore';
import { FormatProvider } from '../store/format';
import { useIdleReady } from '../store/useSettled';
import type { CalculatorStore } from '../store/calculatorStore';
import { HeadlineResults } from '../ui/HeadlineResults';
import { InputsPanel } from '../ui/InputsPanel';
import { NoticeList } from '../ui/NoticeList';
import { ScenariosPanel } from '../ui/ScenariosPanel';
import { ThemeToggle } from '../ui/ThemeToggle';
import { ChartSlot } from './ChartSlot';
import { CopyLink } from './CopyLink';
import { browserStorage, clearStored, readStored, startSync } from './sync';
import { formatSettingsFrom, initialState } from './urlState';
import '../theme/tokens.css';
import '../ui/ui.css';
import './app.css';

// Not needed for the first chart: loaded in their own chunks while the page is already drawn.
const ToolboxSlot = lazy(() => import('./ToolboxSlot').then((module) => ({ default: module.ToolboxSlot })));
const EmbedDialog = lazy(() => import('./EmbedDialog').then((module) => ({ default: module.EmbedDialog })));

function ResetButton(): ReactNode {
  const store = useCalculatorStore();
  return (
    <button
      type="button"
      className="lev-button lev-button--quiet"
      onClick={() => {
        store.getState().reset();
        clearStored(browserStorage());
      }}
    >
      Reset
    </button>
  );
}

function Footer(): ReactNode {
  const venueId = useCalculator((state) => state.inputs.venue);
  const venue = findVenue(venueId);
  return (
    <footer className="lev-footer">
      <p>
        A model, not advice: one mark price, funding at a flat rate, GBM odds without jumps or fat tails; no slippage, insurance-fund or auto-deleveraging effects. Venues change their rules; check yours before
        you trade.
      </p>
      <p>
        {venue === undefined || venue.id === 'custom'
          ? 'Custom parameters: no preset data in use.'
          : `Preset data as of ${venue.asOf}, source ${venue.source}.`}
      </p>
      <p>Everything is calculated in this browser; nothing is sent anywhere.</p>
    </footer>
  );
}

function Shell(): ReactNode {
  const theme = useCalculator((state) => state.theme);
  const idle = useIdleReady();
  return (
    <div className="lev-theme lev-app" data-theme={theme}>
      <header className="lev-header">
        <div className="lev-header__title">
          <h1>Leverage Lens</h1>
          <p>How leverage amplifies every price move, and where it ends.</p>
        </div>
        <div className="lev-header__actions">
          <ThemeToggle />
          <CopyLink />
          <Suspense fallback={null}>{idle && <EmbedDialog />}</Suspense>
          <ResetButton />
        </div>
      </header>
      <NoticeList />
      <main className="lev-layout">
        <InputsPanel />
        <div className="lev-layout__main">
          <HeadlineResults />
          <ChartSlot />
          <Suspense fallback={null}>{idle && <ToolboxSlot />}</Suspense>
          <ScenariosPanel />
        </div>
      </main>
      <Footer />
    </div>
  );
}

function createPageStore(): CalculatorStore {
  return createCalculatorStore(initialState(window.location.search, readStored(browserStorage())));
}

/** The standalone page: state from the URL (or the saved session), kept in step with both. */
export function App(): ReactNode {
  const [store] = useState(createPageStore);
  // Read once: the synced URL does not carry these keys, so later rewrites must not reset them.
  const [format] = useState(() => formatSettingsFrom(window.location.search));
  useEffect(() => startSync(store, { location: window.location, history: window.history, storage: browserStorage() }), [store]);
  return (
    <CalculatorProvider store={store}>
      <FormatProvider locale={format.locale} currency={format.currency}>
        <Shell />
      </FormatProvider>
    </CalculatorProvider>
  );
}
