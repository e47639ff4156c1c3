// Public face of the BPF upgradeable loader client: addresses, features, instructions, account
// state and the deploy/upgrade driver (DeployChain is the transport: LiteSVM or RPC).
export {
  BPF_LOADER_UPGRADEABLE_ADDRESS,
  FEATURE_DISABLE_SBPF_V0_V1_V2_DEPLOYMENT,
  FEATURE_ENABLE_SBPF_V3_DEPLOYMENT,
  FEATURE_PROGRAM_ADDRESS,
  findProgramDataAddress,
  SYSVAR_CLOCK_ADDRESS,
  SYSVAR_RENT_ADDRESS,
} from "./addresses";
export {
  closeBufferInstruction,
  createAccountInstruction,
  deployWithMaxDataLenInstruction,
  extendProgramInstruction,
  initializeBufferInstruction,
  setUpgradeAuthorityInstruction,
  upgradeInstruction,
  writeInstruction,
} from "./instructions";
export type { LoaderInstruction } from "./instructions";
export { BUFFER_METADATA_SIZE, decodeLoaderState, PROGRAM_ACCOUNT_SIZE, PROGRAMDATA_METADATA_SIZE } from "./state";
export type { LoaderState } from "./state";
export { deployCost, deployProgram, holdsProgram, readDeployedProgram, WRITE_CHUNK_BYTES, writeBuffer } from "./deploy";
export type { ChainAccount, DeployChain, DeployInput, DeployPhase, DeployProgress, DeployResult } from "./deploy";
export { acceptedSbpfVersions, newestAcceptedVersion, decodeFeatureActive } from "./features";
export type { SbpfDeployVersion } from "./features";
export { readDeployFeatures, rpcDeployChain } from "./rpc-chain";
export type { Rpc } from "./rpc-chain";
