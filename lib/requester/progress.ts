export interface Progress {
  phase: "upload" | "tasks" | "download" | "review";
  done: number;
  total: number;
}

export type ProgressListener = (p: Progress) => void;
