import { useMemo } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';
import { fieldDefinition } from '../../config/schema';
import type { InputKey } from '../../config/schema';
import { useDerived } from '../../store/context';
import { toolContext } from '../../view/readings';
import type { ToolContext } from '../../view/readings';
import { describedBy, FieldFrame, useFrameIds } from '../../ui/Field';
import { unitFor } from '../../ui/inputHelpers';

export function useToolContext(): ToolContext {
  const { venue, inputs, tick } = useDerived();
  return useMemo(() => toolContext(venue, inputs.instrument, tick), [venue, inputs.instrument, tick]);
}

export interface ToolFieldProps {
  fieldKey: InputKey;
  value: string;
  onChange: (value: string) => void;
  error?: string | null | undefined;
  /** Shown while the field is empty: the value in use. */
  placeholder?: string | undefined;
  note?: string | undefined;
  onKeyDown?: (event: KeyboardEvent<HTMLInputElement>) => void;
}

/** A text field from the schema's definition, with a placeholder for the stand-in value and optional key handling. */
export function ToolField({ fieldKey, value, onChange, error, placeholder, note, onKeyDown }: ToolFieldProps): ReactNode {
  const field = fieldDefinition(fieldKey);
  const { inputs, venue } = useDerived();
  const ids = useFrameIds();
  const status = { error: error ?? undefined, note };
  const unit = unitFor(field, inputs.instrument === 'inverse' ? 'inverse' : inputs.instrument === 'loan' ? 'loan' : 'linear', venue);
  return (
    <FieldFrame field={field} ids={ids} status={status}>
      <div className="lev-field__control">
        <input
          id={ids.inputId}
          className="lev-input"
          type="text"
          inputMode="decimal"
          value={value}
          placeholder={placeholder}
          spellCheck={false}
          autoComplete="off"
          aria-invalid={status.error !== undefined}
          aria-describedby={describedBy(ids, status)}
          onChange={(event) => onChange(event.target.value)}
          onKeyDown={onKeyDown}
        />
        {unit !== '' ? (
          <span className="lev-unit" aria-hidden="true">
            {unit}
          </span>
        ) : null}
      </div>
    </FieldFrame>
  );
}

export interface Figure {
  key: string;
  label: string;
  value: string;
  /** A second line in plain words. */
  note?: string;
}

/** Result figures; `data-tool-result` is the stable hook for tests. */
export function Figures({ figures, label }: { figures: readonly Figure[]; label: string }): ReactNode {
  return (
    <dl className="lev-toolbox__figures" aria-label={label}>
      {figures.map((figure) => (
        <div key={figure.key} className="lev-toolbox__figure">
          <dt>{figure.label}</dt>
          <dd data-tool-result={figure.key}>{figure.value}</dd>
          {figure.note !== undefined ? <dd className="lev-toolbox__figure-note">{figure.note}</dd> : null}
        </div>
      ))}
    </dl>
  );
}

/** A problem that blocks the whole tool. */
export function ToolMessage({ children }: { children: ReactNode }): ReactNode {
  return (
    <p className="lev-toolbox__message" role="status">
      {children}
    </p>
  );
}

/** A cell input inside a list (fills, portfolio positions), with its own error line. */
export function CellInput({ label, value, onChange, error, errorId, placeholder }: { label: string; value: string; onChange: (value: string) => void; error?: string | undefined; errorId: string; placeholder?: string | undefined }): ReactNode {
  return (
    <>
      <input
        className="lev-input lev-toolbox__cell"
        type="text"
        inputMode="decimal"
        aria-label={label}
        value={value}
        placeholder={placeholder}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={error !== undefined}
        aria-describedby={error !== undefined ? errorId : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {error !== undefined ? (
        <span id={errorId} className="lev-field__error lev-toolbox__cell-error">
          {error}
        </span>
      ) : null}
    </>
  );
}

/** The remove button of a row in the fills and portfolio tables: named by what it removes. */
export function RemoveRowButton({ label, onRemove }: { label: string; onRemove: () => void }): ReactNode {
  return (
    <button type="button" className="lev-button lev-button--quiet" aria-label={label} onClick={onRemove}>
      ✕
    </button>
  );
}
