import { ApiError } from "../../../shared/api";
import type { CampaignMetadata } from "../../../shared/api/tasks";
import { policyProblem } from "../../../shared/moderation";
import type { HandlerGroup } from "../api";
import { guard } from "../errors";
import type { ResultSubmitter } from "../outbox";

export interface ModerationHandlerDeps {
  /** The campaign metadata of the assignment `id`, read from chain (undefined: unknown task). */
  readonly metadataOf: (id: string) => Promise<CampaignMetadata | null | undefined>;
  readonly submitter: ResultSubmitter;
  /** Drops the task's decrypted bytes once its result is queued. */
  readonly forget: (id: string) => void;
}

/**
 * `moderation:submit`: the judgement must fit the campaign's policy (categories, single or
 * multi, reason) before it is queued; then it goes through the same outbox and sync as any
 * result, so it is paid the same way.
 */
export function moderationHandlers(deps: ModerationHandlerDeps): HandlerGroup<"moderation:submit"> {
  return {
    "moderation:submit": ({ id, result }) =>
      guard(async () => {
        if (result.taskId !== id)
          throw new ApiError("invalid_input", "This decision belongs to another task, so it was not submitted.");
        const metadata = await deps.metadataOf(id);
        if (metadata === undefined)
          throw new ApiError("not_found", "This task is no longer in your queue (submitted, expired or released).");
        const spec = metadata?.moderation;
        if (!spec) throw new ApiError("invalid_input", "This task is not a moderation task.");
        const problem = policyProblem(spec.policy, result.decisions, result.reason);
        if (problem) throw new ApiError("invalid_input", problem);
        const queued = await deps.submitter.submit(id, result);
        deps.forget(id);
        return queued;
      }),
  };
}
