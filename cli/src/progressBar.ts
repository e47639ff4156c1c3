// A one-line progress bar on stderr (a plain line per update when stderr is not a TTY).
import type { Progress } from "../../lib/requester";

const LABELS: Record<Progress["phase"], string> = {
  upload: "uploading images",
  tasks: "adding tasks",
  download: "fetching results",
  review: "posting reviews",
};

export function progressBar(): { update(p: Progress): void; done(): void } {
  let last = "";
  const tty = process.stderr.isTTY;
  return {
    update(p) {
      const width = 30;
      const filled = p.total === 0 ? width : Math.round((p.done / p.total) * width);
      const line = `[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${p.done}/${p.total} ${LABELS[p.phase]}`;
      if (line === last) return;
      last = line;
      if (tty) process.stderr.write(`\r${line}`);
      else if (p.done === p.total || p.done % 50 === 0) process.stderr.write(`${line}\n`);
    },
    done() {
      if (tty && last) process.stderr.write("\n");
      last = "";
    },
  };
}
