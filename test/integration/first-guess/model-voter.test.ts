import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerAgreement } from "../../../lib/requester/scoring";
import { createModelVoter, scoreTask } from "../../../lib/first-guess";
import type { ModelVoter } from "../../../lib/first-guess";

const photos = join(import.meta.dirname, "../../../assets/demo/photos");
const labels = [{ id: "person", name: "person", color: "#ff8800" }];

describe("the shipped model voting in review", () => {
  let voter: ModelVoter;
  beforeAll(async () => {
    voter = await createModelVoter({ labels });
  });
  afterAll(() => voter.dispose());

  it("agrees with a careful worker and not with a careless one, reported apart from their agreement with each other", async () => {
    const vote = await voter.vote(new Uint8Array(readFileSync(join(photos, "astronaut.png"))));
    expect(vote).toMatchObject({ voter: "mb3-centernet-coco@3.3.6", kind: "model" });
    const careful = {
      voter: "careful",
      kind: "human" as const,
      answer: {
        shapes: [{ id: "a", kind: "box" as const, label: "person", x: 8, y: 15, w: 355, h: 497 }],
        classes: [],
      },
    };
    const careless = {
      voter: "careless",
      kind: "human" as const,
      answer: {
        shapes: [{ id: "b", kind: "box" as const, label: "person", x: 300, y: 300, w: 200, h: 200 }],
        classes: [],
      },
    };
    const [c, d] = scoreTask([careful, careless, vote], answerAgreement);
    expect(c?.withHumans).toBe(0);
    expect(d?.withHumans).toBe(0);
    expect(c?.withModel).toBeGreaterThan(0.8);
    expect(d?.withModel).toBe(0);
    expect(c?.combined).toBeGreaterThan(d?.combined ?? 1);
  });
});
