// Addresses of the BPF upgradeable loader, the sysvars its instructions name, and the features
// that decide which SBPF versions a cluster accepts for deploys.
import { address, getProgramDerivedAddress } from "@solana/kit";
import { addressBytes } from "../bytes";
import type { Address } from "@solana/kit";

export const BPF_LOADER_UPGRADEABLE_ADDRESS = address("BPFLoaderUpgradeab1e11111111111111111111111");
export const SYSVAR_RENT_ADDRESS = address("SysvarRent111111111111111111111111111111111");
export const SYSVAR_CLOCK_ADDRESS = address("SysvarC1ock11111111111111111111111111111111");
export const LOADER_SYSTEM_PROGRAM_ADDRESS = address("11111111111111111111111111111111");
/** Owner of feature accounts: an account at a feature id owned by it with `Some(slot)` is active. */
export const FEATURE_PROGRAM_ADDRESS = address("Feature111111111111111111111111111111111111");

/** SIMD-0500 `disable_sbpf_v0_v1_v2_deployment`: no new deploys or upgrades of SBPF v0, v1, v2. */
export const FEATURE_DISABLE_SBPF_V0_V1_V2_DEPLOYMENT = address("B8JJXCy5amZyWG9r7EnUYLwzXSXTxG7GZ1qZ1qggo83g");
/** `enable_sbpf_v3_deployment_and_execution`: SBPF v3 may be deployed and run. */
export const FEATURE_ENABLE_SBPF_V3_DEPLOYMENT = address("5cC3foj77CWun58pC51ebHFUWavHWKarWyR5UUik7dnC");

/** The ProgramData account of an upgradeable program: PDA of [program id] under the loader. */
export async function findProgramDataAddress(programId: Address): Promise<Address> {
  const [programData] = await getProgramDerivedAddress({
    programAddress: BPF_LOADER_UPGRADEABLE_ADDRESS,
    seeds: [addressBytes(programId)],
  });
  return programData;
}
