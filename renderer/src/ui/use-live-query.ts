import { useCallback, useEffect, useRef, useState } from "react";
import type { EventName } from "../../../shared/api";
import { getApi } from "../api";
import { errorMessage } from "./format";

export interface LiveQuery<T> {
  readonly value: T | null;
  readonly error: string | null;
  readonly loading: boolean;
  reload(): void;
}

/**
 * A core query that refreshes itself when any of the given events fires, and at an optional
 * interval. Keeps the last good value on screen while a refresh fails (offline stays usable).
 */
export interface LiveQueryOptions {
  /** Core events after which the query runs again. */
  readonly refreshOn?: readonly EventName[];
  readonly intervalMs?: number;
  /** Runs the query again whenever this changes (its inputs, e.g. a filter). */
  readonly key?: string;
}

export function useLiveQuery<T>(run: () => Promise<T>, options: LiveQueryOptions = {}): LiveQuery<T> {
  const { refreshOn = [], intervalMs = 0, key = "" } = options;
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const runRef = useRef(run);
  useEffect(() => {
    runRef.current = run;
  });
  const generation = useRef(0);

  const reload = useCallback(() => {
    const mine = ++generation.current;
    setLoading(true);
    runRef.current().then(
      (v) => {
        if (mine !== generation.current) return;
        setValue(v);
        setError(null);
        setLoading(false);
      },
      (e: unknown) => {
        if (mine !== generation.current) return;
        setError(errorMessage(e));
        setLoading(false);
      },
    );
  }, []);

  const events = refreshOn.join(",");
  useEffect(() => {
    reload();
  }, [reload, key]);
  useEffect(() => {
    const offs = (events ? (events.split(",") as EventName[]) : []).map((e) => getApi().events.on(e, reload));
    const timer = intervalMs > 0 ? setInterval(reload, intervalMs) : undefined;
    return () => {
      offs.forEach((off) => off());
      if (timer) clearInterval(timer);
    };
  }, [reload, events, intervalMs]);

  return { value, error, loading, reload };
}
