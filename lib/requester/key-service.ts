// `amplify requester serve-keys`: when a worker accepts a task of one of our private
// campaigns, wrap that task's file key to the worker's registered X25519 key and write it
// on the assignment (grant_key). PubSub brings the accept within a slot; a poll catches
// anything a dropped socket missed.
import { getBase58Decoder, getBase64Encoder, type Address } from "@solana/kit";
import {
  amplifyProgramAddress,
  ASSIGNMENT_OFFSETS,
  AssignmentState,
  DISCRIMINATORS,
  decodeAssignment,
  getGrantKeyInstruction,
  type AssignmentAccount,
  type CampaignAccount,
} from "../../shared/protocol";
import { wrapFileKey } from "../crypto";
import type { AmplifyChain } from "../chain";
import type { RequesterKeys } from "./keyfile";

export interface KeyServiceOptions {
  chain: AmplifyChain;
  keys: RequesterKeys;
  /** Poll interval for the fallback scan (ms). */
  pollMs?: number;
  log?: (line: string) => void;
}

export interface KeyService {
  /** Assignments granted so far. */
  granted(): number;
  /** Resolves once a full scan has run (useful before asserting in tests). */
  scanned(): Promise<void>;
  close(): Promise<void>;
}

export async function startKeyService(opts: KeyServiceOptions): Promise<KeyService> {
  const { chain, keys } = opts;
  const log = opts.log ?? (() => {});
  const inFlight = new Set<string>();
  const done = new Set<string>();
  const campaigns = new Map<string, CampaignAccount | null>();
  const abort = new AbortController();
  let grantedCount = 0;
  let closed = false;

  const ourPrivateCampaign = async (address: Address): Promise<CampaignAccount | null> => {
    if (!campaigns.has(address)) {
      const c = (await chain.campaign(address)) ?? null;
      campaigns.set(address, c && c.requester === keys.address && c.isPrivate ? c : null);
    }
    return campaigns.get(address) ?? null;
  };

  const grant = async (address: Address, assignment: AssignmentAccount): Promise<void> => {
    if (assignment.state !== AssignmentState.Accepted || inFlight.has(address) || done.has(address) || closed) return;
    if (!(await ourPrivateCampaign(assignment.campaign))) return;
    inFlight.add(address);
    try {
      const profile = await chain.workerProfile(assignment.worker);
      if (!profile) throw new Error(`worker ${assignment.worker} has no profile`);
      const fileKey = keys.fileKey(assignment.campaign, assignment.taskIndex);
      const wrappedKey = wrapFileKey(fileKey, profile.x25519PublicKey);
      fileKey.fill(0);
      const ix = await getGrantKeyInstruction({
        requester: keys.signer,
        campaign: assignment.campaign,
        assignment: address,
        wrappedKey,
      });
      await chain.send(keys.signer, [ix]);
      done.add(address);
      grantedCount++;
      log(`granted task ${assignment.taskIndex} of ${assignment.campaign} to ${assignment.worker}`);
    } catch (e) {
      if (!closed) log(`grant for ${address} failed (will retry): ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      inFlight.delete(address);
    }
  };

  const scan = async (): Promise<void> => {
    const accepted = await chain.allAssignments(AssignmentState.Accepted);
    await Promise.all(accepted.map((a) => grant(a.address, a.account)));
  };

  const subscribe = async (): Promise<void> => {
    const b58 = getBase58Decoder();
    const notifications = await chain.subscriptions
      .programNotifications(amplifyProgramAddress(), {
        encoding: "base64",
        commitment: "confirmed",
        filters: [
          { memcmp: { offset: 0n, bytes: b58.decode(DISCRIMINATORS.assignment), encoding: "base58" } },
          {
            memcmp: {
              offset: BigInt(ASSIGNMENT_OFFSETS.state),
              bytes: b58.decode(Uint8Array.of(AssignmentState.Accepted)),
              encoding: "base58",
            },
          },
        ] as never,
      })
      .subscribe({ abortSignal: abort.signal });
    void (async () => {
      try {
        for await (const n of notifications) {
          const data = Uint8Array.from(getBase64Encoder().encode(n.value.account.data[0]));
          void grant(n.value.pubkey, decodeAssignment(data));
        }
      } catch {
        // The socket dropped: polling carries on, and the next poll resubscribes.
      }
      subscribed = false;
    })();
  };

  let subscribed = false;
  const ensureSubscribed = async (): Promise<void> => {
    if (subscribed || closed) return;
    try {
      await subscribe();
      subscribed = true;
    } catch (e) {
      log(`pubsub unavailable, polling only: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  await ensureSubscribed();
  let firstScan = scan().catch((e: unknown) => log(`scan failed: ${String(e)}`));
  const timer = setInterval(() => {
    void ensureSubscribed();
    firstScan = scan().catch((e: unknown) => log(`scan failed: ${String(e)}`));
  }, opts.pollMs ?? 2000);

  return {
    granted: () => grantedCount,
    scanned: () => firstScan,
    async close() {
      closed = true;
      clearInterval(timer);
      abort.abort();
      while (inFlight.size > 0) await new Promise((r) => setTimeout(r, 20));
    },
  };
}
