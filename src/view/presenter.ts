/**
 * The presenter view's keys: a projector remote sends PageUp/PageDown, a keyboard the arrow keys. The arrows are the
 * chart's own while its surface has focus (they move the reading), and a tab list's or a field's while one of those
 * has it, so they step only from elsewhere; PageUp/PageDown always step.
 */
export type PresenterAction = { kind: 'step'; to: number } | { kind: 'leave' } | { kind: 'none' };

export interface PresenterKey {
  key: string;
  /** The focused element reads arrow keys itself (the chart surface, a tab, a field, a slider). */
  arrowsTaken: boolean;
}

const NEXT_KEYS: ReadonlySet<string> = new Set(['PageDown', 'ArrowRight']);
const PREVIOUS_KEYS: ReadonlySet<string> = new Set(['PageUp', 'ArrowLeft']);

/** What a key does in a presenter view of `count` steps (the position itself and each saved scenario) at `index`. */
export function presenterAction({ key, arrowsTaken }: PresenterKey, index: number, count: number): PresenterAction {
  if (key === 'Escape') return { kind: 'leave' };
  if (arrowsTaken && key.startsWith('Arrow')) return { kind: 'none' };
  if (count < 2) return { kind: 'none' };
  // Stepping wraps around, so a presenter who went one too far reaches the start again with the same key.
  if (NEXT_KEYS.has(key)) return { kind: 'step', to: (index + 1) % count };
  if (PREVIOUS_KEYS.has(key)) return { kind: 'step', to: (index - 1 + count) % count };
  if (key === 'Home') return { kind: 'step', to: 0 };
  if (key === 'End') return { kind: 'step', to: count - 1 };
  return { kind: 'none' };
}

/** The step's caption: "Your position" first, then the saved scenarios by name, with "2 of 3". */
export function presenterCaption(names: readonly string[], index: number): string {
  const name = names[index] ?? '';
  return names.length < 2 ? name : `${name} (${index + 1} of ${names.length})`;
}
