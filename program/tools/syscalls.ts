// Syscalls the program may call. The loader binds them by name at deploy time; a real deploy
// refuses unknown names even where LiteSVM's addProgram would accept them, so the linker does too.
export const ALLOWED_SYSCALLS: ReadonlySet<string> = new Set([
  "abort",
  "sol_panic_",
  "sol_log_",
  "sol_log_64_",
  "sol_log_pubkey",
  "sol_log_compute_units_",
  "sol_log_data",
  "sol_create_program_address",
  "sol_try_find_program_address",
  "sol_invoke_signed_c",
  "sol_get_clock_sysvar",
  "sol_get_rent_sysvar",
  "sol_memcpy_",
  "sol_memmove_",
  "sol_memset_",
  "sol_memcmp_",
  "sol_sha256",
  "sol_set_return_data",
  "sol_get_return_data",
  "sol_remaining_compute_units",
]);
