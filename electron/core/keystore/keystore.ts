import { copyFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { KeyPairSigner } from "@solana/kit";
import { createKeyPairSignerFromBytes } from "@solana/kit";
import type { KeyImportSource, KeyStatus } from "../../../shared/api";
import { unwrapFileKey, x25519PublicKey } from "../../../lib/crypto";
import type { KeyMaterial } from "./key-material";
import {
  base58,
  deriveX25519Secret,
  generateKeyMaterial,
  keyMaterialFromBase58,
  keyMaterialFromBytes,
  readSolanaKeypairFile,
} from "./key-material";
import { writeFileAtomic } from "./atomic-write";
import { KeystoreError } from "./keystore-errors";
import type { KeystoreFile, ScryptParams } from "./keystore-file";
import { DEFAULT_SCRYPT, KEYSTORE_FILE, openSecret, parseKeystoreFile, sealSecret } from "./keystore-file";
import { UnlockThrottle } from "./unlock-throttle";
import type { ThrottleStorage } from "./unlock-throttle";

export interface KeystoreOptions {
  readonly dataDir: string;
  readonly autoLockMinutes: () => number;
  readonly scrypt?: ScryptParams;
  readonly now?: () => number;
  /** Where the passphrase throttle is kept (core: the store, so a restart does not reset it). */
  readonly throttle?: ThrottleStorage;
}

interface Unlocked {
  readonly signer: KeyPairSigner;
  readonly x25519Secret: Uint8Array;
  /** The Ed25519 seed, kept only while unlocked: the requester side derives file keys from it. */
  readonly seed: Uint8Array;
}

/**
 * The worker's keypair, sealed at rest with a passphrase. Core asks it to sign or to unwrap a
 * file key; nothing here returns a secret, so nothing can carry one over the contract.
 */
export class Keystore {
  readonly path: string;
  private unlocked: Unlocked | null = null;
  private lastUse = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly throttle: UnlockThrottle;
  private readonly listeners = new Set<(status: KeyStatus) => void>();
  private readonly now: () => number;

  constructor(private readonly options: KeystoreOptions) {
    this.path = join(options.dataDir, KEYSTORE_FILE);
    this.now = options.now ?? Date.now;
    this.throttle = new UnlockThrottle(this.now, options.throttle);
  }

  status(): KeyStatus {
    const file = this.readFileOrNull();
    const damaged = !file && existsSync(this.path);
    return {
      state: damaged ? "damaged" : !file ? "none" : this.unlocked ? "unlocked" : "locked",
      publicKey: file?.publicKey ?? null,
      x25519PublicKey: file?.x25519PublicKey ?? null,
      autoLockMinutes: this.options.autoLockMinutes(),
      retryAfterMs: this.throttle.retryAfterMs(),
    };
  }

  /** The public key even while locked (the file stores it in the clear). */
  address(): string | null {
    return this.readFileOrNull()?.publicKey ?? null;
  }

  isUnlocked(): boolean {
    return this.unlocked !== null;
  }

  onChange(listener: (status: KeyStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async create(passphrase: string, replace = false): Promise<KeyStatus> {
    return this.install(generateKeyMaterial(), passphrase, replace);
  }

  async import(source: KeyImportSource, passphrase: string, replace = false): Promise<KeyStatus> {
    const material =
      source.kind === "file" ? await readSolanaKeypairFile(source.path) : keyMaterialFromBase58(source.secret);
    return this.install(material, passphrase, replace);
  }

  async unlock(passphrase: string): Promise<KeyStatus> {
    const file = this.readFile();
    const secret = await this.checkPassphrase(file, passphrase);
    const material = this.checkMaterial(secret, file);
    await this.adopt(material);
    return this.changed();
  }

  lock(): KeyStatus {
    if (this.unlocked) {
      this.unlocked.x25519Secret.fill(0);
      this.unlocked.seed.fill(0);
      this.unlocked = null;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    return this.changed();
  }

  async changePassphrase(current: string, next: string): Promise<KeyStatus> {
    const file = this.readFile();
    const secret = await this.checkPassphrase(file, current);
    const material = this.checkMaterial(secret, file);
    const sealed = await sealSecret(
      material.secretKey,
      next,
      file.publicKey,
      file.x25519PublicKey,
      this.options.scrypt ?? DEFAULT_SCRYPT,
    );
    material.secretKey.fill(0);
    writeFileAtomic(this.path, JSON.stringify(sealed, null, 2));
    return this.changed();
  }

  /** The signer for transactions; throws when locked. Using it is not activity: background work signs too. */
  signer(): KeyPairSigner {
    return this.require().signer;
  }

  /** Opens a file key wrapped to this worker's X25519 key. */
  unwrap(wrapped: Uint8Array): Uint8Array {
    return unwrapFileKey(wrapped, this.require().x25519Secret);
  }

  /**
   * Lends the seed to `use` for the length of a synchronous call (the requester library derives
   * file keys and its X25519 key from it, as the CLI does from its key file). Throws when locked.
   */
  withSeed<T>(use: (seed: Uint8Array) => T): T {
    const copy = Uint8Array.from(this.require().seed);
    try {
      return use(copy);
    } finally {
      copy.fill(0);
    }
  }

  /**
   * A person did something in the app (the renderer reports real input events). Only this
   * postpones the auto-lock: polling screens and background services never call it.
   */
  noteUserActivity(): void {
    this.lastUse = this.now();
  }

  /** The auto-lock setting changed: a shorter idle time applies at once, a longer one re-arms. */
  autoLockChanged(): void {
    if (!this.unlocked) return;
    if (this.now() - this.lastUse >= this.options.autoLockMinutes() * 60_000) this.lock();
    else this.armAutoLock();
  }

  dispose(): void {
    this.lock();
    this.listeners.clear();
  }

  private require(): Unlocked {
    if (!this.unlocked) throw new KeystoreError("locked", "the keystore is locked: unlock it with your passphrase");
    return this.unlocked;
  }

  private async install(material: KeyMaterial, passphrase: string, replace: boolean): Promise<KeyStatus> {
    mkdirSync(this.options.dataDir, { recursive: true, mode: 0o700 });
    if (existsSync(this.path)) {
      if (!replace)
        throw new KeystoreError("exists", "a keystore already exists; pass replace to back it up and replace it");
      copyFileSync(this.path, `${this.path}.${new Date(this.now()).toISOString().replace(/[:.]/g, "-")}.bak`);
    }
    const x25519Public = Buffer.from(x25519PublicKey(deriveX25519Secret(material.secretKey))).toString("hex");
    const sealed = await sealSecret(
      material.secretKey,
      passphrase,
      base58(material.publicKey),
      x25519Public,
      this.options.scrypt ?? DEFAULT_SCRYPT,
    );
    writeFileAtomic(this.path, JSON.stringify(sealed, null, 2));
    this.lock();
    await this.adopt(material);
    return this.changed();
  }

  private checkMaterial(secret: Uint8Array, file: KeystoreFile): KeyMaterial {
    let material: KeyMaterial;
    try {
      material = keyMaterialFromBytes(secret);
    } catch {
      throw new KeystoreError("corrupt", `the keystore at ${this.path} holds a malformed key; it was left as it is`);
    }
    if (base58(material.publicKey) !== file.publicKey) {
      throw new KeystoreError(
        "corrupt",
        `the keystore at ${this.path} does not match its public key; it was left as it is`,
      );
    }
    return material;
  }

  private async adopt(material: KeyMaterial): Promise<void> {
    const signer = await createKeyPairSignerFromBytes(material.secretKey);
    const x25519Secret = deriveX25519Secret(material.secretKey);
    const seed = Uint8Array.from(material.secretKey.subarray(0, 32));
    material.secretKey.fill(0);
    this.unlocked = { signer, x25519Secret, seed };
    this.noteUserActivity();
    this.armAutoLock();
  }

  private armAutoLock(): void {
    if (this.timer) clearTimeout(this.timer);
    const idleMs = this.options.autoLockMinutes() * 60_000;
    const due = this.lastUse + idleMs - this.now();
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        if (!this.unlocked) return;
        if (this.now() - this.lastUse >= idleMs) this.lock();
        else this.armAutoLock();
      },
      Math.max(1000, due),
    );
    this.timer.unref();
  }

  /** Every passphrase check goes through the one throttle, which counts it before the next may start. */
  private checkPassphrase(file: KeystoreFile, passphrase: string): Promise<Uint8Array> {
    return this.throttle.attempt(
      () => openSecret(file, passphrase),
      (error) => error instanceof KeystoreError && error.code === "wrong_passphrase",
    );
  }

  private readFileOrNull(): KeystoreFile | null {
    if (!existsSync(this.path)) return null;
    try {
      return this.readFile();
    } catch {
      return null;
    }
  }

  private readFile(): KeystoreFile {
    let text: string;
    try {
      text = readFileSync(this.path, "utf8");
    } catch {
      throw new KeystoreError("no_keystore", "no keystore yet: create or import a key first");
    }
    return parseKeystoreFile(text, this.path);
  }

  private changed(): KeyStatus {
    const status = this.status();
    for (const listener of this.listeners) listener(status);
    return status;
  }
}
