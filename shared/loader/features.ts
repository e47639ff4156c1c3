// Which SBPF versions a cluster accepts for deploys, from its two feature accounts. A feature
// account (owned by Feature111…) holds bincode `Feature { activated_at: Option<u64> }`: active
// when the option is Some. An absent account means the feature is not active there.
import { FEATURE_PROGRAM_ADDRESS } from "./addresses";
import type { ChainAccount } from "./deploy";

export type SbpfDeployVersion = "v0" | "v3";

export function decodeFeatureActive(account: ChainAccount | null): boolean {
  if (!account || account.owner !== FEATURE_PROGRAM_ADDRESS) return false;
  return account.data[0] === 1;
}

/** v0 unless SIMD-0500 forbids it; v3 once its deployment feature is on. Newest last. */
export function acceptedSbpfVersions(features: { disableV0: boolean; enableV3: boolean }): SbpfDeployVersion[] {
  const versions: SbpfDeployVersion[] = [];
  if (!features.disableV0) versions.push("v0");
  if (features.enableV3) versions.push("v3");
  return versions;
}

export function newestAcceptedVersion(features: { disableV0: boolean; enableV3: boolean }): SbpfDeployVersion {
  const versions = acceptedSbpfVersions(features);
  const newest = versions[versions.length - 1];
  if (!newest)
    throw new Error(
      "this cluster accepts neither SBPF v0 (SIMD-0500 is active) nor v3 (its feature is not active): nothing can be deployed",
    );
  return newest;
}
