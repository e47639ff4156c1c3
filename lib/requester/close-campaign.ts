// `amplify campaign end` and `amplify campaign close`: stop accepting now, then give every
// lamport back. Closing releases expired assignments (their deposits go back to the workers),
// closes the escrow, the task pages and the campaign (unpaid slots and all rent to the
// requester), then the workers' shares (their deposits back to them; permissionless once the
// campaign is closed). Each step is a separate transaction, so a re-run picks up where an
// interrupted one stopped: a closed campaign's leftover shares are still closed.
import type { Address, Signature } from "@solana/kit";
import {
  getCloseCampaignInstruction,
  getCloseShareInstruction,
  getEndCampaignInstruction,
  getReleaseExpiredInstruction,
  type CampaignAccount,
} from "../../shared/protocol";
import { RequesterError, type AmplifyChain } from "../chain";
import type { RequesterKeys } from "./keyfile";

/** release_expired carries six accounts, close_share three: these stay well under 1,232 bytes. */
const RELEASES_PER_TRANSACTION = 4;
const SHARE_CLOSES_PER_TRANSACTION = 8;

export interface EndedCampaign {
  signature: Signature;
  /** Unix time the program recorded; no accept lands at or after it. */
  endedAt: bigint;
  /** Transaction fee the requester paid. */
  fee: bigint;
}

export interface ClosedCampaign {
  campaign: Address;
  /** Expired assignments released first, each deposit back to its worker. */
  released: { count: number; depositsReturned: bigint };
  /** Lamports the close moved to the requester (0 when the campaign was already closed). */
  refund: bigint;
  /** Of the refund: escrowed pay for slots nobody was paid for. */
  unpaidEscrow: bigint;
  /** Of the refund: the rent of the campaign, its escrow and its task pages. */
  rentReturned: bigint;
  /** Shares closed, each deposit back to its worker. */
  shares: { count: number; depositsReturned: bigint };
  /** Transaction fees the requester paid for all of it. */
  fees: bigint;
  signatures: Signature[];
}

async function ownCampaign(chain: AmplifyChain, keys: RequesterKeys, campaign: Address): Promise<CampaignAccount> {
  const account = await chain.campaign(campaign);
  if (!account) throw new RequesterError(`No campaign at ${campaign} (it may already be closed).`);
  if (account.requester !== keys.address)
    throw new RequesterError(`Campaign ${campaign} belongs to ${account.requester}, not to this wallet.`);
  return account;
}

export async function endCampaign(chain: AmplifyChain, keys: RequesterKeys, campaign: Address): Promise<EndedCampaign> {
  const account = await ownCampaign(chain, keys, campaign);
  if (account.endedAt !== 0n)
    throw new RequesterError(
      `Campaign ${campaign} already stopped accepting at ${new Date(Number(account.endedAt) * 1000).toISOString()}.`,
    );
  const signature = await chain.send(keys.signer, [
    await getEndCampaignInstruction({ requester: keys.signer, campaign }),
  ]);
  const { fee, events } = await chain.transaction(signature);
  const ended = events.find((e) => e.kind === "campaignEnded");
  return { signature, endedAt: ended?.kind === "campaignEnded" ? ended.endedAt : 0n, fee };
}

export interface CloseCampaignOptions {
  chain: AmplifyChain;
  keys: RequesterKeys;
  campaign: Address;
  /** Unix seconds; the chain's clock decides, this only picks which assignments to try releasing. */
  nowSeconds?: number;
}

export async function closeCampaign(opts: CloseCampaignOptions): Promise<ClosedCampaign> {
  const { chain, keys, campaign } = opts;
  const signatures: Signature[] = [];
  let fees = 0n;
  const sendAndRead = async (ixs: Parameters<AmplifyChain["send"]>[1]) => {
    const signature = await chain.send(keys.signer, ixs);
    signatures.push(signature);
    const record = await chain.transaction(signature);
    fees += record.fee;
    return record;
  };

  const released = { count: 0, depositsReturned: 0n };
  let refund = 0n;
  let unpaidEscrow = 0n;
  const account = await chain.campaign(campaign);
  if (account) {
    if (account.requester !== keys.address)
      throw new RequesterError(`Campaign ${campaign} belongs to ${account.requester}, not to this wallet.`);
    const now = BigInt(opts.nowSeconds ?? Math.floor(Date.now() / 1000));
    const open = await chain.assignments(campaign);
    const stillOpen = open.filter((a) => a.account.expiresAt > now);
    if (stillOpen.length > 0) {
      const last = stillOpen.reduce((m, a) => (a.account.expiresAt > m ? a.account.expiresAt : m), 0n);
      throw new RequesterError(
        `${stillOpen.length} assignment(s) of campaign ${campaign} are still open: their workers may submit (and be paid) until ${new Date(Number(last) * 1000).toISOString()}. ` +
          (account.endedAt === 0n
            ? "Run `amplify campaign end` to stop new accepts, then close after that time."
            : "Close after that time."),
      );
    }
    for (let i = 0; i < open.length; i += RELEASES_PER_TRANSACTION) {
      const batch = open.slice(i, i + RELEASES_PER_TRANSACTION);
      const { events } = await sendAndRead(
        await Promise.all(
          batch.map((a) =>
            getReleaseExpiredInstruction({ campaign, taskIndex: a.account.taskIndex, worker: a.account.worker }),
          ),
        ),
      );
      for (const e of events) {
        if (e.kind !== "assignmentReleased") continue;
        released.count++;
        released.depositsReturned += e.depositReturned;
      }
    }
    const current = (await chain.campaign(campaign)) ?? account;
    unpaidEscrow = current.escrowBalance;
    const { events } = await sendAndRead([
      await getCloseCampaignInstruction({ requester: keys.signer, campaign, pagesCreated: current.pagesCreated }),
    ]);
    const closed = events.find((e) => e.kind === "campaignClosed");
    if (closed?.kind !== "campaignClosed")
      throw new RequesterError(`The close of ${campaign} logged no CampaignClosed event.`);
    refund = closed.refund;
  }

  const shares = { count: 0, depositsReturned: 0n };
  const open = await chain.shares(campaign);
  for (let i = 0; i < open.length; i += SHARE_CLOSES_PER_TRANSACTION) {
    const batch = open.slice(i, i + SHARE_CLOSES_PER_TRANSACTION);
    const { events } = await sendAndRead(
      await Promise.all(
        batch.map((s) => getCloseShareInstruction({ campaign, worker: s.account.worker, share: s.address })),
      ),
    );
    for (const e of events) {
      if (e.kind !== "shareClosed") continue;
      shares.count++;
      shares.depositsReturned += e.depositReturned;
    }
  }
  return {
    campaign,
    released,
    refund,
    unpaidEscrow,
    rentReturned: refund - unpaidEscrow,
    shares,
    fees,
    signatures,
  };
}
