import { createRoot } from 'react-dom/client';
import type { Root } from 'react-dom/client';
import type { Analysis } from '../model/types';
import { attributeEntries, observedAttributeNames } from './config';
import { adoptStyles } from './styles';
import { EmbeddedWidget } from './Widget';

export const ELEMENT_NAME = 'leverage-lens';

let instanceCount = 0;

/**
 * `<leverage-lens entry="50000" leverage="20" controls="leverage">`: the calculator in a shadow root, configured by
 * attributes with the URL parameters' names and meanings. Each element has its own React root and store, so two
 * never share state or ids, and nothing reads or writes the page's URL or storage.
 */
export class LeverageLensElement extends HTMLElement {
  static get observedAttributes(): string[] {
    return observedAttributeNames();
  }

  #root: Root | null = null;
  #scheduled = false;
  #analysis: Analysis | null = null;
  readonly #prefix: string;

  constructor() {
    super();
    instanceCount += 1;
    this.#prefix = `lev${instanceCount}-`;
  }

  /** The latest analysis, also sent as the `detail` of each `change` event. */
  get analysis(): Analysis | null {
    return this.#analysis;
  }

  connectedCallback(): void {
    try {
      if (this.#root === null) {
        const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
        shadow.replaceChildren();
        adoptStyles(shadow);
        const container = document.createElement('div');
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
    this.#root?.render(<EmbeddedWidget entries={attributeEntries(this)} source="attributes" shadow onChange={this.#onChange} />);
  }

  readonly #onChange = (analysis: Analysis): void => {
    this.#analysis = analysis;
    this.dispatchEvent(new CustomEvent<Analysis>('change', { detail: analysis, bubbles: true }));
  };

  #fail(error: unknown): void {
    const message = error instanceof Error ? error.message : 'unknown error';
    const shadow = this.shadowRoot;
    if (shadow !== null) shadow.textContent = `Leverage Lens could not start (${message.slice(0, 200)}).`;
  }
}

if (typeof customElements !== 'undefined' && customElements.get(ELEMENT_NAME) === undefined) {
  customElements.define(ELEMENT_NAME, LeverageLensElement);
}

declare global {
  interface HTMLElementTagNameMap {
    'leverage-lens': LeverageLensElement;
  }
}
