// Example images a requester attaches to a campaign's instructions: read from files (capped,
// regular files only, PNG/JPEG/WebP by their first bytes), then uploaded as public
// content-addressed blobs the metadata names by sha256, like the metadata itself.
import path from "node:path";
import { EXAMPLE_CAPTION_MAX, EXAMPLE_IMAGE_MAX_BYTES, MAX_EXAMPLE_IMAGES } from "../../shared/api/tasks";
import type { CampaignExample } from "../../shared/api/tasks";
import { putBlob, sha256Hex } from "../blobs";
import { RequesterError } from "../chain";
import { FileReadError, readRegularFile } from "../files";
import { sniffImage } from "./images";

/** An example as the requester names it: a file and what it shows. */
export interface ExampleRef {
  readonly path: string;
  readonly caption: string;
}

export interface ExampleImage extends ExampleRef {
  readonly bytes: Uint8Array;
  readonly sha256: string;
}

/** Reads every example, or refuses the first that cannot be one with a sentence naming it. */
export async function readExamples(refs: readonly ExampleRef[]): Promise<ExampleImage[]> {
  if (refs.length > MAX_EXAMPLE_IMAGES)
    throw new RequesterError(
      `A campaign shows at most ${MAX_EXAMPLE_IMAGES} example images; ${refs.length} were given.`,
      "examples",
    );
  const out: ExampleImage[] = [];
  for (const ref of refs) {
    const name = path.basename(ref.path);
    if (ref.caption.length > EXAMPLE_CAPTION_MAX)
      throw new RequesterError(
        `The caption of the example ${name} is too long: at most ${EXAMPLE_CAPTION_MAX} characters.`,
        "examples",
      );
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readRegularFile(ref.path, EXAMPLE_IMAGE_MAX_BYTES, "the example image"));
    } catch (error) {
      if (!(error instanceof FileReadError)) throw error;
      throw new RequesterError(
        error.code === "too_large"
          ? `The example image ${name} is larger than ${EXAMPLE_IMAGE_MAX_BYTES / 1024 ** 2} MB: make it smaller (an example is looked at, not labelled).`
          : error.code === "not_regular"
            ? `The example ${ref.path} is not a file: name an image file.`
            : `The example image ${ref.path} cannot be read: check that it exists.`,
        "examples",
      );
    }
    const info = sniffImage(bytes);
    if (!info || info.width === 0 || info.height === 0)
      throw new RequesterError(`The example ${name} is not a PNG, JPEG or WebP image.`, "examples");
    out.push({ ...ref, bytes, sha256: sha256Hex(bytes) });
  }
  return out;
}

/** Uploads the examples (content-addressed: again after a crash lands at the same place). */
export async function uploadExamples(blobUrl: string, examples: readonly ExampleImage[]): Promise<CampaignExample[]> {
  const posted: CampaignExample[] = [];
  for (const example of examples) {
    const { uri, hash } = await putBlob(blobUrl, example.bytes);
    posted.push({ uri, sha256: hash, caption: example.caption });
  }
  return posted;
}
