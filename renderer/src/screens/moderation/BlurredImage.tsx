import { useEffect, useRef } from "react";

export interface BlurredImageProps {
  readonly bitmap: ImageBitmap;
  readonly revealed: boolean;
}

/**
 * The item image on a canvas, blurred and grey until revealed. The filter is CSS on the
 * element, so revealing repaints nothing but the compositor's filter; the bitmap never leaves
 * the renderer's memory.
 */
export function BlurredImage({ bitmap, revealed }: BlurredImageProps) {
  const canvas = useRef<HTMLCanvasElement | null>(null);
  useEffect(() => {
    const c = canvas.current;
    const ctx = c?.getContext("2d");
    if (!c || !ctx) return;
    c.width = bitmap.width;
    c.height = bitmap.height;
    ctx.drawImage(bitmap, 0, 0);
  }, [bitmap]);
  return (
    <div className="moderation-image-frame">
      <canvas
        ref={canvas}
        className={revealed ? "moderation-image revealed" : "moderation-image"}
        data-testid="moderation-image"
        data-revealed={revealed ? "true" : "false"}
        role="img"
        aria-label={revealed ? "Item image, revealed" : "Item image, blurred and grey; hold Space to reveal"}
      />
    </div>
  );
}
