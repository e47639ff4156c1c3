import { useEffect, useState } from "react";
import type { RequesterProgress } from "../../../../shared/api";
import { getApi } from "../../api";

const PHASE_LABEL: Record<RequesterProgress["phase"], string> = {
  read: "Reading the folder",
  upload: "Encrypting and uploading images",
  tasks: "Adding tasks on chain",
  download: "Fetching results",
  model: "Asking the model",
  review: "Posting scores on chain",
};

export function progressLabel(p: RequesterProgress): string {
  return PHASE_LABEL[p.phase];
}

/** The latest progress core reported for one requester operation, while `active`. */
export function useRequesterProgress(
  operation: RequesterProgress["operation"],
  active: boolean,
): RequesterProgress | null {
  const [progress, setProgress] = useState<RequesterProgress | null>(null);
  useEffect(() => {
    if (!active) return;
    const off = getApi().events.on("requester:progress", (p) => {
      if (p.operation === operation) setProgress(p);
    });
    return () => {
      off();
      setProgress(null);
    };
  }, [operation, active]);
  return active ? progress : null;
}
