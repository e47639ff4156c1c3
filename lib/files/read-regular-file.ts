import { constants } from "node:fs";
import { open } from "node:fs/promises";

export class FileReadError extends Error {
  override name = "FileReadError";
  constructor(
    readonly code: "not_regular" | "too_large" | "unreadable",
    message: string,
  ) {
    super(message);
  }
}

/**
 * Reads a whole file the user (or a page) named, refusing what is not a plain file before a
 * byte is read: a FIFO would block core forever, /dev/zero never ends, /proc files lie about
 * their size. Opened non-blocking so even opening a FIFO returns at once; the size is checked
 * on the open handle (no swap between check and read) and the read stops at the cap whatever
 * the size said.
 */
export async function readRegularFile(path: string, maxBytes: number, what = "the file"): Promise<Buffer> {
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw new FileReadError("unreadable", `cannot read ${what} ${path}: ${describeErrno(error)}`);
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile())
      throw new FileReadError("not_regular", `${path} is not a regular file (${kindOf(stat)}); choose a file`);
    if (stat.size > maxBytes)
      throw new FileReadError("too_large", `${what} ${path} is ${stat.size} bytes; at most ${maxBytes} are read`);
    const buffer = Buffer.alloc(maxBytes + 1);
    let filled = 0;
    while (filled < buffer.length) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    if (filled > maxBytes) throw new FileReadError("too_large", `${what} ${path} is larger than ${maxBytes} bytes`);
    return buffer.subarray(0, filled);
  } finally {
    await handle.close();
  }
}

export function kindOf(stat: {
  isDirectory(): boolean;
  isFIFO(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
  isSocket(): boolean;
  isSymbolicLink(): boolean;
}): string {
  if (stat.isDirectory()) return "a folder";
  if (stat.isFIFO()) return "a named pipe";
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return "a device";
  if (stat.isSocket()) return "a socket";
  if (stat.isSymbolicLink()) return "a link";
  return "not a plain file";
}

/** An errno as a few words a person can act on. */
export function describeErrno(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case "ENOENT":
      return "no such file or folder";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "it is a folder";
    case "ENOTDIR":
      return "a part of the path is not a folder";
    case "EINVAL":
      return "the path is not valid here";
    case "ELOOP":
      return "too many symbolic links";
    case "ENAMETOOLONG":
      return "the path is too long";
    case "EMFILE":
    case "ENFILE":
      return "too many open files; try again";
    default:
      return code ?? (error instanceof Error ? error.message : "unreadable");
  }
}
