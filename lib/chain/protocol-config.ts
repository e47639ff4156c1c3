import type { ConfigAccount } from "../../shared/protocol";
import { decodeConfig, findConfigPda } from "../../shared/protocol";
import type { ChainClient } from "./chain-client";
import { RequesterError } from "./amplify-chain";

/** The program's Config (fee, treasury, paused), read once and refreshed at most every minute. */
export class ProtocolConfig {
  private cached: { at: number; value: ConfigAccount } | null = null;

  constructor(
    private readonly chain: ChainClient,
    private readonly maxAgeMs = 60_000,
  ) {}

  async get(): Promise<ConfigAccount> {
    if (this.cached && Date.now() - this.cached.at < this.maxAgeMs) return this.cached.value;
    const [config] = await findConfigPda();
    const account = await this.chain.account(config);
    if (!account)
      throw new RequesterError(
        "The Amplify program is not set up on the network at this RPC address: check the RPC address in Settings.",
      );
    const value = decodeConfig(account.data);
    this.cached = { at: Date.now(), value };
    return value;
  }

  /** The last value read, without a round trip (null before the first read). */
  peek(): ConfigAccount | null {
    return this.cached?.value ?? null;
  }
}
