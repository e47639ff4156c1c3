import { resolve } from "node:path";
import { ApiError } from "../../../shared/api";

export type FolderPurpose = "images" | "export" | "examples";

/**
 * Where the shell has a native folder dialog (Electron), core reads campaign images from, and
 * writes exports to, only folders the user picked in that dialog. The page is untrusted: a typed
 * path would let a compromised page have core upload the images of any folder, or write into
 * any folder. The browser shell has no dialog; there a typed path is the only way, and the page
 * is the local user's own, behind the launch token.
 */
export class ChosenFolders {
  private readonly chosen = new Set<string>();

  constructor(private readonly enforced: boolean) {}

  remember(purpose: FolderPurpose, path: string): void {
    this.chosen.add(key(purpose, path));
  }

  check(purpose: FolderPurpose, path: string): void {
    if (this.enforced && !this.chosen.has(key(purpose, path))) {
      throw ApiError.field(
        FIELD[purpose],
        `Choose the folder with “Choose…”: the app only ${purpose === "export" ? "writes" : "reads"} folders picked in its dialog (${path}).`,
        "rejected",
      );
    }
  }
}

/** The request field each purpose's folder is typed into. */
const FIELD: Readonly<Record<FolderPurpose, string>> = {
  images: "folder",
  export: "outDir",
  examples: "examplesFolder",
};

function key(purpose: FolderPurpose, path: string): string {
  return `${purpose}:${resolve(path)}`;
}
