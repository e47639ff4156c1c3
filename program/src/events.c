/* Events: every state change logs one compact record with sol_log_data, so feeds and indexers
 * read history from transaction logs instead of scanning accounts. A record is
 * [EVENT_VERSION u8][kind u8][payload, little-endian, fixed order per kind] (README: "Events");
 * shared/protocol/events.ts decodes it. */
#include "amplify.h"

void event_begin(Event *e, uint8_t kind) {
  e->len = 0;
  event_u8(e, EVENT_VERSION);
  event_u8(e, kind);
}

/* Payloads are built by the program from fixed-size fields: overflowing the buffer is a bug the
 * tests would catch, so excess bytes are dropped rather than written past the end. */
void event_bytes(Event *e, const void *p, uint64_t n) {
  if (n > sizeof(e->bytes) - e->len) n = sizeof(e->bytes) - e->len;
  copy_bytes(e->bytes + e->len, p, n);
  e->len += n;
}

void event_u8(Event *e, uint8_t v) { event_bytes(e, &v, 1); }
void event_u16(Event *e, uint16_t v) { event_bytes(e, &v, 2); }
void event_u32(Event *e, uint32_t v) { event_bytes(e, &v, 4); }
void event_u64(Event *e, uint64_t v) { event_bytes(e, &v, 8); }

void event_emit(const Event *e) {
  SolSignerSeed slice = {e->bytes, e->len};
  sol_log_data(&slice, 1);
}
