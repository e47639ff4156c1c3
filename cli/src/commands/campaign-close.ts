// `amplify campaign close CAMPAIGN`: once no work is open, every account of the campaign closed
// and its lamports returned to whoever paid them; prints what came back.
import { loadKeyFile } from "../../../lib/requester";
import { campaignCloseCommand } from "../campaignMoney";
import { campaignArg } from "./args";
import { defineCommand } from "./command";

export const campaignClose = defineCommand({
  name: "campaign close",
  usage: [
    "  campaign close CAMPAIGN            once no work is open: close escrow, task pages and campaign (unpaid",
    "                                     escrow and all rent back to you), release expired work and close",
    "                                     the workers' shares (their deposits back to them); prints lamports",
  ].join("\n"),
  flags: {},
  async run({ args, io, globals, chain }) {
    await campaignCloseCommand(chain(), await loadKeyFile(globals().keypair), campaignArg(args), io.out);
  },
});
