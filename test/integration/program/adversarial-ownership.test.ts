// Who may do what, and once-only creation: strangers cannot close, top up or edit a profile;
// nothing is created twice; malformed data is refused.
import { describe, it } from "vitest";
import {
  findWorkerProfilePda, getAddTasksInstruction, getCloseCampaignInstruction, getInitConfigInstruction, getRegisterWorkerInstruction,
  getTopUpInstruction, getUpdateWorkerKeyInstruction, PROGRAM_ERROR_CODES as E,
} from "../../../shared/protocol/index";
import { createCampaign, registerWorker, setupMarket } from "./market-fixture";

describe("ownership and once-only creation", () => {
  it("lets only the requester close or top up a campaign", async () => {
    const m = await setupMarket();
    const c = await createCampaign(m);
    const stranger = await m.h.fundedSigner();
    await m.h.expectError([await getCloseCampaignInstruction({ requester: stranger, campaign: c.campaign, escrow: c.escrow })], stranger, E.Unauthorized);
    await m.h.expectError([await getTopUpInstruction({ requester: stranger, campaign: c.campaign, escrow: c.escrow, additionalTasks: 1 })],
      stranger, E.Unauthorized);
  });

  it("lets only the worker change its X25519 key", async () => {
    const m = await setupMarket();
    const worker = await registerWorker(m);
    const stranger = await m.h.fundedSigner();
    const profile = (await findWorkerProfilePda(worker.address))[0];
    await m.h.expectError([await getUpdateWorkerKeyInstruction({ worker: stranger, profile, x25519PublicKey: new Uint8Array(32) })],
      stranger, E.Unauthorized);
  });

  it("creates the config and a worker profile once only", async () => {
    const m = await setupMarket();
    await m.h.expectError([await getInitConfigInstruction({ payer: m.governance, authority: m.governance.address, treasury: m.governance.address })],
      m.governance, E.AlreadyInitialized);
    const worker = await registerWorker(m);
    await m.h.expectError([await getRegisterWorkerInstruction({ worker, x25519PublicKey: new Uint8Array(32) })], worker, E.AlreadyInitialized);
  });

  it("refuses more than four tasks per add_tasks and URIs over 128 bytes", async () => {
    const m = await setupMarket();
    const c = await createCampaign(m);
    const four = await getAddTasksInstruction({ requester: c.requester, campaign: c.campaign, firstIndex: 0,
      tasks: Array.from({ length: 4 }, (_, i) => ({ dataHash: new Uint8Array(32), uri: `t${i}` })) });
    const fifth = await getAddTasksInstruction({ requester: c.requester, campaign: c.campaign, firstIndex: 4,
      tasks: [{ dataHash: new Uint8Array(32), uri: "t4" }] });
    // Splice a fifth task into one instruction by hand: the builder refuses to.
    const data = new Uint8Array([...four.data, ...fifth.data.subarray(2)]);
    data[1] = 5;
    await m.h.expectError([{ ...four, data, accounts: [...four.accounts, ...fifth.accounts.slice(4)] }], c.requester, E.InvalidInstruction);
    const long = await getAddTasksInstruction({ requester: c.requester, campaign: c.campaign, firstIndex: 0,
      tasks: [{ dataHash: new Uint8Array(32), uri: "u" }] });
    const longData = new Uint8Array([...long.data.subarray(0, 34), 129, ...new Uint8Array(129).fill(65)]);
    await m.h.expectError([{ ...long, data: longData }], c.requester, E.UriTooLong);
  });
});
