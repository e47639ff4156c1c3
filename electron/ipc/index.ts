// The IPC module: the only code that touches ipcMain. main.ts asks it to serve core's contract.
import { ipcMain } from "electron";
import type { Core } from "../core";
import { registerContractHandlers } from "./validated-handle";

export { registerContractHandlers } from "./validated-handle";

/** Serves every contract channel over Electron's ipcMain; returns the unregister function. */
export function serveContractOverIpc(core: Core, log: (line: string) => void): () => void {
  return registerContractHandlers(ipcMain, core, log);
}
