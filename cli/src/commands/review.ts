// `amplify review CAMPAIGN`: scores results (gold + consensus, optionally a model's vote) and
// posts them on chain; a moderation campaign is reviewed by its items' majority.
import {
  loadKeyFile,
  loadManifest,
  parseMapping,
  RequesterError,
  resolveModel,
  reviewCampaign,
  type CampaignManifest,
} from "../../../lib/requester";
import { loadModerationManifest, moderationSpecOf, reviewModerationCampaign } from "../../../lib/requester/moderation";
import { DEFAULT_WEIGHTS, createModelVoter } from "../../../lib/first-guess";
import type { ModelVoter, WorkerSummary } from "../../../lib/first-guess";
import { progressBar } from "../progressBar";
import { campaignArg, num } from "./args";
import { defineCommand, type CliIo } from "./command";

export const review = defineCommand({
  name: "review",
  usage: `  review CAMPAIGN [--dry-run] [--default-score N] [--model DIR|SHA256|default [--model-map ...]]
                                     score results (gold + consensus) and post scores on chain;
                                     --model adds a model's vote, weighted below a person's, and
                                     reports each worker's agreement with it apart`,
  flags: {
    "dry-run": { type: "boolean" },
    "default-score": { type: "string" },
    model: { type: "string" },
    "model-map": { type: "string" },
  },
  async run({ values, args, io, globals, chain }) {
    const g = globals();
    const keys = await loadKeyFile(g.keypair);
    const target = campaignArg(args);
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
    const campaign = target;
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
  },
});

/** `--model`: a verified model, with the campaign's mapping unless one is given. */
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
