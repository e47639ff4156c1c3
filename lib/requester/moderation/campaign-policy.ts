// Whether a campaign is a moderation campaign, and its policy, read from the chain: the
// metadata blob its account points to, checked against the label-schema hash on chain. Review
// and export need no local manifest (one made on another machine works the same).
import type { Address } from "@solana/kit";
import { CampaignMetadata } from "../../../shared/api/tasks";
import type { ModerationSpec } from "../../../shared/moderation";
import type { CampaignAccount } from "../../../shared/protocol";
import { getBlob } from "../../blobs";
import { RequesterError, type AmplifyChain } from "../../chain";

export async function campaignMetadataOf(
  chain: AmplifyChain,
  campaign: Address,
): Promise<{ account: CampaignAccount; metadata: CampaignMetadata | undefined }> {
  const account = await chain.campaign(campaign);
  if (!account) throw new RequesterError(`No campaign at ${campaign}.`);
  if (!account.metadataUri || account.labelSchemaHash.every((b) => b === 0)) return { account, metadata: undefined };
  try {
    const bytes = await getBlob(account.metadataUri, Buffer.from(account.labelSchemaHash).toString("hex"));
    const parsed = CampaignMetadata.safeParse(JSON.parse(new TextDecoder().decode(bytes)));
    return { account, metadata: parsed.success ? parsed.data : undefined };
  } catch {
    return { account, metadata: undefined };
  }
}

/** The campaign's moderation spec, or undefined when it is not a moderation campaign. */
export async function moderationSpecOf(chain: AmplifyChain, campaign: Address): Promise<ModerationSpec | undefined> {
  return (await campaignMetadataOf(chain, campaign)).metadata?.moderation;
}
