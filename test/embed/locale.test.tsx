import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/model/analyze';
import { findVenue } from '../../src/model/venues';
import { roundToTick } from '../../src/model/companions';
import type { ValidAnalysis } from '../../src/model/types';
import { defaultInputs } from '../../src/config/presets';
import { inputsToSpec } from '../../src/config/spec';
import { LeverageLens } from '../../src/embed/LeverageLens';
import { expectNoBadNumbers, failOnConsoleErrors } from '../ui/helpers';

failOnConsoleErrors();

// Both widgets show the default position; only the number format differs. Expectations come from the model and Intl.
function defaultAnalysis(): { analysis: ValidAnalysis; tick: string; quote: string } {
  const inputs = defaultInputs();
  const analysis = analyze(inputsToSpec(inputs));
  const venue = findVenue(inputs.venue);
  if (!analysis.valid || analysis.liquidationPrice === null || venue === undefined) throw new Error('the default position has a liquidation price');
  return { analysis, tick: venue.tick, quote: venue.quote };
}

/** The liquidation price as Intl writes the model's tick-rounded value in a locale (undefined: the default one). */
function liquidationIn(locale: string | undefined): string {
  const { analysis, tick } = defaultAnalysis();
  const rounded = roundToTick(analysis.liquidationPrice ?? '0', tick, analysis.side === 'long' ? 'up' : 'down');
  const digits = (tick.split('.')[1] ?? '').replace(/0+$/, '').length;
  return new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(Number(rounded));
}

/** The results panels on the page, one per widget, found by their heading. */
function resultPanels(): HTMLElement[] {
  return screen.getAllByRole('region', { name: 'Results' });
}

/** The value next to a figure's name (`<dt>` term, `<dd>` value) inside one panel. */
function figure(panel: HTMLElement, name: string): string {
  // A term's accessible name is not computed from its content, so the term is matched by its text.
  const term = within(panel)
    .getAllByRole('term')
    .find((candidate) => candidate.textContent === name);
  if (term === undefined) throw new Error(`no figure named ${name}`);
  return within(panel).getAllByRole('definition').find((candidate) => candidate.previousElementSibling === term)?.textContent ?? '';
}

describe('locale and currency of each widget', () => {
  it('formats each widget’s figures with its own locale and currency, side by side', () => {
    const { analysis, quote } = defaultAnalysis();
    const { container } = render(
      <>
        <LeverageLens locale="de-DE" currency="EUR" views="results" />
        <LeverageLens views="results" />
      </>,
    );
    const [german, plain] = resultPanels();
    if (german === undefined || plain === undefined) throw new Error('expected two results panels');

    expect(figure(german, 'Liquidation price')).toBe(liquidationIn('de-DE'));
    expect(figure(plain, 'Liquidation price')).toBe(liquidationIn(undefined));
    expect(figure(german, 'Liquidation price')).not.toBe(figure(plain, 'Liquidation price'));

    // Quote money: Intl's currency style in the German widget, the venue's unit in the other.
    const notional = Number(analysis.notionalQuote);
    expect(figure(german, 'Position value')).toBe(new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR', minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(notional));
    expect(figure(plain, 'Position value')).toBe(`${new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(notional)} ${quote}`);
    expectNoBadNumbers(container);
  });

  it('follows a live change of the locale and currency props', () => {
    const { analysis } = defaultAnalysis();
    const { rerender } = render(<LeverageLens locale="de-DE" currency="EUR" views="results" />);
    const panel = (): HTMLElement => resultPanels()[0] ?? document.body;
    expect(figure(panel(), 'Liquidation price')).toBe(liquidationIn('de-DE'));
    rerender(<LeverageLens locale="en-US" currency="USD" views="results" />);
    expect(figure(panel(), 'Liquidation price')).toBe(liquidationIn('en-US'));
    expect(figure(panel(), 'Position value')).toBe(
      new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(Number(analysis.notionalQuote)),
    );
  });

  it('falls back to the default format, with a notice, for a locale or currency it cannot use', () => {
    const { container } = render(<LeverageLens locale="not a locale" currency="EURO" views="results" />);
    const panel = resultPanels()[0];
    if (panel === undefined) throw new Error('expected a results panel');
    expect(figure(panel, 'Liquidation price')).toBe(liquidationIn(undefined));
    expect(container.textContent).toMatch(/locale/);
    expectNoBadNumbers(container);
  });
});
