import { useState, type InputHTMLAttributes } from 'react';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> & {
  value: string;
  onValue(value: string): void;
};

/**
 * A text input that holds its own draft while it has focus: each key is sent on, but the stored value
 * coming back (trimmed, or late) replaces the draft only when the employee is not typing in it.
 */
export function DraftInput({ value, onValue, onFocus, onBlur, ...rest }: Props) {
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <input
      {...rest}
      value={draft ?? value}
      onFocus={(e) => {
        setDraft(value);
        onFocus?.(e);
      }}
      onBlur={(e) => {
        setDraft(null);
        onBlur?.(e);
      }}
      onChange={(e) => {
        setDraft(e.currentTarget.value);
        onValue(e.currentTarget.value);
      }}
    />
  );
}
