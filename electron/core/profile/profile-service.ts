import { address } from "@solana/kit";
import type { Instruction, TransactionSigner } from "@solana/kit";
import { ApiError } from "../../../shared/api";
import type { Profile, RatingView } from "../../../shared/api/profile";
import type { WorkerProfileAccount } from "../../../shared/protocol";
import {
  findAssignmentPda,
  RATING_PRIOR_WEIGHT,
  RATING_ONE,
  decodeWorkerProfile,
  findWorkerProfilePda,
  getRegisterWorkerInstruction,
  getUpdateWorkerKeyInstruction,
  formatAmp,
  ratingToStars,
} from "../../../shared/protocol";
import type { ChainClient, ProtocolConfig } from "../../../lib/chain";
import { waitForConfirmation } from "../../../lib/chain";
import type { Keystore } from "../keystore";
import type { TaskDirectory } from "../tasks";
import type { ProfileCache } from "./profile-cache";

/** Recent transactions of the worker read for the earnings list (each read once per session). */
const EARNINGS_HISTORY = 200;

/** Reviews it takes for the prior to stop dominating: the prior's own weight in reviews. */
const PROVISIONAL_REVIEWS = Number(RATING_PRIOR_WEIGHT / RATING_ONE);

export class ProfileService {
  constructor(
    private readonly chain: ChainClient,
    private readonly keystore: Keystore,
    private readonly config: ProtocolConfig,
    private readonly directory: TaskDirectory,
    private readonly cache: ProfileCache | null = null,
  ) {}

  async account(worker: string): Promise<WorkerProfileAccount | null> {
    const [pda] = await findWorkerProfilePda(address(worker));
    const raw = await this.chain.account(pda);
    return raw ? decodeWorkerProfile(raw.data) : null;
  }

  /** The instruction that makes the on-chain profile carry this keystore's X25519 key, if any is needed. */
  async keyInstruction(signer: TransactionSigner): Promise<Instruction | null> {
    const x25519 = this.keystore.status().x25519PublicKey;
    if (!x25519) throw new ApiError("not_found", "Create or import a key first.");
    const key = Buffer.from(x25519, "hex");
    const existing = await this.account(signer.address);
    if (!existing) return getRegisterWorkerInstruction({ worker: signer, x25519PublicKey: key });
    if (Buffer.from(existing.x25519PublicKey).equals(key)) return null;
    return getUpdateWorkerKeyInstruction({ worker: signer, x25519PublicKey: key });
  }

  async register(): Promise<{ signature: string | null; profile: Profile }> {
    const signer = this.keystore.signer();
    const ix = await this.keyInstruction(signer);
    let signature: string | null = null;
    if (ix) {
      const tx = await this.chain.sign(signer, [ix]);
      await this.chain.send(tx.wire, { skipPreflight: false });
      const outcome = await waitForConfirmation(this.chain, tx.signature);
      if (!outcome)
        throw new ApiError(
          "unavailable",
          "The registration was sent but not confirmed in time: look again in a moment.",
        );
      if (!outcome.ok)
        throw new ApiError("rejected", `You are not registered: the chain refused it. ${outcome.failure.message}`);
      signature = tx.signature;
    }
    return { signature, profile: await this.get() };
  }

  /** The profile from chain; when the chain cannot be reached, the last one read (with cachedAt). */
  async get(): Promise<Profile> {
    const worker = this.keystore.status().publicKey;
    if (!worker) throw new ApiError("not_found", "Create or import a key first.");
    try {
      const profile = await this.read(worker);
      this.cache?.remember(profile);
      return profile;
    } catch (error) {
      const cached = this.cache?.recall(worker);
      if (!cached) throw error;
      return { ...cached.profile, cachedAt: cached.at };
    }
  }

  private async read(worker: string): Promise<Profile> {
    const status = this.keystore.status();
    // History by the profile account, not the wallet: the requester's review (with the AMP it
    // earned) names the worker's profile, never the worker's wallet.
    const [profileAddress] = await findWorkerProfilePda(address(worker));
    const [account, balance, history] = await Promise.all([
      this.account(worker),
      this.chain.balance(worker),
      this.chain.events(profileAddress, EARNINGS_HISTORY),
    ]);
    // Paid results are history, not accounts: read from the worker's recent ResultSubmitted
    // events, each joined with its review if one was posted.
    const scores = new Map<string, number>();
    const amp = new Map<string, bigint>();
    for (const { event } of history) {
      if (event.kind === "reviewPosted" && event.worker === worker)
        scores.set(`${event.campaign}#${event.taskIndex}`, event.score);
      if (event.kind === "ampEarned" && event.worker === worker)
        amp.set(`${event.campaign}#${event.taskIndex}`, event.amount);
    }
    const items = [];
    for (const { event, blockTime } of history) {
      if (event.kind !== "resultSubmitted" || event.worker !== worker) continue;
      const [assignment] = await findAssignmentPda(event.campaign, event.taskIndex, event.worker);
      items.push({
        assignment,
        campaign: event.campaign,
        taskIndex: event.taskIndex,
        lamports: Number(event.price - event.fee),
        submittedAt: Number(blockTime),
        score: scores.get(`${event.campaign}#${event.taskIndex}`) ?? null,
        amp: ampText(amp.get(`${event.campaign}#${event.taskIndex}`)),
      });
    }
    items.sort((a, b) => b.submittedAt - a.submittedAt);
    return {
      address: worker,
      registered: account !== null,
      keyMatches: account !== null && Buffer.from(account.x25519PublicKey).toString("hex") === status.x25519PublicKey,
      balanceLamports: Number(balance),
      rating: ratingView(account),
      acceptedCount: account?.acceptedCount ?? 0,
      submittedCount: account?.submittedCount ?? 0,
      expiredCount: account?.expiredCount ?? 0,
      // The total is the profile's own counter: exact however long the history.
      earnings: { totalLamports: Number(account?.earned ?? 0n), items: items.slice(0, 1000) },
    };
  }
}

export function ratingView(account: WorkerProfileAccount | null): RatingView {
  const reviewCount = account?.reviewCount ?? 0;
  const value = account?.rating ?? 2000;
  return {
    status: reviewCount === 0 ? "unrated" : reviewCount < PROVISIONAL_REVIEWS ? "provisional" : "rated",
    value,
    stars: ratingToStars(value),
    reviewCount,
  };
}

function ampText(units: bigint | undefined): string | null {
  return units === undefined ? null : formatAmp(units);
}
