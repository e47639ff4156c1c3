import { useEffect, useState } from "react";
import { errorMessage } from "../ui/format";

/** One example image the requester attached, loaded on demand. */
export interface ExampleImagesProps {
  /** The examples' captions, in the requester's order (an empty caption is allowed). */
  readonly captions: readonly string[];
  /** Core's verified bytes of example `index`; rejects with a sentence when it cannot be shown. */
  readonly load: (index: number) => Promise<{ image: Uint8Array<ArrayBuffer>; mime: string }>;
}

type State = { readonly url: string } | { readonly problem: string } | null;

/**
 * The requester's example images, each with its caption as alt text and figure caption. Each
 * loads by itself: one that is missing, tampered, too big or not a picture is a sentence in its
 * place, and the others (and the instructions around them) still show.
 */
export function ExampleImages({ captions, load }: ExampleImagesProps) {
  return (
    <div className="instruction-examples">
      <h3>Examples</h3>
      {captions.map((caption, index) => (
        <ExampleFigure key={index} index={index} caption={caption} load={load} />
      ))}
    </div>
  );
}

function ExampleFigure({
  index,
  caption,
  load,
}: {
  readonly index: number;
  readonly caption: string;
  readonly load: ExampleImagesProps["load"];
}) {
  const [state, setState] = useState<State>(null);
  useEffect(() => {
    let url: string | null = null;
    let cancelled = false;
    load(index).then(
      ({ image, mime }) => {
        if (cancelled) return;
        url = URL.createObjectURL(new Blob([image], { type: mime }));
        setState({ url });
      },
      (error: unknown) => !cancelled && setState({ problem: errorMessage(error) }),
    );
    return () => {
      cancelled = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [index, load]);
  const alt = caption || `Example ${index + 1}`;
  return (
    <figure className="instruction-example" data-testid="instruction-example" data-index={index}>
      {state === null ? (
        <p className="muted small">Loading example {index + 1}…</p>
      ) : "url" in state ? (
        <img src={state.url} alt={alt} />
      ) : (
        <p className="error-text small" data-testid="example-problem">
          {state.problem}
        </p>
      )}
      {caption && <figcaption>{caption}</figcaption>}
    </figure>
  );
}
