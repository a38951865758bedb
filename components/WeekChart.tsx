export interface ChartBar {
  label: string;
  value: number;
}

/**
 * A small bar chart (SVG, hidden from assistive technology) with the same numbers as a table behind a
 * disclosure, so keyboard and screen-reader users get the data, not a picture.
 */
export function WeekChart(props: { caption: string; bars: ChartBar[]; tableToggle: string; labelHeader: string; valueHeader: string }) {
  const { bars } = props;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const w = 14;
  const gap = 6;
  const h = 48;
  return (
    <figure className="chart">
      <svg width={bars.length * (w + gap)} height={h + 2} aria-hidden="true" focusable="false">
        {bars.map((b, i) => {
          const bh = b.value ? Math.max(3, (b.value / max) * h) : 1;
          return <rect key={i} className={b.value ? 'chart-bar' : 'chart-zero'} x={i * (w + gap)} y={h - bh + 1} width={w} height={bh} rx={2} />;
        })}
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
                <td>{b.label}</td>
                <td>{b.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
