import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Core } from "../core";
import { SECURITY_HEADERS } from "../security/content-security-policy";
import { readRendererFile } from "../security/static-files";
import { createLaunchToken } from "./launch-token";
import { WebSocketBridge } from "./websocket-bridge";

export interface BrowserServerOptions {
  readonly core: Core;
  readonly rendererDir: string;
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  readonly token?: string;
  readonly log?: (line: string) => void;
}

export interface BrowserServer {
  readonly origin: string;
  /** Open this to use the app: the token rides in the fragment, which is never sent to a server. */
  readonly url: string;
  readonly token: string;
  close(): Promise<void>;
}

/** Loopback only, by design: the shell never listens on a routable address. */
export const BROWSER_SHELL_HOST = "127.0.0.1";

export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const log = options.log ?? ((line: string) => console.error(`[browser-shell] ${line}`));
  const token = options.token ?? createLaunchToken();
  let origin = "";
  const bridge = new WebSocketBridge({ core: options.core, token, allowedOrigin: () => origin, log });

  const server = createServer((request, response) => {
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { Allow: "GET, HEAD" }).end();
      return;
    }
    void readRendererFile(options.rendererDir, request.url ?? "/").then((file) => {
      if (!file) {
        response
          .writeHead(404, { "Content-Type": "text/plain; charset=utf-8", ...SECURITY_HEADERS })
          .end("not found\n");
        return;
      }
      response.writeHead(200, { "Content-Type": file.contentType, "Cache-Control": "no-store", ...SECURITY_HEADERS });
      response.end(request.method === "HEAD" ? undefined : file.body);
    });
  });
  server.on("upgrade", (request, socket, head) => {
    if (new URL(request.url ?? "/", "http://x").pathname !== "/api") {
      socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
      return;
    }
    bridge.handleUpgrade(request, socket, head);
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, BROWSER_SHELL_HOST, () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://${BROWSER_SHELL_HOST}:${port}`;

  return {
    origin,
    url: `${origin}/#token=${token}`,
    token,
    async close() {
      bridge.close();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
