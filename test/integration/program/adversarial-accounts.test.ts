// Account checks: signers, owners, PDA seeds, cross-campaign substitution, account types.
import { AccountRole, generateKeyPairSigner } from "@solana/kit";
import { describe, expect, it } from "vitest";
import {
  AMPLIFY_PROGRAM_ADDRESS, decodeAssignment, findAssignmentPda, getAcceptTaskInstruction, getAddTasksInstruction,
  getCloseCampaignInstruction, getGrantKeyInstruction, getReviewInstruction, getSubmitResultInstruction, PROGRAM_ERROR_CODES as E, SYSTEM_PROGRAM_ADDRESS,
} from "../../../shared/protocol/index";
import { at, plantAccount, SOL } from "./harness";
import { acceptTask, addTasks, createCampaign, registerWorker, setupMarket } from "./market-fixture";
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
    const ix = withoutSignature(await getCloseCampaignInstruction({ requester: c.requester.address, campaign: c.campaign }), 0);
    await m.h.expectError([ix], thief, E.MissingSigner);
  });

  it("rejects a stranger granting keys, adding tasks or reviewing (wrong signer)", async () => {
    const m = await setupMarket();
    const c = await createCampaign(m, { isPrivate: true });
    const task = at(await addTasks(m, c, 1), 0);
    const worker = await registerWorker(m);
    await acceptTask(m, c, task, worker);
    const assignment = (await findAssignmentPda(task, worker.address))[0];
    const stranger = await m.h.fundedSigner();
    await m.h.expectError([await getGrantKeyInstruction({ requester: stranger, campaign: c.campaign, assignment, wrappedKey: new Uint8Array(104) })],
      stranger, E.Unauthorized);
    await m.h.expectError([await getAddTasksInstruction({ requester: stranger, campaign: c.campaign, firstIndex: 1,
      tasks: [{ dataHash: new Uint8Array(32), uri: "x" }] })], stranger, E.Unauthorized);
    await m.h.expectError([await getReviewInstruction({ requester: stranger, campaign: c.campaign, assignment, worker: worker.address, score: 0 })],
      stranger, E.Unauthorized);
  });

  it("rejects a worker submitting another worker's assignment", async () => {
    const m = await setupMarket();
    const c = await createCampaign(m);
    const task = at(await addTasks(m, c, 1), 0);
    const victim = await registerWorker(m);
    const thief = await registerWorker(m);
    await acceptTask(m, c, task, victim);
    const assignment = (await findAssignmentPda(task, victim.address))[0];
    await m.h.expectError([await getSubmitResultInstruction({ worker: thief, campaign: c.campaign, task: task, assignment,
      treasury: m.treasury.address, resultHash: new Uint8Array(32), resultUri: "r" })], thief, E.WrongWorker);
  });

  it("rejects a campaign look-alike owned by another program (foreign owner)", async () => {
    const m = await setupMarket();
    const c = await createCampaign(m);
    const task = at(await addTasks(m, c, 1), 0);
    const worker = await registerWorker(m);
    const fake = await randomAddress();
    plantAccount(m.h, fake, m.h.data(c.campaign), await randomAddress());
    await m.h.expectError([await getAcceptTaskInstruction({ worker, campaign: fake, task: task })], worker, E.WrongOwner);
  });

  it("rejects a program-owned copy of a campaign at an address its seeds do not derive (forged PDA)", async () => {
    const m = await setupMarket();
    const c = await createCampaign(m);
    const task = at(await addTasks(m, c, 1), 0);
    const worker = await registerWorker(m);
    const fake = await randomAddress();
    plantAccount(m.h, fake, m.h.data(c.campaign), AMPLIFY_PROGRAM_ADDRESS);
    await m.h.expectError([await getAcceptTaskInstruction({ worker, campaign: fake, task: task })], worker, E.WrongPda);
  });

  it("rejects creating an assignment at an address that is not the task+worker PDA", async () => {
    const m = await setupMarket();
    const c = await createCampaign(m);
    const tasks = await addTasks(m, c, 2);
    const task = at(tasks, 0);
    const other = at(tasks, 1);
    const worker = await registerWorker(m);
    const wrong = (await findAssignmentPda(other, worker.address))[0];
    await m.h.expectError([await getAcceptTaskInstruction({ worker, campaign: c.campaign, task: task, assignment: wrong })],
      worker, E.WrongPda);
  });

  it("rejects a task of another campaign", async () => {
    const m = await setupMarket();
    const a = await createCampaign(m);
    const b = await createCampaign(m);
    await addTasks(m, a, 1);
    const foreignTask = at(await addTasks(m, b, 1), 0);
    const worker = await registerWorker(m);
    await m.h.expectError([await getAcceptTaskInstruction({ worker, campaign: a.campaign, task: foreignTask })], worker, E.WrongCampaign);
  });

  it("rejects an account of the wrong type in a slot (a task as the campaign)", async () => {
    const m = await setupMarket();
    const c = await createCampaign(m);
    const task = at(await addTasks(m, c, 1), 0);
    const worker = await registerWorker(m);
    await m.h.expectError([await getAcceptTaskInstruction({ worker, campaign: task, task: task })], worker, E.WrongAccountType);
  });

  it("rejects paying a treasury other than the configured one", async () => {
    const m = await setupMarket();
    const c = await createCampaign(m);
    const task = at(await addTasks(m, c, 1), 0);
    const worker = await registerWorker(m);
    await acceptTask(m, c, task, worker);
    await m.h.expectError([await getSubmitResultInstruction({ worker, campaign: c.campaign, task: task, treasury: worker.address,
      resultHash: new Uint8Array(32), resultUri: "r" })], worker, E.WrongTreasury);
  });

  it("still creates an account whose address someone pre-funded to block CreateAccount", async () => {
    const m = await setupMarket();
    const c = await createCampaign(m);
    const task = at(await addTasks(m, c, 1), 0);
    const worker = await registerWorker(m);
    const assignment = (await findAssignmentPda(task, worker.address))[0];
    plantAccount(m.h, assignment, new Uint8Array(0), SYSTEM_PROGRAM_ADDRESS, 1_000n);
    await acceptTask(m, c, task, worker);
    expect(decodeAssignment(m.h.data(assignment)).worker).toBe(worker.address);
  });
});
