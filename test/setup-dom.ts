import { afterEach } from 'vitest';

// Pure helper tests among the .tsx files declare `@vitest-environment node`: they render nothing, so they skip
// loading Testing Library and React DOM.
if (typeof document !== 'undefined') {
  const { cleanup } = await import('@testing-library/react');
  afterEach(() => {
    cleanup();
  });
}
