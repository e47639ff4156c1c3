import { useEffect, useState } from "react";
import { getApi } from "../../api";
import { formatDuration } from "../../ui/format";
import { exposure, useExposure } from "./exposure-session";

const CHOICES = [0, 20, 30, 45, 60, 90] as const;

function useBreakMinutes(): [number, (minutes: number) => void] {
  const [minutes, setMinutes] = useState(0);
  useEffect(() => {
    const api = getApi();
    api.settings.get().then(
      (s) => setMinutes(s.moderationBreakMinutes ?? 0),
      () => {},
    );
    return api.events.on("settings:changed", (s) => setMinutes(s.moderationBreakMinutes ?? 0));
  }, []);
  return [minutes, (m) => void getApi().settings.update({ moderationBreakMinutes: m })];
}

function useNow(everyMs: number): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

/** A gentle, dismissable reminder once the setting's minutes have passed since the last break. */
export function BreakReminder() {
  const [minutes] = useBreakMinutes();
  const session = useExposure();
  const now = useNow(15_000);
  if (minutes <= 0 || now - session.lastBreakAt < minutes * 60_000) return null;
  return (
    <div className="break-reminder" role="status" data-testid="break-reminder">
      <span>
        You have been moderating for {formatDuration(now - session.lastBreakAt)} without a break ({session.items} items,{" "}
        {session.imagesRevealed} images revealed). Step away for a few minutes?
      </span>
      <button type="button" onClick={() => exposure.tookBreak()}>
        I took a break
      </button>
    </div>
  );
}

/** This session's exposure, and the break reminder setting. */
export function ExposurePanel() {
  const [minutes, setMinutes] = useBreakMinutes();
  const session = useExposure();
  const now = useNow(30_000);
  return (
    <section className="moderation-session" aria-label="This session">
      <p data-testid="exposure-counter">
        This session: <strong>{session.items}</strong> {session.items === 1 ? "item" : "items"} judged ·{" "}
        <strong>{session.imagesRevealed}</strong> {session.imagesRevealed === 1 ? "image" : "images"} revealed ·{" "}
        {formatDuration(now - session.startedAt)}
      </p>
      <label>
        Break reminders{" "}
        <select value={minutes} onChange={(e) => setMinutes(Number(e.target.value))}>
          {CHOICES.map((m) => (
            <option key={m} value={m}>
              {m === 0 ? "off" : `every ${m} min`}
            </option>
          ))}
        </select>
      </label>
    </section>
  );
}
