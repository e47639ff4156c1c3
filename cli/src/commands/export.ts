// `amplify export CAMPAIGN`: results as COCO, YOLO, Pascal VOC or CVAT 1.1 files, or a moderation
// campaign as JSONL.
import { z } from "zod";
import {
  EXPORT_FORMATS,
  IMAGE_MODES,
  exportResults,
  loadKeyFile,
  loadManifest,
  type ExportFormat,
  type ImageMode,
} from "../../../lib/requester";
import { exportModerationResults, loadModerationManifest } from "../../../lib/requester/moderation";
import { UsageError, campaignArg, need } from "./args";
import { defineCommand } from "./command";

export const exportCommand = defineCommand({
  name: "export",
  usage: `  export CAMPAIGN --format coco|yolo|voc|cvat --out DIR [--images none|copy|link] [--images-from DIR]
                                     shapes a format cannot hold are counted, not dropped silently;
                                     --images copy writes the images (decrypted) into the layout,
                                     --images link links them to --images-from (the posted folder)
  export CAMPAIGN --format jsonl --out FILE
                                     a moderation campaign: decision, votes, confidence per item`,
  flags: {
    format: { type: "string" },
    out: { type: "string" },
    images: { type: "string" },
    "images-from": { type: "string" },
  },
  async run({ values, args, io, globals, chain }) {
    const g = globals();
    const keys = await loadKeyFile(g.keypair);
    const campaign = campaignArg(args);
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
    const format = z.enum(EXPORT_FORMATS).parse(need(values.format, "--format coco|yolo|voc|cvat")) as ExportFormat;
    const images = values.images ?? "none";
    if (!(IMAGE_MODES as readonly string[]).includes(images))
      throw new UsageError(`--images must be none, copy or link, not "${images}"`);
    const manifest = loadManifest(g.stateDir, campaign);
    const summary = await exportResults({
      chain: chain(),
      keys,
      campaign,
      ...(manifest ? { manifest } : {}),
      format,
      outDir: need(values.out, "--out DIR"),
      images: images as ImageMode,
      ...(values["images-from"] !== undefined ? { imagesFrom: values["images-from"] } : {}),
    });
    const withImages =
      images === "none" ? "" : `, ${summary.imageFiles} of them image ${images === "copy" ? "copies" : "links"}`;
    io.out(
      `exported ${summary.images} images, ${summary.shapes} shapes as ${format} to ${values.out} (${summary.files.length} files${withImages})`,
    );
    const omitted = Object.entries(summary.omitted);
    if (omitted.length > 0)
      io.out(`${format} has no form for ${omitted.map(([kind, n]) => `${n} ${kind}`).join(", ")}: not in these files`);
    for (const note of summary.notes) io.out(`note: ${note}`);
  },
});
