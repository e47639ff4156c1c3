// `amplify campaign end CAMPAIGN`: stop accepting now; accepted work may still be submitted.
import { loadKeyFile } from "../../../lib/requester";
import { campaignEndCommand } from "../campaignMoney";
import { campaignArg } from "./args";
import { defineCommand } from "./command";

export const campaignEnd = defineCommand({
  name: "campaign end",
  usage: "  campaign end CAMPAIGN              stop accepting now (accepted work may still be submitted and is paid)",
  flags: {},
  async run({ args, io, globals, chain }) {
    await campaignEndCommand(chain(), await loadKeyFile(globals().keypair), campaignArg(args), io.out);
  },
});
