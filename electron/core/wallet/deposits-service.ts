import { address, getAddressEncoder } from "@solana/kit";
import type { Instruction } from "@solana/kit";
import { ApiError } from "../../../shared/api";
import type { DepositMove, Deposits, HeldDeposit } from "../../../shared/api/wallet";
import {
  ACCOUNT_SIZES,
  ASSIGNMENT_OFFSETS,
  DISCRIMINATORS,
  SHARE_OFFSETS,
  decodeAssignment,
  decodeCampaign,
  decodeShare,
  getCloseShareInstruction,
  getReleaseExpiredInstruction,
} from "../../../shared/protocol";
import type { ChainClient } from "../../../lib/chain";
import { waitForConfirmation } from "../../../lib/chain";
import { campaignStopsAt, reviewDeadline, shareClosable } from "../../../lib/market";
import type { Keystore } from "../keystore";

/** The worker's recent transactions read for the deposit history (getSignaturesForAddress's maximum). */
const HISTORY = 1000;
/** Reclaim instructions per transaction: each is small and touches few accounts. */
const RECLAIMS_PER_TX = 6;

interface HeldAccounts {
  readonly held: HeldDeposit[];
  readonly reclaim: Array<() => Promise<Instruction>>;
}

/**
 * The Wallet's deposits: what the worker's accepts put up, what came back (read from the
 * program's events), what is still held by an account on chain and when each comes back.
 */
export class DepositsService {
  constructor(
    private readonly chain: ChainClient,
    private readonly keystore: Keystore,
  ) {}

  async deposits(): Promise<Deposits> {
    const worker = this.worker();
    const [history, now] = [await this.chain.events(worker, HISTORY), Math.floor(Date.now() / 1000)];
    const { held } = await this.heldAccounts(worker, now);
    const moves: DepositMove[] = [];
    const firstAccept = new Map<string, { at: number; signature: string }>();
    const shareClosed = new Map<string, bigint>();
    for (const { event, blockTime, signature } of history) {
      if (!("worker" in event) || !("campaign" in event) || event.worker !== worker) continue;
      const at = blockTime === 0n ? null : Number(blockTime);
      const base = { campaign: event.campaign as string, at, signature };
      switch (event.kind) {
        case "taskAccepted":
          if (!firstAccept.has(event.campaign)) firstAccept.set(event.campaign, { at: at ?? 0, signature });
          moves.push({
            ...base,
            kind: "task",
            direction: "out",
            taskIndex: event.taskIndex,
            lamports: Number(event.deposit),
            via: "accept",
          });
          break;
        case "resultSubmitted":
          moves.push({
            ...base,
            kind: "task",
            direction: "returned",
            taskIndex: event.taskIndex,
            lamports: Number(event.depositReturned),
            via: "submit",
          });
          break;
        case "assignmentReleased":
          moves.push({
            ...base,
            kind: "task",
            direction: "returned",
            taskIndex: event.taskIndex,
            lamports: Number(event.depositReturned),
            via: "release",
          });
          break;
        case "shareClosed":
          shareClosed.set(event.campaign, event.depositReturned);
          moves.push({
            ...base,
            kind: "campaign",
            direction: "returned",
            taskIndex: null,
            lamports: Number(event.depositReturned),
            via: "close_share",
          });
          break;
        default:
          break;
      }
    }
    // A Share's rent is taken by the first accept of a campaign and logged by no event: it is
    // the share's lamports while it lives, and what close_share returned once it is closed.
    for (const [campaign, first] of firstAccept) {
      const open = held.find((h) => h.kind === "campaign" && h.campaign === campaign);
      const lamports = open ? BigInt(open.lamports) : shareClosed.get(campaign);
      if (lamports === undefined) continue;
      moves.push({
        kind: "campaign",
        direction: "out",
        campaign,
        taskIndex: null,
        lamports: Number(lamports),
        at: first.at || null,
        signature: first.signature,
        via: "accept",
      });
    }
    moves.sort((a, b) => (b.at ?? 0) - (a.at ?? 0));
    const sum = (direction: DepositMove["direction"]) =>
      moves.filter((m) => m.direction === direction).reduce((s, m) => s + m.lamports, 0);
    return {
      heldLamports: held.reduce((s, h) => s + h.lamports, 0),
      held: held.slice(0, 2000),
      outLamports: sum("out"),
      returnedLamports: sum("returned"),
      moves: moves.slice(0, 2000),
    };
  }

  /** Sends release_expired and close_share for every deposit the program hands back now. */
  async reclaim(): Promise<{ reclaimed: number; lamports: number; signatures: string[] }> {
    const signer = this.keystore.signer();
    const { held, reclaim } = await this.heldAccounts(signer.address, Math.floor(Date.now() / 1000));
    const ready = held.filter((h) => h.reclaimableNow);
    const signatures: string[] = [];
    let lamports = 0;
    let reclaimed = 0;
    for (let i = 0; i < reclaim.length; i += RECLAIMS_PER_TX) {
      const batch = reclaim.slice(i, i + RECLAIMS_PER_TX);
      const tx = await this.chain.sign(signer, await Promise.all(batch.map((make) => make())));
      await this.chain.send(tx.wire, { skipPreflight: false });
      const outcome = await waitForConfirmation(this.chain, tx.signature);
      if (!outcome)
        throw new ApiError("unavailable", "The reclaim was sent but not confirmed in time: look again shortly.");
      if (!outcome.ok)
        throw new ApiError("rejected", `Nothing was reclaimed: the chain refused it. ${outcome.failure.message}`);
      signatures.push(tx.signature);
      for (const h of ready.slice(i, i + RECLAIMS_PER_TX)) lamports += h.lamports;
      reclaimed += batch.length;
    }
    return { reclaimed, lamports, signatures };
  }

  private worker(): string {
    const worker = this.keystore.address();
    if (!worker) throw new ApiError("locked", "Unlock your key first: deposits belong to its address.");
    return worker;
  }

  /** Assignments and shares of this worker alive on chain, each with when it comes back. */
  private async heldAccounts(worker: string, now: number): Promise<HeldAccounts> {
    const mine = Uint8Array.from(getAddressEncoder().encode(address(worker)));
    const [assignments, shares] = await Promise.all([
      this.chain.programAccounts(ACCOUNT_SIZES.assignment, [
        { offset: 0, bytes: DISCRIMINATORS.assignment },
        { offset: ASSIGNMENT_OFFSETS.worker, bytes: mine },
      ]),
      this.chain.programAccounts(ACCOUNT_SIZES.share, [
        { offset: 0, bytes: DISCRIMINATORS.share },
        { offset: SHARE_OFFSETS.worker, bytes: mine },
      ]),
    ]);
    const decodedShares = shares.map((raw) => ({ raw, share: decodeShare(raw.data) }));
    const campaignAddresses = decodedShares.map((s) => s.share.campaign as string);
    const campaigns = campaignAddresses.length ? await this.chain.accounts(campaignAddresses) : [];
    const held: HeldDeposit[] = [];
    const reclaim: HeldAccounts["reclaim"] = [];
    for (const raw of assignments) {
      const a = decodeAssignment(raw.data);
      const expired = now >= Number(a.expiresAt);
      held.push({
        kind: "task",
        account: raw.address,
        campaign: a.campaign,
        taskIndex: a.taskIndex,
        lamports: Number(raw.lamports),
        backBy: Number(a.expiresAt),
        reclaimableNow: expired,
        stopsAt: null,
        campaignClosed: false,
      });
      if (expired)
        reclaim.push(() =>
          getReleaseExpiredInstruction({ campaign: a.campaign, taskIndex: a.taskIndex, worker: a.worker }),
        );
    }
    decodedShares.forEach(({ raw, share }, i) => {
      const campaignRaw = campaigns[i];
      const campaign = campaignRaw && campaignRaw.data.length > 0 ? decodeCampaign(campaignRaw.data) : null;
      const closable = shareClosable(share, campaign, now);
      held.push({
        kind: "campaign",
        account: raw.address,
        campaign: share.campaign,
        taskIndex: null,
        lamports: Number(raw.lamports),
        backBy: campaign ? reviewDeadline(campaign) : null,
        reclaimableNow: closable,
        stopsAt: campaign ? campaignStopsAt(campaign) : null,
        campaignClosed: campaign === null,
      });
      if (closable) reclaim.push(() => getCloseShareInstruction({ campaign: share.campaign, worker: share.worker }));
    });
    // The reclaim list follows `held`'s order restricted to reclaimable entries.
    return { held, reclaim };
  }
}
