// Edits (and simulated seconds) to reach the ground truth of the demo photos, starting from the
// model's first guesses vs from a blank image. Cost model and thresholds: edit-cost.ts.
// Run: npx tsx bench/first-guess/edits.ts
import {
  DEFAULT_DETECT_PARAMS,
  Detector,
  ModelRegistry,
  detectionsToShapes,
  modelId,
  shippedModelsDir,
} from "../../lib/first-guess";
import type { Label } from "../../shared/annotation";
import { ACCEPT_IOU, COST_S, MATCH_IOU, editCount, editSeconds, editsToReach } from "./edit-cost";
import type { Edits } from "./edit-cost";
import type { GtBox } from "./scenes";
import { loadScenes, photoBytes } from "./scenes";

const truth = loadScenes();
const labels: Label[] = truth.labels.map((name) => ({ id: name, name, color: "#ff8800" }));
const model = await new ModelRegistry([{ dir: shippedModelsDir(), origin: "shipped" }]).load();
const detector = new Detector();
await detector.load(model);
const id = modelId(model.entry.manifest);

console.log(
  `first guesses vs blank · model ${id} · min score ${DEFAULT_DETECT_PARAMS.minScore} · labels ${truth.labels.join(", ")}`,
);
console.log(
  `cost model (s): draw ${COST_S.draw}, adjust ${COST_S.adjust}, relabel ${COST_S.relabel}, delete ${COST_S.remove}, confirm pre-labels ${COST_S.confirm}; a guess with IoU ≥ ${ACCEPT_IOU} is kept as is, < ${MATCH_IOU} is deleted`,
);
const describe = (e: Edits): string =>
  `${editCount(e)} edits (draw ${e.draw}, adjust ${e.adjust}, relabel ${e.relabel}, delete ${e.remove}) ${editSeconds(e).toFixed(1)} s`;

const total = { blankEdits: 0, blankS: 0, guessEdits: 0, guessS: 0, inferMs: 0 };
for (const scene of truth.scenes) {
  const result = await detector.detect(photoBytes(scene));
  const guesses: GtBox[] = detectionsToShapes(result.detections, {
    classes: model.entry.manifest.classes,
    labels,
    model: id,
  }).map((s) => ({ label: s.label, x: s.x, y: s.y, w: s.w, h: s.h }));
  const blank = editsToReach([], scene.boxes);
  const guessed = editsToReach(guesses, scene.boxes);
  total.blankEdits += editCount(blank);
  total.blankS += editSeconds(blank);
  total.guessEdits += editCount(guessed);
  total.guessS += editSeconds(guessed);
  total.inferMs += result.ms;
  console.log(
    `${scene.file.padEnd(14)} truth ${scene.boxes.length}, guesses ${guesses.length} [${guesses.map((g) => g.label).join(", ")}] (${result.ms.toFixed(0)} ms)`,
  );
  console.log(`  from blank:         ${describe(blank)}`);
  console.log(`  from first guesses: ${describe(guessed)}`);
}
const saved = total.blankS - total.guessS;
console.log(
  `total: blank ${total.blankEdits} edits / ${total.blankS.toFixed(1)} s; first guesses ${total.guessEdits} edits / ${total.guessS.toFixed(1)} s`,
);
console.log(
  `saved ${total.blankEdits - total.guessEdits} edits and ${saved.toFixed(1)} s of simulated labelling (${((100 * saved) / total.blankS).toFixed(0)} %), for ${(total.inferMs / 1000).toFixed(1)} s of detector time off the UI thread`,
);
await detector.dispose();
