import { useId } from 'react';

interface Props {
  label: string;
  /** One line saying what switching this on means. */
  hint: string;
  checked: boolean;
  onChange(checked: boolean): void;
  disabled?: boolean;
  testId?: string;
}

/** A labelled switch with its one-line explanation, announced together by screen readers. */
export function PrivacyToggle({ label, hint, checked, onChange, disabled, testId }: Props) {
  const id = useId();
  return (
    <div className="sw-field">
      <input
        id={id}
        type="checkbox"
        role="switch"
        checked={checked}
        disabled={disabled}
        aria-describedby={`${id}-hint`}
        data-testid={testId}
        onChange={(e) => onChange(e.currentTarget.checked)}
      />
      <label htmlFor={id}>{label}</label>
      <p id={`${id}-hint`} className="sw-hint">
        {hint}
      </p>
    </div>
  );
}
