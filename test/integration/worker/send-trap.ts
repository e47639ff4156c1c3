// A JSON-RPC proxy that stops a worker at a chosen point: the first sendTransaction it sees
// after being armed is (optionally) passed on to the cluster and then never answered, and the
// test is told. By then the worker has written the signed transaction to its outbox (it does so
// before sending), so a SIGKILL at that moment lands exactly between signing and confirmation.
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface SendTrap {
  readonly url: string;
  /**
   * Resolves at the next sendTransaction. "land": the transaction reaches the cluster (it will
   * confirm; the worker never hears so); "lose": it never leaves the proxy.
   */
  arm(mode: "land" | "lose"): Promise<void>;
  close(): Promise<void>;
}

export async function startSendTrap(target: string): Promise<SendTrap> {
  let armed: { mode: "land" | "lose"; hit: () => void } | null = null;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      void (async () => {
        const body = Buffer.concat(chunks);
        const trap = armed && body.includes('"sendTransaction"') ? armed : null;
        if (trap) armed = null;
        let upstream: Response | null = null;
        if (!trap || trap.mode === "land") {
          try {
            upstream = await fetch(target, {
              method: "POST",
              headers: { "content-type": req.headers["content-type"] ?? "application/json" },
              body,
            });
          } catch {
            req.socket.destroy();
            return;
          }
        }
        const reply = upstream ? Buffer.from(await upstream.arrayBuffer()) : null;
        // Trapped: the worker waits for an answer that never comes until it is killed.
        if (trap) return trap.hit();
        res.writeHead(upstream!.status, {
          "content-type": upstream!.headers.get("content-type") ?? "application/json",
        });
        res.end(reply);
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    arm: (mode) => new Promise<void>((resolve) => (armed = { mode, hit: resolve })),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
