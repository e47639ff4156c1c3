import type { Migration } from "../migration";
import { initial } from "./001-initial";

/** Every migration, in order. Append new ones; never edit one that has shipped. */
export const migrations: readonly Migration[] = [initial];
