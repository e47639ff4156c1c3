export interface DemoOptions {
  rpcUrl: string;
  wsUrl: string;
  blobUrl: string;
  home: string;
  workerAddress?: string;
}

export interface Demo {
  close(): Promise<void>;
}

export async function startDemo(_opts: DemoOptions): Promise<Demo> {
  return { close: async () => {} };
}
