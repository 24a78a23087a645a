import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ChartPanel } from '../../src/chart/ChartPanel';
import { CalculatorProvider } from '../../src/store/context';
import { createCalculatorStore } from '../../src/store/calculatorStore';
import { failOnConsoleErrors } from '../ui/helpers';

// jsdom applies no stylesheet: the options are in the document whatever the width, and these tests drive the
// disclosure's state, keyboard and controls. Which width hides them is checked in Chromium (test/browser/first-screen).

function renderPanel(): void {
  render(
    <div style={{ width: 375, height: 600 }}>
      <CalculatorProvider store={createCalculatorStore()}>
        <ChartPanel />
      </CalculatorProvider>
    </div>,
  );
}

function optionsToggle(): HTMLElement {
  return within(screen.getByRole('group', { name: 'Chart tools' })).getByRole('button', { name: 'Chart options' });
}

/** The region the toggle controls, found as a screen reader finds it: by aria-controls. */
function optionsRegion(): HTMLElement {
  const region = document.getElementById(optionsToggle().getAttribute('aria-controls') ?? '');
  if (region === null) throw new Error('the Chart options button controls no element');
  return region;
}

const legendEntries = (): string[] => within(screen.getByRole('list', { name: 'Legend' })).getAllByRole('listitem').map((item) => item.textContent?.trim() ?? '');

describe('Chart options', () => {
  failOnConsoleErrors();
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('opens and closes from the keyboard; Escape closes it and gives the focus back to the button', async () => {
    const user = userEvent.setup();
    renderPanel();
    const toggle = optionsToggle();
    // Visible words on the button, part of its accessible name (voice control users say what they see).
    expect(toggle.textContent).toContain('Options');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    const region = optionsRegion();
    expect(within(region).getByRole('button', { name: 'Download PNG' })).toHaveProperty('disabled', false);
    expect(within(region).getByRole('checkbox', { name: '7-day price range' })).toHaveProperty('checked', true);
    // The price range tools stay outside it, on the line.
    expect(within(region).queryByRole('button', { name: 'Hold axes' })).toBeNull();

    toggle.focus();
    await user.keyboard('{Enter}');
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    await user.keyboard(' ');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    await user.keyboard('{Enter}');
    await user.tab();
    expect(document.activeElement).toBe(within(region).getByRole('checkbox', { name: '7-day price range' }));
    // The Escape that closes the options goes no further (the presenter view would close on it too); once they are
    // closed, Escape is left to whoever else listens.
    const escapesAbove: string[] = [];
    const listener = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') escapesAbove.push(document.activeElement?.textContent ?? '');
    };
    document.addEventListener('keydown', listener);
    await user.keyboard('{Escape}');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(toggle);
    expect(escapesAbove).toEqual([]);
    await user.keyboard('{Escape}');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(escapesAbove).toHaveLength(1);
    document.removeEventListener('keydown', listener);
  });

  it('keeps its controls working: the range toggle redraws the chart, Download CSV saves the curve', async () => {
    const user = userEvent.setup();
    renderPanel();
    const toggle = optionsToggle();
    toggle.focus();
    await user.keyboard('{Enter}');
    const region = optionsRegion();

    await user.tab();
    expect(legendEntries()).toContain('7-day price range (±1σ, ±2σ)');
    await user.keyboard(' ');
    expect(within(region).getByRole('checkbox', { name: '7-day price range' })).toHaveProperty('checked', false);
    expect(legendEntries()).not.toContain('7-day price range (±1σ, ±2σ)');

    // jsdom does not navigate, and Node's object URLs take Node's blobs only: the download is caught at its link.
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:chart-tools-test');
    vi.spyOn(URL, 'revokeObjectURL').mockReturnValue(undefined);
    const saved: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    await user.click(within(region).getByRole('button', { name: 'Download CSV' }));
    expect(saved).toEqual(['leverage-lens-equity.csv']);
    expect(screen.getByText('The equity curve was saved as a CSV file.').getAttribute('role')).toBe('status');
  });
});
