// Account checks: signers, owners, PDA seeds, cross-campaign substitution, account types.
import { AccountRole, generateKeyPairSigner } from "@solana/kit";
import { describe, expect, it } from "vitest";
import {
  AMPLIFY_PROGRAM_ADDRESS,
  decodeAssignment,
  findAssignmentPda,
  findTaskPagePda,
  getAcceptTaskInstruction,
  getAddTaskPageInstruction,
  getCloseCampaignInstruction,
  getGrantKeyInstruction,
  getReviewInstruction,
  getSubmitResultInstruction,
  getWithdrawFeesInstruction,
  PROGRAM_ERROR_CODES as E,
  SYSTEM_PROGRAM_ADDRESS,
} from "../../../shared/protocol/index";
import { plantAccount, SOL } from "../../support/program-harness";
import {
  acceptIx,
  acceptTask,
  createCampaign,
  registerWorker,
  setupMarket,
  submitIx,
} from "../../support/program-market-fixture";
import type { AmplifyInstruction } from "../../../shared/protocol/index";
import type { Address } from "@solana/kit";

function withoutSignature(ix: AmplifyInstruction, index: number): AmplifyInstruction {
  const accounts = ix.accounts.map((a, i) => (i === index ? { address: a.address, role: AccountRole.WRITABLE } : a));
  return { ...ix, accounts };
}

async function randomAddress(): Promise<Address> {
  return (await generateKeyPairSigner()).address;
}

describe("account checks", () => {
  it("rejects a requester account passed without its signature (missing signer)", async () => {
    const m = await setupMarket();
    const c = await createCampaign(m);
    const thief = await m.h.fundedSigner(SOL);
    const ix = withoutSignature(
      await getCloseCampaignInstruction({ requester: c.requester.address, campaign: c.campaign, pagesCreated: 1 }),
      0,
    );
    await m.h.expectError([ix], thief, E.MissingSigner);
  });

  it("rejects a stranger granting keys, adding pages, reviewing or withdrawing fees (wrong signer)", async () => {
    const m = await setupMarket();
    const c = await createCampaign(m, { isPrivate: true, pages: false });
    const stranger = await m.h.fundedSigner();
    await m.h.expectError(
      [await getAddTaskPageInstruction({ requester: stranger, campaign: c.campaign, page: 0 })],
      stranger,
      E.Unauthorized,
    );
    await m.h.sendOk(
      [await getAddTaskPageInstruction({ requester: c.requester, campaign: c.campaign, page: 0 })],
      c.requester,
    );
    const worker = await registerWorker(m);
    await acceptTask(m, c, 0, worker);
    const assignment = (await findAssignmentPda(c.campaign, 0, worker.address))[0];
    await m.h.expectError(
      [
        await getGrantKeyInstruction({
          requester: stranger,
          campaign: c.campaign,
          assignment,
          wrappedKey: new Uint8Array(104),
        }),
      ],
      stranger,
      E.Unauthorized,
    );
    await m.h.expectError(
      [
        await getReviewInstruction({
          requester: stranger,
          campaign: c.campaign,
          worker: worker.address,
          taskIndex: 0,
          score: 0,
        }),
      ],
      stranger,
      E.Unauthorized,
    );
    await m.h.expectError(
      [await getWithdrawFeesInstruction({ authority: stranger, treasury: m.treasury.address })],
      stranger,
      E.Unauthorized,
    );
  });

  it("rejects a worker submitting another worker's assignment", async () => {
    const m = await setupMarket();
    const c = await createCampaign(m);
    const victim = await registerWorker(m);
    const thief = await registerWorker(m);
    await acceptTask(m, c, 0, victim);
    await acceptTask(m, c, 0, thief);
    const assignment = (await findAssignmentPda(c.campaign, 0, victim.address))[0];
    await m.h.expectError(
      [
        await getSubmitResultInstruction({
          worker: thief,
          campaign: c.campaign,
          taskIndex: 0,
          assignment,
          resultHash: new Uint8Array(32),
          resultUri: "r",
        }),
      ],
      thief,
      E.WrongWorker,
    );
  });

  it("rejects a campaign look-alike owned by another program (foreign owner)", async () => {
    const m = await setupMarket();
    const c = await createCampaign(m);
    const worker = await registerWorker(m);
    const fake = await randomAddress();
    plantAccount(m.h, fake, m.h.data(c.campaign), await randomAddress());
    await m.h.expectError(
      [
        await getAcceptTaskInstruction({
          worker,
          campaign: fake,
          taskIndex: 0,
          page: (await findTaskPagePda(c.campaign, 0))[0],
        }),
      ],
      worker,
      E.WrongOwner,
    );
  });

  it("rejects a program-owned copy of a campaign at an address its seeds do not derive (forged PDA)", async () => {
    const m = await setupMarket();
    const c = await createCampaign(m);
    const worker = await registerWorker(m);
    const fake = await randomAddress();
    plantAccount(m.h, fake, m.h.data(c.campaign), AMPLIFY_PROGRAM_ADDRESS);
    await m.h.expectError(
      [await getAcceptTaskInstruction({ worker, campaign: fake, taskIndex: 0 })],
      worker,
      E.WrongPda,
    );
  });

  it("rejects creating an assignment at an address that is not the campaign+index+worker PDA", async () => {
    const m = await setupMarket();
    const c = await createCampaign(m);
    const worker = await registerWorker(m);
    const wrong = (await findAssignmentPda(c.campaign, 1, worker.address))[0];
    await m.h.expectError(
      [await getAcceptTaskInstruction({ worker, campaign: c.campaign, taskIndex: 0, assignment: wrong })],
      worker,
      E.WrongPda,
    );
  });

  it("rejects a task page of another campaign, and a task index past the committed list", async () => {
    const m = await setupMarket();
    const a = await createCampaign(m);
    const b = await createCampaign(m);
    const worker = await registerWorker(m);
    const foreignPage = (await findTaskPagePda(b.campaign, 0))[0];
    await m.h.expectError(
      [await getAcceptTaskInstruction({ worker, campaign: a.campaign, taskIndex: 0, page: foreignPage })],
      worker,
      E.WrongCampaign,
    );
    await m.h.expectError([await acceptIx(a, a.taskCount, worker)], worker, E.TaskOutOfRange);
  });

  it("says the page is missing when the requester never posted it", async () => {
    const m = await setupMarket();
    const c = await createCampaign(m, { pages: false });
    const worker = await registerWorker(m);
    await m.h.expectError([await acceptIx(c, 0, worker)], worker, E.PagesMissing);
  });

  it("rejects an account of the wrong type in a slot (the escrow as the campaign)", async () => {
    const m = await setupMarket();
    const c = await createCampaign(m);
    const worker = await registerWorker(m);
    await m.h.expectError(
      [await getAcceptTaskInstruction({ worker, campaign: c.escrow, taskIndex: 0 })],
      worker,
      E.WrongAccountType,
    );
  });

  it("rejects paying fees anywhere but the program's fee vault", async () => {
    const m = await setupMarket();
    const c = await createCampaign(m);
    const worker = await registerWorker(m);
    await acceptTask(m, c, 0, worker);
    await m.h.expectError(
      [
        await getSubmitResultInstruction({
          worker,
          campaign: c.campaign,
          taskIndex: 0,
          feeVault: worker.address,
          resultHash: new Uint8Array(32),
          resultUri: "r",
        }),
      ],
      worker,
      E.WrongOwner,
    );
  });

  it("still creates an account whose address someone pre-funded to block CreateAccount", async () => {
    const m = await setupMarket();
    const c = await createCampaign(m);
    const worker = await registerWorker(m);
    const assignment = (await findAssignmentPda(c.campaign, 0, worker.address))[0];
    plantAccount(m.h, assignment, new Uint8Array(0), SYSTEM_PROGRAM_ADDRESS, 1_000n);
    await acceptTask(m, c, 0, worker);
    expect(decodeAssignment(m.h.data(assignment)).worker).toBe(worker.address);
    // …and its deposit, pre-funding included, all goes to the worker at submit.
    await m.h.sendOk([await submitIx(c, 0, worker)], worker);
    expect(m.h.exists(assignment)).toBe(false);
  });
});
