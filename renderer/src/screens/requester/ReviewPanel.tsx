import { useState } from "react";
import type {
  ExportFormat,
  ExportImages,
  ExportOutcome,
  RequesterCampaign,
  ReviewOutcome,
} from "../../../../shared/api";
import { getApi } from "../../api";
import { ErrorNotice } from "../../ui/ErrorNotice";
import { FieldMessage, useFieldErrors } from "../../ui/use-field-errors";
import { ProgressBar } from "../../ui/ProgressBar";
import { Table } from "../../ui/Table";
import type { Column } from "../../ui/Table";
import { shortAddress } from "../../ui/format";
import { progressLabel, useRequesterProgress } from "./use-requester-progress";
import { describeReview } from "./review-summary";

const BASIS: Record<ReviewOutcome["results"][number]["basis"], string> = {
  gold: "against the gold answer",
  consensus: "agreement with the other workers",
  default: "default score",
  unverifiable: "nothing to compare with (left unreviewed)",
  unreadable: "result could not be read",
  "already-reviewed": "reviewed before",
};

const WORKER_COLUMNS: readonly Column<ReviewOutcome["workers"][number]>[] = [
  { header: "Worker", cellProps: (w) => ({ title: w.worker }), cell: (w) => shortAddress(w.worker) },
  { header: "Results", cell: (w) => w.results },
  { header: "Mean score", cell: (w) => (w.meanScore === null ? "—" : w.meanScore.toFixed(0)) },
  { header: "Rating now", cell: (w) => (w.rating === null ? "—" : `${(w.rating / 2000).toFixed(2)} ★`) },
  { header: "Reviews", cell: (w) => w.reviewCount },
];

const RESULT_COLUMNS: readonly Column<ReviewOutcome["results"][number]>[] = [
  { header: "Task", cell: (r) => `#${r.taskIndex}` },
  { header: "Worker", cellProps: (r) => ({ title: r.worker }), cell: (r) => shortAddress(r.worker) },
  { header: "Score", cell: (r) => r.score ?? "—" },
  { header: "Judged by", cell: (r) => BASIS[r.basis] },
];

export interface ReviewPanelProps {
  readonly campaign: RequesterCampaign;
  readonly canPickFolder: boolean;
  readonly onChanged: () => void;
}

/** Consensus review with each worker's scores and rating, then an export to a folder. */
export function ReviewPanel({ campaign, canPickFolder, onChanged }: ReviewPanelProps) {
  const [busy, setBusy] = useState<"review" | "export" | null>(null);
  const [review, setReview] = useState<ReviewOutcome | null>(null);
  const [exported, setExported] = useState<ExportOutcome | null>(null);
  const [format, setFormat] = useState<ExportFormat>("coco");
  const [outDir, setOutDir] = useState("");
  const [images, setImages] = useState<ExportImages>("none");
  const [imagesFrom, setImagesFrom] = useState("");
  // The folders' sentences sit under them; anything else (a review that failed) above.
  const errors = useFieldErrors(["outDir", "imagesFrom"]);
  const reviewProgress = useRequesterProgress("review", busy === "review");
  const exportProgress = useRequesterProgress("export", busy === "export");
  const progress = reviewProgress ?? exportProgress;

  const run = async (what: "review" | "export") => {
    errors.clear();
    setBusy(what);
    try {
      if (what === "review") setReview(await getApi().requester.review({ campaign: campaign.address }));
      else
        setExported(
          await getApi().requester.export({
            campaign: campaign.address,
            format,
            outDir,
            images,
            ...(images !== "none" && imagesFrom.trim() ? { imagesFrom } : {}),
          }),
        );
      onChanged();
    } catch (e) {
      errors.fail(e);
    } finally {
      setBusy(null);
    }
  };

  const pick = async (purpose: "export" | "images") => {
    try {
      const { path } = await getApi().requester.pickFolder({ purpose });
      if (path) (purpose === "export" ? setOutDir : setImagesFrom)(path);
    } catch (e) {
      errors.fail(e);
    }
  };

  return (
    <section
      className="panel wide"
      aria-labelledby="review-heading"
      data-testid="review-panel"
      data-campaign={campaign.address}
    >
      <div className="panel-head">
        <h2 id="review-heading">Review “{campaign.title}”</h2>
        <span className="muted">
          {campaign.awaitingReview} result{campaign.awaitingReview === 1 ? "" : "s"} waiting for review ·{" "}
          {campaign.reviewed} reviewed
        </span>
        <button
          className="primary"
          disabled={busy !== null || campaign.awaitingReview === 0}
          onClick={() => void run("review")}
        >
          Review by consensus
        </button>
      </div>
      {busy && progress && progress.total > 0 && (
        <ProgressBar label={progressLabel(progress)} done={progress.done} total={progress.total} />
      )}
      {busy && !(progress && progress.total > 0) && (
        <p role="status">{busy === "review" ? "Reviewing" : "Exporting"}…</p>
      )}
      {errors.general && <ErrorNotice message={errors.general} />}
      {review && (
        <>
          <p role="status" data-testid="review-result">
            {describeReview(review)}
          </p>
          <Table
            label="Workers"
            columns={WORKER_COLUMNS}
            rows={review.workers}
            rowKey={(w) => w.worker}
            rowProps={(w) => ({
              "data-testid": "worker-review",
              "data-worker": w.worker,
              "data-score": w.meanScore ?? "",
              "data-rating": w.rating ?? "",
            })}
          />
          <details>
            <summary>Every result ({review.results.length})</summary>
            <Table label="Results" columns={RESULT_COLUMNS} rows={review.results} rowKey={(r) => r.assignment} />
          </details>
        </>
      )}
      <fieldset disabled={busy !== null} className="export-row">
        <legend>Export the best result per image</legend>
        <div className="folder-row">
          <label>
            Format
            <select value={format} onChange={(e) => setFormat(e.target.value as ExportFormat)}>
              <option value="coco">COCO JSON</option>
              <option value="yolo">YOLO txt</option>
              <option value="voc">Pascal VOC XML</option>
              <option value="cvat">CVAT for images 1.1 XML</option>
            </select>
          </label>
          <label className="grow">
            Export folder
            <input
              value={outDir}
              onChange={(e) => {
                setOutDir(e.target.value);
                errors.clearField("outDir");
              }}
              placeholder={canPickFolder ? "Choose… a folder" : "/path/to/export"}
              readOnly={canPickFolder}
              {...errors.inputProps("outDir")}
            />
          </label>
          {canPickFolder && (
            <button type="button" onClick={() => void pick("export")}>
              Choose…
            </button>
          )}
          <button type="button" disabled={!outDir.trim()} onClick={() => void run("export")}>
            Export
          </button>
        </div>
        <FieldMessage errors={errors} field="outDir" announce />
        <div className="folder-row">
          <label>
            Images
            <select
              value={images}
              onChange={(e) => {
                setImages(e.target.value as ExportImages);
                errors.clearField("imagesFrom");
              }}
            >
              <option value="none">Labels only</option>
              <option value="copy">Copy the images</option>
              <option value="link">Link to the posted folder</option>
            </select>
          </label>
          {images !== "none" && (
            <label className="grow">
              {images === "link" ? "Posted images folder" : "Posted images folder (else from the blob store)"}
              <input
                value={imagesFrom}
                onChange={(e) => {
                  setImagesFrom(e.target.value);
                  errors.clearField("imagesFrom");
                }}
                placeholder={canPickFolder ? "Choose… a folder" : "/path/to/images"}
                readOnly={canPickFolder}
                {...errors.inputProps("imagesFrom")}
              />
            </label>
          )}
          {images !== "none" && canPickFolder && (
            <button type="button" onClick={() => void pick("images")}>
              Choose…
            </button>
          )}
        </div>
        <FieldMessage errors={errors} field="imagesFrom" announce />
      </fieldset>
      {exported && (
        <p role="status" data-testid="export-result">
          Exported {exported.images} image{exported.images === 1 ? "" : "s"} and {exported.shapes} shape
          {exported.shapes === 1 ? "" : "s"}
          {exported.imageFiles ? ` with ${exported.imageFiles} image ${images === "link" ? "links" : "copies"}` : ""}
          {/* the label files; the images, written after them, only by their count */}:{" "}
          {exported.files.slice(0, exported.files.length - (exported.imageFiles ?? 0)).join(", ")}
        </p>
      )}
    </section>
  );
}
