import { describe, expect, it } from "vitest";
import type { BoxShape } from "../../../../shared/annotation";
import { answerAgreement } from "../../../../lib/requester/scoring";
import { consensusShapes, scoreTask, summarizeWorkers } from "../../../../lib/first-guess/model-consensus";
import type { Vote } from "../../../../lib/first-guess/model-consensus";

const box = (id: string, x: number, label = "person"): BoxShape => ({
  id,
  kind: "box",
  label,
  x,
  y: 0,
  w: 100,
  h: 100,
});
const human = (voter: string, ...shapes: BoxShape[]): Vote => ({
  voter,
  kind: "human",
  answer: { shapes, classes: [] },
});
const model = (...shapes: BoxShape[]): Vote => ({ voter: "m@1", kind: "model", answer: { shapes, classes: [] } });

describe("the model as a low-weight voter", () => {
  it("reports agreement with the model apart from agreement with the other workers", () => {
    const votes = [
      human("alice", box("a", 0)),
      human("bob", box("b", 0)),
      human("carol", box("c", 300)),
      model(box("m", 0)),
    ];
    const rows = scoreTask(votes, answerAgreement);
    const alice = rows.find((r) => r.worker === "alice");
    const carol = rows.find((r) => r.worker === "carol");
    expect(alice).toMatchObject({ withHumans: 0.5, withModel: 1 });
    // Two humans at weight 1 and the model at 0.5: (1 + 0 + 0.5 × 1) / 2.5.
    expect(alice?.combined).toBeCloseTo(0.6);
    expect(carol).toMatchObject({ withHumans: 0, withModel: 0, combined: 0 });
    expect(rows.map((r) => r.worker)).toEqual(["alice", "bob", "carol"]);
  });

  it("leaves a lone worker judged by the model alone, and nothing to say without any voter", () => {
    expect(scoreTask([human("solo", box("s", 0)), model(box("m", 10))], answerAgreement)[0]).toMatchObject({
      withHumans: null,
      combined: expect.any(Number),
    });
    expect(scoreTask([human("solo", box("s", 0))], answerAgreement)[0]).toEqual({
      worker: "solo",
      withHumans: null,
      withModel: null,
      combined: null,
    });
  });

  it("refuses a model weighted like a human or above", () => {
    expect(() => scoreTask([], answerAgreement, { human: 1, model: 1 })).toThrow(/below a human/);
    expect(() => consensusShapes([], { human: 1, model: 2 })).toThrow(RangeError);
  });

  it("lets the model break a tie between people but never outvote one", () => {
    // One person and the model: the person's box stands, the model's extra box does not.
    const one = consensusShapes([human("alice", box("a", 0)), model(box("m1", 300), box("m2", 600))]);
    expect(one.map((c) => c.voters)).toEqual([["alice"]]);
    // Two people who disagree: the side the model agrees with wins.
    const tie = consensusShapes([human("alice", box("a", 0)), human("bob", box("b", 300)), model(box("m", 4))]);
    expect(tie).toHaveLength(1);
    expect(tie[0]?.voters).toEqual(["alice", "m@1"]);
    expect(tie[0]?.weight).toBe(1.5);
    // The merged box leans to the person: weights 1 and 0.5 → x = (0 + 4 × 0.5) / 1.5.
    expect((tie[0]?.shape as BoxShape).x).toBeCloseTo(4 / 3);
    expect(tie[0]?.shape.source).toBeUndefined();
    // Different labels never merge.
    expect(consensusShapes([human("alice", box("a", 0, "cat")), human("bob", box("b", 0, "dog"))])).toEqual([]);
  });

  it("summarizes per worker over tasks, model and people apart", () => {
    const t1 = scoreTask(
      [human("alice", box("a", 0)), human("bob", box("b", 0)), model(box("m", 300))],
      answerAgreement,
    );
    const t2 = scoreTask([human("alice", box("a", 0)), model(box("m", 0))], answerAgreement);
    const [alice, bob] = summarizeWorkers([t1, t2]);
    expect(alice).toMatchObject({ worker: "alice", tasks: 2, meanWithHumans: 1, meanWithModel: 0.5 });
    expect(bob).toMatchObject({ worker: "bob", tasks: 1, meanWithHumans: 1, meanWithModel: 0 });
  });
});
