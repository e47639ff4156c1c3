import type { AnnotationDocument } from "../../../shared/annotation";
import { canonicalJson, classificationProblem } from "../../../shared/annotation";
import { ApiError } from "../../../shared/api";
import type { ModerationResult } from "../../../shared/moderation";
import { sealToRecipient, sha256, toHex } from "../../../lib/crypto";
import type { ResultSink, TaskDirectory } from "../tasks";
import { isOpen } from "../tasks";
import type { OutboxRepository } from "./outbox-repository";
import { OutboxConflictError } from "./outbox-repository";

export interface ResultSubmitterOptions {
  readonly directory: TaskDirectory;
  readonly repo: OutboxRepository;
  /** Base URL of the blob store results are uploaded to. */
  readonly blobStore: () => string | null;
  /** Called with the id of each newly queued result (not for a repeat of one already queued). */
  readonly afterQueue?: (id: string) => void;
}

/**
 * Turns a result document (an annotation, or a moderation judgement) into an outbox row without touching the network: canonical
 * JSON, sealed to the requester for private tasks, hashed, addressed. The sync loop signs,
 * uploads and sends it.
 */
export class ResultSubmitter implements ResultSink {
  constructor(private readonly options: ResultSubmitterOptions) {}

  async submit(
    id: string,
    doc: AnnotationDocument | ModerationResult,
  ): Promise<{ outboxId: string; resultHash: string }> {
    if (doc.taskId !== id)
      throw new ApiError("invalid_input", "This result belongs to another task, so it was not submitted.");
    const record = await this.options.directory.lookup(id).catch(() => {
      throw new ApiError(
        "unavailable",
        "this task was never opened here and the chain cannot be reached to look it up",
      );
    });
    if (!record)
      throw new ApiError("not_found", "This task is no longer in your queue (submitted, expired or released).");
    if (!isOpen(record) && !this.options.repo.has(id)) {
      throw new ApiError("rejected", "This task is no longer open: it was submitted, reviewed or it expired.");
    }
    // Paid work must answer the question: an empty classification is refused unless the
    // requester allows "none of these" (moderation documents have their own rules).
    if ("shapes" in doc) {
      const problem = classificationProblem(doc, record.metadata?.labelKind, record.metadata?.noneOfThese);
      if (problem) throw new ApiError("rejected", problem);
    }
    const base = this.options.blobStore();
    if (!base)
      throw new ApiError(
        "unavailable",
        "No blob gateway is set to upload results to: add one in Settings. Your work is kept as a draft.",
      );

    const plain = new TextEncoder().encode(canonicalJson(doc));
    let blob: Uint8Array;
    if (record.campaign.isPrivate) {
      if (!record.requesterX25519)
        throw new ApiError(
          "unavailable",
          "The requester gave no key to seal this private result to, so it cannot be sent. Your work is kept as a draft.",
        );
      blob = sealToRecipient(plain, record.requesterX25519);
    } else {
      blob = plain;
    }
    const resultHash = toHex(sha256(blob));
    try {
      this.options.repo.add({
        id,
        task: record.task.key,
        campaign: record.assignment.campaign,
        taskLabel: `${record.metadata?.title ?? "task"} #${record.assignment.taskIndex}`,
        doc: canonicalJson(doc),
        blob,
        resultHash,
        resultUri: `${base.replace(/\/$/, "")}/blobs/${resultHash}`,
        signed: null,
      });
    } catch (error) {
      if (error instanceof OutboxConflictError) {
        // Sealing is randomised, so a repeat submit of a private result hashes differently;
        // the first one stands.
        const existing = this.options.repo.get(id);
        if (existing && existing.doc === canonicalJson(doc)) return { outboxId: id, resultHash: existing.resultHash };
        throw new ApiError("conflict", error.message);
      }
      throw error;
    }
    this.options.afterQueue?.(id);
    return { outboxId: id, resultHash };
  }
}
