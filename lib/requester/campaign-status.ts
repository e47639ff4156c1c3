// `amplify campaign status`: the campaign as the chain sees it: open assignments from accounts,
// paid and reviewed results from the campaign's events.
import type { Address } from "@solana/kit";
import { AssignmentState, type CampaignAccount } from "../../shared/protocol";
import type { AmplifyChain } from "../chain";
import { RequesterError } from "../chain";

export interface CampaignStatus {
  address: Address;
  campaign: CampaignAccount;
  tasks: number;
  slots: number;
  assignments: Record<"accepted" | "keyGranted" | "submitted" | "reviewed" | "expired", number>;
  /** Share of task slots (tasks × replication) with a submitted or reviewed result. */
  completion: number;
  meanScore: number | undefined;
}

export async function campaignStatus(chain: AmplifyChain, address: Address): Promise<CampaignStatus> {
  const campaign = await chain.campaign(address);
  if (!campaign) throw new RequesterError(`No campaign at ${address}.`);
  const [assignments, results] = await Promise.all([chain.assignments(address), chain.results(address)]);
  const count = (state: number): number => assignments.filter((a) => a.account.state === state).length;
  const reviewed = results.filter((r) => r.account.score !== null);
  const slots = campaign.taskCount * campaign.replication;
  const done = results.length;
  return {
    address,
    campaign,
    tasks: campaign.taskCount,
    slots,
    assignments: {
      accepted: count(AssignmentState.Accepted),
      keyGranted: count(AssignmentState.KeyGranted),
      submitted: results.length - reviewed.length,
      reviewed: reviewed.length,
      expired: (await chain.events(address)).filter((e) => e.event.kind === "assignmentReleased").length,
    },
    completion: slots === 0 ? 0 : done / slots,
    meanScore:
      reviewed.length === 0 ? undefined : reviewed.reduce((s, a) => s + (a.account.score ?? 0), 0) / reviewed.length,
  };
}
