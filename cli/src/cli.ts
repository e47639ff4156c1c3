// The `amplify` requester command line. Parsing and printing only: the work is done by the
// requester library (lib/requester), which the app's Requester view shares. Output goes
// through `io` so tests can run commands in-process.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { address, lamports, type Address, type KeyPairSigner } from "@solana/kit";
import { z } from "zod";
import { resolveGlobals, type GlobalOptions } from "./cliOptions";
import { campaignQuote } from "./campaignQuote";
import { progressBar } from "./progressBar";
import { deployCommand, PROGRAM_BUILDS, verifyDeploymentCommand } from "./deployCommands";
import { GOVERNANCE_USAGE, governanceCommand, modelCommand } from "./governanceCommands";
import { buildPrograms, CLANG } from "../../program/tools/build";
import { amplifyProgramAddress, configureProgramAddress } from "../../shared/protocol";
import {
  AmplifyChain,
  EXPORT_FORMATS,
  RequesterError,
  campaignStatus,
  createCampaign,
  exportResults,
  formatSol,
  importKeyFile,
  loadKeyFile,
  loadManifest,
  marketSummary,
  newKeyFile,
  reviewCampaign,
  startKeyService,
  type ExportFormat,
} from "../../lib/requester";
import {
  createModerationCampaign,
  exportModerationResults,
  loadModerationManifest,
  moderationSpecOf,
  reviewModerationCampaign,
} from "../../lib/requester/moderation";
import { readLabelsFile, type CampaignManifest, type Progress } from "../../lib/requester";
import { parseMapping, resolveModel } from "../../lib/requester";
import { DEFAULT_WEIGHTS, createModelVoter } from "../../lib/first-guess";
import type { ModelVoter, WorkerSummary } from "../../lib/first-guess";
import type { Label } from "../../shared/annotation";
import type { CampaignFirstGuess } from "../../shared/api/first-guess";

const USAGE = `amplify — requester tools for the Amplify work market

Usage: amplify [--rpc URL] [--ws URL] [--blobs URL] [--keypair FILE] [--state DIR] [--program-id ID] <command>

  keys new [--force]                 create a wallet (solana-keygen JSON format)
  keys import FILE [--force]         import a solana-keygen key file
  keys show                          address, X25519 key and balance
  keys airdrop [SOL]                 fund the wallet (localnet/devnet faucets only)
  campaign create --images DIR --labels FILE --price SOL --min-rating STARS
                  --max-share PCT --replication N [--private] [--gold FILE]
                  [--deadline-days N] [--timeout-minutes N] [--none-of-these]
                  [--model DIR|SHA256|default [--model-map class=label,...|FILE]]
                                     --none-of-these: a class result may choose none;
                                     --model: recommend a first-guess model to workers' apps
  campaign create --type moderation --items DIR|FILE.jsonl --policy FILE --price SOL
                  --min-rating STARS --max-share PCT --replication N [--private]
                                     moderation items: JSONL lines {"id","text"} or
                                     {"id","image": path}, or a folder of images and .txt
  campaign status CAMPAIGN           progress of one campaign
  campaign list                      this wallet's campaigns
  campaign quote [--kind box|polygon|class|moderation] [--min-rating STARS] [--replication N]
                 [--deadline-days N | --deadline-hours N] [--tasks N]
                                     the price similar recent campaigns filled at within the
                                     deadline, the sample and spread, and the total cost
  requester serve-keys [--poll-ms N] grant file keys to workers as they accept (runs until ^C)
  review CAMPAIGN [--dry-run] [--default-score N] [--model DIR|SHA256|default [--model-map ...]]
                                     score results (gold + consensus) and post scores on chain;
                                     --model adds a model's vote, weighted below a person's, and
                                     reports each worker's agreement with it apart
  export CAMPAIGN --format coco|yolo|voc --out DIR
  export CAMPAIGN --format jsonl --out FILE
                                     a moderation campaign: decision, votes, confidence per item
  market                             recent prices and fill rates
  deploy --keypair PROGRAM.json [--url RPC] [--authority FILE] [--treasury ADDRESS] [--sbpf v0|v3]
                                     deploy or upgrade the program through the upgradeable loader
                                     at PROGRAM.json's id, with the newest SBPF version the cluster
                                     accepts; the wallet (--authority, default the requester key)
                                     pays and becomes the upgrade authority; resumes an interrupted
                                     deploy; initialises the config on a first deploy
  verify-deployment [--program-id ID] [--url RPC]
                                     compare the cluster's program bytes with a reproducible build
${GOVERNANCE_USAGE}

Defaults: the localnet (127.0.0.1:8899/8900/8901); AMPLIFY_RPC_URL, AMPLIFY_WS_URL,
AMPLIFY_BLOB_URL, AMPLIFY_KEYPAIR, AMPLIFY_PROGRAM_ADDRESS and AMPLIFY_HOME override them.`;

class UsageError extends Error {}

const sol = z.string().regex(/^\d+(\.\d{1,9})?$/, "an amount of SOL like 0.01");
const num = (what: string, min: number, max: number) =>
  z.coerce
    .number()
    .refine((v) => Number.isFinite(v) && v >= min && v <= max, `${what} must be between ${min} and ${max}`);

function parseSol(text: string): bigint {
  const [whole = "0", frac = ""] = sol.parse(text).split(".");
  return BigInt(whole) * 1_000_000_000n + BigInt(frac.padEnd(9, "0"));
}

function need<T>(value: T | undefined, flag: string): T {
  if (value === undefined) throw new UsageError(`missing ${flag}`);
  return value;
}

function addressArg(text: string, flag: string): Address {
  try {
    return address(text);
  } catch {
    throw new UsageError(`${flag}: not an address: ${text}`);
  }
}

const DEPLOY_PHASES = {
  buffer: "creating the buffer",
  write: "writing the program",
  deploy: "deploying",
  upgrade: "upgrading",
} as const;

/** Both builds rebuilt from source with clang-19 when it is installed, else the committed files. */
function reproducibleBuilds(): { builds: Record<"v0" | "v3", Uint8Array>; source: string } {
  if (spawnSync(CLANG, ["--version"]).status === 0) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "amplify-verify-"));
    try {
      return { builds: buildPrograms(dir), source: "rebuilt (clang-19)" };
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  return {
    builds: {
      v0: new Uint8Array(fs.readFileSync(PROGRAM_BUILDS.v0)),
      v3: new Uint8Array(fs.readFileSync(PROGRAM_BUILDS.v3)),
    },
    source: `committed (${CLANG} not installed, so not rebuilt)`,
  };
}

function campaignArg(positionals: string[]): Address {
  const text = positionals[0];
  if (!text) throw new UsageError("missing CAMPAIGN address");
  try {
    return address(text);
  } catch {
    throw new UsageError(`not an address: ${text}`);
  }
}

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  /** Resolves when the user asks a long-running command to stop (^C). */
  stopped(): Promise<void>;
}

async function run(argv: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      rpc: { type: "string" },
      ws: { type: "string" },
      blobs: { type: "string" },
      keypair: { type: "string" },
      state: { type: "string" },
      force: { type: "boolean" },
      images: { type: "string" },
      labels: { type: "string" },
      price: { type: "string" },
      "min-rating": { type: "string" },
      "max-share": { type: "string" },
      replication: { type: "string" },
      private: { type: "boolean" },
      gold: { type: "string" },
      "deadline-days": { type: "string" },
      "timeout-minutes": { type: "string" },
      "poll-ms": { type: "string" },
      "dry-run": { type: "boolean" },
      "default-score": { type: "string" },
      format: { type: "string" },
      out: { type: "string" },
      type: { type: "string" },
      items: { type: "string" },
      policy: { type: "string" },
      model: { type: "string" },
      "model-map": { type: "string" },
      "none-of-these": { type: "boolean" },
      kind: { type: "string" },
      tasks: { type: "string" },
      "deadline-hours": { type: "string" },
      url: { type: "string" },
      authority: { type: "string" },
      treasury: { type: "string" },
      sbpf: { type: "string" },
      "program-id": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  const [command, sub, ...rest] = positionals;
  // Every command talks to the program at --program-id, else AMPLIFY_PROGRAM_ADDRESS, else the localnet's.
  if (values["program-id"]) configureProgramAddress(addressArg(values["program-id"], "--program-id"));
  if (values.help || !command) {
    io.out(USAGE);
    return;
  }
  if (command === "deploy") {
    // Here --keypair names the program's keypair (as in `solana program deploy`); the wallet that
    // pays and becomes the upgrade authority is --authority, else the requester key.
    const g = resolveGlobals({ ...values, rpc: values.url ?? values.rpc, keypair: values.authority });
    const authority = (await loadKeyFile(g.keypair)).signer as KeyPairSigner;
    const bar = progressBar();
    await deployCommand({
      rpcUrl: g.rpcUrl,
      programKeypair: need(values.keypair, "--keypair PROGRAM.json"),
      authority,
      stateDir: g.stateDir,
      ...(values.sbpf ? { version: z.enum(["v0", "v3"], "--sbpf is v0 or v3").parse(values.sbpf) } : {}),
      ...(values.treasury ? { treasury: addressArg(values.treasury, "--treasury") } : {}),
      onProgress: (p) => bar.update({ phase: DEPLOY_PHASES[p.phase], done: p.done, total: p.total }),
      out: (line) => {
        bar.done();
        io.out(line);
      },
    });
    return;
  }
  if (command === "verify-deployment") {
    const g = resolveGlobals({ ...values, rpc: values.url ?? values.rpc });
    const programId = amplifyProgramAddress();
    const { builds, source } = reproducibleBuilds();
    const matches = await verifyDeploymentCommand({
      rpcUrl: g.rpcUrl,
      programId,
      builds,
      buildSource: source,
      out: io.out,
    });
    if (!matches) throw new RequesterError(`${programId} does not hold a reproducible build of this checkout`);
    return;
  }
  const g: GlobalOptions = resolveGlobals(values);
  const chain = (): AmplifyChain => new AmplifyChain({ rpcUrl: g.rpcUrl, wsUrl: g.wsUrl, blobUrl: g.blobUrl });
  if (command === "governance" || command === "model") {
    const ctx = { chain: chain(), signer: async () => (await loadKeyFile(g.keypair)).signer, out: io.out };
    const args = sub === undefined ? [] : [sub, ...rest];
    await (command === "governance" ? governanceCommand(args, ctx) : modelCommand(args, ctx));
    return;
  }

  const grouped = command === "keys" || command === "campaign" || command === "requester";
  switch (grouped ? `${command} ${sub ?? ""}` : command) {
    case "keys new": {
      const keys = await newKeyFile(g.keypair, values.force ?? false);
      io.out(`wrote ${g.keypair}\naddress ${keys.address}`);
      return;
    }
    case "keys import": {
      const keys = await importKeyFile(need(rest[0], "FILE"), g.keypair, values.force ?? false);
      io.out(`imported into ${g.keypair}\naddress ${keys.address}`);
      return;
    }
    case "keys show": {
      const keys = await loadKeyFile(g.keypair);
      io.out(`address ${keys.address}\nx25519  ${Buffer.from(keys.x25519.publicKey).toString("hex")}`);
      try {
        io.out(`balance ${formatSol(await chain().balance(keys.address))} SOL (${g.rpcUrl})`);
      } catch {
        io.out(`balance unknown: ${g.rpcUrl} is not reachable`);
      }
      return;
    }
    case "keys airdrop": {
      const keys = await loadKeyFile(g.keypair);
      const amount = parseSol(rest[0] ?? "10");
      const c = chain();
      await c.rpc.requestAirdrop(keys.address, lamports(amount)).send();
      io.out(`airdropped ${formatSol(amount)} SOL; balance ${formatSol(await c.balance(keys.address))} SOL`);
      return;
    }
    case "campaign create": {
      const keys = await loadKeyFile(g.keypair);
      const bar = progressBar();
      const stars = num("--min-rating", 0, 5).parse(need(values["min-rating"], "--min-rating STARS (0-5)"));
      const share = num("--max-share", 0.01, 100).parse(need(values["max-share"], "--max-share PCT"));
      // What every campaign kind takes: chain, key, state, pay, workers, deadlines, progress.
      const campaign = {
        chain: chain(),
        keys,
        stateDir: g.stateDir,
        priceLamports: parseSol(need(values.price, "--price SOL")),
        minRating: Math.round(stars * 2000),
        maxShareBps: Math.round(share * 100),
        replication: num("--replication", 1, 100).parse(need(values.replication, "--replication N")),
        isPrivate: values.private ?? false,
        ...(values["deadline-days"]
          ? { deadlineSeconds: num("--deadline-days", 1, 3650).parse(values["deadline-days"]) * 86_400 }
          : {}),
        ...(values["timeout-minutes"]
          ? { assignmentTimeoutSeconds: num("--timeout-minutes", 1, 100_000).parse(values["timeout-minutes"]) * 60 }
          : {}),
        onProgress: (p: Progress) => bar.update(p),
      };
      if (
        z.enum(["labelling", "moderation"], "--type is labelling or moderation").parse(values.type ?? "labelling") ===
        "moderation"
      ) {
        const created = await createModerationCampaign({
          ...campaign,
          items: need(values.items, "--items DIR|FILE.jsonl"),
          policy: need(values.policy, "--policy FILE"),
        });
        bar.done();
        io.out(
          `${created.resumed ? "resumed and completed" : "created"} moderation campaign ${created.campaign} with ${created.taskCount} items`,
        );
        return;
      }
      const spec = readLabelsFile(need(values.labels, "--labels FILE"));
      const firstGuess = values.model
        ? await recommendedModel(values.model, values["model-map"], spec.labels, io)
        : undefined;
      const created = await createCampaign({
        ...campaign,
        imagesDir: need(values.images, "--images DIR"),
        // --none-of-these: a result with no class chosen is an answer (as noneOfThese in the file).
        labels: values["none-of-these"] ? { ...spec, noneOfThese: true } : spec,
        ...(values.gold ? { goldFile: values.gold } : {}),
        ...(firstGuess ? { firstGuess } : {}),
      });
      bar.done();
      io.out(
        `${created.resumed ? "resumed and completed" : "created"} campaign ${created.campaign} with ${created.taskCount} tasks`,
      );
      return;
    }
    case "campaign status": {
      const s = await campaignStatus(chain(), campaignArg(rest));
      const c = s.campaign;
      io.out(`campaign   ${s.address}${c.endedAt !== 0n ? " (ended)" : ""}${c.isPrivate ? " (private)" : ""}`);
      io.out(
        `price      ${formatSol(c.price)} SOL per task × ${c.replication} workers, min rating ${(c.minRating / 2000).toFixed(1)}★`,
      );
      io.out(
        `tasks      ${s.tasks} (${c.pagesCreated}/${c.pageCount} task pages posted); escrow ${formatSol(c.escrowBalance)} SOL`,
      );
      io.out(
        `work       accepted ${s.assignments.accepted}, key granted ${s.assignments.keyGranted}, submitted ${s.assignments.submitted}, reviewed ${s.assignments.reviewed}, expired ${s.assignments.expired}`,
      );
      io.out(
        `completion ${(s.completion * 100).toFixed(1)} %${s.meanScore !== undefined ? `, mean score ${s.meanScore.toFixed(1)}` : ""}`,
      );
      return;
    }
    case "campaign list": {
      const keys = await loadKeyFile(g.keypair);
      for (const { address: a, account: c } of await chain().campaigns(keys.address)) {
        io.out(
          `${a}  ${c.taskCount} tasks  ${formatSol(c.price)} SOL  ${c.submittedCount} submitted${c.endedAt !== 0n ? "  ended" : ""}`,
        );
      }
      return;
    }
    case "campaign quote": {
      const flags = {
        kind: values.kind,
        minRating: values["min-rating"],
        replication: values.replication,
        deadlineDays: values["deadline-days"],
        deadlineHours: values["deadline-hours"],
        tasks: values.tasks,
      };
      await campaignQuote(flags, { rpcUrl: g.rpcUrl, wsUrl: g.wsUrl, stateDir: g.stateDir }, io.out);
      return;
    }
    case "requester serve-keys": {
      const keys = await loadKeyFile(g.keypair);
      const service = await startKeyService({
        chain: chain(),
        keys,
        pollMs: values["poll-ms"] ? num("--poll-ms", 100, 600_000).parse(values["poll-ms"]) : 2000,
        log: (line) => io.out(`[keys] ${line}`),
      });
      io.out(`serving keys for ${keys.address}'s private campaigns; ^C to stop`);
      await io.stopped();
      await service.close();
      io.out(`granted ${service.granted()} keys`);
      return;
    }
    case "review": {
      const keys = await loadKeyFile(g.keypair);
      const target = campaignArg([sub ?? ""]);
      if (loadModerationManifest(g.stateDir, target) || (await moderationSpecOf(chain(), target))) {
        const bar = progressBar();
        const reviewed = await reviewModerationCampaign({
          chain: chain(),
          keys,
          campaign: target,
          ...(values["default-score"]
            ? { unverifiableScore: num("--default-score", 0, 100).parse(values["default-score"]) }
            : {}),
          dryRun: values["dry-run"] ?? false,
          onProgress: (p) => bar.update(p),
        });
        bar.done();
        for (const r of reviewed) {
          io.out(
            `item ${r.taskIndex}  ${r.worker}  ${r.score ?? "-"}  ${r.basis}  (majority ${r.majority.join("+") || "-"}, agreement ${Math.round(r.agreement * 100)} %)`,
          );
        }
        const posted = reviewed.filter((r) => r.score !== undefined && r.basis !== "already-reviewed").length;
        io.out(values["dry-run"] ? `${posted} scores computed (dry run, nothing posted)` : `${posted} scores posted`);
        return;
      }
      const agreementRows: string[] = [];
      const campaign = campaignArg([sub ?? ""]);
      const manifest = loadManifest(g.stateDir, campaign);
      const model = values.model ? await modelVoterFor(values.model, values["model-map"], manifest, io) : undefined;
      const bar = progressBar();
      const reviewed = await reviewCampaign({
        chain: chain(),
        keys,
        campaign,
        ...(manifest ? { manifest } : {}),
        ...(values["default-score"]
          ? { unverifiableScore: num("--default-score", 0, 100).parse(values["default-score"]) }
          : {}),
        dryRun: values["dry-run"] ?? false,
        onProgress: (p) => bar.update(p),
        ...(model
          ? { model, onAgreement: (rows, problems) => agreementRows.push(...formatAgreement(model.id, rows, problems)) }
          : {}),
      }).finally(() => model?.dispose());
      bar.done();
      for (const r of reviewed)
        io.out(
          `task ${r.taskIndex}  ${r.worker}  ${r.score ?? "-"}  ${r.basis}${r.withModel !== undefined ? `  model ${pct(r.withModel)}` : ""}`,
        );
      for (const line of agreementRows) io.out(line);
      const posted = reviewed.filter((r) => r.score !== undefined && r.basis !== "already-reviewed").length;
      io.out(values["dry-run"] ? `${posted} scores computed (dry run, nothing posted)` : `${posted} scores posted`);
      return;
    }
    case "export": {
      const keys = await loadKeyFile(g.keypair);
      const campaign = campaignArg([sub ?? ""]);
      if (values.format === "jsonl") {
        const manifest = loadModerationManifest(g.stateDir, campaign);
        const summary = await exportModerationResults({
          chain: chain(),
          keys,
          campaign,
          ...(manifest ? { manifest } : {}),
          outFile: need(values.out, "--out FILE"),
        });
        io.out(`exported ${summary.items} items (${summary.judgements} judgements) as JSONL to ${summary.file}`);
        return;
      }
      const format = z.enum(EXPORT_FORMATS).parse(need(values.format, "--format coco|yolo|voc")) as ExportFormat;
      const manifest = loadManifest(g.stateDir, campaign);
      const summary = await exportResults({
        chain: chain(),
        keys,
        campaign,
        ...(manifest ? { manifest } : {}),
        format,
        outDir: need(values.out, "--out DIR"),
      });
      io.out(
        `exported ${summary.images} images, ${summary.shapes} shapes as ${format} to ${values.out} (${summary.files.length} files)`,
      );
      return;
    }
    case "market": {
      const m = await marketSummary(chain());
      io.out(`${m.openCampaigns} open campaigns, ~${m.openSlots} open task slots`);
      if (m.medianPriceLamports !== undefined) io.out(`median price ${formatSol(m.medianPriceLamports)} SOL per task`);
      if (m.meanFillRate !== undefined) io.out(`mean fill rate ${(m.meanFillRate * 100).toFixed(1)} %`);
      for (const c of m.campaigns.slice(0, 20)) {
        io.out(
          `${c.address}  ${formatSol(c.priceLamports)} SOL × ${c.replication}  ${c.tasks} tasks  filled ${(c.fillRate * 100).toFixed(0)} %  done ${(c.doneRate * 100).toFixed(0)} %${c.isPrivate ? "  private" : ""}${c.isClosed ? "  closed" : ""}`,
        );
      }
      return;
    }
    default:
      throw new UsageError(`unknown command: ${positionals.join(" ")}`);
  }
}

/** `--model` + `--model-map` for campaign create: what the campaign metadata will recommend. */
async function recommendedModel(
  arg: string,
  map: string | undefined,
  labels: Label[],
  io: CliIo,
): Promise<CampaignFirstGuess> {
  const choice = await resolveModel(arg, process.env.AMPLIFY_HOME);
  io.out(`first guesses: recommending ${choice.id ?? "a model not installed here"} (manifest sha256 ${choice.hash})`);
  return { model: choice.hash, ...(map ? { mapping: parseMapping(map, labels) } : {}) };
}

/** `--model` for review: a verified model, with the campaign's mapping unless one is given. */
async function modelVoterFor(
  arg: string,
  map: string | undefined,
  manifest: CampaignManifest | undefined,
  io: CliIo,
): Promise<ModelVoter> {
  if (!manifest)
    throw new RequesterError(
      "review --model needs the campaign's manifest (its labels): run it with the --state the campaign was created from.",
    );
  const choice = await resolveModel(arg, process.env.AMPLIFY_HOME);
  const mapping = map ? parseMapping(map, manifest.labels) : manifest.firstGuess?.mapping;
  try {
    const voter = await createModelVoter({
      labels: manifest.labels,
      modelHash: choice.hash,
      sources: choice.sources,
      ...(mapping ? { mapping } : {}),
    });
    io.out(`model voter: ${voter.id} (weight ${DEFAULT_WEIGHTS.model} against ${DEFAULT_WEIGHTS.human} per worker)`);
    return voter;
  } catch (error) {
    throw new RequesterError(`--model ${arg}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

const pct = (v: number | null): string => (v === null ? "-" : `${Math.round(v * 100)} %`);

function formatAgreement(modelId: string, rows: WorkerSummary[], problems: string[]): string[] {
  return [
    ...problems,
    `agreement per worker (mean over their tasks): with other workers | with ${modelId} | weighted`,
    ...rows.map(
      (r) =>
        `${r.worker}  ${r.tasks} tasks  workers ${pct(r.meanWithHumans)}  model ${pct(r.meanWithModel)}  weighted ${pct(r.meanCombined)}`,
    ),
  ];
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
