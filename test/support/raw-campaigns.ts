// Campaigns as any requester can post them, bypassing the requester library: one task each, and a
// metadata URI and hash of the poster's choosing. The hostile-data tests point them at a
// misbehaving gateway, a device file, a FIFO or a host nobody configured.
import { randomBytes } from "node:crypto";
import type { Instruction } from "@solana/kit";
import { getCreateCampaignInstruction } from "../../shared/protocol";
import type { Market } from "./market-harness";

/** create_campaign is large: three fit in one transaction. */
const PER_TRANSACTION = 3;

/**
 * Posts one raw campaign per URI. A content-addressed URI (`…/blobs/<sha256>`) gets its own hash
 * on chain, so the bytes are judged on their content; any other URI gets a random hash nothing
 * can match.
 */
export async function postRawCampaigns(market: Market, uris: readonly string[]): Promise<void> {
  const base = BigInt(Date.now()) * 1000n;
  let batch: Instruction[] = [];
  for (const [i, uri] of uris.entries()) {
    const hash = uri.includes("/blobs/") ? Buffer.from(uri.slice(-64), "hex") : randomBytes(32);
    batch.push(
      await getCreateCampaignInstruction({
        requester: market.requester,
        id: base + BigInt(i),
        price: 1_000_000n,
        taskCount: 1,
        replication: 1,
        minRating: 0,
        admitUnrated: true,
        maxShareBps: 10_000,
        isPrivate: false,
        deadline: BigInt(Math.floor(Date.now() / 1000) + 86_400),
        assignmentTimeout: 3600n,
        reviewWindow: 86_400n,
        tasksRoot: new Uint8Array(32),
        labelSchemaHash: Uint8Array.from(hash),
        metadataUri: uri,
      }),
    );
    if (batch.length === PER_TRANSACTION || i === uris.length - 1) {
      await market.send(market.requester, batch);
      batch = [];
    }
  }
}
