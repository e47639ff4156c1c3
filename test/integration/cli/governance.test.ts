// `amplify governance …` and `amplify model register` (cli/src/governanceCommands.ts) against a
// real localnet whose genesis created AMP and a demo proposal: status with tallies and time left,
// stake, a proposal and a vote from a new holder, refusals in sentences, model registration.
import { createKeyPairSignerFromPrivateKeyBytes, generateKeyPairSigner, type KeyPairSigner } from "@solana/kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { governanceCommand, modelCommand, parseProposal } from "../../../cli/src/governanceCommands";
import { AmplifyChain } from "../../../lib/chain";
import { findAmplifyProgram } from "../../../localnet/programs";
import {
  ampAccountOf,
  ampMintAddress,
  findGovernancePda,
  getCreateAssociatedTokenAccountInstruction,
  getMintGenesisInstruction,
  ProposalKind,
} from "../../../shared/protocol";
import { startHarness, type Harness } from "../localnet/localnetHarness";

let h: Harness;
let chain: AmplifyChain;

beforeAll(async () => {
  const found = findAmplifyProgram();
  if (!("program" in found)) throw new Error(found.missing);
  h = await startHarness({ programs: [found.program] });
  chain = new AmplifyChain({ rpcUrl: h.net.rpcUrl, wsUrl: h.net.wsUrl, blobUrl: h.net.blobUrl });
});
afterAll(async () => h.close());

async function run(args: string[], signer: KeyPairSigner, model = false): Promise<string[]> {
  const lines: string[] = [];
  const ctx = { chain, signer: () => Promise.resolve(signer), out: (line: string) => lines.push(line) };
  await (model ? modelCommand(args, ctx) : governanceCommand(args, ctx));
  return lines;
}

async function fundedWallet(): Promise<KeyPairSigner> {
  const wallet = await generateKeyPairSigner();
  const funded = h.net.ledger.airdrop(wallet.address, 2_000_000_000n);
  if (funded.kind === "landed") await funded.durable;
  return wallet;
}

describe("amplify governance", () => {
  it("status, stake, propose, vote; refusals say why", async () => {
    const holder = await fundedWallet();
    const faucet = await createKeyPairSignerFromPrivateKeyBytes(h.net.ledger.faucet.seed);
    await chain.send(faucet, [
      await getCreateAssociatedTokenAccountInstruction({
        payer: faucet,
        owner: holder.address,
        mint: await ampMintAddress(),
      }),
      await getMintGenesisInstruction({
        authority: faucet,
        destination: await ampAccountOf(holder.address),
        amount: 5_000_000_000n,
      }),
    ]);
    const status = await run(["status"], holder);
    expect(status[0]).toMatch(/^fee 5 % {2}staked 1000 AMP/);
    expect(status[1]).toBe("you: 5 AMP, staked 0, unbonding 0, claimable 0 SOL");
    // The localnet's faucet deployed the program, so it (not governance) holds the upgrade authority.
    const [governanceAddress] = await findGovernancePda();
    expect(status[2]).toBe(`governance account ${governanceAddress}  program upgrade authority: ${faucet.address}`);
    expect(status[3]).toMatch(/^#0 fee 4 % {2}for 1000 \/ against 0 AMP \(quorum 100\) {2}voting \(\d+ (h|min)/);

    expect((await run(["stake", "2.5"], holder))[0]).toMatch(/^staked 2\.5 AMP \(/);
    await expect(run(["claim"], holder)).rejects.toThrow(/nothing to claim/);
    await expect(run(["propose", "fee", "11"], holder)).rejects.toThrow(/the fee must be 0\.\.10 %/);
    // 2.5 AMP is above the 1-AMP threshold; the stake must predate the proposal's slot to vote.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect((await run(["propose", "fee", "4.5"], holder))[0]).toMatch(/^proposal #1 created/);
    await expect(run(["vote", "0", "for"], holder)).rejects.toThrow(/changed at or after the proposal's snapshot/);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect((await run(["vote", "1", "for"], holder))[0]).toMatch(/^voted for #1/);
    await expect(run(["vote", "1", "against"], holder)).rejects.toThrow(/already exists/);
    await expect(run(["execute", "1"], holder)).rejects.toThrow(/still being voted on/);
    await expect(run(["close", "1"], holder)).rejects.toThrow(
      /^Nothing to close on proposal 1 yet: it is voting; your vote record closes once the vote is over\.$/,
    );
    const after = await run(["status"], holder);
    expect(after.at(-1)).toMatch(/^#1 fee 4\.5 % {2}for 2\.5 \/ against 0 AMP/);
  });

  it("parses every proposal kind, and refuses unknown ones", () => {
    expect(parseProposal(["pause", "on"])).toEqual({ kind: ProposalKind.SetPaused, valueA: 1n });
    expect(parseProposal(["rewards", "2", "85", "10"])).toEqual({
      kind: ProposalKind.SetRewards,
      valueA: 2n,
      valueB: BigInt(8500 | (1000 << 16)),
    });
    expect(parseProposal(["spend", "0.5", "11111111111111111111111111111112"])).toMatchObject({ valueA: 500_000_000n });
    expect(() => parseProposal(["rewards", "1", "95", "0"])).toThrow(/stakers' share must be 0\.\.90 %/);
    expect(() => parseProposal(["mint", "1"])).toThrow(/unknown proposal kind/);
    const key = "11111111111111111111111111111112";
    expect(parseProposal(["upgrade-authority", key])).toEqual({ kind: ProposalKind.SetUpgradeAuthority, target: key });
    expect(() => parseProposal(["upgrade-authority", "nobody"])).toThrow(/new upgrade authority is not an address/);
    // Irreversible, so never one word away.
    expect(() => parseProposal(["immutable"])).toThrow(/cannot be undone.*propose immutable forever/);
    expect(parseProposal(["immutable", "forever"])).toEqual({ kind: ProposalKind.MakeImmutable });
  });

  it("model register: the author's record, once", async () => {
    const author = await fundedWallet();
    const sha = "ab".repeat(32);
    expect((await run(["register", sha], author, true))[0]).toMatch(
      /^model registered: id [0-9a-f]{64} \(manifest abab/,
    );
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // a new blockhash: not the same transaction again
    await expect(run(["register", sha], author, true)).rejects.toThrow(/already exists/);
    await expect(run(["register", "/no/such/manifest.json"], author, true)).rejects.toThrow(/neither a manifest file/);
  });
});
