// Content-addressed files: a blob's name is the sha256 of its bytes, so any reader can check
// what it got. Writes go to a temp file and are renamed into place, so a crash never leaves
// a half-written blob under a valid name.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export const HASH_PATTERN = /^[0-9a-f]{64}$/;

export class BlobHashMismatchError extends Error {}

export class BlobStore {
  constructor(private readonly dir: string) {
    fs.mkdirSync(path.join(dir, "tmp"), { recursive: true });
  }

  pathOf(hash: string): string {
    if (!HASH_PATTERN.test(hash)) throw new Error(`not a sha256 hex digest: ${hash}`);
    return path.join(this.dir, hash.slice(0, 2), hash);
  }

  has(hash: string): boolean {
    return fs.existsSync(this.pathOf(hash));
  }

  size(hash: string): number | undefined {
    try {
      return fs.statSync(this.pathOf(hash)).size;
    } catch {
      return undefined;
    }
  }

  /** Stores bytes and returns their sha256; when `expected` is given it must match. */
  put(bytes: Uint8Array, expected?: string): string {
    const hash = crypto.createHash("sha256").update(bytes).digest("hex");
    if (expected !== undefined && expected !== hash)
      throw new BlobHashMismatchError(`content hashes to ${hash}, not ${expected}`);
    const target = this.pathOf(hash);
    if (fs.existsSync(target)) return hash;
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const tmp = path.join(this.dir, "tmp", `${hash}.${process.pid}.${crypto.randomBytes(4).toString("hex")}`);
    const fd = fs.openSync(tmp, "w");
    try {
      fs.writeSync(fd, bytes);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, target);
    return hash;
  }

  /** As put, with the write and fsync on the thread pool so concurrent uploads overlap. */
  async putAsync(bytes: Uint8Array, expected?: string): Promise<string> {
    const hash = crypto.createHash("sha256").update(bytes).digest("hex");
    if (expected !== undefined && expected !== hash)
      throw new BlobHashMismatchError(`content hashes to ${hash}, not ${expected}`);
    const target = this.pathOf(hash);
    if (fs.existsSync(target)) return hash;
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    const tmp = path.join(this.dir, "tmp", `${hash}.${process.pid}.${crypto.randomBytes(4).toString("hex")}`);
    const handle = await fs.promises.open(tmp, "w");
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.promises.rename(tmp, target);
    return hash;
  }

  /** Reads a whole blob and re-checks its hash, so disk corruption is never served as data. */
  read(hash: string): Uint8Array | undefined {
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(this.pathOf(hash));
    } catch {
      return undefined;
    }
    const actual = crypto.createHash("sha256").update(bytes).digest("hex");
    if (actual !== hash) throw new BlobHashMismatchError(`stored blob ${hash} is corrupt (hashes to ${actual})`);
    return bytes;
  }

  readRange(hash: string, start: number, endInclusive: number): Uint8Array {
    const fd = fs.openSync(this.pathOf(hash), "r");
    try {
      const out = Buffer.alloc(endInclusive - start + 1);
      fs.readSync(fd, out, 0, out.length, start);
      return out;
    } finally {
      fs.closeSync(fd);
    }
  }
}
