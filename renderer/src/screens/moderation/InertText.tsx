import { useMemo, useState } from "react";
import type { TextSegment } from "../../../../shared/moderation";
import { inspectText, summariseHidden, truncateSegments } from "../../../../shared/moderation";

/** Characters shown before "Show more": a 100 KB line is laid out only when asked for. */
const FIRST_CHARS = 3_000;
const MORE_CHARS = 50_000;

/**
 * Untrusted text, shown inertly: React text nodes only (never innerHTML), links as plain
 * text, every invisible or direction-changing character as a visible badge, words mixing
 * look-alike scripts underlined, and long text cut with "Show more".
 */
export function InertText({ text }: { readonly text: string }) {
  const segments = useMemo(() => inspectText(text), [text]);
  const summary = useMemo(() => summariseHidden(segments), [segments]);
  const [limit, setLimit] = useState(FIRST_CHARS);
  const shown = useMemo(() => truncateSegments(segments, limit), [segments, limit]);
  const notes: string[] = [];
  if (summary.hidden > 0) {
    const groups = Object.entries(summary.byGroup)
      .map(([group, n]) => `${n} ${group}`)
      .join(", ");
    notes.push(
      `${summary.hidden} hidden or special character${summary.hidden > 1 ? "s" : ""} shown as ⟨U+…⟩ (${groups})`,
    );
  }
  if (summary.mixedScript > 0)
    notes.push(
      `${summary.mixedScript} word${summary.mixedScript > 1 ? "s" : ""} mixing look-alike alphabets (underlined)`,
    );
  if (summary.links > 0) notes.push(`${summary.links} link${summary.links > 1 ? "s" : ""} (not clickable)`);
  return (
    <div className="inert-text-wrap">
      {notes.length > 0 && (
        <p className="inert-text-notes" data-testid="text-notes">
          {notes.join(" · ")}
        </p>
      )}
      {/* dir=ltr + isolation: whatever the text holds, it cannot reorder the page around it. */}
      <div className="inert-text" dir="ltr" data-testid="moderation-text" role="group" aria-label="Item text">
        {shown.segments.map((s, i) => (
          <Segment key={i} segment={s} />
        ))}
      </div>
      {shown.more > 0 && (
        <button type="button" className="inert-text-more" onClick={() => setLimit((l) => l + MORE_CHARS)}>
          Show more ({shown.more.toLocaleString()} more characters)
        </button>
      )}
    </div>
  );
}

function Segment({ segment }: { readonly segment: TextSegment }) {
  switch (segment.kind) {
    case "text":
      return <>{segment.text}</>;
    case "hidden":
      return (
        <span className={`hidden-char hidden-${segment.group}`} title={segment.name} data-code={segment.code}>
          {segment.group === "marks" ? `⟨+${segment.count ?? 0} marks⟩` : `⟨${segment.code}⟩`}
        </span>
      );
    case "link":
      return (
        <span className="inert-link" title="Links are shown, never opened">
          {segment.text}
        </span>
      );
    case "mixed-script":
      return (
        <span className="mixed-script" title="This word mixes Latin with look-alike Cyrillic or Greek letters">
          {segment.text}
        </span>
      );
  }
}
