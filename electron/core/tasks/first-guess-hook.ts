import type { Label } from "../../../shared/annotation";
import type { CampaignFirstGuess, FirstGuessResult } from "../../../shared/api/first-guess";

/** A task whose decrypted bytes are in memory, as the first-guess service is handed it. */
export interface PlaintextTask {
  readonly taskId: string;
  readonly campaignId: string;
  /** Decrypted image bytes: memory only, never written anywhere. */
  readonly image: Uint8Array;
  readonly labels: Label[];
  /** The campaign metadata's recommendation, if any. */
  readonly firstGuess?: CampaignFirstGuess | undefined;
}

/**
 * What the task subsystem needs of first guesses (implemented by FirstGuessService), declared
 * here so tasks depend on a port, not on the detector: told of every task opened or
 * prefetched, it starts on its guesses in the background when they are on for the campaign,
 * and says whether they are. It must return at once and never throw.
 */
export interface FirstGuessHook {
  prepare(task: PlaintextTask, reason: "open" | "prefetch"): boolean;
  /**
   * Told of the campaigns in the worker's queue when it is listed, before any task opens: where
   * first guesses are on, the model can load meanwhile, so the first task opens with guesses.
   */
  warm(campaignId: string, recommendation: CampaignFirstGuess | undefined): void;
  /** The task's guesses if already made (cached), without starting anything; else null. */
  ready(task: Omit<PlaintextTask, "image">): FirstGuessResult | null;
}
