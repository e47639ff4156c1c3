// What the CLI's integration tests each set up the same way: a quiet localnet of their own and
// the requester library's chain client on it, and `amplify` run in-process with its output kept.
import { runCli } from "../../cli/src/cli";
import { AmplifyChain } from "../../lib/requester";
import { startLocalnet, type Localnet } from "../../localnet";

/** A localnet in `home` on free ports (100 ms slots unless told), logging nothing, and a chain client on it. */
export async function startTestLocalnet(
  home: string,
  options: { slotMs?: number } = {},
): Promise<{ net: Localnet; chain: AmplifyChain }> {
  const net = await startLocalnet({
    home,
    rpcPort: 0,
    wsPort: 0,
    blobPort: 0,
    slotMs: options.slotMs ?? 100,
    log: () => {},
  });
  return { net, chain: new AmplifyChain({ rpcUrl: net.rpcUrl, wsUrl: net.wsUrl, blobUrl: net.blobUrl }) };
}

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** `amplify <args>` in this process (fast): the exit code and what it printed, line by line joined. */
export async function runAmplify(args: readonly string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli([...args], {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    stopped: () => Promise.resolve(),
  });
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}
