// `amplify campaign quote`: what similar recent campaigns filled at (the work is in ../campaignQuote.ts).
import { campaignQuote } from "../campaignQuote";
import { defineCommand } from "./command";

export const campaignQuoteCommand = defineCommand({
  name: "campaign quote",
  usage: `  campaign quote [--kind box|polygon|class|moderation] [--min-rating STARS] [--replication N]
                 [--deadline-days N | --deadline-hours N] [--tasks N]
                                     the price similar recent campaigns filled at within the
                                     deadline, the sample and spread, and the total cost`,
  flags: {
    kind: { type: "string" },
    "min-rating": { type: "string" },
    replication: { type: "string" },
    "deadline-days": { type: "string" },
    "deadline-hours": { type: "string" },
    tasks: { type: "string" },
  },
  async run({ values, io, globals }) {
    const g = globals();
    const flags = {
      kind: values.kind,
      minRating: values["min-rating"],
      replication: values.replication,
      deadlineDays: values["deadline-days"],
      deadlineHours: values["deadline-hours"],
      tasks: values.tasks,
    };
    await campaignQuote(flags, { rpcUrl: g.rpcUrl, wsUrl: g.wsUrl, stateDir: g.stateDir }, io.out);
  },
});
