import type { Cluster } from "../../../shared/api";

/** Genesis hashes of the public clusters; anything else on loopback is a localnet. */
const GENESIS: Readonly<Record<string, Cluster>> = {
  "5eykt4UsFv8P8NJdTREpY1vzqKqZKvdpKuc147dw2N9d": "mainnet",
  EtWTRABZaYq6iMfeYKouRu166VU2xqa1wcaWoxPkrZBG: "devnet",
  "4uhcVJyU9pJkvQyS88uRDiswHXSayKWNfrgRBbGd7sY8": "testnet",
};

export function classifyCluster(rpcUrl: string, genesisHash: string | null): Cluster {
  if (genesisHash && GENESIS[genesisHash]) return GENESIS[genesisHash];
  try {
    const host = new URL(rpcUrl).hostname;
    if (host === "127.0.0.1" || host === "localhost" || host === "[::1]") return "localnet";
  } catch {
    // fall through: an unparsable URL is nobody's cluster
  }
  return "custom";
}

export function clusterHasFaucet(cluster: Cluster): boolean {
  return cluster === "localnet" || cluster === "devnet" || cluster === "testnet";
}
