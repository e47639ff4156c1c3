// Reading flags and positionals: the checks every command shares and the one error type that
// makes `amplify` print its usage (exit code 2).
import { address, type Address } from "@solana/kit";
import { z } from "zod";
import { parseSolText } from "../../../shared/sol";

export class UsageError extends Error {}

export const num = (what: string, min: number, max: number) =>
  z.coerce
    .number()
    .refine((v) => Number.isFinite(v) && v >= min && v <= max, `${what} must be between ${min} and ${max}`);

export function parseSol(text: string): bigint {
  const lamports = parseSolText(text);
  if (lamports === null) throw new UsageError(`not an amount of SOL: "${text}" (write it like 0.01)`);
  return lamports;
}

export function need<T>(value: T | undefined, flag: string): T {
  if (value === undefined) throw new UsageError(`missing ${flag}`);
  return value;
}

export function addressArg(text: string, flag: string): Address {
  try {
    return address(text);
  } catch {
    throw new UsageError(`${flag}: not an address: ${text}`);
  }
}

export function campaignArg(positionals: readonly string[]): Address {
  const text = positionals[0];
  if (!text) throw new UsageError("missing CAMPAIGN address");
  try {
    return address(text);
  } catch {
    throw new UsageError(`not an address: ${text}`);
  }
}
