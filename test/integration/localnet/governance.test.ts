// The localnet's first boot creates AMP (mint, stake vault, governance) and a demo distribution,
// and the governance client reads it over JSON-RPC: the demo proposal with its tallies and time
// left, a demo holder's stake; a new holder cannot vote with stake it adds after the proposal.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AmplifyChain } from "../../../lib/chain";
import { GovernanceClient } from "../../../lib/governance";
import { DEMO_HOLDER_STAKES, demoHolder, LOCALNET_GOVERNANCE } from "../../../localnet/governance-genesis";
import { decodeMint, ampMintAddress, ProposalKind } from "../../../shared/protocol";
import { findAmplifyProgram } from "../../../localnet/programs";
import { fundedSigner, startHarness, type Harness } from "./localnetHarness";

let h: Harness;
let chain: AmplifyChain;
let gov: GovernanceClient;

beforeAll(async () => {
  const found = findAmplifyProgram();
  if (!("program" in found)) throw new Error(found.missing);
  h = await startHarness({ programs: [found.program] });
  chain = new AmplifyChain({ rpcUrl: h.net.rpcUrl, wsUrl: h.net.wsUrl, blobUrl: h.net.blobUrl });
  gov = new GovernanceClient(chain);
});
afterAll(async () => h.close());

describe("localnet AMP genesis", () => {
  it("mints the demo distribution, stakes it and opens a voted proposal the client reads with time left", async () => {
    const status = await gov.status();
    const total = DEMO_HOLDER_STAKES[0] + DEMO_HOLDER_STAKES[1];
    expect(status.governance.totalStaked).toBe(total);
    expect(status.governance.genesisMinted).toBe(total);
    expect(status.feeBps).toBe(500);
    expect(status.governed).toBe(false);
    expect(status.proposals).toHaveLength(1);
    const [proposal] = status.proposals;
    expect(proposal).toMatchObject({
      id: 0n,
      kind: ProposalKind.SetFee,
      valueA: 400n,
      forVotes: total,
      status: "voting",
    });
    expect(proposal!.secondsLeft).toBeGreaterThan(0n);
    expect(proposal!.secondsLeft).toBeLessThanOrEqual(LOCALNET_GOVERNANCE.votingPeriod);
    const mint = decodeMint((await chain.accountData(await ampMintAddress()))!);
    expect(mint.supply).toBe(total);

    const holder = await gov.holder((await demoHolder(h.net.ledger, 0)).address);
    expect(holder.stake?.amount).toBe(DEMO_HOLDER_STAKES[0]);
    expect(holder.claimableLamports).toBe(0n);
    expect(holder.ampBalance).toBe(0n);
  });

  it("a wallet with no AMP cannot stake: SPL Token refuses the transfer and nothing is staked", async () => {
    const wallet = await fundedSigner(h, 1n);
    await expect(gov.stake(wallet, 1n)).rejects.toThrow();
    expect((await gov.holder(wallet.address)).stake).toBeNull();
  });
});
