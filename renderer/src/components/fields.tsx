import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { parseDate, parseTime, type CalendarDate, type Time } from '@internationalized/date';
import {
  Button as AriaButton,
  Calendar,
  CalendarCell,
  CalendarGrid,
  DateInput as AriaDateInput,
  DatePicker,
  DateSegment,
  Dialog,
  FieldError,
  Group,
  Heading,
  Label,
  Popover,
  Text,
  TimeField,
} from 'react-aria-components';
import { Button } from './Button';
import { FormError, Shell, type BaseProps } from './plainFields';

export { FormError };

// Inputs with a label, a hint and a translated error: accessible and keyboard-friendly.
// Dates and times are React Aria fields in the app's locale (I18nProvider), so they are
// typed the same way ("15. 12. 2026", "9:30") in Electron and in any browser, whatever the
// system locale; the values stay ISO ("2026-12-15", "09:30").

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
  if (type === 'date') return <DateInput value={value} onChange={onChange} {...props} />;
  if (type === 'time') return <TimeInput value={value} onChange={onChange} {...props} />;
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

interface DateTimeProps extends BaseProps {
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
  autoFocus?: boolean;
}

function parseOrNull<T>(parse: (v: string) => T, value: string): T | null {
  try {
    return value ? parse(value) : null;
  } catch {
    return null;
  }
}

function FieldMessages({ hint, error }: { hint?: string; error?: string }) {
  const { t } = useTranslation();
  return (
    <>
      {hint && !error && (
        <Text slot="description" className="field-hint">
          {hint}
        </Text>
      )}
      <FieldError className="field-error">{error ? t(error as 'errors.invalid') : ''}</FieldError>
    </>
  );
}

/** A date typed segment by segment in the app's locale, or picked from a calendar. */
export function DateInput({
  value,
  onChange,
  label,
  error,
  hint,
  className,
  ...rest
}: DateTimeProps) {
  return (
    <DatePicker<CalendarDate>
      className={`field ${error ? 'field-invalid' : ''} ${className ?? ''}`}
      value={parseOrNull(parseDate, value)}
      onChange={(d) => onChange(d ? d.toString() : '')}
      isInvalid={Boolean(error)}
      isRequired={rest.required}
      autoFocus={rest.autoFocus}
      validationBehavior="aria"
    >
      <Label>{label}</Label>
      <Group className="date-field">
        <AriaDateInput className="date-segments">
          {(segment) => <DateSegment segment={segment} className="date-segment" />}
        </AriaDateInput>
        <AriaButton className="date-button">
          <span aria-hidden="true">▾</span>
        </AriaButton>
      </Group>
      <FieldMessages hint={hint} error={error} />
      <Popover className="date-popover" placement="bottom end">
        <Dialog className="date-dialog" aria-label={label}>
          <Calendar className="calendar">
            <header className="calendar-head">
              <AriaButton slot="previous" className="calendar-nav">
                <span aria-hidden="true">‹</span>
              </AriaButton>
              <Heading className="calendar-title" />
              <AriaButton slot="next" className="calendar-nav">
                <span aria-hidden="true">›</span>
              </AriaButton>
            </header>
            <CalendarGrid className="calendar-grid">
              {(date) => <CalendarCell date={date} className="calendar-cell" />}
            </CalendarGrid>
          </Calendar>
        </Dialog>
      </Popover>
    </DatePicker>
  );
}

/** A time of day (24-hour, minutes) typed in the app's locale; stored as "HH:MM". */
export function TimeInput({
  value,
  onChange,
  label,
  error,
  hint,
  className,
  ...rest
}: DateTimeProps) {
  return (
    <TimeField<Time>
      className={`field ${error ? 'field-invalid' : ''} ${className ?? ''}`}
      value={parseOrNull(parseTime, value)}
      onChange={(v) => onChange(v ? v.toString().slice(0, 5) : '')}
      isInvalid={Boolean(error)}
      isRequired={rest.required}
      autoFocus={rest.autoFocus}
      validationBehavior="aria"
      hourCycle={24}
    >
      <Label>{label}</Label>
      <AriaDateInput className="date-field date-segments">
        {(segment) => <DateSegment segment={segment} className="date-segment" />}
      </AriaDateInput>
      <FieldMessages hint={hint} error={error} />
    </TimeField>
  );
}

/**
 * A small time field inside a row (arrival and departure in the attendance list): the visible
 * word is short, the accessible name says whose time it is.
 */
export function InlineTimeInput({
  label,
  visibleLabel,
  value,
  onChange,
  readOnly,
}: {
  label: string;
  visibleLabel: string;
  value: string;
  onChange: (value: string) => void;
  readOnly?: boolean;
}) {
  return (
    <TimeField<Time>
      className="inline-time"
      aria-label={label}
      value={parseOrNull(parseTime, value)}
      onChange={(v) => onChange(v ? v.toString().slice(0, 5) : '')}
      isReadOnly={readOnly}
      hourCycle={24}
    >
      <span aria-hidden="true">{visibleLabel}</span>
      <AriaDateInput className="date-field date-segments inline-time-field">
        {(segment) => <DateSegment segment={segment} className="date-segment" />}
      </AriaDateInput>
    </TimeField>
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
