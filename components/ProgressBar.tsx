/** A progress bar with an accessible name and value (`valueText` is what screen readers announce). */
export function ProgressBar(props: { label: string; value: number; max: number; valueText: string; testId?: string }) {
  const { label, value, max, valueText } = props;
  const pct = max > 0 ? Math.min(100, Math.max(0, (value / max) * 100)) : 0;
  return (
    <div
      className="bar"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={Math.min(value, max)}
      aria-valuetext={valueText}
      data-testid={props.testId}
    >
      <div className="bar-fill" style={{ width: `${pct}%` }} />
    </div>
  );
}
