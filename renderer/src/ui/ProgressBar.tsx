export interface ProgressBarProps {
  readonly label: string;
  readonly done: number;
  readonly total: number;
}

/** A real <progress> so screen readers announce it; the text says the same in numbers. */
export function ProgressBar({ label, done, total }: ProgressBarProps) {
  return (
    <div className="progress" role="group" aria-label={label}>
      <progress max={Math.max(total, 1)} value={Math.min(done, total)} aria-label={label} />
      <span className="progress-text">
        {label}: {done} / {total}
      </span>
    </div>
  );
}
