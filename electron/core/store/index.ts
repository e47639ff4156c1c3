export { DATABASE_FILE, Store } from "./store";
export type { StoreOptions } from "./store";
export { StoreCorruptError } from "./store-errors";
export { migrate, MigrationOrderError } from "./migrate";
export type { Migration } from "./migration";
export { migrations } from "./migrations";
