import { useSyncExternalStore } from 'react';

/**
 * The locale a server-rendered widget is written in when its author gave none. The server cannot know the reader's
 * locale, so the first client render (hydration) uses this one too, and only then switches to the reader's: a
 * server in en-US and a reader in de-DE would otherwise disagree on every figure (React error #418).
 */
export const SERVER_LOCALE = 'en-US';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('languagechange', onChange);
  return () => window.removeEventListener('languagechange', onChange);
}

/** The runtime's own default: what Intl uses when given no locale (in a browser, the reader's). */
function runtimeLocale(): string {
  return new Intl.NumberFormat().resolvedOptions().locale;
}

function serverLocale(): string {
  return SERVER_LOCALE;
}

/**
 * The reader's locale, except while hydrating server markup, when it is SERVER_LOCALE; React then renders again
 * with the reader's. A widget rendered only in the browser gets the reader's locale from its first render.
 */
export function useReaderLocale(): string {
  return useSyncExternalStore(subscribe, runtimeLocale, serverLocale);
}
