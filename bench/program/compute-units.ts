// Prints the compute units of every Amplify instruction for both committed builds side by side,
// each deployed through the upgradeable loader (v3 with every feature on, v0 with SIMD-0500 off;
// goal: each < 20,000), and the largest bulk accept that fits one transaction (goal: >= 5).
// Run: npm run bench -- program (or npx tsx bench/program/compute-units.ts)
import { appendTransactionMessageInstructions, compileTransaction, createTransactionMessage, getTransactionEncoder, pipe,
  setTransactionMessageFeePayerSigner } from "@solana/kit";
import { FailedTransactionMetadata } from "litesvm";
import {
  findAssignmentPda, findCampaignPda, findTaskPda, getAcceptTaskInstruction, getCreateCampaignInstruction, MAX_TASKS_PER_ADD_TASKS, getAddTasksInstruction, getCloseCampaignInstruction, getGrantKeyInstruction,
  getInitConfigInstruction, getRegisterWorkerInstruction, getReleaseExpiredInstruction, getReviewInstruction,
  getSetFeeInstruction, getSetPausedInstruction, getSubmitResultInstruction, getTopUpInstruction, getUpdateConfigInstruction,
  getUpdateWorkerKeyInstruction,
} from "../../shared/protocol/index";
import { FEATURE_DISABLE_SBPF_V0_V1_V2_DEPLOYMENT } from "../../shared/loader/index";
import { at, ProgramHarness, SOL } from "../../test/integration/program/harness";
import type { DeployOptions, ProgramBuild } from "../../test/integration/program/harness";
import { addTasks, campaignInput, createCampaign, registerWorker, setupMarket } from "../../test/integration/program/market-fixture";
import type { AmplifyInstruction } from "../../shared/protocol/index";
import type { KeyPairSigner } from "@solana/kit";

const CU_GOAL = 20_000n;
const PACKET_BYTES = 1232;

const SPREAD_SAMPLES = 40;

const BUILDS: { build: ProgramBuild; options: DeployOptions; label: string }[] = [
  { build: "v0", options: { build: "v0", deactivate: [FEATURE_DISABLE_SBPF_V0_V1_V2_DEPLOYMENT] }, label: "v0 (SIMD-0500 off)" },
  { build: "v3", options: { build: "v3" }, label: "v3 (every feature)" },
];

/** CU by instruction name, then by build; names keep their first-measured order. */
const rows = new Map<string, Partial<Record<ProgramBuild, bigint>>>();
let currentBuild: ProgramBuild = "v3";

function describeSpread(units: bigint[]): string {
  const sorted = [...units].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `${at(sorted, 0)} / ${at(sorted, Math.floor(sorted.length / 2))} / ${at(sorted, sorted.length - 1)}`;
}

async function measure(h: ProgramHarness, name: string, instructions: AmplifyInstruction[], payer: KeyPairSigner): Promise<bigint> {
  const result = await h.sendOk(instructions, payer);
  const units = result.computeUnitsConsumed();
  rows.set(name, { ...rows.get(name), [currentBuild]: units });
  return units;
}

function wireSize(h: ProgramHarness, instructions: AmplifyInstruction[], payer: KeyPairSigner): number {
  const message = pipe(
    createTransactionMessage({ version: 0 }),
    (m) => setTransactionMessageFeePayerSigner(payer, m),
    (m) => h.svm.setTransactionMessageLifetimeUsingLatestBlockhash(m),
    (m) => appendTransactionMessageInstructions(instructions, m),
  );
  return getTransactionEncoder().encode(compileTransaction(message)).length;
}

interface BuildReport {
  bulk: string;
  registerSpread: string;
  acceptSpread: string;
}

async function measureBuild(options: DeployOptions): Promise<BuildReport> {
  const fresh = await ProgramHarness.deploy(options);
  const payer = fresh.deployer;
  await measure(fresh, "init_config", [await getInitConfigInstruction({ payer, authority: payer.address, treasury: payer.address })], payer);

  const m = await setupMarket(500, options);
  const h = m.h;
  const g = m.governance;
  await measure(h, "set_fee", [await getSetFeeInstruction({ authority: g, feeBps: 500 })], g);
  await measure(h, "set_paused", [await getSetPausedInstruction({ authority: g, paused: false })], g);
  await measure(h, "update_config", [await getUpdateConfigInstruction({ authority: g, newAuthority: g.address, newTreasury: m.treasury.address })], g);

  const worker = await h.fundedSigner();
  await measure(h, "register_worker", [await getRegisterWorkerInstruction({ worker, x25519PublicKey: new Uint8Array(32) })], worker);
  await measure(h, "update_worker_key", [await getUpdateWorkerKeyInstruction({ worker, x25519PublicKey: new Uint8Array(32).fill(1) })], worker);

  const requester = await h.fundedSigner(1000n * SOL);
  await measure(h, "create_campaign", [await getCreateCampaignInstruction(campaignInput(m, requester, 1n, { isPrivate: true, maxTasks: 40,
    replication: 1, assignmentTimeout: 60n }))], requester);
  const campaign = (await findCampaignPda(requester.address, 1n))[0];
  await measure(h, "top_up", [await getTopUpInstruction({ requester, campaign, additionalTasks: 10 })], requester);
  const newTasks = Array.from({ length: 5 }, (_, i) => ({ dataHash: new Uint8Array(32), uri: `blob://campaign/1/task/${i}` }));
  await measure(h, "add_tasks (1 task)", [await getAddTasksInstruction({ requester, campaign, firstIndex: 0, tasks: newTasks.slice(0, 1) })], requester);
  await measure(h, `add_tasks (${MAX_TASKS_PER_ADD_TASKS} tasks, the most)`, [await getAddTasksInstruction({ requester, campaign, firstIndex: 1,
    tasks: newTasks.slice(1, 1 + MAX_TASKS_PER_ADD_TASKS) })], requester);
  const tasks = await Promise.all([0, 1].map(async (i) => (await findTaskPda(campaign, i))[0]));

  const w = await registerWorker(m);
  await measure(h, "accept_task (creates share)", [await getAcceptTaskInstruction({ worker: w, campaign: campaign, task: at(tasks, 0) })], w);
  await measure(h, "accept_task", [await getAcceptTaskInstruction({ worker: w, campaign: campaign, task: at(tasks, 1) })], w);
  const assignment = (await findAssignmentPda(at(tasks, 0), w.address))[0];
  await measure(h, "grant_key", [await getGrantKeyInstruction({ requester, campaign: campaign, assignment, wrappedKey: new Uint8Array(104) })], requester);
  await measure(h, "submit_result", [await getSubmitResultInstruction({ worker: w, campaign: campaign, task: at(tasks, 0), treasury: m.treasury.address,
    resultHash: new Uint8Array(32), resultUri: "blob://result/0" })], w);
  await measure(h, "review", [await getReviewInstruction({ requester, campaign: campaign, assignment, worker: w.address, score: 80 })], requester);
  h.setTime(h.now() + 60n);
  const cranker = await h.fundedSigner();
  await measure(h, "release_expired", [await getReleaseExpiredInstruction({ campaign: campaign, task: at(tasks, 1), worker: w.address })], cranker);
  await measure(h, "close_campaign", [await getCloseCampaignInstruction({ requester, campaign: campaign })], requester);

  // Bulk accept: grow until the transaction no longer fits a packet or fails.
  // Every attempt uses a new worker on the same tasks, so replication must cover all attempts.
  const bulk = await createCampaign(m, { maxTasks: 24, replication: 24 });
  const bulkTasks = await addTasks(m, bulk, 24);
  let best = 0;
  let bestUnits = 0n;
  for (let n = 1; n <= bulkTasks.length; n++) {
    const taker = await registerWorker(m);
    const accepts = await Promise.all(bulkTasks.slice(0, n).map((task) => getAcceptTaskInstruction({ worker: taker, campaign: bulk.campaign, task })));
    if (wireSize(h, accepts, taker) > PACKET_BYTES) break;
    const result = await h.send(accepts, taker);
    if (result instanceof FailedTransactionMetadata) break;
    best = n;
    bestUnits = result.computeUnitsConsumed();
  }

  // Instructions that create accounts search the canonical bump (1,500 CU per try; a random
  // address needs k tries with probability 2^-k), so their cost varies with the keys involved.
  const spread = await createCampaign(m, { maxTasks: 1, replication: SPREAD_SAMPLES });
  const spreadTask = at(await addTasks(m, spread, 1), 0);
  const registerUnits: bigint[] = [];
  const acceptUnits: bigint[] = [];
  for (let i = 0; i < SPREAD_SAMPLES; i++) {
    const sample = await h.fundedSigner();
    registerUnits.push((await h.sendOk([await getRegisterWorkerInstruction({ worker: sample, x25519PublicKey: new Uint8Array(32) })], sample))
      .computeUnitsConsumed());
    acceptUnits.push((await h.sendOk([await getAcceptTaskInstruction({ worker: sample, campaign: spread.campaign, task: spreadTask })], sample))
      .computeUnitsConsumed());
  }

  return { bulk: `${best} accepts (${bestUnits} CU total)`, registerSpread: describeSpread(registerUnits), acceptSpread: describeSpread(acceptUnits) };
}

async function main(): Promise<void> {
  const reports = new Map<ProgramBuild, BuildReport>();
  for (const { build, options } of BUILDS) {
    currentBuild = build;
    reports.set(build, await measureBuild(options));
  }
  const cell = (units: bigint | undefined): string => (units === undefined ? "-" : String(units)).padStart(20);
  console.log("Amplify program: compute units per instruction, deployed through the upgradeable loader (LiteSVM 1.5)");
  console.log(`${"instruction".padEnd(34)}${BUILDS.map((b) => b.label.padStart(20)).join("")}   goal < 20,000`);
  for (const [name, units] of rows) {
    const over = BUILDS.some((b) => (units[b.build] ?? 0n) >= CU_GOAL);
    console.log(`${name.padEnd(34)}${BUILDS.map((b) => cell(units[b.build])).join("")}   ${over ? "OVER" : "ok"}`);
  }
  console.log(`spread over ${SPREAD_SAMPLES} random workers (min / median / max):`);
  for (const { build, label } of BUILDS) {
    const report = reports.get(build);
    if (!report) continue;
    console.log(`  ${label}: register_worker ${report.registerSpread}; accept_task (creates share) ${report.acceptSpread}`);
  }
  for (const { build, label } of BUILDS) {
    console.log(`largest bulk accept in one transaction, ${label}: ${reports.get(build)?.bulk ?? "-"} (${PACKET_BYTES}-byte packet limit; goal >= 5)`);
  }
}

await main();
