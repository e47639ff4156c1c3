// The campaign's metadata blob (its on-chain metadataUri points here, and its sha256 is the
// campaign's label-schema hash, so workers can verify it): title, instructions, the tool,
// the labels and, for private campaigns, the hex X25519 key results are sealed to. Same
// fields as core's CampaignMetadata (shared/api/tasks.ts); canonical JSON.
import { z } from "zod";
import { Label, Shape, canonicalJson } from "../../../shared/annotation";
import { TOOLS } from "./labelsFile";

export const CampaignMetadata = z.object({
  title: z.string().max(200).optional(),
  description: z.string().max(4000).optional(),
  /** Which geometry workers draw: "box", "polygon" or "class". */
  labelKind: z.enum(TOOLS).optional(),
  labels: z.array(Label).max(1000).default([]),
  requesterX25519: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  preLabels: z.record(z.string(), z.array(Shape).max(10_000)).optional(),
});
export type CampaignMetadata = z.infer<typeof CampaignMetadata>;

export function encodeMetadata(meta: CampaignMetadata): Uint8Array {
  return new TextEncoder().encode(canonicalJson(meta));
}

export function decodeMetadata(bytes: Uint8Array): CampaignMetadata {
  return CampaignMetadata.parse(JSON.parse(new TextDecoder().decode(bytes)));
}
