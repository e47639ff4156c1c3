// A governed market in a fresh LiteSVM: the market of market-fixture.ts plus the AMP mint (real
// SPL Token), a genesis allocation to holders' associated token accounts, staking, and the
// handover of the config authority to the governance account.
import {
  ampAccountOf,
  decodeGovernance,
  decodeStake,
  decodeTokenAccount,
  findAmpMintPda,
  findGovernancePda,
  findStakePda,
  findStakeVaultPda,
  getCreateAssociatedTokenAccountInstruction,
  getGovernanceTakeAuthorityInstruction,
  getInitGovernanceInstruction,
  getMintGenesisInstruction,
  getProposeInstruction,
  getStakeInstruction,
  getUpdateConfigInstruction,
  getVoteInstruction,
} from "../../shared/protocol/index";
import { setupMarket } from "./program-market-fixture";
import type { Market } from "./program-market-fixture";
import type { DeployOptions } from "./program-harness";
import type { GovernanceAccount, GovernanceParameters, ProposalKind, StakeAccount } from "../../shared/protocol/index";
import type { Address, KeyPairSigner } from "@solana/kit";

/** Short periods so tests warp the clock by hours, not days. */
export const TEST_PARAMETERS: GovernanceParameters = {
  proposalThreshold: 1_000_000_000n,
  votingPeriod: 3_600n,
  timelock: 1_800n,
  cooldown: 86_400n,
  ampRate: 1n,
  genesisCap: 10n ** 18n,
  quorumBps: 1000,
  stakerBps: 8000,
  authorBps: 2000,
};

export interface GovernedMarket extends Market {
  governanceAccount: Address;
  mint: Address;
  stakeVault: Address;
}

export async function setupGovernedMarket(
  feeBps = 500,
  parameters: Partial<GovernanceParameters> = {},
  deploy: DeployOptions = {},
): Promise<GovernedMarket> {
  const m = await setupMarket(feeBps, deploy);
  const programAddress = m.h.programId;
  await m.h.sendOk(
    [
      await getInitGovernanceInstruction({
        authority: m.governance,
        parameters: { ...TEST_PARAMETERS, ...parameters },
        programAddress,
      }),
    ],
    m.governance,
  );
  return {
    ...m,
    governanceAccount: (await findGovernancePda(programAddress))[0],
    mint: (await findAmpMintPda(programAddress))[0],
    stakeVault: (await findStakeVaultPda(programAddress))[0],
  };
}

/** Creates `owner`'s AMP associated token account (owner pays) and returns its address. */
export async function openAmpAccount(m: GovernedMarket, owner: KeyPairSigner): Promise<Address> {
  await m.h.sendOk(
    [await getCreateAssociatedTokenAccountInstruction({ payer: owner, owner: owner.address, mint: m.mint })],
    owner,
  );
  return ampAccountOf(owner.address, m.h.programId);
}

/** A funded wallet holding `amp` AMP base units from the genesis allocation. */
export async function holder(m: GovernedMarket, amp: bigint): Promise<KeyPairSigner> {
  const wallet = await m.h.fundedSigner();
  const account = await openAmpAccount(m, wallet);
  if (amp > 0n) {
    await m.h.sendOk(
      [
        await getMintGenesisInstruction({
          authority: m.governance,
          destination: account,
          amount: amp,
          programAddress: m.h.programId,
        }),
      ],
      m.governance,
    );
  }
  return wallet;
}

export async function stake(m: GovernedMarket, owner: KeyPairSigner, amount: bigint): Promise<void> {
  await m.h.sendOk([await getStakeInstruction({ owner, amount, programAddress: m.h.programId })], owner);
}

/** update_config proposes the governance account, then anyone completes the handover. */
export async function handOverToGovernance(m: GovernedMarket): Promise<void> {
  await m.h.sendOk(
    [
      await getUpdateConfigInstruction({
        authority: m.governance,
        proposedAuthority: m.governanceAccount,
        treasury: m.treasury.address,
        programAddress: m.h.programId,
      }),
    ],
    m.governance,
  );
  const anyone = await m.h.fundedSigner();
  await m.h.sendOk([await getGovernanceTakeAuthorityInstruction({ programAddress: m.h.programId })], anyone);
}

/** Moves the clock (and the slot) forward. */
export function warp(m: Market, seconds: bigint): void {
  m.h.setTime(m.h.now() + seconds);
}

export function governanceOf(m: GovernedMarket): GovernanceAccount {
  return decodeGovernance(m.h.data(m.governanceAccount));
}

export async function stakeOf(m: GovernedMarket, owner: Address): Promise<StakeAccount> {
  return decodeStake(m.h.data((await findStakePda(owner, m.h.programId))[0]));
}

export async function ampBalance(m: GovernedMarket, owner: Address): Promise<bigint> {
  const account = await ampAccountOf(owner, m.h.programId);
  return m.h.exists(account) ? decodeTokenAccount(m.h.data(account)).amount : 0n;
}

export interface ProposalSpec {
  kind: ProposalKind;
  valueA?: bigint;
  valueB?: bigint;
  target?: Address;
}

/** Proposes (as `proposer`, at the next id) and returns the id. */
export async function propose(m: GovernedMarket, proposer: KeyPairSigner, spec: ProposalSpec): Promise<bigint> {
  const id = governanceOf(m).proposalCount;
  await m.h.sendOk([await getProposeInstruction({ proposer, id, programAddress: m.h.programId, ...spec })], proposer);
  return id;
}

export async function vote(m: GovernedMarket, voter: KeyPairSigner, id: bigint, support: boolean): Promise<void> {
  await m.h.sendOk(
    [await getVoteInstruction({ voter, proposalId: id, support, programAddress: m.h.programId })],
    voter,
  );
}
