// Where a kind of campaign manifest lives on disk: one JSON file per campaign under
// `<stateDir>/<folder>/`, written atomically, and found again by the hash of its inputs so a
// re-run with the same inputs resumes. Labelling (campaigns/) and moderation (moderation/)
// manifests differ only in their schema and folder.
import fs from "node:fs";
import path from "node:path";

export interface ManifestStore<T> {
  dir(stateDir: string): string;
  path(stateDir: string, campaign: string): string;
  save(stateDir: string, manifest: T): void;
  load(stateDir: string, campaign: string): T | undefined;
  findByInputs(stateDir: string, inputsKey: string): T | undefined;
}

export function manifestStore<T extends { campaign: string; inputsKey: string }>(
  folder: string,
  schema: { parse(data: unknown): T },
): ManifestStore<T> {
  const dir = (stateDir: string): string => path.join(stateDir, folder);
  const file = (stateDir: string, campaign: string): string => path.join(dir(stateDir), `${campaign}.json`);
  const read = (name: string): T => schema.parse(JSON.parse(fs.readFileSync(name, "utf8")));
  return {
    dir,
    path: file,
    save(stateDir, manifest) {
      const target = file(stateDir, manifest.campaign);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      const tmp = `${target}.tmp-${process.pid}`;
      fs.writeFileSync(tmp, JSON.stringify(manifest, null, 1));
      fs.renameSync(tmp, target);
    },
    load(stateDir, campaign) {
      const target = file(stateDir, campaign);
      return fs.existsSync(target) ? read(target) : undefined;
    },
    findByInputs(stateDir, inputsKey) {
      if (!fs.existsSync(dir(stateDir))) return undefined;
      for (const name of fs.readdirSync(dir(stateDir))) {
        if (!name.endsWith(".json")) continue;
        try {
          const m = read(path.join(dir(stateDir), name));
          if (m.inputsKey === inputsKey) return m;
        } catch {
          // A foreign or damaged file is not ours to resume.
        }
      }
      return undefined;
    },
  };
}
