export { APP_ENTRY_URL, APP_HOST, APP_ORIGIN, APP_SCHEME } from "./app-origin";
export { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from "./content-security-policy";
export { readRendererFile } from "./static-files";
export { createWindowOptions } from "./window-options";
export { allowNavigation, allowPermission, allowWebview, isTrustedSender, windowOpenPolicy } from "./web-policies";
