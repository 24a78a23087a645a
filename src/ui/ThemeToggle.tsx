import { useId } from 'react';
import type { ReactNode } from 'react';
import { useCalculator, useCalculatorStore } from '../store/context';
import type { ThemeChoice } from '../store/calculatorStore';

const choices: readonly { value: ThemeChoice; label: string }[] = [
  { value: 'auto', label: 'Auto' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

/** Auto follows the system (prefers-color-scheme); the choice sets data-theme on the app root. */
export function ThemeToggle(): ReactNode {
  const store = useCalculatorStore();
  const theme = useCalculator((state) => state.theme);
  const name = useId();
  return (
    <fieldset className="lev-segmented lev-segmented--small lev-theme-toggle">
      <legend className="lev-visually-hidden">Theme</legend>
      <div className="lev-segmented__options">
        {choices.map((choice) => (
          <label key={choice.value} className="lev-segmented__option">
            <input type="radio" name={name} value={choice.value} checked={theme === choice.value} onChange={() => store.getState().setTheme(choice.value)} />
            <span>{choice.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
