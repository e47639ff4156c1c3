import type { Migration } from "../migration";
import { initial } from "./001-initial";
import { outbox } from "./002-outbox";
import { marketEvents } from "./003-market-events";
import { marketKeyset } from "./004-market-keyset";

/** Every migration, in order. Append new ones; never edit one that has shipped. */
export const migrations: readonly Migration[] = [initial, outbox, marketEvents, marketKeyset];
