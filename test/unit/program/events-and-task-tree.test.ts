// The event codec against hand-built records and real-looking log streams; the task tree's hash
// against node:crypto, and its proofs.
import { createHash } from "node:crypto";
import { generateKeyPairSigner, getAddressEncoder } from "@solana/kit";
import { describe, expect, it } from "vitest";
import {
  AMPLIFY_PROGRAM_ADDRESS,
  computeTasksRoot,
  decodeEvent,
  decodeEventsFromLogs,
  EVENT_KINDS,
  sha256,
  taskLeaf,
  taskProof,
  verifyTask,
} from "../../../shared/protocol/index";
import type { TaskDescriptor } from "../../../shared/protocol/index";

function le(bytes: number, value: bigint): number[] {
  return Array.from({ length: bytes }, (_, i) => Number((value >> BigInt(8 * i)) & 0xffn));
}

describe("events", () => {
  it("decodes a ResultSubmitted record field by field", async () => {
    const campaign = (await generateKeyPairSigner()).address;
    const worker = (await generateKeyPairSigner()).address;
    const enc = getAddressEncoder();
    const uri = new TextEncoder().encode("blob://r");
    const bytes = Uint8Array.from([
      1,
      EVENT_KINDS.resultSubmitted,
      ...enc.encode(campaign),
      ...enc.encode(worker),
      ...le(4, 7n),
      ...le(8, 5_000_000n),
      ...le(8, 250_000n),
      ...le(8, 2_338_560n),
      ...le(4, 2000n),
      ...le(4, 0n),
      ...new Array(32).fill(9),
      uri.length,
      ...uri,
    ]);
    expect(decodeEvent(bytes)).toEqual({
      kind: "resultSubmitted",
      campaign,
      worker,
      taskIndex: 7,
      price: 5_000_000n,
      fee: 250_000n,
      depositReturned: 2_338_560n,
      rating: 2000,
      reviewCount: 0,
      resultHash: new Uint8Array(32).fill(9),
      resultUri: "blob://r",
    });
    expect(() => decodeEvent(bytes.subarray(0, bytes.length - 1))).toThrow(RangeError);
    expect(() => decodeEvent(Uint8Array.from([2, ...bytes.subarray(1)]))).toThrow(/version/);
  });

  it("reads only lines the Amplify program itself logged", async () => {
    const campaign = (await generateKeyPairSigner()).address;
    const record = Uint8Array.from([
      1,
      EVENT_KINDS.campaignEnded,
      ...getAddressEncoder().encode(campaign),
      ...le(8, 42n),
    ]);
    const line = `Program data: ${Buffer.from(record).toString("base64")}`;
    const other = "Other1111111111111111111111111111111111111";
    const logs = [
      `Program ${AMPLIFY_PROGRAM_ADDRESS} invoke [1]`,
      line,
      `Program ${other} invoke [2]`,
      line,
      `Program ${other} success`,
      `Program ${AMPLIFY_PROGRAM_ADDRESS} success`,
      `Program ${other} invoke [1]`,
      line,
      `Program ${other} success`,
    ];
    expect(decodeEventsFromLogs(logs)).toEqual([{ kind: "campaignEnded", campaign, endedAt: 42n }]);
  });
});

describe("task tree", () => {
  const tasks: TaskDescriptor[] = Array.from({ length: 11 }, (_, i) => ({
    dataHash: new Uint8Array(32).fill(i),
    uri: `blob://t/${i}`,
  }));

  it("hashes like node:crypto, for every padding boundary", () => {
    for (const length of [0, 1, 55, 56, 63, 64, 65, 119, 120, 1000]) {
      const data = Uint8Array.from({ length }, (_, i) => (i * 31) % 251);
      expect(Buffer.from(sha256(data)).toString("hex")).toBe(createHash("sha256").update(data).digest("hex"));
    }
  });

  it("commits index, data hash and URI of every task; proofs verify exactly one task at its index", () => {
    const root = computeTasksRoot(tasks);
    for (const index of [0, 5, 9, 10]) {
      const proof = taskProof(tasks, index);
      expect(verifyTask(root, index, tasks[index]!, proof)).toBe(true);
      expect(verifyTask(root, index === 0 ? 1 : 0, tasks[index]!, proof)).toBe(false);
      expect(verifyTask(root, index, { ...tasks[index]!, uri: "blob://swapped" }, proof)).toBe(false);
    }
    const reordered = [tasks[1]!, tasks[0]!, ...tasks.slice(2)];
    expect(computeTasksRoot(reordered)).not.toEqual(root);
    expect(taskLeaf(3, tasks[3]!)).toEqual(
      sha256(Uint8Array.from([0, 3, 0, 0, 0, ...tasks[3]!.dataHash, 10, ...new TextEncoder().encode("blob://t/3")])),
    );
    expect(() => computeTasksRoot([])).toThrow(RangeError);
  });
});
