// `amplify campaign list`: this wallet's campaigns.
import { formatSol, loadKeyFile } from "../../../lib/requester";
import { defineCommand } from "./command";

export const campaignList = defineCommand({
  name: "campaign list",
  usage: "  campaign list                      this wallet's campaigns",
  flags: {},
  async run({ io, globals, chain }) {
    const keys = await loadKeyFile(globals().keypair);
    for (const { address: a, account: c } of await chain().campaigns(keys.address)) {
      io.out(
        `${a}  ${c.taskCount} tasks  ${formatSol(c.price)} SOL  ${c.submittedCount} submitted${c.endedAt !== 0n ? "  ended" : ""}`,
      );
    }
  },
});
