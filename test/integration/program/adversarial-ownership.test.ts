// Who may do what, and once-only creation: strangers cannot end, close or edit a profile;
// nothing is created twice; malformed data is refused.
import { describe, it } from "vitest";
import {
  findWorkerProfilePda,
  getCloseCampaignInstruction,
  getEndCampaignInstruction,
  getInitConfigInstruction,
  getRegisterWorkerInstruction,
  getUpdateWorkerKeyInstruction,
  PROGRAM_ERROR_CODES as E,
} from "../../../shared/protocol/index";
import {
  createCampaign,
  registerWorker,
  setupMarket,
  submitIx,
  acceptTask,
} from "../../support/program-market-fixture";

describe("ownership and once-only creation", () => {
  it("lets only the requester end or close a campaign", async () => {
    const m = await setupMarket();
    const c = await createCampaign(m);
    const stranger = await m.h.fundedSigner();
    await m.h.expectError(
      [await getCloseCampaignInstruction({ requester: stranger, campaign: c.campaign, pagesCreated: 1 })],
      stranger,
      E.Unauthorized,
    );
    await m.h.expectError(
      [await getEndCampaignInstruction({ requester: stranger, campaign: c.campaign })],
      stranger,
      E.Unauthorized,
    );
  });

  it("lets only the worker change its X25519 key", async () => {
    const m = await setupMarket();
    const worker = await registerWorker(m);
    const stranger = await m.h.fundedSigner();
    const profile = (await findWorkerProfilePda(worker.address))[0];
    await m.h.expectError(
      [await getUpdateWorkerKeyInstruction({ worker: stranger, profile, x25519PublicKey: new Uint8Array(32) })],
      stranger,
      E.Unauthorized,
    );
  });

  it("creates the config and a worker profile once only", async () => {
    const m = await setupMarket();
    const other = await m.h.fundedSigner();
    await m.h.expectError(
      [
        await getInitConfigInstruction({
          payer: m.governance,
          authority: m.governance.address,
          treasury: other.address,
        }),
      ],
      m.governance,
      E.AlreadyInitialized,
    );
    const worker = await registerWorker(m);
    await m.h.expectError(
      [await getRegisterWorkerInstruction({ worker, x25519PublicKey: new Uint8Array(32) })],
      worker,
      E.AlreadyInitialized,
    );
  });

  it("refuses result URIs over 128 bytes", async () => {
    const m = await setupMarket();
    const c = await createCampaign(m);
    const worker = await registerWorker(m);
    await acceptTask(m, c, 0, worker);
    const ix = await submitIx(c, 0, worker);
    const data = new Uint8Array([...ix.data.subarray(0, 33), 129, ...new Uint8Array(129).fill(65)]);
    await m.h.expectError([{ ...ix, data }], worker, E.UriTooLong);
  });
});
