import { useEffect, useState } from "react";
import type { Settings } from "../../../shared/api";
import { getApi } from "../api";

type Theme = Settings["theme"];

function apply(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
}

/**
 * The theme chosen in Settings, applied to the document (CSS variables follow) and returned so
 * canvases that read colours once (charts) can redraw when it changes.
 */
export function useTheme(): Theme {
  const [theme, setTheme] = useState<Theme>(() =>
    document.documentElement.dataset.theme === "light" ? "light" : "dark",
  );
  useEffect(() => {
    const api = getApi();
    const set = (t: Theme) => {
      apply(t);
      setTheme(t);
    };
    api.settings.get().then(
      (s) => set(s.theme),
      () => {},
    );
    return api.events.on("settings:changed", (s) => set(s.theme));
  }, []);
  return theme;
}
