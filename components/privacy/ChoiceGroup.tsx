import { useId } from 'react';

interface Props<T extends string> {
  legend: string;
  hint: string;
  value: T;
  options: { value: T; label: string }[];
  onChange(value: T): void;
  testId?: string;
}

/** A radio group (arrow keys move between options, as native radios do). */
export function ChoiceGroup<T extends string>({ legend, hint, value, options, onChange, testId }: Props<T>) {
  const name = useId();
  return (
    <fieldset className="sw-field sw-choice" aria-describedby={`${name}-hint`} data-testid={testId}>
      <legend>{legend}</legend>
      <p id={`${name}-hint`} className="sw-hint">
        {hint}
      </p>
      {options.map((o) => (
        <label key={o.value} className="sw-radio">
          <input
            type="radio"
            name={name}
            value={o.value}
            checked={value === o.value}
            data-testid={testId ? `${testId}-${o.value}` : undefined}
            onChange={() => onChange(o.value)}
          />
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}
