import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { defaultInputs, inputsWith } from '../../src/config/presets';
import { serializeLink } from '../../src/config/codec';
import { LeverageLens } from '../../src/embed/LeverageLens';
import { failOnConsoleErrors } from '../ui/helpers';

failOnConsoleErrors();

/** The `scenarios` value a page link would carry for these scenarios over the default inputs. */
function scenariosAttribute(scenarios: { name: string; leverage: string }[]): string {
  const pairs = new Map(serializeLink(defaultInputs(), { scenarios: scenarios.map(({ name, leverage }) => ({ name, inputs: inputsWith({ leverage }) })) }));
  return pairs.get('scenarios') ?? '';
}

function savedNames(): string[] {
  return Array.from(screen.getByRole('list', { name: 'Saved scenarios' }).querySelectorAll('.lev-scenarios__name')).map((name) => name.textContent);
}

describe('embeds take a lesson link’s scenarios and chart tab', () => {
  it('shows the scenarios of the `scenarios` key and opens on the `chart` tab', () => {
    render(<LeverageLens views="chart,amplification,scenarios" scenarios={scenariosAttribute([{ name: 'Calm', leverage: '3' }, { name: 'Wild', leverage: '50' }])} chart="amplification" />);
    expect(savedNames()).toEqual(['Calm', 'Wild']);
    expect(screen.getByRole('tab', { name: 'Amplification' }).getAttribute('aria-selected')).toBe('true');
  });

  it('replaces the scenarios when the attribute changes, and names a bad tab in its notice', () => {
    const { rerender } = render(<LeverageLens views="chart,amplification,scenarios" scenarios={scenariosAttribute([{ name: 'Calm', leverage: '3' }])} />);
    expect(savedNames()).toEqual(['Calm']);
    rerender(<LeverageLens views="chart,amplification,scenarios" scenarios={scenariosAttribute([{ name: 'Bold', leverage: '25' }])} chart="pie" />);
    expect(savedNames()).toEqual(['Bold']);
    expect(screen.getByRole('tab', { name: 'Equity vs price' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByText(/could not be used/).textContent).toContain('Chart tab (chart) must be one of equity, amplification.');
  });
});
