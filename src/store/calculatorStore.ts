import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import { applyVenue, defaultInputs } from '../config/presets';
import { MAX_SCENARIOS, SCENARIO_NAME_MAX_LENGTH, withText } from '../config/schema';
import type { ChartView, HeldAxes, InputKey, Inputs, PredictTarget, ToolTab } from '../config/schema';
import { createViewSelectors } from '../view/selectors';
import type { ViewSelectors } from '../view/selectors';
import type { SavedScenario } from '../view/scenarios';
import type { PathCursor } from '../view/path';

export type Scenario = SavedScenario;

export type { ChartView, ThemeChoice } from '../config/schema';
import type { ThemeChoice } from '../config/schema';
export type EquityUnit = 'quote' | 'coin';

/** How many scenarios a widget keeps: as many as a link carries. */
export { MAX_SCENARIOS };

/** A lesson's guess: where the reader thinks the position is liquidated, and whether the answer is shown yet. */
export interface PredictState {
  target: Exclude<PredictTarget, 'off'>;
  /** The guessed price, or null before the reader places one. */
  guess: number | null;
  revealed: boolean;
}

export interface CalculatorState {
  /** Raw strings as typed; everything else is derived from them. */
  inputs: Inputs;
  scenarios: Scenario[];
  /** 1 = the automatic range; 2 shows twice the price span, 0.5 half. */
  zoom: number;
  /** Axes the reader holds still (for a lesson): both ranges stay through any input or scenario change; null follows the position. */
  heldAxes: HeldAxes | null;
  view: ChartView;
  equityUnit: EquityUnit;
  theme: ThemeChoice;
  advancedOpen: boolean;
  /** Dismissible messages (a tampered link, a restored session). */
  notices: string[];
  /** The open tab of the trader's toolbox: the chart draws its markers. */
  toolTab: ToolTab;
  /** The toolbox panel is on screen (the page shows it, embeds do not): only then does the chart draw its markers. */
  toolboxShown: boolean;
  /** The played price path's step and shape while its panel is on screen (the equity chart draws its dot); null: none. */
  path: PathCursor | null;
  /** Predict, then reveal (a lesson link's `predict`): null when off. */
  predict: PredictState | null;
  setInput: (key: InputKey, value: string) => void;
  setInputs: (inputs: Partial<Inputs>) => void;
  applyVenue: (venueId: string) => void;
  reset: () => void;
  saveScenario: (name: string) => void;
  removeScenario: (id: string) => void;
  setZoom: (zoom: number) => void;
  setHeldAxes: (axes: HeldAxes | null) => void;
  setView: (view: ChartView) => void;
  setEquityUnit: (unit: EquityUnit) => void;
  setTheme: (theme: ThemeChoice) => void;
  setAdvancedOpen: (open: boolean) => void;
  addNotice: (notice: string) => void;
  dismissNotice: (index: number) => void;
  setToolTab: (tab: ToolTab) => void;
  setToolboxShown: (shown: boolean) => void;
  setPath: (path: PathCursor | null) => void;
  setGuess: (price: number) => void;
  reveal: () => void;
  /** Hides the answer again for another guess (the same lesson, or after the inputs changed). */
  guessAgain: () => void;
}

export interface CalculatorStoreOptions {
  inputs?: Inputs;
  scenarios?: Scenario[];
  theme?: ThemeChoice;
  notices?: string[];
  /** The chart tab and the toolbox tab to open on (a lesson link's). */
  view?: ChartView | undefined;
  toolTab?: ToolTab | undefined;
  /** Held axes (a lesson link's). */
  heldAxes?: HeldAxes | undefined;
  /** Predict, then reveal (a lesson link's). */
  predict?: PredictTarget | undefined;
}

export type CalculatorStore = StoreApi<CalculatorState>;

const clampZoom = (zoom: number): number => (Number.isFinite(zoom) ? Math.min(16, Math.max(1 / 16, zoom)) : 1);

/** One store per widget instance: two widgets on a page never share state. */
export function createCalculatorStore(options: CalculatorStoreOptions = {}): CalculatorStore {
  const initialInputs = options.inputs ?? defaultInputs();
  let scenarioCounter = 0;
  return createStore<CalculatorState>()((set, get) => ({
    inputs: initialInputs,
    scenarios: options.scenarios ?? [],
    zoom: 1,
    heldAxes: options.heldAxes ?? null,
    view: options.view ?? 'equity',
    equityUnit: 'quote',
    theme: options.theme ?? 'auto',
    advancedOpen: false,
    notices: options.notices ?? [],
    toolTab: options.toolTab ?? 'exit',
    toolboxShown: false,
    path: null,
    predict: options.predict === undefined || options.predict === 'off' ? null : { target: options.predict, guess: null, revealed: false },
    setInput: (key, value) => set((state) => ({ inputs: withText(state.inputs, key, value) })),
    setInputs: (inputs) => set((state) => ({ inputs: { ...state.inputs, ...inputs } })),
    applyVenue: (venueId) => set((state) => ({ inputs: applyVenue(state.inputs, venueId) })),
    reset: () => set({ inputs: defaultInputs(), zoom: 1, heldAxes: null, scenarios: [], notices: [] }),
    saveScenario: (name) => {
      const { scenarios, inputs } = get();
      if (scenarios.length >= MAX_SCENARIOS) return;
      scenarioCounter += 1;
      const trimmed = name.trim().slice(0, SCENARIO_NAME_MAX_LENGTH);
      const id = `s${Date.now().toString(36)}${scenarioCounter}`;
      set({ scenarios: [...scenarios, { id, name: trimmed === '' ? `Scenario ${scenarios.length + 1}` : trimmed, inputs }] });
    },
    removeScenario: (id) => set((state) => ({ scenarios: state.scenarios.filter((scenario) => scenario.id !== id) })),
    setZoom: (zoom) => set({ zoom: clampZoom(zoom) }),
    setHeldAxes: (heldAxes) => set({ heldAxes }),
    setView: (view) => set({ view }),
    setEquityUnit: (equityUnit) => set({ equityUnit }),
    setTheme: (theme) => set({ theme }),
    setAdvancedOpen: (advancedOpen) => set({ advancedOpen }),
    addNotice: (notice) => set((state) => (state.notices.includes(notice) ? state : { notices: [...state.notices, notice] })),
    dismissNotice: (index) => set((state) => ({ notices: state.notices.filter((_, position) => position !== index) })),
    setToolTab: (toolTab) => set({ toolTab }),
    setToolboxShown: (toolboxShown) => set({ toolboxShown }),
    setPath: (path) => set({ path }),
    setGuess: (price) => set((state) => (state.predict === null || state.predict.revealed || !(Number.isFinite(price) && price > 0) ? state : { predict: { ...state.predict, guess: price } })),
    reveal: () => set((state) => (state.predict === null || state.predict.guess === null ? state : { predict: { ...state.predict, revealed: true } })),
    guessAgain: () => set((state) => (state.predict === null ? state : { predict: { ...state.predict, guess: null, revealed: false } })),
  }));
}

/** A widget's state and the view over it: the selectors' caches live and die with the store they read. */
export interface Widget {
  store: CalculatorStore;
  selectors: ViewSelectors;
}

export function createWidget(store: CalculatorStore = createCalculatorStore()): Widget {
  return { store, selectors: createViewSelectors() };
}
