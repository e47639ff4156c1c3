import type { TaskTimer } from "../canvas/use-task-timer";
import { useElapsed } from "../canvas/use-task-timer";

interface TaskBarProps {
  readonly taskTitle: string;
  readonly timer: TaskTimer;
  readonly saveState: string;
  /** Completed saves; tests wait for it to move. */
  readonly saves: number;
  readonly run: (action: string) => void;
  readonly canPrevious: boolean;
  readonly canNext: boolean;
}

export function formatDuration(ms: number): string {
  const total = Math.floor(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = String(m).padStart(2, "0");
  const ss = String(s).padStart(2, "0");
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

/** The task's title, its timer, the save status, and previous / next / submit. */
export function TaskBar({ taskTitle, timer, saveState, saves, run, canPrevious, canNext }: TaskBarProps) {
  return (
    <div className="task-bar">
      <span className="task-title">{taskTitle}</span>
      <span className="task-timer" data-testid="task-timer" aria-label="Time spent on this task" role="timer">
        <TimerText timer={timer} />
      </span>
      {/* not a live region: autosave every 5 s is no news; a failed save is announced by LabelView */}
      <span className="save-state" data-testid="save-state" data-saves={saves}>
        {saveState}
      </span>
      <button type="button" onClick={() => run("task.previous")} disabled={!canPrevious} aria-keyshortcuts="A">
        ← Previous
      </button>
      <button type="button" onClick={() => run("task.next")} disabled={!canNext} aria-keyshortcuts="D">
        Next →
      </button>
      <button
        type="button"
        className="submit-task"
        onClick={() => run("task.submit")}
        aria-keyshortcuts="Control+Enter"
      >
        Submit
      </button>
    </div>
  );
}

/** Its own component: the once-a-second tick re-renders this text and nothing else. */
function TimerText({ timer }: { readonly timer: TaskTimer }) {
  return formatDuration(useElapsed(timer));
}
