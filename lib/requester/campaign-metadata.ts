// The campaign's metadata blob (its on-chain metadataUri points here, and its sha256 is the
// campaign's label-schema hash, so workers can verify it): title, instructions, the tool,
// the labels and, for private campaigns, the hex X25519 key results are sealed to. Written
// here, read by core with the shared contract's schema (shared/api/tasks.ts).
import type { z } from "zod";
import { CampaignMetadata as SharedCampaignMetadata } from "../../shared/api/tasks";
import { canonicalJson } from "../../shared/annotation";
import { ToolSchema } from "./labels-file";

/** What this CLI writes: the shared schema, with the tool narrowed to the ones we draw. */
export const CampaignMetadata = SharedCampaignMetadata.extend({ labelKind: ToolSchema.optional() });
export type CampaignMetadata = z.infer<typeof CampaignMetadata>;

export function encodeMetadata(meta: CampaignMetadata): Uint8Array {
  return new TextEncoder().encode(canonicalJson(CampaignMetadata.parse(meta)));
}

export function decodeMetadata(bytes: Uint8Array): CampaignMetadata {
  return CampaignMetadata.parse(JSON.parse(new TextDecoder().decode(bytes)));
}
