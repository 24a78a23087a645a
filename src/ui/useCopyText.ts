import { useEffect, useState } from 'react';
import type { RefObject } from 'react';

export type CopyState = 'idle' | 'copied' | 'manual';

/**
 * Copies text with the async clipboard; where there is none (an insecure context, a refused permission) it focuses and
 * selects the text in `fallback` so Ctrl+C copies it. 'copied' clears itself after four seconds.
 */
export function useCopyText(fallback: RefObject<HTMLTextAreaElement | null>): { copy: CopyState; copyText: (text: string) => Promise<void> } {
  const [copy, setCopy] = useState<CopyState>('idle');
  useEffect(() => {
    if (copy !== 'copied') return undefined;
    const timer = setTimeout(() => setCopy('idle'), 4000);
    return () => clearTimeout(timer);
  }, [copy]);
  // The text area may only be rendered once the state says so: select it after that render.
  useEffect(() => {
    if (copy !== 'manual') return;
    fallback.current?.focus();
    fallback.current?.select();
  }, [copy, fallback]);
  const copyText = async (text: string): Promise<void> => {
    const clipboard: Clipboard | undefined = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
    try {
      if (clipboard === undefined || typeof clipboard.writeText !== 'function') throw new Error('no clipboard');
      await clipboard.writeText(text);
      setCopy('copied');
    } catch {
      setCopy('manual');
    }
  };
  return { copy, copyText };
}
