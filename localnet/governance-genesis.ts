// First-boot AMP on the localnet: the faucet (the config authority) creates the governance
// account, the AMP mint and the stake vault, then a demo distribution so the Governance screen
// has content: two demo holders get genesis AMP, stake it, and one proposes lowering the fee to
// 4 %, which both vote for. The config authority stays the faucet (handing it to governance is an
// operator's step: update_config + governance_take_authority), so other localnet users keep a
// signing authority.
import crypto from "node:crypto";
import { createKeyPairSignerFromPrivateKeyBytes, type Address, type TransactionSigner } from "@solana/kit";
import {
  ampAccountOf,
  ampMintAddress,
  findGovernancePda,
  getCreateAssociatedTokenAccountInstruction,
  getInitGovernanceInstruction,
  getMintGenesisInstruction,
  getProposeInstruction,
  getStakeInstruction,
  getVoteInstruction,
  ProposalKind,
  type GovernanceParameters,
} from "../shared/protocol";
import { faucetSigner, sendAndWait } from "./genesis";
import type { Ledger } from "./ledger/ledger";

const AMP = 1_000_000_000n;

/** Localnet periods: a vote you can watch (1 hour), a short timelock, a day's cool-down. */
export const LOCALNET_GOVERNANCE: GovernanceParameters = {
  proposalThreshold: AMP,
  votingPeriod: 3_600n,
  timelock: 600n,
  cooldown: 86_400n,
  ampRate: 1n,
  genesisCap: 1_000_000n * AMP,
  quorumBps: 1000,
  stakerBps: 8000,
  authorBps: 2000,
};

/** The demo holders' stakes (AMP base units): 600 and 400 AMP. */
export const DEMO_HOLDER_STAKES = [600n * AMP, 400n * AMP] as const;

/** A demo holder's key, derived from the ledger's genesis hash: public on this localnet only. */
export function demoHolder(ledger: Ledger, index: number): Promise<TransactionSigner> {
  const seed = crypto.createHash("sha256").update(`amplify-demo-holder-${index}`).update(ledger.genesisHash).digest();
  return createKeyPairSignerFromPrivateKeyBytes(new Uint8Array(seed));
}

async function nextSlot(ledger: Ledger): Promise<void> {
  const start = ledger.currentSlot();
  while (ledger.currentSlot() === start) await new Promise((resolve) => setTimeout(resolve, ledger.slotMs / 4));
}

export async function bootstrapGovernance(
  ledger: Ledger,
  programAddress: Address,
  log: (line: string) => void,
  overrides: Partial<GovernanceParameters> = {},
): Promise<void> {
  const [governance] = await findGovernancePda(programAddress);
  if (ledger.getAccount(governance)) return;
  const faucet = await faucetSigner(ledger);
  await sendAndWait(
    ledger,
    [
      await getInitGovernanceInstruction({
        authority: faucet,
        parameters: { ...LOCALNET_GOVERNANCE, ...overrides },
        programAddress,
      }),
    ],
    faucet,
  );
  const mint = await ampMintAddress(programAddress);
  const holders = await Promise.all(DEMO_HOLDER_STAKES.map((_, i) => demoHolder(ledger, i)));
  for (const [i, holder] of holders.entries()) {
    const funded = ledger.airdrop(holder.address, 1_000_000_000n);
    if (funded.kind === "landed") await funded.durable;
    const amount = DEMO_HOLDER_STAKES[i]!;
    await sendAndWait(
      ledger,
      [await getCreateAssociatedTokenAccountInstruction({ payer: holder, owner: holder.address, mint })],
      holder,
    );
    await sendAndWait(
      ledger,
      [
        await getMintGenesisInstruction({
          authority: faucet,
          destination: await ampAccountOf(holder.address, programAddress),
          amount,
          programAddress,
        }),
      ],
      faucet,
    );
    await sendAndWait(ledger, [await getStakeInstruction({ owner: holder, amount, programAddress })], holder);
  }
  // Votes count stake from before the proposal's slot.
  await nextSlot(ledger);
  const [proposer, second] = holders as [TransactionSigner, TransactionSigner];
  await sendAndWait(
    ledger,
    [await getProposeInstruction({ proposer, id: 0n, kind: ProposalKind.SetFee, valueA: 400n, programAddress })],
    proposer,
  );
  for (const voter of [proposer, second]) {
    await sendAndWait(
      ledger,
      [await getVoteInstruction({ voter, proposalId: 0n, support: true, programAddress })],
      voter,
    );
  }
  log(`AMP governance initialised (mint ${mint}); demo: 2 holders staked 1,000 AMP, proposal 0 (fee 4 %) voted for`);
}
