// The Governance screen's side in core: the unlocked wallet's AMP, stake and claimable SOL, the
// proposals with tallies and time left, and the holder's claim / stake / vote / execute, signed by
// the keystore (never leaving core) and sent through lib/governance.
import { AmplifyChain, RequesterError, type Endpoints } from "../../../lib/chain";
import { GovernanceClient, type ProposalInput, type ProposalView as ChainProposal } from "../../../lib/governance";
import {
  decodeVoteRecord,
  FEE_BPS_MAX,
  findProposalPda,
  findVoteRecordPda,
  formatAmp,
  parseAmp,
  proposalClosable,
  ProposalKind,
} from "../../../shared/protocol";
import { ApiError, type GovernanceOverview, type ProposeInput, type ProposalView } from "../../../shared/api";
import { UNREACHABLE } from "../errors";
import { formatSol, parseSolText } from "../../../shared/sol";
import { address, isAddress } from "@solana/kit";
import type { Address, TransactionSigner } from "@solana/kit";

export interface GovernanceServiceOptions {
  readonly endpoints: () => Endpoints;
  /** The unlocked wallet's signer; throws (locked) when the keystore is locked. */
  readonly signer: () => TransactionSigner;
  /** The unlocked key's address, or null. */
  readonly owner: () => string | null;
}

function describe(p: ChainProposal): string {
  switch (p.kind) {
    case ProposalKind.SetFee:
      return `Set the protocol fee to ${Number(p.valueA) / 100} %`;
    case ProposalKind.SetPaused:
      return p.valueA === 1n ? "Pause the market" : "Unpause the market";
    case ProposalKind.TreasurySpend:
      return `Pay ${formatSol(p.valueA)} from the treasury to ${p.target}`;
    case ProposalKind.SetAuthority:
      return `Hand the config authority to ${p.target}`;
    case ProposalKind.SetUpgradeAuthority:
      return `Hand the program's upgrade authority to ${p.target}`;
    case ProposalKind.MakeImmutable:
      return "Make the program immutable: nobody can upgrade it again, ever";
    case ProposalKind.SetRewards:
      return `AMP rate ${p.valueA}; stakers ${Number(p.valueB & 0xffffn) / 100} % of fees; model authors ${Number((p.valueB >> 16n) & 0xffffn) / 100} % of AMP`;
    default:
      return `Proposal kind ${String(p.kind)}`;
  }
}

function upgradeHolder(
  authority: Address | null | undefined,
  governance: Address,
): GovernanceOverview["upgradeAuthority"] {
  if (authority === undefined) return { holder: "unknown" };
  if (authority === null) return { holder: "immutable" };
  return authority === governance ? { holder: "governance" } : { holder: "key", address: authority };
}

const NOT_AN_ADDRESS = (text: string) =>
  `“${text.slice(0, 48)}” is not a Solana address: paste the base58 key (32 to 44 letters and digits).`;

function addressField(text: string): Address {
  if (!isAddress(text.trim())) throw ApiError.field("to", NOT_AN_ADDRESS(text));
  return address(text.trim());
}

/** The form's words as the program's proposal, or the sentence for the field that is wrong. */
export function proposalOf(input: ProposeInput): ProposalInput {
  switch (input.kind) {
    case "fee": {
      const percent = Number(input.percent.trim());
      const bps = Math.round(percent * 100);
      if (input.percent.trim() === "" || !Number.isFinite(percent) || percent < 0 || bps > FEE_BPS_MAX)
        throw ApiError.field("percent", `The fee is a percentage from 0 to ${FEE_BPS_MAX / 100} (like 4 or 4.5).`);
      return { kind: ProposalKind.SetFee, valueA: BigInt(bps) };
    }
    case "pause":
      return { kind: ProposalKind.SetPaused, valueA: input.paused ? 1n : 0n };
    case "spend": {
      const lamports = parseSolText(input.sol.trim());
      if (lamports === null || lamports === 0n)
        throw ApiError.field("sol", "Write the SOL to pay, above 0, with a dot for decimals (like 0.5).");
      return { kind: ProposalKind.TreasurySpend, valueA: lamports, target: addressField(input.to) };
    }
    case "authority":
      return { kind: ProposalKind.SetAuthority, target: addressField(input.to) };
    case "upgrade-authority":
      return { kind: ProposalKind.SetUpgradeAuthority, target: addressField(input.to) };
    case "immutable":
      if (!input.confirmed)
        throw ApiError.field(
          "confirmed",
          "Tick the box first: once executed nobody can upgrade the program again, not even to fix a bug.",
        );
      return { kind: ProposalKind.MakeImmutable };
  }
}

export class GovernanceService {
  constructor(private readonly options: GovernanceServiceOptions) {}

  private client(): { chain: AmplifyChain; gov: GovernanceClient } {
    const chain = new AmplifyChain(this.options.endpoints());
    return { chain, gov: new GovernanceClient(chain) };
  }

  private async run<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof RequesterError) throw new ApiError("rejected", error.message);
      throw error;
    }
  }

  async overview(): Promise<GovernanceOverview> {
    const { chain, gov } = this.client();
    let status;
    try {
      status = await gov.status();
    } catch (error) {
      if (error instanceof RequesterError)
        return {
          available: false,
          feeBps: 0,
          totalStaked: "0",
          governed: false,
          upgradeAuthority: { holder: "unknown" },
          me: null,
          proposals: [],
        };
      throw new ApiError("unavailable", UNREACHABLE);
    }
    const owner = this.options.owner() as Address | null;
    const me = owner ? await gov.holder(owner) : null;
    const proposals: ProposalView[] = await Promise.all(
      status.proposals.map(async (p) => {
        let myVote: ProposalView["myVote"] = null;
        let voteLamports = 0;
        if (owner) {
          const record = await chain.client.account((await findVoteRecordPda(p.address, owner))[0]);
          if (record) {
            myVote = decodeVoteRecord(record.data).support ? "for" : "against";
            if (status.now >= p.votingEndsAt) voteLamports = Number(record.lamports);
          }
        }
        let proposalLamports = 0;
        if (proposalClosable(p, status.now))
          proposalLamports = Number((await chain.client.account(p.address))?.lamports ?? 0n);
        const close =
          owner && (voteLamports > 0 || proposalLamports > 0)
            ? { voteLamports, proposalLamports, proposerIsMe: p.proposer === owner }
            : null;
        return {
          id: Number(p.id),
          description: describe(p),
          forVotes: formatAmp(p.forVotes),
          againstVotes: formatAmp(p.againstVotes),
          quorum: formatAmp(p.quorum),
          status: p.status,
          secondsLeft: Number(p.secondsLeft),
          myVote,
          close,
        };
      }),
    );
    return {
      available: true,
      feeBps: status.feeBps,
      totalStaked: formatAmp(status.governance.totalStaked),
      governed: status.governed,
      upgradeAuthority: upgradeHolder(status.upgradeAuthority, status.governanceAddress),
      me: me && {
        ampBalance: formatAmp(me.ampBalance),
        staked: formatAmp(me.stake?.amount ?? 0n),
        unbonding: formatAmp(me.stake?.unbonding ?? 0n),
        claimableLamports: Number(me.claimableLamports),
        ampPending: formatAmp(me.ampPending),
      },
      proposals,
    };
  }

  async claim(): Promise<{ signature: string; lamports: number }> {
    return this.run(async () => {
      const { gov } = this.client();
      const signer = this.options.signer();
      const { claimableLamports } = await gov.holder(signer.address);
      if (claimableLamports === 0n) throw new ApiError("rejected", "There is nothing to claim yet.");
      return { signature: await gov.claim(signer), lamports: Number(claimableLamports) };
    });
  }

  async stake(amp: string): Promise<{ signature: string }> {
    const amount = parseAmp(amp);
    if (amount === undefined || amount === 0n)
      throw ApiError.field(
        "amp",
        `“${amp.slice(0, 32)}” is not an amount of AMP to stake: write a number above 0, with a dot for decimals (like 12.5).`,
      );
    return this.run(async () => ({ signature: await this.client().gov.stake(this.options.signer(), amount) }));
  }

  async vote(id: number, support: boolean): Promise<{ signature: string }> {
    return this.run(async () => ({
      signature: await this.client().gov.vote(this.options.signer(), BigInt(id), support),
    }));
  }

  async propose(input: ProposeInput): Promise<{ signature: string; id: number }> {
    const proposal = proposalOf(input);
    return this.run(async () => {
      const { id, signature } = await this.client().gov.propose(this.options.signer(), proposal);
      return { signature, id: Number(id) };
    });
  }

  async execute(id: number): Promise<{ signature: string }> {
    return this.run(async () => ({ signature: await this.client().gov.execute(this.options.signer(), BigInt(id)) }));
  }

  /** Closes what is due on proposal `id` and says how many lamports each part returned. */
  async close(id: number): Promise<{ signature: string; voteLamports: number; proposalLamports: number }> {
    return this.run(async () => {
      const { chain, gov } = this.client();
      const signer = this.options.signer();
      const [proposal] = await findProposalPda(BigInt(id));
      const [record] = await findVoteRecordPda(proposal, signer.address);
      // Read before: close_* move every lamport the account holds (rent and anything sent to it).
      const [recordBefore, proposalBefore] = await chain.client.accounts([record, proposal]);
      const { closed, signature } = await gov.close(signer, BigInt(id));
      return {
        signature,
        voteLamports: closed.includes("vote") ? Number(recordBefore?.lamports ?? 0n) : 0,
        proposalLamports: closed.includes("proposal") ? Number(proposalBefore?.lamports ?? 0n) : 0,
      };
    });
  }
}
