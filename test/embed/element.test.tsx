import { waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { analyze } from '../../src/model/analyze';
import { findVenue } from '../../src/model/venues';
import type { Analysis } from '../../src/model/types';
import { inputsToSpec } from '../../src/config/spec';
import { parseConfig } from '../../src/config/codec';
import { formatPrice } from '../../src/config/format';
import { ELEMENT_NAME, defineLeverageLens } from '../../src/embed/element';
import type { LeverageLensElement } from '../../src/embed/element';
import { failOnConsoleErrors } from '../ui/helpers';

failOnConsoleErrors();

function expectedLiquidation(pairs: [string, string][]): string {
  const inputs = parseConfig(pairs).inputs;
  const analysis = analyze(inputsToSpec(inputs));
  if (!analysis.valid || analysis.liquidationPrice === null) throw new Error('the configuration should have a liquidation price');
  return formatPrice(analysis.liquidationPrice, findVenue(inputs.venue)?.tick ?? '0.01', { direction: analysis.side === 'long' ? 'up' : 'down' });
}

function mount(attributes: Record<string, string>): LeverageLensElement {
  const element = document.createElement('leverage-lens');
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  document.body.append(element);
  return element;
}

function liquidation(element: Element): string {
  return element.shadowRoot?.querySelector('[data-result="liquidationPrice"]')?.textContent ?? '';
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('<leverage-lens>', () => {
  it('is defined once and renders into its own shadow root, not the page', async () => {
    const defined = customElements.get(ELEMENT_NAME);
    expect(defined).toBeTypeOf('function');
    // Defining again (a second copy of the script, a framework's re-import) keeps the first definition.
    defineLeverageLens();
    expect(customElements.get(ELEMENT_NAME)).toBe(defined);
    const element = mount({ entry: '50000', leverage: '20', side: 'long', controls: 'leverage' });
    await waitFor(() => expect(liquidation(element)).toBe(expectedLiquidation([['entry', '50000'], ['leverage', '20'], ['side', 'long']])));
    expect(document.body.querySelector('.lev-embed')).toBeNull();
    expect(element.shadowRoot?.querySelector('.lev-embed--shadow')).not.toBeNull();
  });

  it('follows attribute changes live and sends a change event carrying the analysis', async () => {
    const element = mount({ entry: '50000', leverage: '20' });
    const events: Analysis[] = [];
    element.addEventListener('change', (event) => {
      if (event instanceof CustomEvent) events.push(event.detail);
    });
    await waitFor(() => expect(liquidation(element)).not.toBe(''));
    element.setAttribute('leverage', '10');
    const expected = analyze(inputsToSpec(parseConfig([['entry', '50000'], ['leverage', '10']]).inputs));
    await waitFor(() => expect(liquidation(element)).toBe(expectedLiquidation([['entry', '50000'], ['leverage', '10']])));
    await waitFor(() => expect(events.at(-1)?.valid).toBe(true));
    const last = events.at(-1);
    if (last?.valid === true && expected.valid) expect(last.liquidationPrice).toBe(expected.liquidationPrice);
    expect(element.analysis).toBe(last);
  });

  it('reads attribute names in any case, as HTML stores them in lowercase', async () => {
    const element = mount({ entry: '50000', leverage: '20', mmbasis: 'entry', feerate: '0' });
    await waitFor(() => expect(liquidation(element)).toBe(expectedLiquidation([['entry', '50000'], ['leverage', '20'], ['mmBasis', 'entry'], ['feeRate', '0']])));
    expect(element.shadowRoot?.querySelector('.lev-notice')).toBeNull();
  });

  it('shows a notice for a bad value or a misspelt attribute, and keeps working', async () => {
    const element = mount({ entry: '50000', leverage: 'high', levrage: '10', class: 'docs-widget', 'data-track': 'x' });
    await waitFor(() => expect(element.shadowRoot?.textContent).toMatch(/defaults were loaded for: Leverage \(leverage\)/));
    expect(element.shadowRoot?.textContent).toMatch(/Unknown attributes were ignored: levrage\./);
    expect(liquidation(element)).toBe(expectedLiquidation([['entry', '50000']]));
  });

  it('unmounts when removed and renders again when put back', async () => {
    const element = mount({ entry: '50000' });
    await waitFor(() => expect(liquidation(element)).not.toBe(''));
    element.remove();
    await Promise.resolve();
    await Promise.resolve();
    document.body.append(element);
    await waitFor(() => expect(liquidation(element)).toBe(expectedLiquidation([['entry', '50000']])));
  });
});
