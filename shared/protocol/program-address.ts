import { address, isAddress } from "@solana/kit";
import type { Address } from "@solana/kit";

/**
 * The default program id: the localnet's, where `npm start`, the tests and the demo deploy the
 * program through the upgradeable loader with the committed keypair `localnet/program-keypair.json`
 * (its secret is public: never use this id on a shared cluster).
 */
export const AMPLIFY_PROGRAM_ADDRESS = address("AmpLqHx6GfL69wJETKM1NYeWThxcG9D1AmBnrSFfeSWL");

export const SYSTEM_PROGRAM_ADDRESS = address("11111111111111111111111111111111");

let configured: Address | undefined;

/** Parses a program id from configuration, with a sentence naming where it came from. */
export function parseProgramAddress(text: string, source: string): Address {
  const trimmed = text.trim();
  if (!isAddress(trimmed)) throw new Error(`${source}: "${text}" is not a program address (base58, 32 bytes)`);
  return trimmed;
}

/**
 * Points every builder, PDA and query of this process at `programAddress` (the app's Settings,
 * the CLI's --program-id); undefined falls back to AMPLIFY_PROGRAM_ADDRESS in the environment,
 * then to the localnet's default.
 */
export function configureProgramAddress(programAddress: Address | undefined): void {
  configured = programAddress;
}

/** The program id this process talks to: configured, else `AMPLIFY_PROGRAM_ADDRESS` in the environment, else the default. */
export function amplifyProgramAddress(): Address {
  if (configured) return configured;
  const fromEnv = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env
    ?.AMPLIFY_PROGRAM_ADDRESS;
  return fromEnv ? parseProgramAddress(fromEnv, "AMPLIFY_PROGRAM_ADDRESS") : AMPLIFY_PROGRAM_ADDRESS;
}
