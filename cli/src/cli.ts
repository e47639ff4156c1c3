// The `amplify` requester command line: parses the command line and runs one command from
// ./commands (one module per command; commands/index.ts says how to add one). The work is done
// by the requester library (lib/requester), which the app's Requester view shares. Output goes
// through `io` so tests can run commands in-process.
import { parseArgs } from "node:util";
import { z } from "zod";
import { AmplifyChain, RequesterError } from "../../lib/requester";
import { configureProgramAddress } from "../../shared/protocol";
import { resolveGlobals, type GlobalOptions } from "./cliOptions";
import { addressArg } from "./commands/args";
import { COMMANDS, GLOBAL_FLAGS, UsageError, type CliIo, type Command, type FlagSpecs } from "./commands";

export type { CliIo } from "./commands";

const USAGE = [
  `amplify — requester tools for the Amplify work market

Usage: amplify [--rpc URL] [--ws URL] [--blobs URL] [--keypair FILE] [--state DIR] [--program-id ID] <command>`,
  "",
  ...COMMANDS.map((c) => c.usage),
  "",
  `Defaults: the localnet (127.0.0.1:8899/8900/8901); AMPLIFY_RPC_URL, AMPLIFY_WS_URL,
AMPLIFY_BLOB_URL, AMPLIFY_KEYPAIR, AMPLIFY_PROGRAM_ADDRESS and AMPLIFY_HOME override them.`,
].join("\n");

/** The global flags and every command's, for one parse; a flag two commands share keeps one type. */
function allFlags(commands: readonly Command[]): FlagSpecs {
  const flags: Record<string, FlagSpecs[string]> = { ...GLOBAL_FLAGS };
  for (const command of commands) {
    for (const [name, spec] of Object.entries(command.flags)) {
      const known = flags[name];
      if (known && known.type !== spec.type)
        throw new Error(`amplify: --${name} is a ${known.type} flag elsewhere but a ${spec.type} in "${command.name}"`);
      flags[name] = spec;
    }
  }
  return flags;
}

const FLAGS = allFlags(COMMANDS);
const BY_NAME = new Map(COMMANDS.map((c) => [c.name, c]));

/** The command a command line names: "keys new" by its first two words, "review" by its first. */
function findCommand(positionals: string[]): { command: Command; args: string[] } | undefined {
  const [first, second, ...rest] = positionals;
  const pair = second !== undefined ? BY_NAME.get(`${first} ${second}`) : undefined;
  if (pair) return { command: pair, args: rest };
  const single = first !== undefined ? BY_NAME.get(first) : undefined;
  return single ? { command: single, args: positionals.slice(1) } : undefined;
}

async function run(argv: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, strict: true, options: FLAGS });
  const flags = values as Record<string, string | boolean | undefined>;
  // Every command talks to the program at --program-id, else AMPLIFY_PROGRAM_ADDRESS, else the localnet's.
  const programId = flags["program-id"];
  if (typeof programId === "string") configureProgramAddress(addressArg(programId, "--program-id"));
  if (flags.help || positionals.length === 0) {
    io.out(USAGE);
    return;
  }
  const found = findCommand(positionals);
  if (!found) throw new UsageError(`unknown command: ${positionals.join(" ")}`);
  let globals: GlobalOptions | undefined;
  const ctx = {
    values: flags,
    args: found.args,
    io,
    globals: () => (globals ??= resolveGlobals(values as Parameters<typeof resolveGlobals>[0])),
    chain: () => {
      const g = ctx.globals();
      return new AmplifyChain({ rpcUrl: g.rpcUrl, wsUrl: g.wsUrl, blobUrl: g.blobUrl });
    },
  };
  await found.command.run(ctx);
}

/** Runs one command line; returns the process exit code (0 ok, 1 failed, 2 usage). */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    await run(argv, io);
    return 0;
  } catch (e) {
    if (
      e instanceof UsageError ||
      (e instanceof Error && e.name === "TypeError" && "code" in e && String(e.code).startsWith("ERR_PARSE_ARGS"))
    ) {
      io.err(`amplify: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    if (e instanceof RequesterError || e instanceof z.ZodError) {
      io.err(`amplify: ${e instanceof z.ZodError ? (e.issues[0]?.message ?? e.message) : e.message}`);
      return 1;
    }
    io.err(e instanceof Error ? (e.stack ?? e.message) : String(e));
    return 1;
  }
}
