import { describe, expect, it } from "vitest";
import { formatSol, parseSolText, solDigits } from "../../../shared/sol";

describe("SOL amounts as text are exact to the lamport", () => {
  it("prints every significant digit, no trailing zeros, no exponent", () => {
    expect(solDigits(0n)).toBe("0");
    expect(solDigits(1n)).toBe("0.000000001");
    expect(solDigits(1_875n)).toBe("0.000001875");
    expect(solDigits(5_000_000n)).toBe("0.005");
    expect(solDigits(2_000_000_000n)).toBe("2");
    expect(solDigits(-500_000_000n)).toBe("-0.5");
    expect(solDigits(-1_500_000_000n)).toBe("-1.5");
    // beyond a double's 53 bits: a float path would round the last digits
    expect(solDigits(18_446_744_073_709_551_615n)).toBe("18446744073.709551615");
  });

  it("adds the unit, and takes the renderer's whole-number lamports", () => {
    expect(formatSol(5_000n)).toBe("0.000005 SOL");
    expect(formatSol(123_456_789)).toBe("0.123456789 SOL");
    expect(formatSol(-1)).toBe("-0.000000001 SOL");
    expect(formatSol(Number.NaN)).toBe("—");
  });

  it("reads what it prints back to the same lamports, and refuses what is not an amount", () => {
    for (const l of [0n, 1n, 1_875n, 5_000_000n, 2_000_000_000n, 9_999_999_999_999_999_999n])
      expect(parseSolText(solDigits(l))).toBe(l);
    expect(parseSolText(" 0.01 ")).toBe(10_000_000n);
    for (const bad of ["", "1.", ".5", "-1", "1e3", "0.0000000001", "12345678901", "1,5", "one"])
      expect(parseSolText(bad), bad).toBeNull();
  });
});
