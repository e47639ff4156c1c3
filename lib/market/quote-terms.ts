// The fee rate and rents a quote prices in, read from the chain in one batch (the Config
// account and getMinimumBalanceForRentExemption); offline, the last fee seen and Solana's
// default rent.
import { ACCOUNT_SIZES, TASK_PAGE_HEADER_BYTES, decodeConfig, findConfigPda } from "../../shared/protocol";
import { JsonRpcError } from "./json-rpc";
import type { JsonRpc } from "./json-rpc";
import { defaultRent } from "./quote";
import type { QuoteTerms } from "./quote";

export async function fetchQuoteTerms(rpc: JsonRpc, fallbackFeeBps = 500): Promise<QuoteTerms & { offline: boolean }> {
  // A page of n tasks is header + n bytes: rent(header) + n x (rent(header + 1) - rent(header)).
  const sizes = [
    ACCOUNT_SIZES.campaign,
    ACCOUNT_SIZES.escrow,
    TASK_PAGE_HEADER_BYTES,
    TASK_PAGE_HEADER_BYTES + 1,
  ] as const;
  const fallback = {
    feeBps: fallbackFeeBps,
    rent: {
      campaign: defaultRent(sizes[0]),
      escrow: defaultRent(sizes[1]),
      page: defaultRent(sizes[2]),
      task: defaultRent(sizes[3]) - defaultRent(sizes[2]),
    },
    offline: true,
  };
  try {
    const [config] = await findConfigPda();
    const replies = await rpc.batch([
      { method: "getAccountInfo", params: [config, { encoding: "base64", commitment: "confirmed" }] },
      ...sizes.map((size) => ({ method: "getMinimumBalanceForRentExemption", params: [size] })),
    ]);
    if (replies.some((r) => r instanceof JsonRpcError)) return fallback;
    const data = (replies[0] as { value?: { data?: [string, string] } | null }).value?.data?.[0];
    const rents = replies.slice(1).map((r) => BigInt(r as number));
    return {
      feeBps: data ? decodeConfig(Buffer.from(data, "base64")).feeBps : fallbackFeeBps,
      rent: { campaign: rents[0]!, escrow: rents[1]!, page: rents[2]!, task: rents[3]! - rents[2]! },
      offline: false,
    };
  } catch {
    return fallback;
  }
}
