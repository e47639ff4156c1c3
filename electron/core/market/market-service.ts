import { address, getAddressEncoder } from "@solana/kit";
import type { Instruction, TransactionSigner } from "@solana/kit";
import { ApiError } from "../../../shared/api";
import { formatSol } from "../../../shared/sol";
import type { AcceptOutcome, CampaignView, MarketFilter, MarketStats } from "../../../shared/api/market";
import type { CampaignAccount } from "../../../shared/protocol";
import {
  ACCOUNT_SIZES,
  DISCRIMINATORS,
  PAGE_TASKS,
  SHARE_OFFSETS,
  affordableAccepts,
  assignmentDeposit,
  decodeCampaign,
  decodeShare,
  decodeTaskPage,
  findAssignmentPda,
  findSharePda,
  findTaskPagePda,
  getAcceptTaskInstruction,
  taskKey,
} from "../../../shared/protocol";
import type { ChainClient, ProtocolConfig } from "../../../lib/chain";
import { waitForConfirmation } from "../../../lib/chain";
import type { Keystore } from "../keystore";
import type { ProfileService } from "../profile";
import type { CampaignMetadataCache } from "../tasks";
import { ACCEPTS_PER_TX, OWN_CAMPAIGN, campaignView } from "./campaign-view";

/** Consecutive runs of one campaign's accepts, at most ACCEPTS_PER_TX each. */
function batchesOf<T extends { campaign: string }>(planned: readonly T[]): T[][] {
  const out: T[][] = [];
  for (const item of planned) {
    const last = out[out.length - 1];
    if (last && last.length < ACCEPTS_PER_TX && last[0]!.campaign === item.campaign) last.push(item);
    else out.push([item]);
  }
  return out;
}

/**
 * How long a listing waits for campaign metadata it does not have yet. Metadata URIs are chain
 * data anyone writes; a slow or endless one must not hold the market hostage. Late metadata
 * lands in the cache and the market is told to refresh.
 */
const METADATA_WAIT_MS = 1500;

export class MarketService {
  constructor(
    private readonly chain: ChainClient,
    private readonly config: ProtocolConfig,
    private readonly keystore: Keystore,
    private readonly profile: ProfileService,
    private readonly metadata: CampaignMetadataCache,
  ) {}

  async campaigns(): Promise<{ address: string; account: CampaignAccount }[]> {
    const raw = await this.chain.programAccounts(ACCOUNT_SIZES.campaign, [
      { offset: 0, bytes: DISCRIMINATORS.campaign },
    ]);
    return raw.map((r) => ({ address: r.address, account: decodeCampaign(r.data) }));
  }

  async list(filter: MarketFilter = {}): Promise<CampaignView[]> {
    const worker = this.keystore.address();
    const [campaigns, config, profile, balance, held] = await Promise.all([
      this.campaigns(),
      this.config.get(),
      worker ? this.profile.account(worker) : Promise.resolve(null),
      worker ? this.chain.balance(worker) : Promise.resolve(0n),
      worker ? this.held(worker) : Promise.resolve(new Map<string, number>()),
    ]);
    const situation = {
      hasKey: worker !== null,
      address: worker,
      profile,
      balance,
      held,
      nowSeconds: Math.floor(Date.now() / 1000),
    };
    const open = campaigns.filter((c) => c.account.endedAt === 0n);
    const metadata = await Promise.all(
      open.map(({ address: at, account }) =>
        this.metadata.get(at, account.metadataUri, account.labelSchemaHash, METADATA_WAIT_MS),
      ),
    );
    const views = open.map(({ address: at, account }, i) =>
      campaignView(at, account, config, situation, metadata[i] ?? null),
    );
    return sortAndFilter(views, filter);
  }

  async stats(): Promise<MarketStats> {
    const views = await this.list({ sort: "newest" });
    const open = views.filter((v) => v.tasksLeft > 0 && !v.reasons.some((r) => r.code === "deadline"));
    const pays = open.map((v) => v.payLamports).sort((a, b) => a - b);
    const slots = views.reduce((s, v) => s + v.taskCount * v.replication, 0);
    const taken = views.reduce((s, v) => s + (v.taskCount * v.replication - v.tasksLeft), 0);
    return {
      openCampaigns: open.length,
      medianPayLamports: pays.length ? pays[Math.floor(pays.length / 2)]! : null,
      recentPrices: views
        .slice(0, 50)
        .map((v) => ({ campaign: v.address, payLamports: v.payLamports, createdAt: v.createdAt })),
      fillRate: slots === 0 ? 0 : taken / slots,
    };
  }

  /**
   * Accepts `count` free tasks of each campaign, several per transaction, as many as the
   * wallet can hold deposits for (the shortfall is reported with its cause). Each batch is
   * simulated first; an instruction that would fail is reported on its own and dropped, and the
   * rest of the batch goes ahead.
   */
  async accept(items: readonly { campaign: string; count: number }[]): Promise<AcceptOutcome[]> {
    const signer = this.keystore.signer();
    const outcomes: AcceptOutcome[] = [];
    const planned: { campaign: string; task: string; index: number; ix: Instruction }[] = [];
    const chosen = new Set<string>();
    let keyIx = await this.profile.keyInstruction(signer);
    const balance = await this.chain.balance(signer.address);
    const registering = keyIx !== null && (await this.profile.account(signer.address)) === null;
    let newShares = 0;
    for (const item of items) {
      // The same campaign may be named twice: never plan one task twice.
      const { free: all, hasShare, requester } = await this.freeTasks(item.campaign, signer.address);
      if (requester === signer.address) {
        outcomes.push(failure(item.campaign, null, OWN_CAMPAIGN));
        continue;
      }
      const free = all.filter((i) => !chosen.has(taskKey(item.campaign, i)));
      const wanted = Math.min(item.count, free.length);
      const shares = newShares + (hasShare || wanted === 0 || chosenIn(chosen, item.campaign) ? 0 : 1);
      const room = Math.max(0, affordableAccepts(balance, { newShares: shares, registering }) - planned.length);
      const take = Math.min(wanted, room);
      if (take > 0) newShares = shares;
      if (free.length === 0) outcomes.push(failure(item.campaign, null, "no free task in this campaign for you"));
      if (take < wanted) outcomes.push(failure(item.campaign, null, cannotAfford(take, balance)));
      // In increasing index order: the program lets a worker take a campaign's tasks only in that order.
      for (const index of free.slice(0, take)) chosen.add(taskKey(item.campaign, index));
      for (const index of free.slice(0, take)) {
        planned.push({
          campaign: item.campaign,
          task: taskKey(item.campaign, index),
          index,
          ix: await getAcceptTaskInstruction({ worker: signer, campaign: address(item.campaign), taskIndex: index }),
        });
      }
      if (free.length > 0 && free.length < item.count) {
        outcomes.push(failure(item.campaign, null, `only ${free.length} of ${item.count} tasks were free`));
      }
    }
    for (const run of batchesOf(planned)) {
      let batch = run;
      while (batch.length) {
        const prefix = keyIx ? [keyIx] : [];
        const tx = await this.chain.sign(signer, [...prefix, ...batch.map((b) => b.ix)]);
        const sim = await this.chain.simulate(tx.wire);
        if (sim.failure) {
          const at = sim.failure.instruction === null ? -1 : sim.failure.instruction - prefix.length;
          if (at < 0 || at >= batch.length) {
            for (const b of batch) outcomes.push(failure(b.campaign, b.task, sim.failure.message));
            break;
          }
          const bad = batch[at]!;
          outcomes.push(failure(bad.campaign, bad.task, sim.failure.message));
          batch = batch.filter((_, j) => j !== at);
          continue;
        }
        await this.chain.send(tx.wire);
        const confirmed = await waitForConfirmation(this.chain, tx.signature, 30_000, 100);
        for (const b of batch) {
          if (confirmed?.ok) {
            const [assignment] = await findAssignmentPda(address(b.campaign), b.index, signer.address);
            outcomes.push({
              campaign: b.campaign,
              task: b.task,
              ok: true,
              assignment,
              signature: tx.signature,
              error: null,
            });
          } else {
            outcomes.push(
              failure(
                b.campaign,
                b.task,
                confirmed
                  ? confirmed.failure.message
                  : "Sent, but not confirmed in time: look in My queue whether the task arrived.",
              ),
            );
          }
        }
        if (confirmed?.ok) keyIx = null;
        batch = [];
      }
    }
    return outcomes;
  }

  private async held(worker: string): Promise<Map<string, number>> {
    const raw = await this.chain.programAccounts(ACCOUNT_SIZES.share, [
      { offset: 0, bytes: DISCRIMINATORS.share },
      { offset: SHARE_OFFSETS.worker, bytes: Uint8Array.from(getAddressEncoder().encode(address(worker))) },
    ]);
    return new Map(
      raw.map((r) => {
        const share = decodeShare(r.data);
        return [share.campaign as string, share.taken];
      }),
    );
  }

  /**
   * Task indexes this worker could take, in order: past its share's cursor (a worker takes a
   * campaign's tasks in increasing order, so never one twice) and with a slot free on the page.
   */
  private async freeTasks(
    campaign: string,
    worker: TransactionSigner["address"],
  ): Promise<{ free: number[]; hasShare: boolean; requester: string }> {
    const campaignAccount = await this.chain.account(campaign);
    if (!campaignAccount) throw new ApiError("not_found", `There is no campaign ${campaign} on this network any more.`);
    const { replication, pageCount, taskCount, requester } = decodeCampaign(campaignAccount.data);
    let pages;
    try {
      const addresses = await Promise.all(
        Array.from({ length: pageCount }, async (_, p) => (await findTaskPagePda(address(campaign), p))[0]),
      );
      const [share] = await findSharePda(address(campaign), worker);
      pages = await this.chain.accounts([...addresses, share]);
    } catch (error) {
      throw new ApiError(
        "unavailable",
        `cannot read the campaign's task slots: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    const shareRaw = pages.pop();
    const next = shareRaw ? decodeShare(shareRaw.data).nextIndex : 0;
    const free: number[] = [];
    pages.forEach((raw, p) => {
      if (!raw) return; // a page the requester has not posted: its tasks cannot be taken yet
      const { slots } = decodeTaskPage(raw.data);
      slots.forEach((taken, i) => {
        const index = p * PAGE_TASKS + i;
        if (index >= next && index < taskCount && taken < replication) free.push(index);
      });
    });
    return { free, hasShare: shareRaw !== null && shareRaw !== undefined, requester };
  }
}

function chosenIn(chosen: ReadonlySet<string>, campaign: string): boolean {
  for (const key of chosen) if (key.startsWith(`${campaign}#`)) return true;
  return false;
}

/** The cause, in the worker's terms: deposits, not a malformed instruction. */
function cannotAfford(took: number, balance: bigint): string {
  return (
    `insufficient funds for deposits. Each open task holds a deposit of ` +
    `${formatSol(assignmentDeposit())} (returned when you submit it, or when it expires), and your balance of ` +
    `${formatSol(balance)} covers ${took === 0 ? "no more" : `only ${took} more`}. Submit some tasks and accept again.`
  );
}

function failure(campaign: string, task: string | null, error: string): AcceptOutcome {
  return { campaign, task, ok: false, assignment: null, signature: null, error };
}

export function sortAndFilter(views: CampaignView[], filter: MarketFilter): CampaignView[] {
  let out = views.filter(
    (v) =>
      (!filter.eligibleOnly || v.eligible) &&
      (!filter.privateOnly || v.private) &&
      (filter.minPayLamports === undefined || v.payLamports >= filter.minPayLamports) &&
      (!filter.labelKind || v.labelKind === filter.labelKind),
  );
  const by: Record<NonNullable<MarketFilter["sort"]>, (a: CampaignView, b: CampaignView) => number> = {
    pay_desc: (a, b) => b.payLamports - a.payLamports,
    pay_asc: (a, b) => a.payLamports - b.payLamports,
    newest: (a, b) => b.createdAt - a.createdAt,
    deadline: (a, b) => a.deadline - b.deadline,
    tasks_left: (a, b) => b.tasksLeft - a.tasksLeft,
  };
  out = [...out].sort(by[filter.sort ?? "pay_desc"]);
  return filter.limit ? out.slice(0, filter.limit) : out;
}
