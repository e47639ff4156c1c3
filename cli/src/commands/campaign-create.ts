// `amplify campaign create`: a labelling campaign from a folder of images, or (--type
// moderation) a moderation campaign from items and a policy.
import { z } from "zod";
import {
  createCampaign,
  loadKeyFile,
  parseMapping,
  readLabelsFile,
  resolveModel,
  type Progress,
} from "../../../lib/requester";
import { createModerationCampaign } from "../../../lib/requester/moderation";
import type { Label } from "../../../shared/annotation";
import type { CampaignFirstGuess } from "../../../shared/api/first-guess";
import { progressBar } from "../progressBar";
import { need, num, parseSol } from "./args";
import { defineCommand, type CliIo } from "./command";

export const campaignCreate = defineCommand({
  name: "campaign create",
  usage: `  campaign create --images DIR --labels FILE --price SOL --min-rating STARS
                  --max-share PCT --replication N [--private] [--gold FILE]
                  [--deadline-days N] [--timeout-minutes N] [--none-of-these]
                  [--model DIR|SHA256|default [--model-map class=label,...|FILE]]
                  [--prelabels FILE|DIR]
                                     --none-of-these: a class result may choose none;
                                     --prelabels: a COCO .json, CVAT .xml, YOLO or VOC
                                     folder whose shapes workers start from (public only);
                                     --model: recommend a first-guess model to workers' apps;
                                     example images: "examples" in the labels file
  campaign create --type moderation --items DIR|FILE.jsonl --policy FILE --price SOL
                  --min-rating STARS --max-share PCT --replication N [--private]
                                     moderation items: JSONL lines {"id","text"} or
                                     {"id","image": path}, or a folder of images and .txt`,
  flags: {
    type: { type: "string" },
    images: { type: "string" },
    labels: { type: "string" },
    items: { type: "string" },
    policy: { type: "string" },
    price: { type: "string" },
    "min-rating": { type: "string" },
    "max-share": { type: "string" },
    replication: { type: "string" },
    private: { type: "boolean" },
    gold: { type: "string" },
    "deadline-days": { type: "string" },
    "timeout-minutes": { type: "string" },
    "none-of-these": { type: "boolean" },
    model: { type: "string" },
    "model-map": { type: "string" },
    prelabels: { type: "string" },
  },
  async run({ values, io, globals, chain }) {
    const g = globals();
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
      ...(values.prelabels ? { prelabelsFile: values.prelabels } : {}),
      ...(firstGuess ? { firstGuess } : {}),
    });
    bar.done();
    io.out(
      `${created.resumed ? "resumed and completed" : "created"} campaign ${created.campaign} with ${created.taskCount} tasks`,
    );
  },
});

/** `--model` + `--model-map`: what the campaign metadata will recommend. */
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
