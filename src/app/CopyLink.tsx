import { useEffect, useId, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useCalculatorStore } from '../store/context';
import { formatParams, persistedFrom, shareLink } from './urlState';

type CopyState = { kind: 'idle' } | { kind: 'copied' } | { kind: 'manual'; url: string };

function copyWithSelection(input: HTMLInputElement): boolean {
  input.focus();
  input.select();
  try {
    // Older browsers and insecure contexts have no async clipboard; this is their only route.
    return typeof document.execCommand === 'function' && document.execCommand('copy');
  } catch {
    return false;
  }
}

/** Copies the full link (inputs, saved scenarios, open tabs); without clipboard access it shows the link selected in a read-only box. */
export function CopyLink(): ReactNode {
  const store = useCalculatorStore();
  const [copy, setCopy] = useState<CopyState>({ kind: 'idle' });
  const fallbackRef = useRef<HTMLInputElement>(null);
  const fallbackId = useId();

  useEffect(() => {
    if (copy.kind !== 'manual' || fallbackRef.current === null) return;
    if (copyWithSelection(fallbackRef.current)) setCopy({ kind: 'copied' });
  }, [copy]);

  useEffect(() => {
    if (copy.kind !== 'copied') return;
    const timer = setTimeout(() => setCopy({ kind: 'idle' }), 5000);
    return () => clearTimeout(timer);
  }, [copy]);

  const onClick = async (): Promise<void> => {
    // Read at the click: the link needs the state, the button does not need to re-render with it.
    const url = shareLink(window.location.origin, window.location.pathname, persistedFrom(store.getState()), formatParams(window.location.search));
    const clipboard: Clipboard | undefined = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
    try {
      if (clipboard === undefined || typeof clipboard.writeText !== 'function') throw new Error('no clipboard');
      await clipboard.writeText(url);
      setCopy({ kind: 'copied' });
    } catch {
      setCopy({ kind: 'manual', url });
    }
  };

  return (
    <div className="lev-copy">
      <button type="button" className="lev-button" onClick={() => void onClick()}>
        Copy link
      </button>
      {copy.kind === 'manual' ? (
        <span className="lev-copy__fallback">
          <label htmlFor={fallbackId} className="lev-visually-hidden">
            Link to this calculation
          </label>
          <input id={fallbackId} ref={fallbackRef} className="lev-input" readOnly value={copy.url} onFocus={(event) => event.target.select()} />
        </span>
      ) : null}
      <span role="status" className="lev-copy__status">
        {copy.kind === 'copied' ? 'Link copied' : copy.kind === 'manual' ? 'Press Ctrl+C (⌘C on a Mac) to copy the selected link.' : ''}
      </span>
    </div>
  );
}
