// Pascal VOC: one XML per image with <object> boxes (a polygon exports its bounding box,
// plus its points in a <polygon> element that VOC readers ignore).
import { shapeBounds, stem, type ExportFile, type ExportInput } from "./export-model";

function esc(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export function exportVoc(input: ExportInput): ExportFile[] {
  const nameOf = new Map(input.labels.map((l) => [l.id, l.name]));
  return input.images.map((img) => {
    const objects = img.shapes.map((s) => {
      const b = shapeBounds(s);
      const polygon =
        s.kind === "polygon"
          ? `\n    <polygon>${s.points.map((v, i) => `<${i % 2 === 0 ? "x" : "y"}${Math.floor(i / 2) + 1}>${Math.round(v)}</${i % 2 === 0 ? "x" : "y"}${Math.floor(i / 2) + 1}>`).join("")}</polygon>`
          : "";
      return `  <object>
    <name>${esc(nameOf.get(s.label) ?? s.label)}</name>
    <pose>Unspecified</pose>
    <truncated>0</truncated>
    <difficult>0</difficult>
    <bndbox><xmin>${Math.round(b.x)}</xmin><ymin>${Math.round(b.y)}</ymin><xmax>${Math.round(b.x + b.w)}</xmax><ymax>${Math.round(b.y + b.h)}</ymax></bndbox>${polygon}
  </object>`;
    });
    const xml = `<annotation>
  <folder>${esc(input.title)}</folder>
  <filename>${esc(img.fileName)}</filename>
  <source><database>Amplify</database></source>
  <size><width>${img.width}</width><height>${img.height}</height><depth>3</depth></size>
  <segmented>0</segmented>
${objects.join("\n")}
</annotation>
`;
    return { path: `Annotations/${stem(img.fileName)}.xml`, contents: xml };
  });
}
