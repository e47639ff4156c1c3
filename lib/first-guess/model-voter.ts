import type { Label } from "../../shared/annotation";
import type { LabelMapping } from "../../shared/api/first-guess";
import { DEFAULT_DETECT_PARAMS, Detector } from "./detector";
import { detectionsToShapes } from "./label-mapping";
import type { Vote } from "./model-consensus";
import { modelId } from "./model-manifest";
import { ModelRegistry } from "./model-registry";
import type { ModelSource } from "./model-registry";
import { shippedModelsDir } from "./shipped-models";

export interface ModelVoterOptions {
  readonly labels: readonly Label[];
  readonly mapping?: LabelMapping;
  /** A campaign's recommended model (sha256 of its manifest); else the shipped default. */
  readonly modelHash?: string;
  readonly sources?: readonly ModelSource[];
  readonly minScore?: number;
}

export interface ModelVoter {
  /** "name@version" of the verified model that votes. */
  readonly id: string;
  /** The model's answer for one task image (PNG/JPEG bytes), as a consensus vote. */
  vote(image: Uint8Array): Promise<Vote>;
  dispose(): Promise<void>;
}

/**
 * The requester side of first guesses: `amplify review` runs the same verified model on each
 * task image and adds its answer as a low-weight vote (see model-consensus.ts).
 */
export async function createModelVoter(options: ModelVoterOptions): Promise<ModelVoter> {
  const registry = new ModelRegistry(options.sources ?? [{ dir: shippedModelsDir(), origin: "shipped" }]);
  const model = await registry.load(options.modelHash);
  const detector = new Detector();
  try {
    await detector.load(model);
  } catch (error) {
    await detector.dispose();
    throw error;
  }
  const manifest = model.entry.manifest;
  const id = modelId(manifest);
  return {
    id,
    async vote(image) {
      const result = await detector.detect(image, {
        ...DEFAULT_DETECT_PARAMS,
        minScore: options.minScore ?? DEFAULT_DETECT_PARAMS.minScore,
      });
      const shapes = detectionsToShapes(result.detections, {
        classes: manifest.classes,
        labels: options.labels,
        mapping: options.mapping,
        model: id,
      });
      return { voter: id, kind: "model", answer: { shapes, classes: [] } };
    },
    dispose: () => detector.dispose(),
  };
}
