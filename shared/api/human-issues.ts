import type { z } from "zod";
import type { FieldIssue } from "./errors";
import { MAX_FIELD_ISSUES } from "./errors";

// Validation problems as a person reads them. A schema's own message (written for its field, see
// keys.ts, requester.ts, settings.ts) always wins; `humanIssue` words every other issue as a
// sentence about the value, never zod's "Too small: expected string to have >=32 characters".

type RawIssue = Parameters<z.core.$ZodErrorMap>[0];

const count = (n: number | bigint, one: string, many = `${one}s`) => `${n} ${Number(n) === 1 ? one : many}`;

function sizeUnit(origin: string): [string, string] | null {
  switch (origin) {
    case "string":
      return ["character", "characters"];
    case "array":
    case "set":
      return ["entry", "entries"];
    case "file":
      return ["byte", "bytes"];
    default:
      return null;
  }
}

/** The per-parse error map: `schema.safeParse(value, { error: humanIssue })`. */
export function humanIssue(issue: RawIssue): string {
  switch (issue.code) {
    case "too_small": {
      const unit = sizeUnit(issue.origin);
      if (issue.origin === "string" && Number(issue.minimum) === 1) return "This cannot be empty.";
      if (unit) return `This needs at least ${count(issue.minimum, unit[0], unit[1])}.`;
      return `This must be ${issue.inclusive === false ? "more than" : "at least"} ${String(issue.minimum)}.`;
    }
    case "too_big": {
      const unit = sizeUnit(issue.origin);
      if (unit) return `This is too long: at most ${count(issue.maximum, unit[0], unit[1])}.`;
      return `This must be ${issue.inclusive === false ? "less than" : "at most"} ${String(issue.maximum)}.`;
    }
    case "invalid_type":
      if (issue.input === undefined) return "This is missing.";
      if (issue.expected === "int") return "This must be a whole number.";
      if (issue.expected === "number") return "This must be a number.";
      if (issue.expected === "string") return "This must be text.";
      return "This is not the kind of value expected here.";
    case "invalid_format":
      if (issue.format === "url") return "This must be a web address such as https://example.org.";
      return "This is not written the way it should be.";
    case "invalid_value":
      return issue.values.length === 1
        ? `This must be ${JSON.stringify(issue.values[0])}.`
        : `This must be one of: ${issue.values.map((v) => JSON.stringify(v)).join(", ")}.`;
    case "not_multiple_of":
      return issue.divisor === 1
        ? "This must be a whole number."
        : `This must be a multiple of ${String(issue.divisor)}.`;
    case "unrecognized_keys":
      return `This has fields that are not expected here (${issue.keys.join(", ")}).`;
    default:
      return "This value is not accepted here.";
  }
}

/** Every issue of a failed parse as a field path and a sentence (the first per path, at most 32). */
export function fieldIssues(error: z.ZodError): FieldIssue[] {
  const seen = new Set<string>();
  const out: FieldIssue[] = [];
  for (const issue of error.issues) {
    const path = issue.path.map(String).join(".");
    if (seen.has(path)) continue;
    seen.add(path);
    out.push({ path, message: issue.message });
    if (out.length === MAX_FIELD_ISSUES) break;
  }
  return out;
}
