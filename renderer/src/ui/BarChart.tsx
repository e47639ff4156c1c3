export interface BarDatum {
  readonly label: string;
  readonly value: number;
}

export interface BarChartProps {
  readonly title: string;
  readonly data: readonly BarDatum[];
  readonly format: (value: number) => string;
  readonly height?: number;
}

/**
 * A small SVG bar chart with a text alternative: a table hidden visually but read by screen
 * readers, so the chart is never the only way to get the numbers.
 */
export function BarChart({ title, data, format, height = 120 }: BarChartProps) {
  const max = Math.max(1, ...data.map((d) => d.value));
  const barWidth = data.length ? 100 / data.length : 100;
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 100 ${height}`} preserveAspectRatio="none" role="img" aria-label={title} className="chart-svg">
        {data.map((d, i) => {
          const h = (d.value / max) * (height - 4);
          return (
            <rect key={i} x={i * barWidth + barWidth * 0.1} y={height - h} width={barWidth * 0.8} height={h} className="chart-bar">
              <title>{`${d.label}: ${format(d.value)}`}</title>
            </rect>
          );
        })}
      </svg>
      <table className="visually-hidden">
        <caption>{title}</caption>
        <tbody>
          {data.map((d, i) => (
            <tr key={i}>
              <th scope="row">{d.label}</th>
              <td>{format(d.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
