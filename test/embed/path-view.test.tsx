import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LeverageLens } from '../../src/embed/LeverageLens';
import { failOnConsoleErrors } from '../ui/helpers';

failOnConsoleErrors();

describe('views=path in an embed', () => {
  it('shows the price-path panel with its controls, and the seed attribute picks the path', async () => {
    render(<LeverageLens entry={50000} leverage={5} views="chart,path" seed={42} />);
    const panel = await screen.findByRole('region', { name: 'Play a price path' });
    // The panel arrives in its own chunk.
    expect(await within(panel).findByRole('group', { name: 'Path controls' }, { timeout: 10000 })).not.toBeNull();
    expect(within(panel).getByText(/Seed 42, 7 days in 168 steps/)).not.toBeNull();
    fireEvent.click(within(panel).getByRole('button', { name: 'Step' }));
    expect(within(panel).getByText(/^Step 1 of 168/)).not.toBeNull();
  });

  it('is not there unless asked for', () => {
    render(<LeverageLens entry={50000} leverage={5} views="chart" />);
    expect(screen.queryByRole('region', { name: 'Play a price path' })).toBeNull();
  });
});
