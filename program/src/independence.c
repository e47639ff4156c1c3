/* AMP weighted by independent requesters. A review mints AMP on the fee it paid, but only on the
 * part that keeps its requester's recent fees to this worker, own, within
 *     own <= (INDEPENDENCE_BASE_FEES + fees from every other recent requester) / (K - 1),
 * K = INDEPENDENT_REQUESTERS: no requester is rewarded for more than a 1/K share of a worker's
 * recent income (plus a small base, so a newcomer's first results earn AMP). With w wallets of
 * equal volume t a washer is credited while (K - w) t <= BASE: fewer than K wallets are capped at
 * BASE / (K - w) of fees per wallet per half-life, however much they wash; K requesters of equal
 * size (or more of any size) earn the full rate. Fees halve every INDEPENDENCE_WINDOW_SECONDS. The
 * ring keeps the INDEPENDENCE_SLOTS largest recent requesters so the profile has a fixed size; a
 * requester pushed out re-enters at zero, which takes more than INDEPENDENCE_SLOTS wallets in
 * rotation to exploit. See README "Wash trading cannot profit". */
#include "amplify.h"

static void decay(WorkerProfile *p, int64_t now) {
  if (p->requester_window == 0 || now < p->requester_window) {
    if (p->requester_window == 0) p->requester_window = now;
    return;
  }
  uint64_t windows = (uint64_t)(now - p->requester_window) / (uint64_t)INDEPENDENCE_WINDOW_SECONDS;
  if (windows == 0) return;
  for (int i = 0; i < INDEPENDENCE_SLOTS; i++) {
    p->requester_fees[i] = windows >= 64 ? 0 : p->requester_fees[i] >> windows;
  }
  p->requester_window += (int64_t)(windows * (uint64_t)INDEPENDENCE_WINDOW_SECONDS);
}

uint64_t independence_credit(WorkerProfile *p, const SolPubkey *requester, uint64_t fee, int64_t now, uint64_t *credited) {
  *credited = 0;
  if (fee == 0) return OK;
  decay(p, now);
  uint64_t tag;
  copy_bytes(&tag, requester->x, 8);
  int slot = -1;
  int smallest = 0;
  for (int i = 0; i < INDEPENDENCE_SLOTS; i++) {
    if (p->requester_fees[i] != 0 && p->requester_tags[i] == tag) slot = i;
    if (p->requester_fees[i] < p->requester_fees[smallest]) smallest = i;
  }
  if (slot < 0) {
    /* A new requester takes the smallest slot; the requester there is forgotten. */
    slot = smallest;
    p->requester_tags[slot] = tag;
    p->requester_fees[slot] = 0;
  }
  bool overflow = false;
  uint64_t others = INDEPENDENCE_BASE_FEES;
  for (int i = 0; i < INDEPENDENCE_SLOTS; i++) {
    if (i != slot) others = checked_add(others, p->requester_fees[i], &overflow);
  }
  uint64_t own = p->requester_fees[slot];
  uint64_t allowance = others / (INDEPENDENT_REQUESTERS - 1);
  uint64_t room = allowance > own ? allowance - own : 0;
  *credited = room < fee ? room : fee;
  p->requester_fees[slot] = checked_add(own, fee, &overflow);
  return overflow ? ERR_OVERFLOW : OK;
}
