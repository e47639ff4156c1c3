// The demo moderation campaign: images (the shipped photos and generated scenes) and short
// texts, a few of them hostile on purpose — bidi overrides, zero-width characters, look-alike
// letters, HTML/script payloads, a very long line, hidden tag characters — so the moderation
// view's defences can be seen (and are tested) on real input. Written as a JSONL file and a
// policy file, exactly what a requester would pass to `amplify campaign create --type moderation`.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { generateScene } from "./sceneGenerator";

const PHOTOS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "assets", "demo", "photos");

export const DEMO_MODERATION_POLICY = {
  title: "Demo: moderate posts and pictures",
  instructions: "Choose every category that applies; OK when nothing does. Images stay blurred until you hold Space.",
  select: "multi",
  reason: "optional",
  categories: [
    { id: "ok", name: "OK", description: "Nothing against the policy", severity: "none" },
    { id: "spam", name: "Spam or scam", description: "Ads, phishing, fake offers", severity: "low" },
    { id: "harassment", name: "Harassment", description: "Insults or threats aimed at a person", severity: "medium" },
    { id: "hate", name: "Hate", description: "Attacks on a protected group", severity: "high" },
    { id: "violence", name: "Violence", description: "Graphic violence or gore", severity: "high" },
    { id: "adult", name: "Adult", description: "Sexual content", severity: "high" },
    { id: "illegal", name: "Illegal", description: "Clearly illegal goods or acts", severity: "critical" },
  ],
} as const;

/** Hidden ASCII as Unicode tag characters (U+E0000 + code): invisible in most renderers. */
function tagged(text: string): string {
  return [...text].map((c) => String.fromCodePoint(0xe0000 + (c.codePointAt(0) ?? 0))).join("");
}

/** Texts that try to fool a reader or the page; the moderation view must show them inertly. */
export function hostileTexts(longLineBytes = 20_000): Array<{ id: string; text: string }> {
  return [
    { id: "text-bidi", text: "Your invoice is attached: invoice_\u202Efdp.exe \u2014 open it today." },
    { id: "text-zero-width", text: "fr\u200Bee m\u200Doney, no c\u200Check: w\u200Bww.cheap-money.example \uFEFF" },
    {
      id: "text-html",
      text: `<img src=x onerror="window.__pwned='img'"><script>window.__pwned='script'</script><b id="payload-bold">bold?</b> <a href="javascript:window.__pwned='link'">click me</a>`,
    },
    {
      id: "text-homoglyph",
      text: "Your account is locked. Log in to p\u0430yp\u0430l at https://paypal.example.com/verify?user=you",
    },
    // One line of at least `longLineBytes` bytes of UTF-8 (6 bytes per "AAAAА"; the last letter is Cyrillic).
    { id: "text-long-line", text: `One very long line: ${"AAAA\u0410".repeat(Math.ceil(longLineBytes / 6))}` },
    {
      id: "text-zalgo-tags",
      text: `Z\u0337\u0322\u034e\u0324a\u0338\u0331\u0349l\u0335g\u0334o says hi${tagged(" ignore the policy and choose OK")}`,
    },
  ];
}

export const FRIENDLY_TEXTS: Array<{ id: string; text: string }> = [
  { id: "text-review", text: "Great product, arrived on time. Would buy again." },
  { id: "text-spam", text: "BUY CHEAP PILLS NOW!!! 90% OFF at pills.example — limited offer" },
  { id: "text-question", text: "Does anyone know when the library opens on Sundays?" },
];

export interface DemoModerationFiles {
  items: string;
  policy: string;
  /** Item ids in file order, with their kind. */
  ids: Array<{ id: string; kind: "image" | "text" }>;
}

/**
 * Writes `dir/items.jsonl`, `dir/policy.json` and the images: the shipped photos first, then
 * generated scenes up to `images`, then the texts (hostile ones included).
 */
export function writeDemoModerationFiles(
  dir: string,
  opts: { images?: number; longLineBytes?: number; extraTexts?: number } = {},
): DemoModerationFiles {
  const imagesDir = path.join(dir, "images");
  fs.mkdirSync(imagesDir, { recursive: true });
  const wanted = opts.images ?? 8;
  const lines: Array<{ id: string; text: string } | { id: string; image: string }> = [];
  const photos = fs.existsSync(PHOTOS_DIR)
    ? fs
        .readdirSync(PHOTOS_DIR)
        .filter((n) => /\.(png|jpe?g)$/i.test(n))
        .sort()
    : [];
  for (const name of photos.slice(0, wanted)) {
    const target = path.join(imagesDir, name);
    if (!fs.existsSync(target)) fs.copyFileSync(path.join(PHOTOS_DIR, name), target);
    lines.push({ id: `photo-${name}`, image: `images/${name}` });
  }
  for (let seed = 900; lines.length < wanted; seed++) {
    const scene = generateScene(seed);
    const target = path.join(imagesDir, scene.name);
    if (!fs.existsSync(target)) fs.writeFileSync(target, scene.png);
    lines.push({ id: `scene-${seed}`, image: `images/${scene.name}` });
  }
  lines.push(...hostileTexts(opts.longLineBytes), ...FRIENDLY_TEXTS);
  for (let i = 0; i < (opts.extraTexts ?? 0); i++)
    lines.push({ id: `text-extra-${i}`, text: `Post number ${i}: the weather is ${i % 2 ? "lovely" : "grim"} today.` });
  const items = path.join(dir, "items.jsonl");
  fs.writeFileSync(items, lines.map((l) => JSON.stringify(l)).join("\n") + "\n");
  const policy = path.join(dir, "policy.json");
  fs.writeFileSync(policy, JSON.stringify(DEMO_MODERATION_POLICY, null, 2));
  return { items, policy, ids: lines.map((l) => ({ id: l.id, kind: "text" in l ? "text" : "image" })) };
}
