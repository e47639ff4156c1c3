// A loopback HTTP proxy that misbehaves on purpose: while "down" it refuses every request; with
// a fault rate it drops the request, errors, delays, or forwards it and loses the reply.
import http from "node:http";
import type { AddressInfo } from "node:net";

export type Fault = "drop" | "error" | "delay" | "lost_reply";

export interface FaultProxy {
  readonly url: string;
  down: boolean;
  faultRate: number;
  readonly counts: Record<Fault | "ok", number>;
  close(): Promise<void>;
}

export async function startFaultProxy(target: string, random: () => number = Math.random): Promise<FaultProxy> {
  const counts: Record<Fault | "ok", number> = { drop: 0, error: 0, delay: 0, lost_reply: 0, ok: 0 };
  const faults: Fault[] = ["drop", "error", "delay", "lost_reply"];
  const state = { down: false, faultRate: 0 };
  const server = http.createServer((req, res) => {
    if (state.down) {
      req.socket.destroy();
      return;
    }
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      void (async () => {
        const fault = random() < state.faultRate ? faults[Math.floor(random() * faults.length)]! : null;
        counts[fault ?? "ok"]++;
        if (fault === "drop") return req.socket.destroy();
        if (fault === "error") {
          res.writeHead(502, { "content-type": "text/plain" });
          return res.end("injected fault");
        }
        if (fault === "delay") await new Promise((resolve) => setTimeout(resolve, 200 + random() * 1300));
        let upstream: Response;
        try {
          upstream = await fetch(`${target.replace(/\/$/, "")}${req.url ?? "/"}`, {
            method: req.method ?? "GET",
            headers: req.headers["content-type"] ? { "content-type": req.headers["content-type"] } : {},
            ...(req.method === "GET" || req.method === "HEAD" ? {} : { body: Buffer.concat(chunks) }),
          });
        } catch {
          return req.socket.destroy();
        }
        const body = Buffer.from(await upstream.arrayBuffer());
        // The request reached the server and did its work; only the answer is lost.
        if (fault === "lost_reply") return req.socket.destroy();
        res.writeHead(upstream.status, {
          "content-type": upstream.headers.get("content-type") ?? "application/octet-stream",
        });
        res.end(body);
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get down() {
      return state.down;
    },
    set down(value: boolean) {
      state.down = value;
    },
    get faultRate() {
      return state.faultRate;
    },
    set faultRate(value: number) {
      state.faultRate = value;
    },
    counts,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
