import { useEffect } from "react";
import type { Settings } from "../../../shared/api";
import { getApi } from "../api";

function apply(theme: Settings["theme"]): void {
  document.documentElement.dataset.theme = theme;
}

/** The saved theme on <html data-theme>, now and whenever Settings saves another. */
export function useTheme(): void {
  useEffect(() => {
    const api = getApi();
    api.settings.get().then((s) => apply(s.theme), () => {});
    return api.events.on("settings:changed", (s) => apply(s.theme));
  }, []);
}
