// `amplify campaign status`: the campaign as the chain sees it, with assignment counts.
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
  const assignments = await chain.assignments(address);
  const count = (state: number): number => assignments.filter((a) => a.account.state === state).length;
  const reviewed = assignments.filter((a) => a.account.state === AssignmentState.Reviewed);
  const slots = campaign.taskCount * campaign.replication;
  const done = count(AssignmentState.Submitted) + reviewed.length;
  return {
    address,
    campaign,
    tasks: campaign.taskCount,
    slots,
    assignments: {
      accepted: count(AssignmentState.Accepted),
      keyGranted: count(AssignmentState.KeyGranted),
      submitted: count(AssignmentState.Submitted),
      reviewed: reviewed.length,
      expired: count(AssignmentState.Expired),
    },
    completion: slots === 0 ? 0 : done / slots,
    meanScore: reviewed.length === 0 ? undefined : reviewed.reduce((s, a) => s + a.account.score, 0) / reviewed.length,
  };
}
