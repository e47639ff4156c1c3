import { ApiError } from "../../../shared/api";
import { RequesterError } from "../../../lib/requester";
import type { RequesterInput } from "../../../lib/requester";
import type { HandlerGroup } from "../api";
import { ChosenFolders } from "./chosen-folders";
import type { FolderPurpose } from "./chosen-folders";
import { toApiError } from "../errors";
import type { KeyServiceRunner } from "./key-service-runner";
import type { RequesterService } from "./requester-service";

type RequesterChannel =
  | "requester:create"
  | "requester:campaigns"
  | "requester:review"
  | "requester:export"
  | "requester:keyService"
  | "requester:pickFolder"
  | "requester:rent"
  | "requester:end"
  | "requester:close";

/** Asks the shell for a folder; only the Electron shell has a native dialog. */
export type FolderPicker = (purpose: FolderPurpose) => Promise<string | null>;

export function requesterHandlers(
  requester: RequesterService,
  keys: KeyServiceRunner,
  pickFolder?: FolderPicker,
): HandlerGroup<RequesterChannel> {
  const folders = new ChosenFolders(pickFolder !== undefined);
  return {
    "requester:create": async (input) => {
      folders.check("images", input.folder);
      if (input.examples?.length) {
        if (!input.examplesFolder) throw ApiError.field("examplesFolder", "Give the folder the example images are in.");
        folders.check("examples", input.examplesFolder);
      }
      return guard(() => requester.create(input), "create the campaign again with the same inputs to resume");
    },
    "requester:campaigns": () => guard(() => requester.campaigns()),
    "requester:review": ({ campaign, dryRun }) => guard(() => requester.review(campaign, dryRun)),
    "requester:export": async (input) => {
      folders.check("export", input.outDir);
      return guard(() => requester.export(input));
    },
    "requester:keyService": () => keys.status(),
    "requester:rent": () => guard(() => requester.rent()),
    "requester:end": ({ campaign }) => guard(() => requester.end(campaign)),
    "requester:close": ({ campaign }) => guard(() => requester.close(campaign)),
    "requester:pickFolder": async ({ purpose }) => {
      if (!pickFolder) throw new ApiError("unavailable", "this shell has no folder dialog: type the folder's path");
      const path = await pickFolder(purpose);
      if (path) folders.remember(purpose, path);
      return { path };
    },
  };
}

/** The campaign form's field (CreateCampaignRequest) for each input the library names in an error. */
const FORM_FIELD: Readonly<Record<RequesterInput, string | undefined>> = {
  images: "folder",
  labels: "labels",
  price: "priceSol",
  replication: "replication",
  minRating: "minStars",
  maxShare: undefined,
  examples: "examples",
};

/** "no blob store…" → "No blob store….": the app shows sentences. */
function sentence(text: string): string {
  const capital = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/** The library's RequesterError is a sentence for the user about their input or wallet. */
async function guard<T>(fn: () => Promise<T>, retryHint = "try again when it is back"): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof RequesterError) {
      const field = error.input && FORM_FIELD[error.input];
      throw new ApiError("rejected", error.message, field ? [{ path: field, message: error.message }] : []);
    }
    // A folder that cannot be read or written (a file in the way, no permission, a full disk).
    const fsError = error as NodeJS.ErrnoException;
    if (
      typeof fsError.code === "string" &&
      typeof fsError.path === "string" &&
      /^E(ACCES|PERM|NOTDIR|ROFS|NOSPC|EXIST|ISDIR|NOENT)$/.test(fsError.code)
    ) {
      throw new ApiError("rejected", `The app cannot use ${fsError.path} (${fsError.code}): choose another folder.`);
    }
    if (error instanceof Error && error.name === "RequesterUnavailable")
      throw new ApiError("unavailable", sentence(error.message));
    if (
      error instanceof Error &&
      /fetch failed|ECONNREFUSED|blob upload failed/.test(`${error.message} ${String(error.cause ?? "")}`)
    ) {
      throw new ApiError(
        "unavailable",
        `The network cannot be reached right now: check your connection and the addresses in Settings. Nothing was lost: ${retryHint}.`,
      );
    }
    throw toApiError(error);
  }
}
