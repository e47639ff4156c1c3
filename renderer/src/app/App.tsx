import { useState } from "react";
import { MissingShellError, getApi } from "../api";
import { StatusPanel } from "../panels/StatusPanel";
import { LAB_ROUTE_REQUESTED, LabView } from "../views/LabView";
import { NetworkBadge } from "./NetworkBadge";

type View = "status" | "lab";

const VIEWS: ReadonlyArray<{ id: View; title: string }> = [
  { id: "status", title: "Status" },
  { id: "lab", title: "Canvas lab" },
];

export function App() {
  const [view, setView] = useState<View>(LAB_ROUTE_REQUESTED ? "lab" : "status");
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
    <div className="app">
      <header className="topbar">
        <h1 className="brand">Amplify Workstation</h1>
        <nav aria-label="Main">
          {VIEWS.map((v) => (
            <button key={v.id} aria-current={view === v.id ? "page" : undefined} onClick={() => setView(v.id)}>
              {v.title}
            </button>
          ))}
        </nav>
        <NetworkBadge />
      </header>
      <main className="content">
        {view === "status" && <StatusPanel />}
        {view === "lab" && <LabView />}
      </main>
    </div>
  );
}
