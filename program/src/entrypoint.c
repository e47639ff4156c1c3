#include "sbf.h"

uint64_t entrypoint(const uint8_t *input) {
  (void)input;
  sol_log("amplify: hello");
  return 0;
}
