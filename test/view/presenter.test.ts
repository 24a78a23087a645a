import { describe, expect, it } from 'vitest';
import { presenterAction, presenterCaption } from '../../src/view/presenter';

const free = (key: string) => ({ key, arrowsTaken: false });

describe('presenter keys', () => {
  it('steps forward and back with Page Down/Up and the arrows, wrapping at both ends', () => {
    expect(presenterAction(free('PageDown'), 0, 3)).toEqual({ kind: 'step', to: 1 });
    expect(presenterAction(free('ArrowRight'), 2, 3)).toEqual({ kind: 'step', to: 0 });
    expect(presenterAction(free('PageUp'), 0, 3)).toEqual({ kind: 'step', to: 2 });
    expect(presenterAction(free('ArrowLeft'), 1, 3)).toEqual({ kind: 'step', to: 0 });
    expect(presenterAction(free('Home'), 2, 3)).toEqual({ kind: 'step', to: 0 });
    expect(presenterAction(free('End'), 0, 3)).toEqual({ kind: 'step', to: 2 });
  });

  it('leaves the arrows to the chart surface, a tab or a field that has the focus; Page keys still step', () => {
    expect(presenterAction({ key: 'ArrowRight', arrowsTaken: true }, 0, 3)).toEqual({ kind: 'none' });
    expect(presenterAction({ key: 'PageDown', arrowsTaken: true }, 0, 3)).toEqual({ kind: 'step', to: 1 });
  });

  it('Esc leaves, with or without scenarios; with nothing saved there is nothing to step', () => {
    expect(presenterAction(free('Escape'), 0, 1)).toEqual({ kind: 'leave' });
    expect(presenterAction(free('PageDown'), 0, 1)).toEqual({ kind: 'none' });
    expect(presenterAction(free('a'), 0, 3)).toEqual({ kind: 'none' });
  });

  it('names the step and where it is in the list', () => {
    expect(presenterCaption(['Your position'], 0)).toBe('Your position');
    expect(presenterCaption(['Your position', '10×', '50×'], 2)).toBe('50× (3 of 3)');
  });
});
