import { z } from "zod";
import { call, event } from "./define";

export const StoreHealth = z.object({
  ok: z.boolean(),
  path: z.string(),
  schemaVersion: z.number().int().nonnegative(),
  journalMode: z.string(),
  sizeBytes: z.number().int().nonnegative(),
  message: z.string().optional(),
});
export type StoreHealth = z.infer<typeof StoreHealth>;

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  shell: z.enum(["electron", "browser"]),
  dataDir: z.string(),
  platform: z.string(),
  nodeVersion: z.string(),
  startedAt: z.number().int(),
  store: StoreHealth,
});
export type AppInfo = z.infer<typeof AppInfo>;

export const NetStatus = z.object({
  online: z.boolean(),
  rpcUrl: z.string(),
  checkedAt: z.number().int(),
  latencyMs: z.number().nonnegative().nullable(),
  reason: z.string().optional(),
});
export type NetStatus = z.infer<typeof NetStatus>;

export const appCalls = {
  "app:info": call(z.undefined(), AppInfo),
  "app:ping": call(z.object({ nonce: z.string().max(64) }), z.object({ nonce: z.string(), at: z.number().int() })),
  "net:status": call(z.undefined(), NetStatus),
  /**
   * A person used the app (a key, a click, a scroll). The renderer sends it on real input events
   * only; it is the one thing that postpones the key's auto-lock, so polling never keeps it open.
   */
  "session:activity": call(z.undefined(), z.object({ at: z.number().int() })),
};

export const appEvents = {
  "net:changed": event(NetStatus),
};
