import { createRoot } from 'react-dom/client';
import type { Root } from 'react-dom/client';
import type { Analysis } from '../model/types';
import type { ThemeChoice } from '../config/schema';
import { attributeEntries, observedAttributeNames } from './config';
import { adoptStyles } from './styles';
import { EmbeddedWidget } from './Widget';

export const ELEMENT_NAME = 'leverage-lens';

/** `<leverage-lens>` beyond HTMLElement: what `document.createElement('leverage-lens')` returns. */
export interface LeverageLensElement extends HTMLElement {
  /** The latest analysis, also sent as the `detail` of each `change` event. */
  readonly analysis: Analysis | null;
}

/** Custom states the host's colours follow (src/embed/host-theme.css): the scheme `theme="auto"` resolved to. */
const HOST_STATES: Record<'light' | 'dark', string> = { light: 'lev-host-light', dark: 'lev-host-dark' };

/**
 * The element's class, made only when a browser's HTMLElement exists: evaluating `class extends HTMLElement` at
 * import time throws in Node, and docs sites and React frameworks import the element while rendering on a server.
 */
function createElementClass(Base: typeof HTMLElement): new () => LeverageLensElement {
  let instanceCount = 0;

  /**
   * `<leverage-lens entry="50000" leverage="20" controls="leverage">`: the calculator in a shadow root, configured by
   * attributes with the URL parameters' names and meanings. Each element has its own React root and store, so two
   * never share state or ids, and nothing reads or writes the page's URL or storage.
   */
  return class extends Base implements LeverageLensElement {
    static get observedAttributes(): string[] {
      return observedAttributeNames();
    }

    #root: Root | null = null;
    #scheduled = false;
    #analysis: Analysis | null = null;
    #sheet: CSSStyleSheet | null = null;
    readonly #states: CustomStateSet | null;
    readonly #prefix: string;

    constructor() {
      super();
      instanceCount += 1;
      this.#prefix = `lev${instanceCount}-`;
      this.#states = customStatesOf(this);
    }

    get analysis(): Analysis | null {
      return this.#analysis;
    }

    connectedCallback(): void {
      try {
        if (this.#root === null) {
          const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
          shadow.replaceChildren();
          this.#sheet = adoptStyles(shadow, this.#sheet);
          const container = this.ownerDocument.createElement('div');
          shadow.append(container);
          this.#root = createRoot(container, { identifierPrefix: this.#prefix });
        }
        this.#render();
      } catch (error) {
        this.#fail(error);
      }
    }

    disconnectedCallback(): void {
      // Moving the element disconnects and reconnects it in one task: only a real removal unmounts.
      queueMicrotask(() => {
        if (this.isConnected || this.#root === null) return;
        this.#root.unmount();
        this.#root = null;
      });
    }

    /** Moved into another document (an iframe's, through adoptNode): the old document's sheet no longer applies there. */
    adoptedCallback(): void {
      const shadow = this.shadowRoot;
      if (shadow !== null) this.#sheet = adoptStyles(shadow, this.#sheet);
    }

    attributeChangedCallback(): void {
      if (this.#root === null || this.#scheduled) return;
      // Several attributes set in one script turn are applied together.
      this.#scheduled = true;
      queueMicrotask(() => {
        this.#scheduled = false;
        this.#render();
      });
    }

    #render(): void {
      this.#root?.render(
        <EmbeddedWidget entries={attributeEntries(this)} source="attributes" shadow onChange={this.#onChange} onThemeShown={this.#onThemeShown} />,
      );
    }

    readonly #onChange = (analysis: Analysis): void => {
      this.#analysis = analysis;
      this.dispatchEvent(new CustomEvent<Analysis>('change', { detail: analysis, bubbles: true }));
    };

    readonly #onThemeShown = (theme: ThemeChoice): void => {
      const states = this.#states;
      if (states === null) return;
      for (const [scheme, state] of Object.entries(HOST_STATES)) {
        if (scheme === theme) states.add(state);
        else states.delete(state);
      }
    };

    #fail(error: unknown): void {
      const message = error instanceof Error ? error.message : 'unknown error';
      const shadow = this.shadowRoot;
      if (shadow !== null) shadow.textContent = `Leverage Lens could not start (${message.slice(0, 200)}).`;
    }
  };
}

/** The element's custom state set, or null where the browser has none (the widget then follows the system). */
function customStatesOf(element: HTMLElement): CustomStateSet | null {
  try {
    const internals = element.attachInternals();
    if (!('states' in internals)) return null;
    // Browsers that only know the old `--name` syntax refuse plain names: probe once.
    internals.states.add(HOST_STATES.light);
    internals.states.delete(HOST_STATES.light);
    return internals.states;
  } catch {
    return null;
  }
}

/**
 * Defines `<leverage-lens>` once, in a browser; elsewhere (Node, a server render, a static build) it does nothing.
 * Importing this module calls it.
 */
export function defineLeverageLens(): void {
  if (typeof HTMLElement !== 'function' || typeof customElements === 'undefined') return;
  if (customElements.get(ELEMENT_NAME) !== undefined) return;
  customElements.define(ELEMENT_NAME, createElementClass(HTMLElement));
}

defineLeverageLens();

declare global {
  interface HTMLElementTagNameMap {
    'leverage-lens': LeverageLensElement;
  }
}
