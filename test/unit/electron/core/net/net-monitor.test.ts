import { describe, expect, it } from "vitest";
import { NetMonitor } from "../../../../../electron/core/net";

describe("network status after the RPC changes in Settings", () => {
  it("net:status answers for the RPC configured now, not the one checked before", async () => {
    let rpcUrl = "http://127.0.0.1:9";
    const monitor = new NetMonitor({ rpcUrl: () => rpcUrl, timeoutMs: 500 });
    expect((await monitor.check()).rpcUrl).toBe("http://127.0.0.1:9");
    rpcUrl = "http://127.0.0.1:7";
    const fresh = await monitor.fresh();
    expect(fresh.rpcUrl).toBe("http://127.0.0.1:7");
    expect(fresh.online).toBe(false);
    // The same RPC again: the last check stands (no new request per call).
    expect(await monitor.fresh()).toBe(fresh);
  });
});
