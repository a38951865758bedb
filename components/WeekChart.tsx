export interface ChartBar {
  label: string;
  value: number;
}

/**
 * A small bar chart of the last weeks (SVG, hidden from assistive technology) with a value axis and the
 * current week — the last bar — marked; the same numbers as a table behind a disclosure, so keyboard
 * and screen-reader users get the data, not a picture.
 */
export function WeekChart(props: {
  caption: string;
  bars: ChartBar[];
  tableToggle: string;
  labelHeader: string;
  valueHeader: string;
  /** Names the last bar (the current week) when it is the current one. */
  currentLabel?: string;
}) {
  const { bars } = props;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const axis = 24;
  const w = 16;
  const gap = 6;
  const h = 56;
  const top = 8;
  const width = axis + bars.length * (w + gap);
  // The last bar is marked only when it stands for the current period.
  const last = props.currentLabel ? bars.length - 1 : -1;
  return (
    <figure className="chart">
      <svg width={width} height={top + h + 20} aria-hidden="true" focusable="false">
        <text className="chart-axis" x={axis - 6} y={top + 4} textAnchor="end">
          {max}
        </text>
        <text className="chart-axis" x={axis - 6} y={top + h} textAnchor="end">
          0
        </text>
        <line className="chart-line" x1={axis - 2} x2={axis - 2} y1={top} y2={top + h} />
        <line className="chart-line" x1={axis - 2} x2={width} y1={top + h} y2={top + h} />
        {bars.map((b, i) => {
          const bh = b.value ? Math.max(3, (b.value / max) * h) : 1;
          const cls = i === last ? 'chart-bar chart-now' : b.value ? 'chart-bar' : 'chart-zero';
          return (
            <rect key={i} className={cls} x={axis + i * (w + gap)} y={top + h - bh} width={w} height={bh} rx={2} />
          );
        })}
        {bars.length > 0 && (
          <>
            <text className="chart-axis" x={axis} y={top + h + 16}>
              {bars[0]!.label}
            </text>
            {props.currentLabel && (
              <text
                className="chart-axis chart-now-label"
                x={axis + last * (w + gap) + w}
                y={top + h + 16}
                textAnchor="end"
              >
                {props.currentLabel}
              </text>
            )}
          </>
        )}
      </svg>
      <figcaption>{props.caption}</figcaption>
      <details>
        <summary>{props.tableToggle}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{props.labelHeader}</th>
              <th scope="col">{props.valueHeader}</th>
            </tr>
          </thead>
          <tbody>
            {bars.map((b, i) => (
              <tr key={i}>
                <td>{i === last ? `${b.label} (${props.currentLabel})` : b.label}</td>
                <td>{b.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
