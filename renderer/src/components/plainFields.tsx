import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

// The field shell (label, hint, translated error) and the plain text input, apart from the
// date and time fields in fields.tsx: a screen that only needs a text box (the safety banner
// on the first screen) does not load React Aria's date fields (issue 12).

export interface BaseProps {
  label: string;
  error?: string;
  hint?: string;
  className?: string;
}

export function Shell({
  id,
  label,
  error,
  hint,
  className,
  children,
}: BaseProps & { id: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className={`field ${error ? 'field-invalid' : ''} ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && !error && (
        <span className="field-hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {error && (
        <span className="field-error" id={`${id}-error`} role="alert">
          {t(error as 'errors.invalid')}
        </span>
      )}
    </div>
  );
}

/** A one-line text box with a label: fields.tsx's TextInput without its date and time types. */
export function PlainTextInput({
  value,
  onChange,
  ...props
}: BaseProps & { value: string; onChange: (value: string) => void }) {
  const id = useId();
  const described = props.error ? `${id}-error` : props.hint ? `${id}-hint` : undefined;
  return (
    <Shell id={id} {...props}>
      <input
        id={id}
        type="text"
        value={value}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={described}
        onChange={(e) => onChange(e.target.value)}
      />
    </Shell>
  );
}

export function FormError({ message }: { message?: string }) {
  return message ? (
    <p className="form-error" role="alert">
      {message}
    </p>
  ) : null;
}
