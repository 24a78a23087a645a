import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { fieldDefinition } from '../config/schema';
import type { InputKey } from '../config/schema';
import { useCalculator } from '../store/context';
import { useCopyText } from '../ui/useCopyText';
import { useFormatter } from '../store/format';
import { embedSnippets } from './embedSnippets';
import type { EmbedSnippets } from './embedSnippets';
import './embed-dialog.css';

const controlChoices: readonly InputKey[] = ['side', 'entry', 'collateral', 'leverage', 'venue'];
const viewChoices: readonly { value: string; label: string }[] = [
  { value: 'chart', label: 'Equity chart' },
  { value: 'figures', label: 'Key figures' },
  { value: 'results', label: 'Every figure, the odds and the convention' },
  { value: 'amplification', label: 'Amplification chart' },
  { value: 'scenarios', label: 'Scenarios' },
];

const snippetLabels: Record<keyof EmbedSnippets, { title: string; note: string }> = {
  element: { title: 'Custom element', note: 'One script tag and one element; works on any HTML page.' },
  iframe: { title: 'iframe', note: 'Fully isolated. The optional host script sizes the frame to its content; without it the height stays fixed.' },
  react: { title: 'React (npm package)', note: 'For React apps: the component, with react and react-dom from your app.' },
};

function Snippet({ kind, code }: { kind: keyof EmbedSnippets; code: string }): ReactNode {
  const id = useId();
  const areaRef = useRef<HTMLTextAreaElement>(null);
  const { copy, copyText } = useCopyText(areaRef);
  const onCopy = (): Promise<void> => copyText(code);
  const label = snippetLabels[kind];

  return (
    <div className="lev-snippet" data-snippet={kind}>
      <div className="lev-snippet__head">
        <label htmlFor={`${id}code`} className="lev-snippet__title">
          {label.title}
        </label>
        <button type="button" className="lev-button" aria-label={`Copy the ${label.title} snippet`} onClick={() => void onCopy()}>
          Copy
        </button>
        <span role="status" className="lev-snippet__status">
          {copy === 'copied' ? 'Copied' : copy === 'manual' ? 'Press Ctrl+C (⌘C on a Mac) to copy the selected snippet.' : ''}
        </span>
      </div>
      <p id={`${id}note`} className="lev-snippet__note">
        {label.note}
      </p>
      <textarea
        id={`${id}code`}
        ref={areaRef}
        className="lev-input lev-snippet__code"
        readOnly
        spellCheck={false}
        rows={Math.min(14, code.split('\n').length + 1)}
        value={code}
        aria-describedby={`${id}note`}
        onFocus={(event) => event.target.select()}
      />
    </div>
  );
}

function toggled(list: readonly string[], value: string, on: boolean): string[] {
  return on ? [...new Set([...list, value])] : list.filter((item) => item !== value);
}

/** Where this app is served from: the element script, iframe page and host script sit beside it. */
function appBase(): string {
  return new URL('./', window.location.href).href;
}

/**
 * The Embed button and its modal dialog: the three snippets for the current state (native <dialog>, so focus
 * stays inside and Escape closes it), with the reader's controls and the panels chosen here.
 */
export function EmbedDialog(): ReactNode {
  const inputs = useCalculator((state) => state.inputs);
  const theme = useCalculator((state) => state.theme);
  const format = useFormatter();
  const [open, setOpen] = useState(false);
  const [controls, setControls] = useState<string[]>(['leverage']);
  const [views, setViews] = useState<string[]>(['chart', 'figures']);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const headingId = useId();

  const orderedControls = useMemo(() => controlChoices.filter((key) => controls.includes(key)), [controls]);
  const orderedViews = useMemo(() => viewChoices.map((view) => view.value).filter((view) => views.includes(view)), [views]);
  const snippets = useMemo(
    () => (open ? embedSnippets(appBase(), { inputs, theme, controls: orderedControls, views: orderedViews, locale: format.locale, currency: format.currency }) : null),
    [open, inputs, theme, orderedControls, orderedViews, format],
  );

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog === null) return;
    if (open && !dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    } else if (!open && dialog.open) {
      if (typeof dialog.close === 'function') dialog.close();
      else dialog.removeAttribute('open');
    }
  }, [open]);

  const close = (): void => {
    setOpen(false);
    buttonRef.current?.focus();
  };

  return (
    <>
      <button ref={buttonRef} type="button" className="lev-button lev-button--quiet" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Embed
      </button>
      <dialog ref={dialogRef} className="lev-dialog" aria-labelledby={headingId} onClose={close}>
        {snippets !== null ? (
          <div className="lev-dialog__body">
            <div className="lev-dialog__head">
              <h2 id={headingId}>Embed this calculation</h2>
              <button type="button" className="lev-button lev-button--quiet" onClick={close}>
                Close
              </button>
            </div>
            <p className="lev-dialog__intro">
              Each snippet carries the current inputs with the same names and values as this page’s links (rates as fractions, so 0.004 is 0.4 %). The
              reader can change only the inputs ticked below; everything else stays as you set it.
            </p>
            <div className="lev-dialog__choices">
              <fieldset className="lev-group">
                <legend>The reader can change</legend>
                {controlChoices.map((key) => (
                  <label key={key} className="lev-dialog__choice">
                    <input type="checkbox" checked={controls.includes(key)} onChange={(event) => setControls(toggled(controls, key, event.target.checked))} />
                    {fieldDefinition(key).label}
                  </label>
                ))}
              </fieldset>
              <fieldset className="lev-group">
                <legend>Panels</legend>
                {viewChoices.map((view) => (
                  <label key={view.value} className="lev-dialog__choice">
                    <input type="checkbox" checked={views.includes(view.value)} onChange={(event) => setViews(toggled(views, view.value, event.target.checked))} />
                    {view.label}
                  </label>
                ))}
              </fieldset>
            </div>
            <Snippet kind="element" code={snippets.element} />
            <Snippet kind="iframe" code={snippets.iframe} />
            <Snippet kind="react" code={snippets.react} />
          </div>
        ) : null}
      </dialog>
    </>
  );
}
