import { describe, expect, it } from "vitest";
import type { OutboxItem } from "../../../../shared/api";
import { outboxWhy } from "../../../../renderer/src/screens/outbox/outbox-why";

const item = (patch: Partial<OutboxItem>): OutboxItem => ({
  id: "1",
  task: "t",
  campaign: "c",
  title: "Signs #1",
  state: "queued",
  uploaded: false,
  signature: null,
  attempts: 0,
  error: null,
  createdAt: 0,
  confirmedAt: null,
  ...patch,
});

describe("the Outbox's Why column", () => {
  it("says in words what each result waits for or what became of it, never just a signature", () => {
    const signature = "5".repeat(88);
    const cases: Array<[Partial<OutboxItem>, RegExp]> = [
      [{ state: "queued" }, /^Waiting to upload/],
      [{ state: "queued", uploaded: true }, /^Uploaded; waiting to be sent/],
      [{ state: "sent", uploaded: true, signature }, /^Sent; waiting for the chain/],
      [{ state: "confirmed", uploaded: true, signature }, /^Paid/],
      [{ state: "failed", signature }, /^Refused by the chain/],
      [{ state: "failed", error: "The task's deadline passed before the result landed." }, /deadline passed/],
    ];
    for (const [patch, words] of cases) {
      const why = outboxWhy(item(patch));
      expect(why).toMatch(words);
      expect(why).not.toContain(signature.slice(0, 4));
    }
  });
});
