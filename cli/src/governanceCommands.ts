// `amplify governance …` and `amplify model register`: AMP holders stake, claim their share of the
// fees, propose, vote and execute; model authors register a first-guess model. Positional
// arguments only, printing through `out`; the work is lib/governance's.
import fs from "node:fs";
import crypto from "node:crypto";
import { address, isAddress, type Address, type TransactionSigner } from "@solana/kit";
import { GovernanceClient, type GovernanceStatus, type ProposalInput, type ProposalView } from "../../lib/governance";
import { formatSol, RequesterError } from "../../lib/requester";
import { FEE_BPS_MAX, formatAmp, parseAmp, PROPOSAL_KIND_NAMES, ProposalKind } from "../../shared/protocol";
import type { AmplifyChain } from "../../lib/chain";
import { parseSolText } from "../../shared/sol";

export const GOVERNANCE_USAGE = `  governance status                  fee, stake, your AMP and claimable SOL, proposals with tallies
  governance stake AMP               stake AMP (creates your AMP account if needed)
  governance unstake AMP             request unstaking (withdraw after the cool-down)
  governance withdraw                withdraw unstaked AMP after the cool-down
  governance claim                   claim your share of the fees (SOL)
  governance claim-amp               mint AMP your reviews earned before you had an AMP account
  governance propose fee PCT         e.g. "fee 4" (at most 10 %)
  governance propose pause on|off
  governance propose spend SOL ADDRESS       pay from the fee vault's treasury part
  governance propose authority ADDRESS       propose a new config authority
  governance propose upgrade-authority ADDRESS
                                     hand the program's upgrade authority (held by governance) to ADDRESS
  governance propose immutable forever
                                     make the program immutable: nobody can upgrade it again, ever
  governance propose rewards AMP_RATE STAKER_PCT AUTHOR_PCT
  governance vote ID for|against
  governance execute ID              anyone, after the vote and the timelock
  governance close ID                return rent once done: your vote record, and the proposal
                                     (to its proposer) once executed, failed or expired
  model register MANIFEST|SHA256     register a first-guess model as its author`;

export interface GovernanceCliContext {
  chain: AmplifyChain;
  signer: () => Promise<TransactionSigner>;
  out(line: string): void;
}

function need(value: string | undefined, what: string): string {
  if (value === undefined) throw new RequesterError(`missing ${what}`);
  return value;
}

function amp(text: string | undefined): bigint {
  const value = parseAmp(need(text, "the AMP amount"));
  if (value === undefined || value === 0n) throw new RequesterError(`not an AMP amount: ${text} (e.g. 12.5)`);
  return value;
}

function percentToBps(text: string | undefined, what: string, max: number): number {
  const value = Number(need(text, what));
  const bps = Math.round(value * 100);
  if (!Number.isFinite(value) || value < 0 || bps > max) throw new RequesterError(`${what} must be 0..${max / 100} %`);
  return bps;
}

function addressArg(text: string | undefined, what: string): Address {
  const value = need(text, what);
  if (!isAddress(value)) throw new RequesterError(`${what} is not an address: ${value}`);
  return address(value);
}

function idArg(text: string | undefined): bigint {
  const value = need(text, "the proposal id");
  if (!/^\d+$/.test(value)) throw new RequesterError(`not a proposal id: ${value}`);
  return BigInt(value);
}

function lamportsOf(sol: string | undefined): bigint {
  const lamports = parseSolText(need(sol, "the SOL amount"));
  if (lamports === null) throw new RequesterError(`not a SOL amount: ${sol}`);
  return lamports;
}

/** What a proposal kind and its words mean on chain. */
export function parseProposal(words: string[]): ProposalInput {
  const [kind, a, b, c] = words;
  switch (kind) {
    case "fee":
      return { kind: ProposalKind.SetFee, valueA: BigInt(percentToBps(a, "the fee", FEE_BPS_MAX)) };
    case "pause":
      if (a !== "on" && a !== "off") throw new RequesterError('propose pause takes "on" or "off"');
      return { kind: ProposalKind.SetPaused, valueA: a === "on" ? 1n : 0n };
    case "spend":
      return { kind: ProposalKind.TreasurySpend, valueA: lamportsOf(a), target: addressArg(b, "the recipient") };
    case "authority":
      return { kind: ProposalKind.SetAuthority, target: addressArg(a, "the proposed authority") };
    case "upgrade-authority":
      return { kind: ProposalKind.SetUpgradeAuthority, target: addressArg(a, "the new upgrade authority") };
    case "immutable":
      // Irreversible, so it is never one word away: the second word confirms it.
      if (a !== "forever")
        throw new RequesterError(
          'making the program immutable cannot be undone (no upgrade, no bug fix, ever): type "propose immutable forever"',
        );
      return { kind: ProposalKind.MakeImmutable };
    case "rewards": {
      const rate = need(a, "the AMP rate (base units per fee lamport)");
      if (!/^\d+$/.test(rate)) throw new RequesterError(`not an AMP rate: ${rate}`);
      const staker = percentToBps(b, "the stakers' share", 9000);
      const author = percentToBps(c, "the model authors' share", 5000);
      return { kind: ProposalKind.SetRewards, valueA: BigInt(rate), valueB: BigInt(staker | (author << 16)) };
    }
    default:
      throw new RequesterError(
        `unknown proposal kind: ${kind ?? "(none)"} (fee, pause, spend, authority, upgrade-authority, immutable, rewards)`,
      );
  }
}

function describeValue(p: ProposalView): string {
  switch (p.kind) {
    case ProposalKind.SetFee:
      return `fee ${Number(p.valueA) / 100} %`;
    case ProposalKind.SetPaused:
      return p.valueA === 1n ? "pause" : "unpause";
    case ProposalKind.TreasurySpend:
      return `${formatSol(p.valueA)} SOL to ${p.target}`;
    case ProposalKind.SetAuthority:
      return `authority → ${p.target}`;
    case ProposalKind.SetUpgradeAuthority:
      return `upgrade authority → ${p.target}`;
    case ProposalKind.MakeImmutable:
      return "make the program immutable (no upgrade ever again)";
    case ProposalKind.SetRewards:
      return `AMP rate ${p.valueA}, stakers ${Number(p.valueB & 0xffffn) / 100} %, authors ${Number((p.valueB >> 16n) & 0xffffn) / 100} %`;
    default:
      return PROPOSAL_KIND_NAMES[p.kind];
  }
}

function upgradeAuthorityText(status: GovernanceStatus): string {
  const authority = status.upgradeAuthority;
  if (authority === undefined) return "unknown (not an upgradeable-loader program)";
  if (authority === null) return "none (immutable)";
  return authority === status.governanceAddress ? "governance" : authority;
}

function duration(seconds: bigint): string {
  const s = Number(seconds);
  if (s >= 3600) return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
  if (s >= 60) return `${Math.floor(s / 60)} min`;
  return `${s} s`;
}

export function describeProposal(p: ProposalView): string {
  const left = p.status === "voting" || p.status === "timelocked" ? ` (${duration(p.secondsLeft)} left)` : "";
  return `#${p.id} ${describeValue(p)}  for ${formatAmp(p.forVotes)} / against ${formatAmp(p.againstVotes)} AMP (quorum ${formatAmp(p.quorum)})  ${p.status}${left}`;
}

export async function governanceCommand(args: string[], ctx: GovernanceCliContext): Promise<void> {
  const gov = new GovernanceClient(ctx.chain);
  const [sub, ...rest] = args;
  const sent = (what: string, signature: string) => ctx.out(`${what} (${signature})`);
  switch (sub) {
    case "status": {
      const status = await gov.status();
      const g = status.governance;
      ctx.out(
        `fee ${status.feeBps / 100} %  staked ${formatAmp(g.totalStaked)} AMP  paid to stakers ${formatSol(g.claimed)} of ${formatSol(g.distributed)} SOL  config authority: ${status.governed ? "governance" : "not governance yet"}`,
      );
      const signer = await ctx.signer().catch(() => undefined);
      if (signer) {
        const me = await gov.holder(signer.address);
        ctx.out(
          `you: ${formatAmp(me.ampBalance)} AMP, staked ${formatAmp(me.stake?.amount ?? 0n)}, unbonding ${formatAmp(me.stake?.unbonding ?? 0n)}, claimable ${formatSol(me.claimableLamports)} SOL${me.ampPending > 0n ? `, ${formatAmp(me.ampPending)} AMP to claim-amp` : ""}`,
        );
      }
      ctx.out(
        `governance account ${status.governanceAddress}  program upgrade authority: ${upgradeAuthorityText(status)}`,
      );
      if (status.proposals.length === 0) ctx.out("no proposals");
      for (const p of status.proposals) ctx.out(describeProposal(p));
      return;
    }
    case "stake":
      return sent(`staked ${formatAmp(amp(rest[0]))} AMP`, await gov.stake(await ctx.signer(), amp(rest[0])));
    case "unstake":
      return sent(
        `unstake requested for ${formatAmp(amp(rest[0]))} AMP`,
        await gov.requestUnstake(await ctx.signer(), amp(rest[0])),
      );
    case "withdraw":
      return sent("unstaked AMP withdrawn", await gov.withdrawStake(await ctx.signer()));
    case "claim": {
      const signer = await ctx.signer();
      const { claimableLamports } = await gov.holder(signer.address);
      return sent(`claimed ${formatSol(claimableLamports)} SOL`, await gov.claim(signer));
    }
    case "claim-amp":
      return sent("earned AMP minted", await gov.claimAmp(await ctx.signer()));
    case "propose": {
      const input = parseProposal(rest);
      const { id, signature } = await gov.propose(await ctx.signer(), input);
      return sent(`proposal #${id} created`, signature);
    }
    case "vote": {
      const id = idArg(rest[0]);
      if (rest[1] !== "for" && rest[1] !== "against") throw new RequesterError('vote takes "for" or "against"');
      return sent(`voted ${rest[1]} #${id}`, await gov.vote(await ctx.signer(), id, rest[1] === "for"));
    }
    case "execute": {
      const id = idArg(rest[0]);
      return sent(`proposal #${id} executed`, await gov.execute(await ctx.signer(), id));
    }
    case "close": {
      const id = idArg(rest[0]);
      const { closed, signature } = await gov.close(await ctx.signer(), id);
      const what = closed.map((c) => (c === "vote" ? "your vote record" : "the proposal")).join(" and ");
      return sent(`closed ${what} of #${id}; the rent went back to whoever paid it`, signature);
    }
    default:
      throw new RequesterError(`unknown governance command: ${sub ?? "(none)"}\n${GOVERNANCE_USAGE}`);
  }
}

/** The manifest's sha256: a 64-hex-digit hash as given, or the hash of a manifest file's bytes. */
export function manifestSha256(arg: string): Uint8Array {
  if (/^[0-9a-f]{64}$/i.test(arg)) return Uint8Array.from(Buffer.from(arg, "hex"));
  if (!fs.existsSync(arg)) throw new RequesterError(`${arg} is neither a manifest file nor a sha256 (64 hex digits)`);
  return new Uint8Array(crypto.createHash("sha256").update(fs.readFileSync(arg)).digest());
}

export async function modelCommand(args: string[], ctx: GovernanceCliContext): Promise<void> {
  const [sub, arg] = args;
  if (sub !== "register") throw new RequesterError(`unknown model command: ${sub ?? "(none)"} (register)`);
  const manifest = manifestSha256(need(arg, "the manifest file or its sha256"));
  const gov = new GovernanceClient(ctx.chain);
  const { modelId, signature } = await gov.registerModel(await ctx.signer(), manifest);
  ctx.out(
    `model registered: id ${Buffer.from(modelId).toString("hex")} (manifest ${Buffer.from(manifest).toString("hex")}) (${signature})`,
  );
}
