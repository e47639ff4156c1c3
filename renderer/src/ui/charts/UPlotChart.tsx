import { useEffect, useRef } from "react";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import { useTheme } from "../use-theme";

export interface ChartSeries {
  readonly label: string;
  /** Index into the theme's series palette. */
  readonly color: number;
  /** "line" joins points, "points" draws a scatter, "bars" draws columns. */
  readonly style: "line" | "points" | "bars";
}

export interface UPlotChartProps {
  readonly title: string;
  /** What the x and y axes measure, with units. */
  readonly xLabel: string;
  readonly yLabel: string;
  /** x is unix seconds (time axis) or a plain number. */
  readonly xTime: boolean;
  readonly series: readonly ChartSeries[];
  /** [x, ...one array per series]; x ascending. */
  readonly data: readonly (readonly (number | null)[])[];
  readonly formatX: (value: number) => string;
  readonly formatY: (value: number) => string;
  /** Tick labels on the y axis (shorter than the tooltip's values). */
  readonly tickY?: (value: number) => string;
  readonly height?: number;
  readonly testId?: string;
  /**
   * Names the data set (e.g. its window and total); written to the figure's `data-drawn` only once
   * uPlot holds that data, so a reader (a person's tooltip, a test) can wait for what is drawn.
   */
  readonly drawn?: string;
}

interface Palette {
  fg: string;
  muted: string;
  grid: string;
  series: string[];
}

function palette(): Palette {
  const css = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    fg: v("--fg", "#e6e8ec"),
    muted: v("--fg-muted", "#9aa1ad"),
    grid: v("--border", "#2e333d"),
    series: [0, 1, 2, 3, 4, 5].map((i) =>
      v(`--chart-${i}`, ["#ff5d5d", "#f5a524", "#5b9cff", "#3ecf8e", "#c792ea", "#9aa1ad"][i]!),
    ),
  };
}

/**
 * A streaming-friendly chart (uPlot draws to one canvas; new data is a setData, not a rebuild)
 * with labelled axes, a legend and a tooltip that names every value at the pointer. Rebuilt only
 * when the theme or the series change.
 */
export function UPlotChart(props: UPlotChartProps) {
  const host = useRef<HTMLDivElement>(null);
  const figure = useRef<HTMLElement>(null);
  const plot = useRef<uPlot | null>(null);
  const theme = useTheme();
  const latest = useRef(props);
  useEffect(() => {
    latest.current = props;
  });
  const shape = `${props.series.map((s) => `${s.label}/${s.style}/${s.color}`).join("|")}|${props.xTime}|${props.height ?? 220}`;

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const p = palette();
    const { xLabel, yLabel, xTime, series, formatX, formatY, tickY, testId } = latest.current;
    // The tooltip lives inside uPlot's overlay (positioned with it), so it is made here, not by React.
    const box = document.createElement("div");
    box.className = "chart-tooltip";
    box.setAttribute("role", "tooltip");
    if (testId) box.dataset.testid = `${testId}-tooltip`;
    box.hidden = true;
    const axis = {
      stroke: p.muted,
      grid: { stroke: p.grid, width: 1 },
      ticks: { stroke: p.grid, width: 1 },
      labelFont: "12px system-ui",
      font: "11px system-ui",
    };
    const bars = uPlot.paths.bars!({ size: [0.7, 40] });
    const opts: uPlot.Options = {
      width: Math.max(240, el.clientWidth),
      height: latest.current.height ?? 220,
      scales: { x: { time: xTime } },
      legend: { live: false },
      cursor: { points: { size: 8 }, drag: { x: false, y: false } },
      series: [
        { label: xLabel, value: (_u, v) => (v === null ? "—" : formatX(v)) },
        ...series.map((s): uPlot.Series => ({
          label: s.label,
          stroke: p.series[s.color % p.series.length],
          fill: s.style === "bars" ? `${p.series[s.color % p.series.length]}99` : undefined,
          width: s.style === "points" ? 0 : 2,
          spanGaps: s.style === "line",
          paths: s.style === "points" ? () => null : s.style === "bars" ? bars : undefined,
          points: {
            show: s.style !== "bars",
            size: s.style === "points" ? 7 : 5,
            fill: p.series[s.color % p.series.length],
          },
          value: (_u, v) => (v === null ? "—" : formatY(v)),
        })),
      ],
      axes: [
        { ...axis, label: xLabel, ...(xTime ? {} : { values: (_u: uPlot, ticks: number[]) => ticks.map(formatX) }) },
        { ...axis, label: yLabel, size: 70, values: (_u: uPlot, ticks: number[]) => ticks.map(tickY ?? formatY) },
      ],
      hooks: {
        setCursor: [
          (u) => {
            const idx = u.cursor.idx;
            if (idx === null || idx === undefined || u.cursor.left === undefined || u.cursor.left < 0) {
              box.hidden = true;
              return;
            }
            const { formatX: fx, formatY: fy, series: ss } = latest.current;
            const x = u.data[0]![idx];
            const lines = ss
              .map((s, i) => ({ s, v: u.data[i + 1]?.[idx] }))
              .filter((e) => e.v !== null && e.v !== undefined)
              .map((e) => `${e.s.label}: ${fy(e.v as number)}`);
            if (lines.length === 0 || x === undefined) {
              box.hidden = true;
              return;
            }
            box.textContent = [fx(x), ...lines].join("\n");
            box.hidden = false;
            box.style.left = `${Math.min(u.cursor.left + 12, u.bbox.width / devicePixelRatio - 120)}px`;
            box.style.top = `${(u.cursor.top ?? 0) + 12}px`;
          },
        ],
      },
    };
    const chart = new uPlot(opts, latest.current.data as uPlot.AlignedData, el);
    plot.current = chart;
    chart.over.appendChild(box);
    markDrawn(figure.current, latest.current.drawn);
    const resize = new ResizeObserver(() =>
      chart.setSize({ width: Math.max(240, el.clientWidth), height: latest.current.height ?? 220 }),
    );
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.destroy();
      plot.current = null;
    };
  }, [shape, theme]);

  useEffect(() => {
    if (!plot.current) return;
    plot.current.setData(props.data as uPlot.AlignedData);
    markDrawn(figure.current, props.drawn);
  }, [props.data, props.drawn]);

  return (
    <figure ref={figure} className="chart uplot-chart" data-testid={props.testId}>
      <figcaption>{props.title}</figcaption>
      <div
        ref={host}
        className="chart-host"
        role="img"
        aria-label={`${props.title}: ${props.yLabel} against ${props.xLabel}`}
      />
    </figure>
  );
}

function markDrawn(figure: HTMLElement | null, drawn: string | undefined): void {
  if (figure && drawn !== undefined) figure.dataset.drawn = drawn;
}
