// A moderation campaign's submitted judgements: fetched by URI, checked against the on-chain
// result hash, opened when sealed to us, validated as moderation results.
import type { Address } from "@solana/kit";
import { ModerationResult } from "../../../shared/moderation";
import { getBlob } from "../../blobs";
import type { AmplifyChain, Located, ResultRecord } from "../../chain";
import type { RequesterKeys } from "../keyfile";
import type { ProgressListener } from "../progress";
import { isSealedResult } from "../sealed-result";

export interface SubmittedJudgement {
  assignment: Address;
  account: ResultRecord;
  result: ModerationResult | undefined;
  problem?: string;
}

export async function collectJudgements(
  chain: AmplifyChain,
  keys: RequesterKeys,
  campaign: Address,
  onProgress: ProgressListener = () => {},
): Promise<SubmittedJudgement[]> {
  const submitted = await chain.results(campaign);
  const out: SubmittedJudgement[] = [];
  for (const a of submitted) {
    out.push(await openOne(a, keys));
    onProgress({ phase: "download", done: out.length, total: submitted.length });
  }
  // Same item, same second: by worker address, so review and export list judgements in a stable order.
  return out.sort(
    (x, y) =>
      x.account.taskIndex - y.account.taskIndex ||
      Number(x.account.submittedAt - y.account.submittedAt) ||
      (x.account.worker < y.account.worker ? -1 : x.account.worker > y.account.worker ? 1 : 0),
  );
}

async function openOne(a: Located<ResultRecord>, keys: RequesterKeys): Promise<SubmittedJudgement> {
  const base = { assignment: a.address, account: a.account };
  try {
    const blob = await getBlob(a.account.resultUri, Buffer.from(a.account.resultHash).toString("hex"));
    const plain = isSealedResult(blob) ? keys.openSealed(blob) : blob;
    const parsed = ModerationResult.safeParse(JSON.parse(new TextDecoder().decode(plain)));
    if (!parsed.success)
      return {
        ...base,
        result: undefined,
        problem: `not a moderation result: ${parsed.error.issues[0]?.message ?? ""}`,
      };
    return { ...base, result: parsed.data };
  } catch (e) {
    return { ...base, result: undefined, problem: e instanceof Error ? e.message : String(e) };
  }
}
