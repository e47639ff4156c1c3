// The sandboxed preload: the renderer's only door to core. It exposes one frozen object with a
// function per contract call; nothing of ipcRenderer itself leaks into the page.
import { contextBridge, ipcRenderer } from "electron";
import type { IpcRendererEvent } from "electron";
import type { AmplifyBridge } from "../shared/api/bridge";
import { EVENT_IPC_CHANNEL } from "../shared/api/bridge";
import { callChannels, isEventName } from "../shared/api/contract";

function buildBridge(): AmplifyBridge {
  const domains: Record<string, Record<string, (input: unknown) => Promise<unknown>>> = {};
  for (const channel of callChannels) {
    const [domain, verb] = channel.split(":") as [string, string];
    (domains[domain] ??= {})[verb] = (input: unknown) => ipcRenderer.invoke(channel, input);
  }
  const events = {
    on(event: string, listener: (payload: unknown) => void): () => void {
      if (!isEventName(event)) throw new Error(`unknown event ${event}`);
      const forward = (_e: IpcRendererEvent, name: unknown, payload: unknown) => {
        if (name === event) listener(payload);
      };
      ipcRenderer.on(EVENT_IPC_CHANNEL, forward);
      return () => ipcRenderer.removeListener(EVENT_IPC_CHANNEL, forward);
    },
  };
  for (const methods of Object.values(domains)) Object.freeze(methods);
  return Object.freeze({ ...domains, events: Object.freeze(events) }) as unknown as AmplifyBridge;
}

contextBridge.exposeInMainWorld("amplifyBridge", buildBridge());
