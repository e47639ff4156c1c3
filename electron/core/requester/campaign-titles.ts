import { decodeMetadata, getBlob } from "../../../lib/requester";
import type { CampaignAccount } from "../../../shared/protocol";

/**
 * Campaign titles for the Requester view: from the local manifest when this app created the
 * campaign, else from its metadata blob (campaigns made with the CLI), remembered per address.
 * A blob that cannot be fetched or read leaves the title unknown rather than failing the list.
 */
export class CampaignTitles {
  private readonly known = new Map<string, { title: string; labelKind: string | null }>();

  async get(address: string, campaign: CampaignAccount): Promise<{ title: string; labelKind: string | null }> {
    const cached = this.known.get(address);
    if (cached) return cached;
    try {
      const meta = decodeMetadata(
        await getBlob(campaign.metadataUri, Buffer.from(campaign.labelSchemaHash).toString("hex")),
      );
      const found = { title: meta.title ?? `Campaign ${address.slice(0, 8)}…`, labelKind: meta.labelKind ?? null };
      this.known.set(address, found);
      return found;
    } catch {
      return { title: `Campaign ${address.slice(0, 8)}…`, labelKind: null };
    }
  }

  remember(address: string, title: string, labelKind: string): void {
    this.known.set(address, { title, labelKind });
  }
}
