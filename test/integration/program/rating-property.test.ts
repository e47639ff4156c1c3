// Property: 1,000 random review sequences give bit-identical rating state on chain (rating.c,
// run by the real review instruction in LiteSVM) and in the TypeScript model (shared/protocol).
import { describe, expect, it } from "vitest";
import {
  AMPLIFY_PROGRAM_ADDRESS, applyReview, ASSIGNMENT_OFFSETS, AssignmentState, decodeWorkerProfile, findAssignmentPda, findWorkerProfilePda,
  getReviewInstruction, initialRatingState, RATING_HALF_LIFE_SECONDS, RATING_MAX, WORKER_PROFILE_OFFSETS as W,
} from "../../../shared/protocol/index";
import { at, plantAccount } from "./harness";
import { acceptTask, addTasks, createCampaign, registerWorker, setupMarket } from "./market-fixture";
import type { RatingState } from "../../../shared/protocol/index";
import { seededRandom } from "../../../shared/random";


const SEQUENCES = 1000;

describe("rating: chain and TypeScript model agree", () => {
  it(`agrees bit for bit on ${SEQUENCES} random review sequences`, { timeout: 120_000 }, async () => {
    const m = await setupMarket();
    const c = await createCampaign(m);
    const task = at(await addTasks(m, c, 1), 0);
    const worker = await registerWorker(m);
    await acceptTask(m, c, task, worker);
    const assignment = (await findAssignmentPda(task, worker.address))[0];
    const profile = (await findWorkerProfilePda(worker.address))[0];
    const base = await getReviewInstruction({ requester: c.requester, campaign: c.campaign, assignment, worker: worker.address, score: 0 });
    const random = seededRandom(0xa11f1e);
    const pick = <T>(items: readonly T[]): T => at(items, Math.floor(random() * items.length));
    const bigRandom = (bits: number): bigint => BigInt(Math.floor(random() * 2 ** Math.min(bits, 52))) << BigInt(Math.max(0, bits - 52));

    const plantProfile = (state: RatingState): void => {
      const data = m.h.data(profile);
      const view = new DataView(data.buffer);
      view.setUint32(W.rating, state.rating, true);
      view.setUint32(W.reviewCount, state.reviewCount, true);
      view.setBigUint64(W.weight, state.weight, true);
      view.setBigUint64(W.weightedSum, state.weightedSum, true);
      view.setBigInt64(W.lastReviewAt, state.lastReviewAt, true);
      plantAccount(m.h, profile, data, AMPLIFY_PROGRAM_ADDRESS);
    };
    const reopenAssignment = (): void => {
      const data = m.h.data(assignment);
      data[ASSIGNMENT_OFFSETS.state] = AssignmentState.Submitted;
      plantAccount(m.h, assignment, data, AMPLIFY_PROGRAM_ADDRESS);
    };

    let reviews = 0;
    for (let sequence = 0; sequence < SEQUENCES; sequence++) {
      let now = 1_700_000_000n + BigInt(Math.floor(random() * 1e8));
      // Half start unrated; half from an arbitrary reachable-looking state to stress the arithmetic.
      let model: RatingState = sequence % 2 === 0 ? initialRatingState() : {
        rating: Math.floor(random() * (RATING_MAX + 1)), reviewCount: Math.floor(random() * 1000), weight: bigRandom(pick([17, 24, 36])),
        weightedSum: 0n, lastReviewAt: now - BigInt(Math.floor(random() * 1e7)),
      };
      if (model.weightedSum === 0n && model.weight > 0n) model.weightedSum = model.weight * BigInt(Math.floor(random() * 10_001));
      plantProfile(model);
      const length = 1 + Math.floor(random() * 6);
      for (let i = 0; i < length; i++) {
        now += pick([0n, 1n, 60n, 3_600n, 86_400n, RATING_HALF_LIFE_SECONDS / 2n, RATING_HALF_LIFE_SECONDS, 3n * RATING_HALF_LIFE_SECONDS,
          20n * RATING_HALF_LIFE_SECONDS, BigInt(Math.floor(random() * 1e7))]);
        const score = pick([0, 100, 50, Math.floor(random() * 101)]);
        m.h.setTime(now);
        reopenAssignment();
        const data = Uint8Array.from(base.data);
        data[1] = score;
        await m.h.sendOk([{ ...base, data }], c.requester);
        model = applyReview(model, score, now);
        reviews++;
        const chain = decodeWorkerProfile(m.h.data(profile));
        expect({ rating: chain.rating, reviewCount: chain.reviewCount, weight: chain.weight, weightedSum: chain.weightedSum,
          lastReviewAt: chain.lastReviewAt }, `sequence ${sequence}, review ${i}`).toEqual(model);
      }
    }
    expect(reviews).toBeGreaterThan(SEQUENCES);
  });
});
