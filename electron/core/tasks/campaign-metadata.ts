import type { CampaignMetadata } from "../../../shared/api/tasks";
import { CampaignMetadata as MetadataSchema } from "../../../shared/api/tasks";
import type { BlobFetcher } from "../../../lib/blobs";
import { toHex } from "../../../lib/crypto";

/**
 * A campaign's metadata (title, labels, pre-labels), fetched from its metadata URI and
 * accepted only when its sha256 is the campaign's label-schema hash on chain.
 */
export class CampaignMetadataCache {
  private readonly cache = new Map<string, CampaignMetadata | null>();

  constructor(
    private readonly blobs: BlobFetcher,
    private readonly log: (line: string) => void = () => {},
  ) {}

  peek(campaign: string): CampaignMetadata | null {
    return this.cache.get(campaign) ?? null;
  }

  async get(campaign: string, uri: string, schemaHash: Uint8Array): Promise<CampaignMetadata | null> {
    if (this.cache.has(campaign)) return this.cache.get(campaign) ?? null;
    if (!uri || schemaHash.every((b) => b === 0)) {
      this.cache.set(campaign, null);
      return null;
    }
    try {
      const bytes = await this.blobs.fetch(uri, toHex(schemaHash));
      const parsed = MetadataSchema.safeParse(JSON.parse(new TextDecoder().decode(bytes)));
      const value = parsed.success ? parsed.data : null;
      if (!parsed.success) this.log(`campaign ${campaign} metadata does not validate: ${parsed.error.issues[0]?.message ?? ""}`);
      this.cache.set(campaign, value);
      return value;
    } catch (error) {
      // Not cached: a network failure now should not hide the metadata for the whole session.
      this.log(`campaign ${campaign} metadata unavailable: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
  }
}
