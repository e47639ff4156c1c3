export { Keystore } from "./keystore";
export type { KeystoreOptions } from "./keystore";
export { KeystoreError } from "./keystore-errors";
export type { KeystoreErrorCode } from "./keystore-errors";
export { KEYSTORE_FILE, DEFAULT_SCRYPT } from "./keystore-file";
export type { ScryptParams } from "./keystore-file";
export { keysHandlers } from "./keys-handlers";
export { deriveX25519Secret } from "./key-material";
export { writeFileAtomic } from "./atomic-write";
