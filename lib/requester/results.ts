// Collects a campaign's submitted results: fetched by URI, checked against the on-chain
// hash, opened if sealed to us, and validated as annotation documents.
import type { Address } from "@solana/kit";
import { AnnotationDocument } from "../../shared/annotation";
import { getBlob } from "../blobs";
import type { AmplifyChain, Located, ResultRecord } from "../chain";
import type { RequesterKeys } from "./keyfile";
import type { ProgressListener } from "./progress";
import { isSealedResult } from "./sealed-result";

export interface SubmittedResult {
  assignment: Address;
  /** The result as its ResultSubmitted event logged it, with its review score once reviewed. */
  account: ResultRecord;
  doc: AnnotationDocument | undefined;
  /** Why the document could not be used, when it could not. */
  problem?: string;
}

export async function collectResults(
  chain: AmplifyChain,
  keys: RequesterKeys,
  campaign: Address,
  onProgress: ProgressListener = () => {},
): Promise<SubmittedResult[]> {
  const submitted = await chain.results(campaign);
  const out: SubmittedResult[] = [];
  let done = 0;
  for (const a of submitted) {
    out.push(await openOne(a, keys));
    onProgress({ phase: "download", done: ++done, total: submitted.length });
  }
  return out.sort(
    (x, y) => x.account.taskIndex - y.account.taskIndex || Number(x.account.submittedAt - y.account.submittedAt),
  );
}

async function openOne(a: Located<ResultRecord>, keys: RequesterKeys): Promise<SubmittedResult> {
  const base = { assignment: a.address, account: a.account };
  try {
    const blob = await getBlob(a.account.resultUri, Buffer.from(a.account.resultHash).toString("hex"));
    const plain = isSealedResult(blob) ? keys.openSealed(blob) : blob;
    const parsed = AnnotationDocument.safeParse(JSON.parse(new TextDecoder().decode(plain)));
    if (!parsed.success)
      return {
        ...base,
        doc: undefined,
        problem: `not an annotation document: ${parsed.error.issues[0]?.message ?? ""}`,
      };
    return { ...base, doc: parsed.data };
  } catch (e) {
    return { ...base, doc: undefined, problem: e instanceof Error ? e.message : String(e) };
  }
}
