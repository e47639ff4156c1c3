// The detector thread: owns tfjs and the model, so loading (≈1 s) and each inference
// (hundreds of ms) never run on core's event loop. It reads no files but the wasm binaries.
import { setWasmPaths } from "@tensorflow/tfjs-backend-wasm";
import { loadGraphModel } from "@tensorflow/tfjs-converter";
import type { GraphModel } from "@tensorflow/tfjs-converter";
import * as tf from "@tensorflow/tfjs-core";
import { parentPort, threadId } from "node:worker_threads";
import { decodeDetections } from "./detection";
import type { DetectorReply, DetectorRequest, ModelPayload } from "./detector-messages";
import { decodeImage } from "./image-decode";
import { resizeToInput } from "./resize-input";

interface Loaded {
  readonly graph: GraphModel;
  readonly payload: ModelPayload;
}

let loaded: Loaded | null = null;
let backendReady: Promise<string> | null = null;

function initBackend(wasmDir: string): Promise<string> {
  backendReady ??= (async () => {
    // A local folder, not a URL: the wasm binaries come from the installed package, never a CDN.
    setWasmPaths(wasmDir.endsWith("/") ? wasmDir : `${wasmDir}/`);
    if (!(await tf.setBackend("wasm"))) throw new Error("the tfjs wasm backend could not start");
    await tf.ready();
    return tf.getBackend();
  })();
  return backendReady;
}

async function load(model: ModelPayload, wasmDir: string): Promise<{ backend: string }> {
  const backend = await initBackend(wasmDir);
  loaded?.graph.dispose();
  loaded = null;
  const weightData = model.weightData.buffer.slice(
    model.weightData.byteOffset,
    model.weightData.byteOffset + model.weightData.byteLength,
  ) as ArrayBuffer;
  const { modelTopology } = JSON.parse(new TextDecoder().decode(model.graphBytes)) as { modelTopology: object };
  const graph = await loadGraphModel(
    tf.io.fromMemory({ modelTopology, weightSpecs: model.weightSpecs as tf.io.WeightsManifestEntry[], weightData }),
  );
  // One warm-up run: the first execution compiles kernels and would otherwise land on a user's task.
  const warm = tf.tidy(
    () => graph.execute(tf.zeros([1, model.inputSize, model.inputSize, 3]), model.output) as tf.Tensor,
  );
  await warm.data();
  tf.dispose(warm);
  loaded = { graph, payload: model };
  return { backend };
}

async function detect(image: Uint8Array, params: { minScore: number; iouThreshold: number; maxDetections: number }) {
  if (!loaded) throw new Error("no model loaded");
  const { graph, payload } = loaded;
  const decoded = decodeImage(image);
  const input = resizeToInput(decoded, payload.inputSize);
  const output = tf.tidy(
    () => graph.execute(tf.tensor4d(input, [1, payload.inputSize, payload.inputSize, 3]), payload.output) as tf.Tensor,
  );
  const rows = await output.data();
  output.dispose();
  const detections = decodeDetections(rows, {
    ...params,
    inputSize: payload.inputSize,
    width: decoded.width,
    height: decoded.height,
    classCount: payload.classCount,
  });
  return { width: decoded.width, height: decoded.height, detections };
}

const port = parentPort;
if (!port) throw new Error("detector-worker must run as a worker thread");

// One request at a time, in arrival order: the queue (and its priorities) lives in the service.
let chain: Promise<void> = Promise.resolve();
port.on("message", (request: DetectorRequest) => {
  chain = chain.then(async () => {
    const started = performance.now();
    let reply: DetectorReply;
    try {
      if (request.type === "load") {
        const { backend } = await load(request.model, request.wasmDir);
        reply = { type: "loaded", id: request.id, ms: performance.now() - started, backend };
      } else {
        const result = await detect(request.image, request.params);
        reply = { type: "detected", id: request.id, ...result, ms: performance.now() - started, threadId };
      }
    } catch (error) {
      reply = { type: "failed", id: request.id, message: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(reply);
  });
});
