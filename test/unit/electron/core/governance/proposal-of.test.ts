// The Governance screen's propose form as the program's proposal (core's proposalOf): each kind
// maps to its on-chain kind and values, and each wrong field is refused with a sentence tied to it.
import { describe, expect, it } from "vitest";
import { proposalOf } from "../../../../../electron/core/governance/governance-service";
import { ApiError } from "../../../../../shared/api";
import type { ProposeInput } from "../../../../../shared/api";
import { ProposalKind } from "../../../../../shared/protocol";

const KEY = "11111111111111111111111111111112";

function refusal(input: ProposeInput): { path: string; message: string } | undefined {
  try {
    proposalOf(input);
  } catch (error) {
    if (error instanceof ApiError) return error.fields[0];
    throw error;
  }
  return undefined;
}

describe("proposalOf", () => {
  it("maps every kind of the form to the program's kind and values", () => {
    expect(proposalOf({ kind: "fee", percent: " 4.5 " })).toEqual({ kind: ProposalKind.SetFee, valueA: 450n });
    expect(proposalOf({ kind: "fee", percent: "0" })).toEqual({ kind: ProposalKind.SetFee, valueA: 0n });
    expect(proposalOf({ kind: "pause", paused: false })).toEqual({ kind: ProposalKind.SetPaused, valueA: 0n });
    expect(proposalOf({ kind: "spend", sol: "0.5", to: KEY })).toEqual({
      kind: ProposalKind.TreasurySpend,
      valueA: 500_000_000n,
      target: KEY,
    });
    expect(proposalOf({ kind: "authority", to: KEY })).toEqual({ kind: ProposalKind.SetAuthority, target: KEY });
    expect(proposalOf({ kind: "upgrade-authority", to: ` ${KEY}` })).toEqual({
      kind: ProposalKind.SetUpgradeAuthority,
      target: KEY,
    });
    expect(proposalOf({ kind: "immutable", confirmed: true })).toEqual({ kind: ProposalKind.MakeImmutable });
  });

  it("says what is wrong under the field that is wrong", () => {
    expect(refusal({ kind: "fee", percent: "11" })?.path).toBe("percent");
    expect(refusal({ kind: "fee", percent: "" })?.path).toBe("percent");
    expect(refusal({ kind: "fee", percent: "-1" })?.path).toBe("percent");
    expect(refusal({ kind: "spend", sol: "0", to: KEY })?.path).toBe("sol");
    expect(refusal({ kind: "spend", sol: "1", to: "nobody" })).toEqual({
      path: "to",
      message: "“nobody” is not a Solana address: paste the base58 key (32 to 44 letters and digits).",
    });
    expect(refusal({ kind: "upgrade-authority", to: "" })?.path).toBe("to");
    // Irreversible: never without the box ticked.
    expect(refusal({ kind: "immutable", confirmed: false })).toEqual({
      path: "confirmed",
      message: "Tick the box first: once executed nobody can upgrade the program again, not even to fix a bug.",
    });
  });
});
