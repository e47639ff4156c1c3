import type { AmplifyApi, AmplifyBridge } from "../../../shared/api";
import { createAmplifyApi } from "../../../shared/api";
import { createIpcTransport } from "./ipc-transport";
import { launchTokenIn, withoutLaunchToken } from "./launch-token";
import { createWebSocketTransport } from "./websocket-transport";

declare global {
  interface Window {
    readonly amplifyBridge?: AmplifyBridge;
  }
}

const TOKEN_KEY = "amplify.launchToken";

/**
 * The browser shell hands the launch token in the URL fragment. Keep it for this tab only
 * (reloads keep working) and wipe it from the address bar at once, keeping any route beside it.
 */
function takeLaunchToken(): string | null {
  const token = launchTokenIn(window.location.hash);
  if (token) {
    sessionStorage.setItem(TOKEN_KEY, token);
    history.replaceState(
      null,
      "",
      window.location.pathname + window.location.search + withoutLaunchToken(window.location.hash),
    );
    return token;
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

export class MissingShellError extends Error {
  override name = "MissingShellError";
}

function connectApi(): AmplifyApi {
  if (window.amplifyBridge) return createAmplifyApi(createIpcTransport(window.amplifyBridge));
  const token = takeLaunchToken();
  if (!token) {
    throw new MissingShellError(
      "This page was opened without its launch token. Open the URL that `npm start` printed.",
    );
  }
  const wsUrl = `${window.location.protocol === "https:" ? "wss" : "ws"}://${window.location.host}/api`;
  return createAmplifyApi(createWebSocketTransport(wsUrl, token));
}

let api: AmplifyApi | undefined;

/** The renderer's only way to core. */
export function getApi(): AmplifyApi {
  api ??= connectApi();
  return api;
}
