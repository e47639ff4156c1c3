import { useCallback, useEffect, useState } from "react";

export type QueryState<T> =
  | { status: "loading" }
  | { status: "ready"; value: T }
  | { status: "error"; message: string };

/** Runs one call against core and keeps its result, its error and a way to run it again. */
export function useCoreQuery<T>(run: () => Promise<T>, deps: readonly unknown[]): [QueryState<T>, () => void] {
  const [state, setState] = useState<QueryState<T>>({ status: "loading" });
  const [generation, setGeneration] = useState(0);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const stableRun = useCallback(run, deps);
  useEffect(() => {
    let live = true;
    stableRun().then(
      (value) => live && setState({ status: "ready", value }),
      (error: unknown) => live && setState({ status: "error", message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, [stableRun, generation]);
  return [state, () => setGeneration((g) => g + 1)];
}
