import { createContext, useCallback, useContext, useEffect, useMemo, useRef } from "react";

/** Quiet time before a sentence is spoken: a held arrow key says only where it ended. */
export const ANNOUNCE_DEBOUNCE_MS = 250;

type Announce = (text: string) => void;

const AnnounceContext = createContext<Announce>(() => {});

/**
 * The app's one polite live region (GOV.UK's pattern): it lives as long as the app, so a
 * sentence written just before a screen changes ("Submitted") is still read. Screens and the
 * canvas write to it through useAnnounce; only what a person did or what happened to their
 * work goes here, never routine background activity.
 */
export function AnnouncerProvider({ children }: { children: React.ReactNode }) {
  const region = useRef<HTMLDivElement | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const pending = useRef("");
  const count = useRef(0);

  const announce = useCallback<Announce>((text) => {
    pending.current = text;
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const el = region.current;
      if (!el) return;
      count.current += 1;
      // The same sentence twice in a row is a change too: rewrite the node so it is read again.
      el.textContent = "";
      el.textContent = pending.current;
      el.dataset.count = String(count.current);
    }, ANNOUNCE_DEBOUNCE_MS);
  }, []);
  useEffect(() => () => clearTimeout(timer.current), []);

  const value = useMemo(() => announce, [announce]);
  return (
    <AnnounceContext.Provider value={value}>
      {children}
      <div
        ref={region}
        role="status"
        aria-live="polite"
        aria-atomic="true"
        className="visually-hidden"
        data-testid="announcer"
        data-count="0"
      />
    </AnnounceContext.Provider>
  );
}

/** Writes one sentence to the app's live region (debounced; outside a provider it does nothing). */
export function useAnnounce(): Announce {
  return useContext(AnnounceContext);
}
