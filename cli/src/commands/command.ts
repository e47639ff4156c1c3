// What one `amplify` command is: its name as typed, its lines of the usage text, the flags it
// reads and the work it does. The dispatcher (../cli.ts) parses the command line with the
// global flags and every command's flags, and runs the command whose name matches.
import type { AmplifyChain } from "../../../lib/requester";
import type { GlobalOptions } from "../cliOptions";

/** Output goes through `io` so tests can run commands in-process. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  /** Resolves when the user asks a long-running command to stop (^C). */
  stopped(): Promise<void>;
}

export interface FlagSpec {
  readonly type: "string" | "boolean";
  readonly short?: string;
}
export type FlagSpecs = Readonly<Record<string, FlagSpec>>;

/** Flags every command takes (where to find the cluster, the wallet, the state, the program). */
export const GLOBAL_FLAGS = {
  rpc: { type: "string" },
  ws: { type: "string" },
  blobs: { type: "string" },
  keypair: { type: "string" },
  state: { type: "string" },
  "program-id": { type: "string" },
  help: { type: "boolean", short: "h" },
} as const satisfies FlagSpecs;

/** Parsed values of `F` (as node:util parseArgs returns them: absent when not given). */
export type FlagValues<F extends FlagSpecs> = {
  readonly [K in keyof F]?: F[K]["type"] extends "boolean" ? boolean : string;
};

interface ContextBase {
  /** The positionals after the command's name ("review CAMPAIGN" gets [CAMPAIGN]). */
  readonly args: readonly string[];
  readonly io: CliIo;
  /** Cluster, blob store, wallet and state directory from the global flags and the environment. */
  globals(): GlobalOptions;
  /** A fresh client for the cluster and blob store the globals name. */
  chain(): AmplifyChain;
}

/** What a command's `run` gets: its own flags and the global ones, typed. */
export interface CommandContext<F extends FlagSpecs> extends ContextBase {
  readonly values: FlagValues<F & typeof GLOBAL_FLAGS>;
}

/** What the dispatcher hands over: every flag parseArgs read. */
export interface ParsedContext extends ContextBase {
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
}

export interface CommandSpec<F extends FlagSpecs> {
  /** As typed: "keys new", "campaign create", "review". */
  readonly name: string;
  /** This command's lines of `amplify --help`, already indented. */
  readonly usage: string;
  /** Flags this command reads besides the global ones. */
  readonly flags: F;
  run(ctx: CommandContext<F>): Promise<void>;
}

/** A command as the registry holds it. */
export interface Command {
  readonly name: string;
  readonly usage: string;
  readonly flags: FlagSpecs;
  run(ctx: ParsedContext): Promise<void>;
}

/** Declares a command with its flags typed in `run` (`ctx.values["min-rating"]` is a string). */
export function defineCommand<const F extends FlagSpecs>(spec: CommandSpec<F>): Command {
  // parseArgs gives each flag the type its spec says, so the parsed values fit FlagValues<F>.
  return { ...spec, run: (ctx) => spec.run(ctx as unknown as CommandContext<F>) };
}
