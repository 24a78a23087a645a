import { memo, useId } from 'react';
import type { ReactNode } from 'react';
import type { FieldDefinition } from '../config/schema';

export interface FieldStatus {
  error?: string | undefined;
  /** The value differs from the venue preset. */
  custom?: boolean;
  /** Extra line under the field (e.g. "Worked out from …"). */
  note?: string | undefined;
}

export interface FrameIds {
  inputId: string;
  errorId: string;
  hintId: string;
  noteId: string;
  badgeId: string;
}

/** The message first: tests and screen readers read the error before the hint. */
export function describedBy(ids: FrameIds, status: FieldStatus): string {
  return [status.error !== undefined ? ids.errorId : null, status.note !== undefined ? ids.noteId : null, status.custom === true ? ids.badgeId : null, ids.hintId]
    .filter((id) => id !== null)
    .join(' ');
}

export function useFrameIds(): FrameIds {
  const base = useId();
  return { inputId: `${base}input`, errorId: `${base}error`, hintId: `${base}hint`, noteId: `${base}note`, badgeId: `${base}badge` };
}

interface FrameProps {
  field: FieldDefinition;
  ids: FrameIds;
  status: FieldStatus;
  children: ReactNode;
  /** Checkboxes put their label after the box. */
  labelAfter?: boolean;
}

export function FieldFrame({ field, ids, status, children, labelAfter = false }: FrameProps): ReactNode {
  const label = (
    <label htmlFor={ids.inputId} className="lev-field__label">
      {field.label}
    </label>
  );
  return (
    <div className={`lev-field${status.error !== undefined ? ' lev-field--invalid' : ''}`} data-field={field.key}>
      {labelAfter ? null : (
        <div className="lev-field__head">
          {label}
          {status.custom === true ? <span className="lev-badge" id={ids.badgeId} title="Changed from the venue preset">
              custom
            </span> : null}
        </div>
      )}
      {labelAfter ? (
        <div className="lev-field__check">
          {children}
          {label}
          {status.custom === true ? (
            <span className="lev-badge" id={ids.badgeId}>
              custom
            </span>
          ) : null}
        </div>
      ) : (
        children
      )}
      {status.error !== undefined ? (
        <p id={ids.errorId} className="lev-field__error">
          <span aria-hidden="true">⚠ </span>
          {status.error}
        </p>
      ) : null}
      {status.note !== undefined ? (
        <p id={ids.noteId} className="lev-field__note">
          {status.note}
        </p>
      ) : null}
      <p id={ids.hintId} className="lev-field__hint">
        {field.hint}
      </p>
    </div>
  );
}

export interface TextFieldProps extends FieldStatus {
  field: FieldDefinition;
  value: string;
  onChange: (value: string) => void;
  unit?: string;
  readOnly?: boolean;
  multiline?: boolean;
}

/** Numbers are typed as text so every keystroke reaches the model's validation (type=number hides bad text). */
// Memoized: a slider step re-renders the inputs panel, and only the fields whose props changed need to follow.
export const TextField = memo(function TextField({ field, value, onChange, unit = '', readOnly = false, multiline = false, ...status }: TextFieldProps): ReactNode {
  const ids = useFrameIds();
  const invalid = status.error !== undefined;
  const common = {
    id: ids.inputId,
    value,
    readOnly,
    'aria-invalid': invalid,
    'aria-describedby': describedBy(ids, status),
    className: `lev-input${readOnly ? ' lev-input--derived' : ''}`,
    spellCheck: false,
    autoComplete: 'off',
  } as const;
  return (
    <FieldFrame field={field} ids={ids} status={status}>
      <div className="lev-field__control">
        {multiline ? (
          <textarea {...common} rows={3} onChange={(event) => onChange(event.target.value)} />
        ) : (
          <input {...common} type="text" inputMode={field.kind === 'levels' ? 'text' : 'decimal'} onChange={(event) => onChange(event.target.value)} />
        )}
        {unit !== '' ? (
          <span className="lev-unit" aria-hidden="true">
            {unit}
          </span>
        ) : null}
      </div>
    </FieldFrame>
  );
});

export interface SelectFieldProps extends FieldStatus {
  field: FieldDefinition;
  value: string;
  onChange: (value: string) => void;
  options?: readonly { value: string; label: string }[];
}

export const SelectField = memo(function SelectField({ field, value, onChange, options, ...status }: SelectFieldProps): ReactNode {
  const ids = useFrameIds();
  const choices = options ?? field.options ?? [];
  return (
    <FieldFrame field={field} ids={ids} status={status}>
      <select
        id={ids.inputId}
        className="lev-select"
        value={value}
        aria-invalid={status.error !== undefined}
        aria-describedby={describedBy(ids, status)}
        onChange={(event) => onChange(event.target.value)}
      >
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
});

export interface CheckboxFieldProps extends FieldStatus {
  field: FieldDefinition;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

export const CheckboxField = memo(function CheckboxField({ field, checked, onChange, ...status }: CheckboxFieldProps): ReactNode {
  const ids = useFrameIds();
  return (
    <FieldFrame field={field} ids={ids} status={status} labelAfter>
      <input
        id={ids.inputId}
        type="checkbox"
        className="lev-checkbox"
        checked={checked}
        aria-describedby={describedBy(ids, status)}
        onChange={(event) => onChange(event.target.checked)}
      />
    </FieldFrame>
  );
});

export interface SegmentedFieldProps extends FieldStatus {
  field: FieldDefinition;
  value: string;
  onChange: (value: string) => void;
}

/** A radio group drawn as segmented buttons: arrow keys move between the choices, as radios do. */
export const SegmentedField = memo(function SegmentedField({ field, value, onChange, ...status }: SegmentedFieldProps): ReactNode {
  const ids = useFrameIds();
  return (
    <fieldset className="lev-segmented" aria-describedby={describedBy(ids, status)} data-field={field.key}>
      <legend className="lev-field__label">{field.label}</legend>
      <div className="lev-segmented__options">
        {(field.options ?? []).map((option) => (
          <label key={option.value} className="lev-segmented__option">
            <input type="radio" name={ids.inputId} value={option.value} checked={value === option.value} onChange={() => onChange(option.value)} />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      {status.error !== undefined ? (
        <p id={ids.errorId} className="lev-field__error">
          {status.error}
        </p>
      ) : null}
      <p id={ids.hintId} className="lev-field__hint">
        {field.hint}
      </p>
    </fieldset>
  );
});
