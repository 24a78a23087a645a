import { lazy, Suspense, useEffect, useId, useState } from 'react';
import type { ReactNode } from 'react';
import { findVenue } from '../model/venues';
import { CalculatorProvider, useCalculator, useCalculatorStore } from '../store/context';
import { createCalculatorStore } from '../store/calculatorStore';
import { FormatProvider } from '../store/format';
import { useIdleReady } from '../store/useSettled';
import type { CalculatorStore } from '../store/calculatorStore';
import { KeyFigures, MoreFigures, RiskSection } from '../ui/HeadlineResults';
import { CarryInputs, LeverageBar, PositionPanel, VenueRulesInputs } from '../ui/InputsPanel';
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
const PathSlot = lazy(() => import('./PathSlot').then((module) => ({ default: module.PathSlot })));
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

/**
 * A collapsible group below the chart: a heading whose button shows or hides the group (open at first, so the page
 * reads top to bottom; closing one shortens the way to the next). `innerTitle`: the panel inside brings its own
 * heading with the same words, which the fold's heading then stands in for on screen.
 */
function Fold({ title, innerTitle = false, className = '', children }: { title: string; innerTitle?: boolean; className?: string; children: ReactNode }): ReactNode {
  const [open, setOpen] = useState(true);
  const bodyId = useId();
  return (
    <div className={`lev-fold${innerTitle ? ' lev-fold--inner-title' : ''} ${className}`.trim()}>
      <h2 className="lev-fold__title">
        <button type="button" className="lev-fold__toggle" aria-expanded={open} aria-controls={bodyId} onClick={() => setOpen(!open)}>
          <span aria-hidden="true" className="lev-fold__icon">
            {open ? '▾' : '▸'}
          </span>
          {title}
        </button>
      </h2>
      <div id={bodyId} className="lev-fold__body" hidden={!open}>
        {children}
      </div>
    </div>
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
        <div className="lev-layout__stage">
          <LeverageBar />
          <KeyFigures />
          <ChartSlot />
        </div>
        <PositionPanel />
        <div className="lev-layout__more">
          <Fold title="More figures">
            <MoreFigures />
          </Fold>
          <Fold title="Risk over time and holding costs" className="lev-fold--beside-inputs">
            <div>
              <RiskSection />
            </div>
            <CarryInputs />
          </Fold>
          <Fold title="Play a price path">
            <Suspense fallback={null}>{idle && <PathSlot />}</Suspense>
          </Fold>
          <Fold title="Toolbox" innerTitle>
            <Suspense fallback={null}>{idle && <ToolboxSlot />}</Suspense>
          </Fold>
          <Fold title="Scenarios" innerTitle>
            <ScenariosPanel />
          </Fold>
          <Fold title="Venue rules and advanced settings">
            <VenueRulesInputs />
          </Fold>
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
