import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './Button';

// Native inputs with a label, a hint and a translated error: accessible, keyboard-friendly,
// and the date/time pickers come from the platform rather than from hand-written code.

interface BaseProps {
  label: string;
  error?: string;
  hint?: string;
  className?: string;
}

function Shell({
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

interface TextProps extends BaseProps {
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'email' | 'tel' | 'date' | 'time' | 'number' | 'search';
  placeholder?: string;
  autoFocus?: boolean;
  required?: boolean;
  min?: number;
  max?: number;
  multiline?: boolean;
}

export function TextInput({ value, onChange, type = 'text', multiline, ...props }: TextProps) {
  const id = useId();
  const described = props.error ? `${id}-error` : props.hint ? `${id}-hint` : undefined;
  const common = {
    id,
    value,
    placeholder: props.placeholder,
    autoFocus: props.autoFocus,
    'aria-required': props.required || undefined,
    'aria-invalid': props.error ? true : undefined,
    'aria-describedby': described,
  };
  return (
    <Shell id={id} {...props}>
      {multiline ? (
        <textarea {...common} rows={3} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input
          {...common}
          type={type}
          min={props.min}
          max={props.max}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Shell>
  );
}

interface SelectProps extends BaseProps {
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
  emptyLabel?: string;
}

export function SelectInput({ value, onChange, options, emptyLabel, ...props }: SelectProps) {
  const id = useId();
  return (
    <Shell id={id} {...props}>
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={props.error ? true : undefined}
      >
        {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Shell>
  );
}

export function CheckboxInput({
  label,
  checked,
  onChange,
}: {
  label: string;
  checked: boolean;
  onChange: (v: boolean) => void;
}) {
  const id = useId();
  return (
    <div className="field field-check">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

export function FormError({ message }: { message?: string }) {
  return message ? (
    <p className="form-error" role="alert">
      {message}
    </p>
  ) : null;
}

/** The end of every dialog form: the form-level error, Cancel and the submit button. */
export function FormFooter({
  error,
  onCancel,
  submitLabel,
  danger,
}: {
  error?: string;
  onCancel: () => void;
  submitLabel?: string;
  danger?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <FormError message={error} />
      <div className="form-actions">
        <Button onPress={onCancel}>{t('common.cancel')}</Button>
        <Button type="submit" variant={danger ? 'danger' : 'primary'}>
          {submitLabel ?? t('common.save')}
        </Button>
      </div>
    </>
  );
}
