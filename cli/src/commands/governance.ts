// `amplify governance …` and `amplify model register`: the AMP holders' commands and model
// authors' registration (the subcommands and their wording live in ../governanceCommands).
import { loadKeyFile } from "../../../lib/requester";
import { GOVERNANCE_USAGE, governanceCommand, modelCommand, type GovernanceCliContext } from "../governanceCommands";
import { defineCommand, type CommandContext } from "./command";

function governanceContext({ io, globals, chain }: CommandContext<Record<string, never>>): GovernanceCliContext {
  return {
    chain: chain(),
    signer: async () => (await loadKeyFile(globals().keypair)).signer,
    out: (line) => io.out(line),
  };
}

const usageLines = GOVERNANCE_USAGE.split("\n");

export const governance = defineCommand({
  name: "governance",
  usage: usageLines.filter((l) => l.trimStart().startsWith("governance")).join("\n"),
  flags: {},
  async run(ctx) {
    await governanceCommand([...ctx.args], governanceContext(ctx));
  },
});

export const model = defineCommand({
  name: "model",
  usage: usageLines.filter((l) => l.trimStart().startsWith("model")).join("\n"),
  flags: {},
  async run(ctx) {
    await modelCommand([...ctx.args], governanceContext(ctx));
  },
});
