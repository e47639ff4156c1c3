// The first-guess engine: model manifests and registry, the detector (a worker thread running
// tfjs), label mapping, and the model voter/consensus used to review campaigns. Node only; the
// app's service, preferences and IPC handlers that drive it live in electron/core/first-guess.
export { Detector, DEFAULT_DETECT_PARAMS, defaultWasmDir } from "./detector";
export type { DetectResult, DetectorPort } from "./detector";
export type { Detection } from "./detection";
export { boxIoU } from "../../shared/geometry";
export { detectionsToShapes, labelFor } from "./label-mapping";
export { ModelRegistry, modelInfo } from "./model-registry";
export type { ModelEntry, ModelSource, ScanResult, VerifiedModel } from "./model-registry";
export { ModelManifest, modelId } from "./model-manifest";
export { ModelRefusedError } from "./model-errors";
export { shippedModelsDir, userModelsDir } from "./shipped-models";
export { DEFAULT_WEIGHTS, consensusShapes, scoreTask, summarizeWorkers } from "./model-consensus";
export type {
  Agreement,
  Answer,
  ConsensusShape,
  ConsensusWeights,
  Vote,
  WorkerAgreement,
  WorkerSummary,
} from "./model-consensus";
export { createModelVoter } from "./model-voter";
export type { ModelVoter, ModelVoterOptions } from "./model-voter";
