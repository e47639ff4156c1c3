import type { CampaignAccount, TaskDescriptor } from "../../../shared/protocol";
import { decodeTaskList } from "../../../shared/protocol";
import type { CampaignMetadata } from "../../../shared/api/tasks";
import type { BlobFetcher } from "../../../lib/blobs";

/**
 * Each campaign's task list (the descriptors its on-chain tasksRoot commits to), fetched once
 * from the blob its metadata names and accepted only when it hashes to that root.
 */
export class CampaignTaskLists {
  private readonly cache = new Map<string, TaskDescriptor[]>();

  constructor(
    private readonly blobs: BlobFetcher,
    private readonly log: (line: string) => void = () => {},
  ) {}

  async get(
    campaign: string,
    account: CampaignAccount,
    metadata: CampaignMetadata | null,
  ): Promise<TaskDescriptor[] | null> {
    const known = this.cache.get(campaign);
    if (known) return known;
    const uri = metadata?.tasksUri;
    const hash = uri ? /\/([0-9a-f]{64})$/.exec(uri)?.[1] : undefined;
    if (!uri || !hash) {
      this.log(`campaign ${campaign} names no content-addressed task list`);
      return null;
    }
    try {
      const tasks = decodeTaskList(await this.blobs.fetch(uri, hash), account.tasksRoot);
      this.cache.set(campaign, tasks);
      return tasks;
    } catch (error) {
      // Not cached: a network failure now should not hide the tasks for the whole session.
      this.log(`campaign ${campaign} task list unavailable: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
  }
}
