// The images of an export, where each format's layout keeps them (images/, JPEGImages/, class
// folders). Never by default: a private campaign's images are decrypted only when the requester
// asks (`--images copy`), and then only into the export folder they named. `copy` takes each
// image from the folder the campaign was posted from (`--images-from DIR`) or, without one,
// fetches it from the blob store by the hash on chain and decrypts it with the requester's file
// key; `link` writes symbolic links to the files in `--images-from DIR`, so no copy (and no
// plaintext) is written at all. Every image is checked before anything is written: the file
// must exist and be the size the campaign recorded.
import fs from "node:fs";
import path from "node:path";
import type { Address } from "@solana/kit";
import { getBlob } from "../blobs";
import type { AmplifyChain } from "../chain";
import { RequesterError } from "../chain";
import { decryptEnvelope } from "../crypto";
import type { ExportFile, ExportImage, ImageTarget } from "./exporters";
import { sniffImage } from "./images";
import type { RequesterKeys } from "./keyfile";

export const IMAGE_MODES = ["none", "copy", "link"] as const;
export type ImageMode = (typeof IMAGE_MODES)[number];

/** Refuses a set of paths where two name one file (case aside, as on macOS and Windows disks). */
export function checkDistinctPaths(paths: readonly string[]): void {
  const seen = new Map<string, string>();
  const twice: string[] = [];
  for (const p of paths) {
    const key = p.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) twice.push(first === p ? p : `${first} and ${p}`);
    else seen.set(key, p);
  }
  if (twice.length > 0)
    throw new RequesterError(
      `The export would write ${twice.length} file${twice.length === 1 ? "" : "s"} twice (${twice.slice(0, 3).join(", ")}${twice.length > 3 ? ", …" : ""}); nothing was written.`,
    );
}

/** Why `bytes` are not the campaign's image `img`, or undefined when they are (type and size). */
function sizeProblem(bytes: Uint8Array, img: ExportImage, where: string): string | undefined {
  const info = sniffImage(bytes);
  if (!info) return `${where} is not a PNG, JPEG or WebP image`;
  if (info.width !== img.width || info.height !== img.height)
    return `${where} is ${info.width}×${info.height} pixels, but the campaign's ${img.fileName} is ${img.width}×${img.height}`;
  return undefined;
}

/** The local originals of the images, checked up front (only the header is read). */
function localOriginals(dir: string, images: readonly ExportImage[]): string[] {
  const missing: string[] = [];
  const out = images.map((img) => {
    const file = path.resolve(dir, path.basename(img.fileName));
    let head: Buffer;
    try {
      const fd = fs.openSync(file, "r");
      try {
        head = Buffer.alloc(64 * 1024);
        head = head.subarray(0, fs.readSync(fd, head, 0, head.length, 0));
      } finally {
        fs.closeSync(fd);
      }
    } catch {
      missing.push(img.fileName);
      return file;
    }
    const problem = sizeProblem(head, img, file);
    if (problem) throw new RequesterError(`${problem}; nothing was written.`);
    return file;
  });
  if (missing.length > 0)
    throw new RequesterError(
      `${dir} does not hold ${missing.length} of the campaign's images (${missing.slice(0, 3).join(", ")}${missing.length > 3 ? ", …" : ""}); nothing was written.`,
    );
  return out;
}

export interface WriteExportOptions {
  outDir: string;
  files: readonly ExportFile[];
  images: readonly ExportImage[];
  targets: readonly ImageTarget[];
  mode: ImageMode;
  imagesFrom?: string;
  /** For `copy` without `imagesFrom`: where the images are posted. */
  chain: AmplifyChain;
  keys: RequesterKeys;
  campaign: Address;
}

/** Writes the export's files and, as asked, its images; returns every path written. */
export async function writeExport(opts: WriteExportOptions): Promise<string[]> {
  const targets = opts.mode === "none" ? [] : opts.targets;
  checkDistinctPaths([...opts.files.map((f) => f.path), ...targets.map((t) => t.path)]);
  if (opts.mode === "link" && !opts.imagesFrom)
    throw new RequesterError("--images link needs --images-from DIR, the folder the campaign was posted from.");
  const originals = targets.length > 0 && opts.imagesFrom ? localOriginals(opts.imagesFrom, opts.images) : undefined;
  const written: string[] = [];
  const put = (relative: string, write: (target: string) => void) => {
    const target = path.join(opts.outDir, relative);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    write(target);
    written.push(target);
  };
  for (const f of opts.files) put(f.path, (t) => fs.writeFileSync(t, f.contents));
  if (targets.length === 0) return written;

  let fetchImage: ((image: number) => Promise<Uint8Array>) | undefined;
  if (!originals) {
    const campaign = await opts.chain.campaign(opts.campaign);
    const tasks = new Map((await opts.chain.tasks(opts.campaign)).map((t) => [t.index, t]));
    fetchImage = async (image) => {
      const img = opts.images[image] as ExportImage;
      const task = tasks.get(img.index);
      if (!task) throw new RequesterError(`The campaign has no task ${img.index} (${img.fileName}).`);
      const body = await getBlob(task.uri, Buffer.from(task.dataHash).toString("hex"));
      if (!campaign?.isPrivate) return body;
      const key = opts.keys.fileKey(opts.campaign, img.index);
      try {
        return decryptEnvelope(body, key);
      } finally {
        key.fill(0);
      }
    };
  }
  // An image that several targets hold (YOLO's task folders, classify's splits) is read once per run of targets.
  let cached: { image: number; bytes: Uint8Array } | undefined;
  for (const t of [...targets].sort((a, b) => a.image - b.image)) {
    const img = opts.images[t.image] as ExportImage;
    if (opts.mode === "link") {
      const source = (originals as string[])[t.image] as string;
      put(t.path, (target) => {
        fs.rmSync(target, { force: true });
        fs.symlinkSync(source, target);
      });
      continue;
    }
    if (cached?.image !== t.image) {
      const bytes = originals
        ? new Uint8Array(fs.readFileSync(originals[t.image] as string))
        : await (fetchImage as (image: number) => Promise<Uint8Array>)(t.image);
      const problem = sizeProblem(bytes, img, `The posted image of ${img.fileName}`);
      if (problem) throw new RequesterError(`${problem}; the images from it on were not written.`);
      cached = { image: t.image, bytes };
    }
    const bytes = cached.bytes;
    put(t.path, (target) => fs.writeFileSync(target, bytes, { mode: 0o600 }));
  }
  return written;
}
