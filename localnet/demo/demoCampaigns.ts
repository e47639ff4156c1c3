// The demo market's campaigns: generated scenes (plus real photos when assets/demo has
// them), one campaign per tool, public and private, with gold answers from ground truth.
import fs from "node:fs";
import path from "node:path";
import type { Shape } from "../../shared/annotation";
import { generateScene, SCENE_LABELS, type Scene } from "./sceneGenerator";

export interface DemoCampaignSpec {
  key: string;
  title: string;
  instructions: string;
  tool: "box" | "polygon" | "class";
  isPrivate: boolean;
  priceLamports: bigint;
  replication: number;
  seeds: number[];
  /** Example images for the instructions: a scene with its answer drawn, and what it shows. */
  examples?: Array<{ seed: number; caption: string }>;
}

export const DEMO_CAMPAIGNS: DemoCampaignSpec[] = [
  {
    key: "boxes",
    title: "Demo: box every shape",
    instructions: "Draw a tight box around every square, triangle and circle.",
    tool: "box",
    isPrivate: false,
    priceLamports: 2_000_000n,
    replication: 2,
    seeds: range(1, 12),
    examples: [{ seed: 900, caption: "Good: each box touches the shape's outermost points, nothing more." }],
  },
  {
    key: "polygons",
    title: "Demo (private): outline every shape",
    instructions: "Trace each shape's outline with a polygon. The images are encrypted; only you get the key.",
    tool: "polygon",
    isPrivate: true,
    priceLamports: 5_000_000n,
    replication: 1,
    seeds: range(101, 108),
  },
  {
    key: "classes",
    title: "Demo: which shapes are in the picture?",
    instructions: "Tick every kind of shape you can see.",
    tool: "class",
    isPrivate: false,
    priceLamports: 1_000_000n,
    replication: 3,
    seeds: range(201, 212),
  },
];

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

function truth(scene: Scene, tool: DemoCampaignSpec["tool"]): { shapes: Shape[]; classes: string[] } {
  if (tool === "class") return { shapes: [], classes: scene.classes };
  return { shapes: tool === "box" ? scene.boxes : scene.polygons, classes: [] };
}

/** Writes a campaign's images, labels file and gold file under `dir`; returns their paths. */
export function writeDemoCampaignFiles(
  spec: DemoCampaignSpec,
  dir: string,
): { images: string; labels: string; gold: string } {
  const images = path.join(dir, "images");
  fs.mkdirSync(images, { recursive: true });
  const gold: Record<string, { shapes: Shape[]; classes: string[] }> = {};
  spec.seeds.forEach((seed, i) => {
    const scene = generateScene(seed);
    const file = path.join(images, scene.name);
    if (!fs.existsSync(file)) fs.writeFileSync(file, scene.png);
    // Every fourth image is a gold task: its answer is known, the workers do not know which.
    if (i % 4 === 0) gold[scene.name] = truth(scene, spec.tool);
  });
  // Beside the labels file: its example paths are relative to it.
  const examples = (spec.examples ?? []).map(({ seed, caption }) => {
    const scene = generateScene(seed, { drawBoxes: true });
    fs.mkdirSync(path.join(dir, "examples"), { recursive: true });
    fs.writeFileSync(path.join(dir, "examples", scene.name), scene.png);
    return { image: `examples/${scene.name}`, caption };
  });
  const labels = path.join(dir, "labels.json");
  fs.writeFileSync(
    labels,
    JSON.stringify({
      title: spec.title,
      instructions: spec.instructions,
      tool: spec.tool,
      labels: SCENE_LABELS,
      ...(examples.length > 0 ? { examples } : {}),
    }),
  );
  const goldFile = path.join(dir, "gold.json");
  fs.writeFileSync(goldFile, JSON.stringify(gold));
  return { images, labels, gold: goldFile };
}
