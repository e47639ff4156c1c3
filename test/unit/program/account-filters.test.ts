import { getBase58Encoder } from "@solana/kit";
import { describe, expect, it } from "vitest";
import {
  AMPLIFY_PROGRAM_ADDRESS,
  ASSIGNMENT_OFFSETS,
  getAddressFilter,
  getDiscriminatorFilter,
} from "../../../shared/protocol/index";

describe("memcmp filters", () => {
  it("encodes a discriminator as base58 at offset 0", () => {
    const filter = getDiscriminatorFilter("assignment");
    expect(filter.memcmp.offset).toBe(0n);
    expect(new TextDecoder().decode(new Uint8Array(getBase58Encoder().encode(filter.memcmp.bytes)))).toBe("AMPASSGN");
  });

  it("matches an address field at its offset", () => {
    expect(getAddressFilter(ASSIGNMENT_OFFSETS.worker, AMPLIFY_PROGRAM_ADDRESS).memcmp).toEqual({
      offset: 48n,
      bytes: AMPLIFY_PROGRAM_ADDRESS,
      encoding: "base58",
    });
  });
});
