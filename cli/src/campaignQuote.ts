// `amplify campaign quote`: the price at which similar recent campaigns filled within the
// deadline, from the market's events (kept in market.db under the state directory), and the
// campaign's whole cost at that price. The app's campaign form shows the same quote.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { describeSeconds, quoteFromChain } from "../../lib/market";
import { formatSol } from "../../lib/requester";

export interface QuoteFlags {
  readonly kind?: string | undefined;
  readonly minRating?: string | undefined;
  readonly replication?: string | undefined;
  readonly deadlineDays?: string | undefined;
  readonly deadlineHours?: string | undefined;
  readonly tasks?: string | undefined;
}

const number = (what: string, min: number, max: number) =>
  z.coerce
    .number()
    .refine((v) => Number.isFinite(v) && v >= min && v <= max, `${what} must be between ${min} and ${max}`);

export async function campaignQuote(
  flags: QuoteFlags,
  endpoints: { rpcUrl: string; wsUrl: string; stateDir: string },
  out: (line: string) => void,
): Promise<void> {
  const stars = number("--min-rating (stars)", 0, 5).parse(flags.minRating ?? "0");
  const replication = number("--replication", 1, 255).parse(flags.replication ?? "1");
  const tasks = number("--tasks", 1, 100_000).parse(flags.tasks ?? "100");
  const deadlineSeconds = flags.deadlineHours
    ? Math.round(number("--deadline-hours", 0.02, 8_784).parse(flags.deadlineHours) * 3_600)
    : Math.round(number("--deadline-days", 0.001, 366).parse(flags.deadlineDays ?? "7") * 86_400);
  mkdirSync(endpoints.stateDir, { recursive: true, mode: 0o700 });
  const quote = await quoteFromChain({
    rpcUrl: endpoints.rpcUrl,
    wsUrl: endpoints.wsUrl,
    databasePath: join(endpoints.stateDir, "market.db"),
    request: {
      labelKind: flags.kind ?? null,
      minRating: Math.round(stars * 2000),
      replication: Math.round(replication),
      deadlineSeconds,
      tasks: Math.round(tasks),
    },
  });
  if (quote.error)
    out(`note: the market could not be read fully (${quote.error}); quoting from the ${quote.stored} events stored`);
  if (quote.priceLamports === null) {
    out(`no suggestion: ${quote.basis}`);
    return;
  }
  out(`suggested price  ${formatSol(BigInt(quote.priceLamports))} SOL per task (fee included)`);
  out(
    `spread           ${formatSol(BigInt(quote.lowLamports ?? 0))} – ${formatSol(BigInt(quote.highLamports ?? 0))} SOL (middle half of the sample)`,
  );
  out(
    `sample           ${quote.sampleSize} of ${quote.similar} similar campaigns filled within ${describeSeconds(deadlineSeconds)}${quote.medianFillSeconds !== null ? `; median fill ${describeSeconds(quote.medianFillSeconds)}` : ""}`,
  );
  if (quote.cost) {
    const c = quote.cost;
    out(
      `total cost       ${formatSol(BigInt(c.totalLamports))} SOL for ${tasks} tasks × ${replication}: workers ${formatSol(BigInt(c.workersLamports))}, fees ${formatSol(BigInt(c.feesLamports))} (${quote.feeBps / 100} %), rent ${formatSol(BigInt(c.rentLamports))}, network ${formatSol(BigInt(c.networkLamports))}`,
    );
  }
  out(`basis            ${quote.basis}`);
}
