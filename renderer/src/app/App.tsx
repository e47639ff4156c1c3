import { lazy, Suspense, useCallback, useEffect, useRef, useState } from "react";
import type { KeyStatus } from "../../../shared/api";
import { MissingShellError, getApi } from "../api";
import { StatusPanel } from "../panels/StatusPanel";
import { LabellingScreen } from "../screens/labelling/LabellingScreen";
import { MarketScreen } from "../screens/market/MarketScreen";
import { OnboardingScreen } from "../screens/onboarding/OnboardingScreen";
import { SetupScreen } from "../screens/onboarding/SetupScreen";
import { OutboxScreen } from "../screens/outbox/OutboxScreen";
import { QueueScreen } from "../screens/queue/QueueScreen";
import { RequesterScreen } from "../screens/requester/RequesterScreen";
import { SettingsScreen } from "../screens/settings/SettingsScreen";
import { WalletScreen } from "../screens/wallet/WalletScreen";
import { GovernanceScreen } from "../screens/governance/GovernanceScreen";
import { initialLabRoute } from "../views/lab/lab-route";
import { AnnouncerProvider } from "../ui/Announcer";
import { useTheme } from "../ui/use-theme";
import { NetworkBadge } from "./NetworkBadge";
import { OfflineBanner } from "./OfflineBanner";
import { reportUserActivity } from "./user-activity";
import { WorkNotices } from "./WorkNotices";

// The Canvas lab (#/lab) is in development and test builds only (renderer/vite.config.ts): in the
// production bundle __AMPLIFY_LAB__ is false, so neither the view nor window.amplifyLab ships.
const LAB_BUILD = typeof __AMPLIFY_LAB__ !== "undefined" && __AMPLIFY_LAB__;
const LabView = LAB_BUILD ? lazy(() => import("../views/LabView").then((m) => ({ default: m.LabView }))) : null;
const LAB_ROUTE_REQUESTED = LabView !== null && initialLabRoute !== null;

/** How long a confirmation stays on screen. */
const FLASH_MS = 6_000;

type View =
  | "setup"
  | "market"
  | "queue"
  | "label"
  | "outbox"
  | "wallet"
  | "governance"
  | "requester"
  | "settings"
  | "status"
  | "lab";

/** Views that need an unlocked key; the others work without one. */
const NEEDS_KEY: ReadonlySet<View> = new Set([
  "setup",
  "market",
  "queue",
  "label",
  "outbox",
  "wallet",
  "governance",
  "requester",
]);

const NAV: ReadonlyArray<{ id: View; title: string }> = [
  { id: "market", title: "Market" },
  { id: "queue", title: "My queue" },
  { id: "label", title: "Labelling" },
  { id: "outbox", title: "Outbox" },
  { id: "wallet", title: "Wallet" },
  { id: "governance", title: "Governance" },
  { id: "requester", title: "Requester" },
  { id: "settings", title: "Settings" },
  { id: "status", title: "Status" },
  ...(LabView ? [{ id: "lab" as const, title: "Canvas lab" }] : []),
];

export function App() {
  try {
    getApi();
  } catch (error) {
    if (error instanceof MissingShellError) {
      return (
        <main className="app-error" role="alert">
          <h1>Amplify Workstation</h1>
          <p>{error.message}</p>
        </main>
      );
    }
    throw error;
  }
  return (
    <AnnouncerProvider>
      <Workstation />
    </AnnouncerProvider>
  );
}

function Workstation() {
  const [view, setView] = useState<View>(LAB_ROUTE_REQUESTED ? "lab" : "market");
  const [taskId, setTaskId] = useState<string | null>(null);
  const [keys, setKeys] = useState<KeyStatus | null>(null);
  const mainRef = useRef<HTMLElement | null>(null);
  const unlocked = keys?.state === "unlocked";

  useEffect(() => reportUserActivity(), []);

  useEffect(() => {
    const api = getApi();
    api.keys.status().then(setKeys, () => {});
    return api.events.on("keys:changed", setKeys);
  }, []);

  useTheme();

  // Locking removes the Lock button: if it had focus, focus would fall to the page; give it to the
  // screen's heading instead. Focus the person moved elsewhere stays there.
  const wasUnlocked = useRef(false);
  useEffect(() => {
    const locked = wasUnlocked.current && !unlocked;
    wasUnlocked.current = unlocked;
    if (locked && (document.activeElement === null || document.activeElement === document.body))
      focusMain(mainRef.current, true);
  }, [unlocked]);

  const openTask = useCallback((id: string) => {
    setTaskId(id);
    setView("label");
  }, []);
  const toQueue = useCallback(() => setView("queue"), []);
  // One line that confirms what just happened (a submit), seen wherever the worker lands next.
  const [flash, setFlash] = useState<{ text: string; at: number } | null>(null);
  const notify = useCallback((text: string) => setFlash({ text, at: Date.now() }), []);
  useEffect(() => {
    if (!flash) return;
    const timer = setTimeout(() => setFlash(null), FLASH_MS);
    return () => clearTimeout(timer);
  }, [flash]);

  // After an unlock, a worker whose profile is registered (read from chain, or as last read when
  // offline) goes back to where they were; only a new or unregistered key sees the setup screen.
  const onKeyReady = useCallback(
    (status: KeyStatus, wasLocked: boolean) => {
      setKeys(status);
      if (!wasLocked) return setView("setup");
      getApi()
        .profile.get()
        .then(
          (profile) => {
            if (!profile.registered || !profile.keyMatches) setView("setup");
            // Offline the market cannot load, but the queue's prepared tasks can be labelled.
            else if (profile.cachedAt !== undefined && (view === "market" || view === "setup")) setView("queue");
            else if (view === "setup") setView("market");
          },
          () => setView("setup"),
        );
    },
    [view],
  );

  let body;
  // Which screen shows: when it changes (a nav click, unlock, lock, accept), focus goes to its heading.
  // A view that needs no key shows the same thing locked or not: a lock there is no screen change,
  // so it never takes focus from where the person has put it (the navigation, say).
  let screen = NEEDS_KEY.has(view) ? `${view}:${unlocked ? "unlocked" : "locked"}` : view;
  if (NEEDS_KEY.has(view) && keys && !unlocked) {
    screen = `onboarding:${keys.state}`;
    body = <OnboardingScreen status={keys} onReady={(status) => onKeyReady(status, keys.state === "locked")} />;
  } else if (NEEDS_KEY.has(view) && !keys) {
    screen = "starting";
    body = <p role="status">Starting…</p>;
  } else {
    switch (view) {
      case "setup":
        body = <SetupScreen onDone={() => setView("market")} />;
        break;
      case "market":
        body = <MarketScreen onAccepted={toQueue} />;
        break;
      case "queue":
        body = <QueueScreen onOpen={openTask} onMarket={() => setView("market")} />;
        break;
      case "label":
        body = taskId ? (
          <LabellingScreen taskId={taskId} onOpen={openTask} onQueueEmpty={toQueue} onNotice={notify} />
        ) : (
          <QueueScreen onOpen={openTask} onMarket={() => setView("market")} />
        );
        break;
      case "outbox":
        body = <OutboxScreen />;
        break;
      case "wallet":
        body = <WalletScreen />;
        break;
      case "governance":
        body = <GovernanceScreen />;
        break;
      case "requester":
        body = <RequesterScreen />;
        break;
      case "settings":
        body = <SettingsScreen />;
        break;
      case "status":
        body = <StatusPanel />;
        break;
      case "lab":
        body = LabView ? (
          <Suspense fallback={null}>
            <LabView />
          </Suspense>
        ) : null;
        break;
    }
  }

  return (
    <div className="app">
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          // the hash is the lab's route: move focus without touching it
          e.preventDefault();
          focusMain(mainRef.current, true);
        }}
      >
        Skip to main content
      </a>
      <WorkNotices />
      <ScreenFocus screen={screen} main={mainRef} />
      <header className="topbar">
        <h1 className="brand">Amplify Workstation</h1>
        <nav aria-label="Main">
          {NAV.map((v) => (
            <button key={v.id} aria-current={view === v.id ? "page" : undefined} onClick={() => setView(v.id)}>
              {v.title}
            </button>
          ))}
        </nav>
        {unlocked && (
          <button
            className="lock"
            onClick={() =>
              void getApi()
                .keys.lock()
                .then(setKeys, () => {})
            }
            title="Lock the key now"
          >
            Lock
          </button>
        )}
        <NetworkBadge />
      </header>
      <OfflineBanner />
      <p className={flash ? "flash" : "flash is-empty"} role="status" aria-live="polite" data-testid="flash">
        {flash?.text}
      </p>
      <main
        id="main"
        ref={mainRef}
        tabIndex={-1}
        className={view === "label" || view === "lab" ? "content content-canvas" : "content"}
      >
        {body}
      </main>
    </div>
  );
}

/**
 * Focus to the screen's heading (or the main region) so Tab continues in the new screen and a
 * screen reader says where the person is; never steals focus from something inside main.
 */
function focusMain(main: HTMLElement | null, force = false): void {
  if (!main) return;
  if (!force && main.contains(document.activeElement) && document.activeElement !== main) return;
  const heading = main.querySelector<HTMLElement>("h1, h2");
  if (heading) {
    if (!heading.hasAttribute("tabindex")) heading.tabIndex = -1;
    heading.focus();
  } else main.focus();
}

function ScreenFocus({ screen, main }: { screen: string; main: React.RefObject<HTMLElement | null> }) {
  const previous = useRef<string | null>(null);
  useEffect(() => {
    // the page's first screen keeps the browser's start: Tab goes to the skip link first
    const first = previous.current === null || previous.current === "starting";
    previous.current = screen;
    if (first) return;
    // after the new screen's first paint (its data may still be loading: try again briefly)
    let tries = 0;
    const timer = setInterval(() => {
      tries += 1;
      const el = main.current;
      if (el?.querySelector("h1, h2") || tries > 20) {
        clearInterval(timer);
        focusMain(el);
      }
    }, 50);
    return () => clearInterval(timer);
  }, [screen, main]);
  return null;
}
