// The protocol's bootstrap belongs to whoever deployed the program: init_config reads the
// upgrade authority from the program's ProgramData account, so a stranger who front-runs the
// deployer right after the deploy is refused, and forged ProgramData accounts are too.
import { generateKeyPairSigner, getAddressEncoder } from "@solana/kit";
import { describe, expect, it } from "vitest";
import { BPF_LOADER_UPGRADEABLE_ADDRESS } from "../../../shared/loader/index";
import {
  decodeConfig,
  findConfigPda,
  getInitConfigInstruction,
  PROGRAM_ERROR_CODES,
} from "../../../shared/protocol/index";
import { plantAccount, ProgramHarness } from "../../support/program-harness";
import type { Address } from "@solana/kit";

describe("init_config after a deploy", () => {
  it("refuses a stranger's front-run, with the real or a forged ProgramData, and accepts the deployer's", async () => {
    const h = await ProgramHarness.deploy({ programKeypair: await generateKeyPairSigner() });
    const programAddress = h.programId;
    const stranger = await h.fundedSigner();
    const config = (await findConfigPda(programAddress))[0];
    const strangersInit = (programData?: Address) =>
      getInitConfigInstruction({
        payer: stranger,
        authority: stranger.address,
        treasury: stranger.address,
        programAddress,
        ...(programData ? { programData } : {}),
      });

    await h.expectError([await strangersInit()], stranger, PROGRAM_ERROR_CODES.Unauthorized);

    // A look-alike ProgramData naming the stranger: right owner and layout, wrong address.
    const forged = (await generateKeyPairSigner()).address;
    const data = new Uint8Array(45 + 8); // tag 3 (ProgramData), slot, Some(stranger), 8 bytes of "ELF"
    data.set([3, 0, 0, 0], 0);
    data[12] = 1;
    data.set(getAddressEncoder().encode(stranger.address), 13);
    plantAccount(h, forged, data, BPF_LOADER_UPGRADEABLE_ADDRESS);
    await h.expectError([await strangersInit(forged)], stranger, PROGRAM_ERROR_CODES.WrongPda);
    // The same bytes owned by someone else.
    const unowned = (await generateKeyPairSigner()).address;
    plantAccount(h, unowned, data, stranger.address);
    await h.expectError([await strangersInit(unowned)], stranger, PROGRAM_ERROR_CODES.WrongOwner);
    expect(h.exists(config)).toBe(false);

    await h.sendOk(
      [
        await getInitConfigInstruction({
          payer: h.deployer,
          authority: h.deployer.address,
          treasury: h.deployer.address,
          programAddress,
        }),
      ],
      h.deployer,
    );
    expect(decodeConfig(h.data(config)).authority).toBe(h.deployer.address);
  });
});
