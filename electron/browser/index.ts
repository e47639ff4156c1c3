export { BROWSER_SHELL_HOST, startBrowserServer } from "./browser-server";
export type { BrowserServer, BrowserServerOptions } from "./browser-server";
export { createLaunchToken, tokenFromProtocols, tokensMatch } from "./launch-token";
export { checkUpgrade } from "./websocket-bridge";
