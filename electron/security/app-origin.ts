/** The renderer is served from this privileged custom scheme, never from file:// or http. */
export const APP_SCHEME = "app";
export const APP_HOST = "amplify";
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;
