import type { IpcMain, IpcMainInvokeEvent } from "electron";
import type { ApiReply, CallChannel } from "../../shared/api";
import { callChannels } from "../../shared/api";
import type { Core } from "../core";
import { isTrustedSender } from "../security/web-policies";

/**
 * Registers one ipcMain handler per contract channel, 1:1, each checking the sender frame
 * before core validates the payload. The only place raw ipcMain is used.
 */
export function registerContractHandlers(ipcMain: IpcMain, core: Core, log: (line: string) => void): () => void {
  for (const channel of callChannels) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, payload: unknown) => handle(channel, event, payload));
  }
  async function handle(channel: CallChannel, event: IpcMainInvokeEvent, payload: unknown): Promise<ApiReply> {
    const frame = event.senderFrame;
    if (!isTrustedSender(frame ? { url: frame.url, isMainFrame: frame === event.sender.mainFrame } : null)) {
      log(`refused ${channel} from untrusted frame ${frame?.url ?? "(gone)"}`);
      return { ok: false, error: { code: "unauthorized", message: "this frame may not use the Amplify API" } };
    }
    return core.dispatch(channel, payload);
  }
  return () => {
    for (const channel of callChannels) ipcMain.removeHandler(channel);
  };
}
