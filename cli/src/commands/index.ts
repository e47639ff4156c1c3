// Every `amplify` command, in the order `amplify --help` lists them.
//
// Adding a command is a one-file change plus one line here:
//   1. Create cli/src/commands/<name>.ts exporting
//        export const myCommand = defineCommand({
//          name: "campaign end",            // as typed; "group sub" or a single word
//          usage: "  campaign end CAMPAIGN              what it does",  // its --help lines
//          flags: { force: { type: "boolean" } },  // flags it reads besides the global ones
//          async run({ values, args, io, globals, chain }) { ... },
//        });
//      `values` is typed from `flags`; `args` are the positionals after the name; throw
//      UsageError (./args) for a bad command line (exit 2, usage printed) and RequesterError
//      for a failure the user can act on (exit 1, one sentence).
//   2. Import it below and put it in COMMANDS where its usage lines belong.
// A flag two commands share must have the same type in both (the dispatcher checks).
import { campaignCreate } from "./campaign-create";
import { campaignClose } from "./campaign-close";
import { campaignEnd } from "./campaign-end";
import { campaignList } from "./campaign-list";
import { campaignQuoteCommand } from "./campaign-quote";
import { campaignStatusCommand } from "./campaign-status";
import type { Command } from "./command";
import { deploy, verifyDeployment } from "./deploy";
import { exportCommand } from "./export";
import { governance, model } from "./governance";
import { keysAirdrop, keysImport, keysNew, keysShow } from "./keys";
import { market } from "./market";
import { review } from "./review";
import { serveKeys } from "./serve-keys";

export const COMMANDS: readonly Command[] = [
  keysNew,
  keysImport,
  keysShow,
  keysAirdrop,
  campaignCreate,
  campaignStatusCommand,
  campaignEnd,
  campaignClose,
  campaignList,
  campaignQuoteCommand,
  serveKeys,
  review,
  exportCommand,
  market,
  deploy,
  verifyDeployment,
  governance,
  model,
];

export { defineCommand, GLOBAL_FLAGS } from "./command";
export type { CliIo, Command, CommandContext, FlagSpecs } from "./command";
export { UsageError } from "./args";
