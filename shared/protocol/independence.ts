// Bit-exact model of the program's independent-requester rule (program/src/independence.c): the
// part of a review's fee that earns its worker AMP. A requester's recent fees to a worker earn AMP
// only while they stay within (base + every other recent requester's fees) / (K − 1), so one
// person reviewing its own worker from fewer than K wallets is credited a bounded amount however
// much it washes, while a worker paid by K or more requesters of similar size earns the full rate.

/** Ring slots kept on the worker profile: the largest recent requesters. */
export const INDEPENDENCE_SLOTS = 8;
/** K: full AMP for a requester up to a 1/K share of the worker's recent fee income. */
export const INDEPENDENT_REQUESTERS = 4;
/** Fees halve once per window (seconds): a week. */
export const INDEPENDENCE_WINDOW_SECONDS = 604_800n;
/** Fee lamports every worker may earn AMP on before other requesters vouch for it. */
export const INDEPENDENCE_BASE_FEES = 2_000_000n;

export interface RequesterRing {
  /** Start of the current halving window (unix seconds; 0 before the first review). */
  window: bigint;
  slots: readonly { tag: bigint; fees: bigint }[];
}

export const EMPTY_RING: RequesterRing = {
  window: 0n,
  slots: Array.from({ length: INDEPENDENCE_SLOTS }, () => ({ tag: 0n, fees: 0n })),
};

const U64 = (1n << 64n) - 1n;

/** The ring's tag for a requester: the first 8 bytes of its public key, little-endian. */
export function requesterTag(publicKey: Uint8Array): bigint {
  let tag = 0n;
  for (let i = 7; i >= 0; i--) tag = (tag << 8n) | BigInt(publicKey[i] ?? 0);
  return tag;
}

function decayed(ring: RequesterRing, now: bigint): RequesterRing {
  if (ring.window === 0n) return { ...ring, window: now };
  if (now < ring.window) return ring;
  const windows = (now - ring.window) / INDEPENDENCE_WINDOW_SECONDS;
  if (windows === 0n) return ring;
  return {
    window: ring.window + windows * INDEPENDENCE_WINDOW_SECONDS,
    slots: ring.slots.map((s) => ({ tag: s.tag, fees: windows >= 64n ? 0n : s.fees >> windows })),
  };
}

/** Records a review's fee on the ring; returns the credited part (which earns AMP) and the new ring. */
export function independenceCredit(
  ring: RequesterRing,
  tag: bigint,
  fee: bigint,
  now: bigint,
): { credited: bigint; ring: RequesterRing } {
  if (fee === 0n) return { credited: 0n, ring };
  const r = decayed(ring, now);
  const slots = r.slots.map((s) => ({ ...s }));
  let slot = -1;
  let smallest = 0;
  slots.forEach((s, i) => {
    if (s.fees !== 0n && s.tag === tag) slot = i;
    if (s.fees < slots[smallest]!.fees) smallest = i;
  });
  if (slot < 0) {
    slot = smallest;
    slots[slot] = { tag, fees: 0n };
  }
  const others = slots.reduce((sum, s, i) => (i === slot ? sum : sum + s.fees), INDEPENDENCE_BASE_FEES);
  const own = slots[slot]!.fees;
  const allowance = others / BigInt(INDEPENDENT_REQUESTERS - 1);
  const room = allowance > own ? allowance - own : 0n;
  const credited = room < fee ? room : fee;
  if (own + fee > U64) throw new Error("requester fees overflow u64");
  slots[slot] = { tag, fees: own + fee };
  return { credited, ring: { window: r.window, slots } };
}
