// AMP governance for the CLI, core and the localnet: reads the governance state (stake, claimable
// lamports, proposals with tallies and time left) and sends the holder's instructions through
// AmplifyChain, so every refusal comes back as the program's own sentence.
import {
  ampAccountOf,
  amplifyProgramAddress,
  ampMintAddress,
  claimable,
  decodeConfig,
  decodeGovernance,
  decodeModelRecord,
  decodeProposal,
  decodeStake,
  decodeTokenAccount,
  decodeWorkerProfile,
  findConfigPda,
  findGovernancePda,
  findModelPda,
  findProposalPda,
  findStakePda,
  findVoteRecordPda,
  findWorkerProfilePda,
  getClaimAmpInstruction,
  getClaimRewardsInstruction,
  getCloseProposalInstruction,
  getCloseVoteInstruction,
  getCreateAssociatedTokenAccountInstruction,
  getExecuteProposalInstruction,
  getProposeInstruction,
  getRegisterModelInstruction,
  getRequestUnstakeInstruction,
  getStakeInstruction,
  getVoteInstruction,
  getWithdrawStakeInstruction,
  modelId,
  proposalClosable,
  proposalStatus,
} from "../../shared/protocol";
import { decodeLoaderState, findProgramDataAddress, PROGRAMDATA_METADATA_SIZE } from "../../shared/loader";
import { RequesterError } from "../chain";
import type { AmplifyChain } from "../chain";
import type {
  GovernanceAccount,
  ModelRecordAccount,
  ProposalAccount,
  ProposalKind,
  StakeAccount,
} from "../../shared/protocol";
import type { Address, Signature, TransactionSigner } from "@solana/kit";

/** The Clock sysvar: unix_timestamp at byte 32. The chain's time, not this machine's. */
const CLOCK_SYSVAR = "SysvarC1ock11111111111111111111111111111111" as Address;

export interface ProposalView extends ProposalAccount {
  address: Address;
  status: ReturnType<typeof proposalStatus>;
  /** Seconds until the vote ends (voting) or until it may execute (timelocked); 0 otherwise. */
  secondsLeft: bigint;
}

export interface HolderView {
  owner: Address;
  /** AMP base units in the holder's associated token account. */
  ampBalance: bigint;
  stake: StakeAccount | null;
  /** Lamports a claim would pay now. */
  claimableLamports: bigint;
  /** AMP reviews credited to the worker profile, not minted yet. */
  ampPending: bigint;
}

export interface GovernanceStatus {
  governance: GovernanceAccount;
  governanceAddress: Address;
  feeBps: number;
  /** The config authority is the governance account (proposals can change the config). */
  governed: boolean;
  /**
   * The program's upgrade authority as its ProgramData records it: the governance address when
   * proposals can hand it on, null once immutable, undefined when the program is not under the
   * upgradeable loader.
   */
  upgradeAuthority: Address | null | undefined;
  now: bigint;
  proposals: ProposalView[];
}

export interface ProposalInput {
  kind: ProposalKind;
  valueA?: bigint;
  valueB?: bigint;
  target?: Address;
}

export class GovernanceClient {
  constructor(private readonly chain: AmplifyChain) {}

  private async data(address: Address): Promise<Uint8Array | undefined> {
    return this.chain.accountData(address);
  }

  /** The chain's unix time (the Clock sysvar). */
  async now(): Promise<bigint> {
    const data = await this.data(CLOCK_SYSVAR);
    if (!data || data.length < 40) throw new RequesterError("The cluster did not return its clock.");
    return new DataView(data.buffer, data.byteOffset, data.byteLength).getBigInt64(32, true);
  }

  async governance(): Promise<{ address: Address; account: GovernanceAccount }> {
    const [address] = await findGovernancePda();
    const data = await this.data(address);
    if (!data) throw new RequesterError("AMP governance is not initialised on this cluster (no governance account).");
    return { address, account: decodeGovernance(data) };
  }

  async proposal(id: bigint, now?: bigint): Promise<ProposalView> {
    const [address] = await findProposalPda(id);
    const data = await this.data(address);
    if (!data) throw new RequesterError(`There is no proposal ${id}.`);
    return view(address, decodeProposal(data), now ?? (await this.now()));
  }

  private async proposalIfOpen(id: bigint, now: bigint): Promise<ProposalView | undefined> {
    const [address] = await findProposalPda(id);
    const data = await this.data(address);
    return data ? view(address, decodeProposal(data), now) : undefined;
  }

  async status(): Promise<GovernanceStatus> {
    const { address, account } = await this.governance();
    const configData = await this.data((await findConfigPda())[0]);
    if (!configData) throw new RequesterError("The Amplify program is not initialised on this cluster.");
    const config = decodeConfig(configData);
    const now = await this.now();
    const ids = Array.from({ length: Number(account.proposalCount) }, (_, i) => BigInt(i));
    // Closed proposals (close_proposal returned their rent) are gone from the chain and from the list.
    const found = await Promise.all(ids.map((id) => this.proposalIfOpen(id, now)));
    const proposals = found.filter((p): p is ProposalView => p !== undefined);
    return {
      upgradeAuthority: await this.upgradeAuthority(),
      governance: account,
      governanceAddress: address,
      feeBps: config.feeBps,
      governed: config.authority === address,
      now,
      proposals,
    };
  }

  /** ProgramData's upgrade authority (null: immutable; undefined: no ProgramData, e.g. not this loader). */
  async upgradeAuthority(): Promise<Address | null | undefined> {
    // Only the 45-byte header: ProgramData also holds the whole program (tens of kilobytes).
    const { value } = await this.chain.rpc
      .getAccountInfo(await findProgramDataAddress(amplifyProgramAddress()), {
        encoding: "base64",
        dataSlice: { offset: 0, length: PROGRAMDATA_METADATA_SIZE },
      })
      .send();
    if (!value) return undefined;
    const state = decodeLoaderState(Uint8Array.from(Buffer.from(value.data[0], "base64")));
    return state.kind === "programData" ? state.upgradeAuthority : undefined;
  }

  async holder(owner: Address): Promise<HolderView> {
    const { account: governance } = await this.governance();
    const tokens = await this.data(await ampAccountOf(owner));
    const stakeData = await this.data((await findStakePda(owner))[0]);
    const stake = stakeData ? decodeStake(stakeData) : null;
    const profileData = await this.data((await findWorkerProfilePda(owner))[0]);
    return {
      owner,
      ampBalance: tokens ? decodeTokenAccount(tokens).amount : 0n,
      stake,
      claimableLamports: stake ? claimable(stake, governance) : 0n,
      ampPending: profileData ? decodeWorkerProfile(profileData).ampPending : 0n,
    };
  }

  async model(author: Address, manifestSha256: Uint8Array): Promise<ModelRecordAccount | undefined> {
    const data = await this.data((await findModelPda(modelId(author, manifestSha256)))[0]);
    return data ? decodeModelRecord(data) : undefined;
  }

  /** Creates the signer's AMP account if it has none, then stakes `amount` base units. */
  async stake(signer: TransactionSigner, amount: bigint): Promise<Signature> {
    const mint = await ampMintAddress();
    return this.chain.send(signer, [
      await getCreateAssociatedTokenAccountInstruction({ payer: signer, owner: signer.address, mint }),
      await getStakeInstruction({ owner: signer, amount }),
    ]);
  }

  async requestUnstake(signer: TransactionSigner, amount: bigint): Promise<Signature> {
    return this.chain.send(signer, [await getRequestUnstakeInstruction({ owner: signer, amount })]);
  }

  async withdrawStake(signer: TransactionSigner): Promise<Signature> {
    return this.chain.send(signer, [await getWithdrawStakeInstruction({ owner: signer })]);
  }

  /** Refused here, in a sentence, when there is no stake or nothing accrued (the program would say the same). */
  async claim(signer: TransactionSigner): Promise<Signature> {
    const { stake, claimableLamports } = await this.holder(signer.address);
    if (!stake) throw new RequesterError("There is nothing to claim: this wallet has never staked AMP.");
    if (claimableLamports === 0n)
      throw new RequesterError("There is nothing to claim yet: no fees arrived since your last claim.");
    return this.chain.send(signer, [await getClaimRewardsInstruction({ owner: signer })]);
  }

  /** Mints AMP the worker's reviews credited to its profile (creating its AMP account if needed). */
  async claimAmp(signer: TransactionSigner): Promise<Signature> {
    const mint = await ampMintAddress();
    return this.chain.send(signer, [
      await getCreateAssociatedTokenAccountInstruction({ payer: signer, owner: signer.address, mint }),
      await getClaimAmpInstruction({ worker: signer }),
    ]);
  }

  /** Proposes at the next id and returns it. */
  async propose(signer: TransactionSigner, input: ProposalInput): Promise<{ id: bigint; signature: Signature }> {
    const { account } = await this.governance();
    const id = account.proposalCount;
    const signature = await this.chain.send(signer, [await getProposeInstruction({ proposer: signer, id, ...input })]);
    return { id, signature };
  }

  async vote(signer: TransactionSigner, id: bigint, support: boolean): Promise<Signature> {
    return this.chain.send(signer, [await getVoteInstruction({ voter: signer, proposalId: id, support })]);
  }

  /**
   * Anyone may execute; the proposal's target is passed (a treasury spend's recipient, a new upgrade
   * authority), and for the upgrade kinds the program's ProgramData and the loader too.
   */
  async execute(signer: TransactionSigner, id: bigint): Promise<Signature> {
    const proposal = await this.proposal(id);
    return this.chain.send(signer, [
      await getExecuteProposalInstruction({ proposalId: id, target: proposal.target, kind: proposal.kind }),
    ]);
  }

  /**
   * Returns rent once a proposal is done: the signer's own vote record (after the vote) and the
   * proposal itself (once executed, failed past its timelock, or expired); each goes back to whoever
   * paid it. Refused in a sentence when neither can close yet.
   */
  async close(
    signer: TransactionSigner,
    id: bigint,
  ): Promise<{ closed: ("vote" | "proposal")[]; signature: Signature }> {
    const [address] = await findProposalPda(id);
    const data = await this.data(address);
    const now = await this.now();
    const proposal = data ? decodeProposal(data) : undefined;
    const instructions = [];
    const closed: ("vote" | "proposal")[] = [];
    const record = (await findVoteRecordPda(address, signer.address))[0];
    const hasRecord = (await this.data(record)) !== undefined;
    if (hasRecord && (!proposal || now >= proposal.votingEndsAt)) {
      instructions.push(await getCloseVoteInstruction({ proposalId: id, voter: signer.address }));
      closed.push("vote");
    }
    if (proposal && proposalClosable(proposal, now)) {
      instructions.push(await getCloseProposalInstruction({ proposalId: id, proposer: proposal.proposer }));
      closed.push("proposal");
    }
    if (instructions.length === 0) {
      if (!proposal) throw new RequesterError(`Proposal ${id} is closed and this wallet has no vote record on it.`);
      const yours = hasRecord ? "; your vote record closes once the vote is over" : "";
      throw new RequesterError(
        `Nothing to close on proposal ${id} yet: it is ${proposalStatus(proposal, now)}${yours}.`,
      );
    }
    return { closed, signature: await this.chain.send(signer, instructions) };
  }

  async registerModel(
    signer: TransactionSigner,
    manifestSha256: Uint8Array,
  ): Promise<{ modelId: Uint8Array; signature: Signature }> {
    const signature = await this.chain.send(signer, [
      await getRegisterModelInstruction({ author: signer, manifestSha256 }),
    ]);
    return { modelId: modelId(signer.address, manifestSha256), signature };
  }
}

function view(address: Address, p: ProposalAccount, now: bigint): ProposalView {
  const status = proposalStatus(p, now);
  const secondsLeft = status === "voting" ? p.votingEndsAt - now : status === "timelocked" ? p.executableAt - now : 0n;
  return { ...p, address, status, secondsLeft };
}
