import { z } from "zod";

const WeightSpec = z.looseObject({
  name: z.string(),
  shape: z.array(z.number().int().nonnegative()),
  dtype: z.enum(["float32", "int32", "bool", "string", "complex64"]),
});

/** The parts of a tfjs graph model.json that we read; the topology is handed to tfjs as is. */
export const GraphFile = z.object({
  format: z.literal("graph-model").optional(),
  modelTopology: z.record(z.string(), z.unknown()),
  weightsManifest: z.array(z.object({ paths: z.array(z.string()).min(1), weights: z.array(WeightSpec) })).min(1),
});
export type GraphFile = z.infer<typeof GraphFile>;
export type WeightSpecs = GraphFile["weightsManifest"][number]["weights"];
