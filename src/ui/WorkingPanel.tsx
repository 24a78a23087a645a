import { useId, useMemo, useRef, useState } from 'react';
import { useCopyText } from './useCopyText';
import type { FormEvent, ReactNode } from 'react';
import { useDerived } from '../store/context';
import { useFormatter } from '../store/format';
import { readerDifference, workedFigureOf, workingView } from '../view/working';
import type { DifferenceView, WorkingLine } from '../view/working';
import type { HeadlineRow } from '../view/readings';

/** Copies the working as text; without clipboard access it selects the text for Ctrl+C. */
function CopyWorking({ text, title }: { text: string; title: string }): ReactNode {
  const areaRef = useRef<HTMLTextAreaElement>(null);
  const { copy, copyText } = useCopyText(areaRef);
  const onCopy = (): Promise<void> => copyText(text);
  return (
    <div className="lev-working__copy">
      <button type="button" className="lev-button lev-button--quiet" aria-label={`Copy the working of the ${title.toLowerCase()} as text`} onClick={() => void onCopy()}>
        Copy
      </button>
      <span role="status">{copy === 'copied' ? 'Copied' : copy === 'manual' ? 'Press Ctrl+C (⌘C on a Mac) to copy the selected text.' : ''}</span>
      {copy === 'manual' ? <textarea ref={areaRef} className="lev-input lev-working__text" readOnly aria-label="The working as text" value={text} rows={8} /> : null}
    </div>
  );
}

function StepLine({ line }: { line: WorkingLine }): ReactNode {
  return (
    <li data-step={line.symbol}>
      <span className="lev-working__equation">
        <span className="lev-working__symbol">{line.symbol}</span>
        {line.formula !== null ? <span className="lev-working__formula"> = {line.formula}</span> : null}
        {line.substituted !== null ? <span className="lev-working__substituted"> = {line.substituted}</span> : null}
        <span className="lev-working__value">
          {' = '}
          <strong>{line.value}</strong>
        </span>
      </span>
      <span className="lev-working__words">{line.words}</span>
    </li>
  );
}

function DifferenceResult({ view }: { view: DifferenceView }): ReactNode {
  if (!view.ok) return <p className="lev-field__error">{view.message}</p>;
  return (
    <>
      <p>
        Model {view.model}, yours {view.reader}: a difference of {view.gap}.
      </p>
      <table className="lev-working__terms">
        <caption className="lev-visually-hidden">What explains the difference</caption>
        <thead>
          <tr>
            <th scope="col">Convention switched</th>
            <th scope="col">Explains</th>
            <th scope="col">Share</th>
          </tr>
        </thead>
        <tbody>
          {view.lines.map((line) => (
            <tr key={line.key} data-term={line.key}>
              <th scope="row">{line.label}</th>
              <td>{line.amount}</td>
              <td>{line.share}</td>
            </tr>
          ))}
          <tr data-term="unexplained">
            <th scope="row">Unexplained</th>
            <td>{view.unexplained}</td>
            <td />
          </tr>
        </tbody>
      </table>
    </>
  );
}

/** Why my number differs: the reader types their exchange's liquidation price and the model splits the gap. */
function WhyDiffers(): ReactNode {
  const { shown, shownSpec, tick, venue } = useDerived();
  const format = useFormatter();
  const id = useId();
  const [typed, setTyped] = useState('');
  const [asked, setAsked] = useState<string | null>(null);
  const view = useMemo(
    () => (asked === null || shown === null || shownSpec === null ? null : readerDifference(shownSpec, shown, asked, { tick, venue }, format)),
    [asked, shown, shownSpec, tick, venue, format],
  );
  const onSubmit = (event: FormEvent): void => {
    event.preventDefault();
    setAsked(typed);
  };
  return (
    <form className="lev-working__differs" onSubmit={onSubmit} aria-labelledby={`${id}title`}>
      <h3 id={`${id}title`}>Why my number differs</h3>
      <label htmlFor={`${id}figure`}>The liquidation price your exchange shows</label>
      <div className="lev-working__ask">
        <input id={`${id}figure`} className="lev-input" inputMode="decimal" autoComplete="off" value={typed} onChange={(event) => setTyped(event.target.value)} />
        <button type="submit" className="lev-button">
          Explain
        </button>
      </div>
      <div role="status">{view === null ? null : <DifferenceResult view={view} />}</div>
    </form>
  );
}

/** The derivation of one headline figure: the rule, the inputs, the model's steps, the convention and the source. */
export function WorkingPanel({ id, row }: { id: string; row: HeadlineRow }): ReactNode {
  const { shown, shownSpec, tick, venue } = useDerived();
  const format = useFormatter();
  const view = useMemo(
    () => (shown === null || shownSpec === null ? null : workingView(shownSpec, shown, row.key, { tick, venue }, format, row.value)),
    [shown, shownSpec, row.key, row.value, tick, venue, format],
  );
  if (view === null) {
    return (
      <div id={id} className="lev-working">
        <p>This figure has no working to show for these inputs.</p>
      </div>
    );
  }
  return (
    <div id={id} className="lev-working" role="region" aria-label={`How the ${view.title.toLowerCase()} is worked out`} data-working={row.key}>
      <p className="lev-working__rule">{view.rule}</p>
      <p className="lev-working__symbols">
        <code>{view.symbols}</code>
      </p>
      <ul className="lev-working__given" aria-label="Inputs">
        {view.given.map((line) => (
          <li key={line.symbol}>
            <span className="lev-working__symbol">{line.symbol}</span> = <strong>{line.value}</strong> <span className="lev-working__words">{line.words}</span>
          </li>
        ))}
      </ul>
      <ol className="lev-working__steps" aria-label="Steps">
        {view.steps.map((line) => (
          <StepLine key={line.symbol} line={line} />
        ))}
      </ol>
      {view.notes.map((note) => (
        <p key={note}>{note}</p>
      ))}
      <p className="lev-working__convention">
        <strong>Convention:</strong> {view.convention}
      </p>
      {view.source !== null ? (
        <p className="lev-working__source">
          <strong>Source:</strong> {view.source}
        </p>
      ) : null}
      <CopyWorking text={view.text} title={view.title} />
      {row.key === 'liquidationPrice' ? <WhyDiffers /> : null}
    </div>
  );
}

/** The disclosure next to a headline figure: a button that opens and closes its working. */
export function WorkingDisclosure({ row }: { row: HeadlineRow }): ReactNode {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <>
      {/* The name says which figure (the visible text starts it, so speech input still finds it); not a text node, so the row's own text stays unique. */}
      <button
        type="button"
        className="lev-working__toggle"
        aria-label={`${open ? 'Hide' : 'Show'} the working of the ${row.label.toLowerCase()}`}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen((was) => !was)}
      >
        {open ? 'Hide the working' : 'Show the working'}
      </button>
      {open ? <WorkingPanel id={panelId} row={row} /> : null}
    </>
  );
}

/** For ResultRows: the disclosure for rows whose figure has a working, nothing for the others. */
export function workingDetail(row: HeadlineRow): ReactNode {
  if (workedFigureOf(row.key) === null || row.value === 'None' || row.value === '—') return null;
  return (
    <dd className="lev-headline__working">
      <WorkingDisclosure row={row} />
    </dd>
  );
}
