import { useEffect, useMemo, useState } from "react";
import type { MarketCharts as Charts } from "../../../../shared/api";
import { RATING_BANDS } from "../../../../shared/api";
import { getApi } from "../../api";
import { UPlotChart } from "../../ui/charts/UPlotChart";
import type { ChartSeries } from "../../ui/charts/UPlotChart";
import { ErrorNotice } from "../../ui/ErrorNotice";
import { errorMessage, formatSol, solTick } from "../../ui/format";

const WINDOWS = [
  { seconds: 15 * 60, label: "15 minutes" },
  { seconds: 3600, label: "1 hour" },
  { seconds: 86_400, label: "1 day" },
  { seconds: 7 * 86_400, label: "7 days" },
  { seconds: 30 * 86_400, label: "30 days" },
] as const;
/** Charts redraw at most this often while events stream in. */
const REFRESH_MS = 1_000;

const sol = (lamports: number): string => formatSol(Math.round(lamports));
const clock = (seconds: number): string =>
  new Date(seconds * 1000).toLocaleString([], {
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  });
const minutes = (seconds: number): string =>
  seconds < 120
    ? `${Math.round(seconds)} s`
    : seconds < 7200
      ? `${(seconds / 60).toFixed(1)} min`
      : `${(seconds / 3600).toFixed(1)} h`;

const BAND_SERIES: ChartSeries[] = RATING_BANDS.map((label, i) => ({
  label: `Workers ${label}`,
  color: i,
  style: "line",
}));
const FILL_SERIES: ChartSeries[] = RATING_BANDS.map((label, i) => ({
  label: `Min rating ${label}`,
  color: i,
  style: "points",
}));
const FEE_SERIES: ChartSeries[] = [{ label: "Fees", color: 2, style: "bars" }];

/** Aggregates computed in core over the stored events; the page only ever holds a few hundred points. */
export function MarketCharts() {
  const [windowSeconds, setWindowSeconds] = useState<number>(3600);
  const [loaded, setLoaded] = useState<{ windowSeconds: number; charts: Charts } | null>(null);
  const charts = loaded?.charts ?? null;
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const api = getApi();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let alive = true;
    const load = () => {
      api.feed.charts({ windowSeconds, buckets: 120 }).then(
        (c) => {
          if (!alive) return;
          setLoaded({ windowSeconds, charts: c });
          setError(null);
        },
        (e: unknown) => alive && setError(errorMessage(e)),
      );
    };
    load();
    const off = api.events.on("feed:appended", () => {
      timer ??= setTimeout(() => {
        timer = undefined;
        load();
      }, REFRESH_MS);
    });
    return () => {
      alive = false;
      off();
      if (timer) clearTimeout(timer);
    };
  }, [windowSeconds]);

  const priceData = useMemo(
    () => (charts ? [charts.times, ...charts.priceByBand] : [[], ...RATING_BANDS.map(() => [])]),
    [charts],
  );
  const feeData = useMemo(() => (charts ? [charts.times, charts.feeByBucket] : [[], []]), [charts]);
  const fillData = useMemo(() => {
    const fills = [...(charts?.fills ?? [])].sort((a, b) => a.priceLamports - b.priceLamports);
    return [
      fills.map((f) => f.priceLamports),
      ...RATING_BANDS.map((_, band) =>
        fills.map((f) => (Math.min(4, Math.floor(f.minRating / 2000)) === band ? f.seconds : null)),
      ),
    ];
  }, [charts]);
  const feeTotal = charts?.feeByBucket.reduce((a, b) => a + b, 0) ?? 0;
  const results = charts?.resultsByBand.reduce((sum, band) => sum + band.reduce((a, b) => a + b, 0), 0) ?? 0;

  return (
    <section className="panel wide" aria-labelledby="charts-heading">
      <div className="panel-head">
        <h2 id="charts-heading">Prices, fills and fees</h2>
        <label>
          Over the last{" "}
          <select
            value={windowSeconds}
            onChange={(e) => setWindowSeconds(Number(e.target.value))}
            data-testid="charts-window"
          >
            {WINDOWS.map((w) => (
              <option key={w.seconds} value={w.seconds}>
                {w.label}
              </option>
            ))}
          </select>
        </label>
        {charts && (
          <span className="muted small">
            {results.toLocaleString()} results paid in the window · {charts.totalEvents.toLocaleString()} events stored
            · one point per {minutes(charts.bucketSeconds)}
          </span>
        )}
      </div>
      {error && <ErrorNotice message={`The charts could not be computed. ${error}`} />}
      <div className="chart-grid">
        <UPlotChart
          testId="chart-price"
          title="Price paid per task, by the worker's rating"
          xLabel="Time"
          yLabel="SOL per task (fee included)"
          xTime
          series={BAND_SERIES}
          data={priceData}
          drawn={loaded ? `${loaded.windowSeconds}:${results}` : undefined}
          formatX={clock}
          formatY={sol}
          tickY={solTick}
        />
        <UPlotChart
          testId="chart-fill"
          title="Time to fill a campaign, by price and minimum rating"
          xLabel="Price per task (SOL)"
          yLabel="Time to fill"
          xTime={false}
          series={FILL_SERIES}
          data={fillData}
          formatX={solTick}
          formatY={minutes}
        />
        <UPlotChart
          testId="chart-fees"
          title={`Fees into the treasury: ${sol(feeTotal)} in the window`}
          xLabel="Time"
          yLabel="SOL of fees"
          xTime
          series={FEE_SERIES}
          data={feeData}
          drawn={loaded ? `${loaded.windowSeconds}:${feeTotal}` : undefined}
          formatX={clock}
          formatY={sol}
          tickY={solTick}
        />
      </div>
    </section>
  );
}
