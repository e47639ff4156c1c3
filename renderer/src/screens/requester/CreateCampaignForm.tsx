import { useEffect, useRef, useState } from "react";
import { PriceSuggestion } from "./PriceSuggestion";
import type { FormEvent } from "react";
import type { CreateCampaignRequest, CreatedCampaign, LabelKind } from "../../../../shared/api";
import { getApi } from "../../api";
import { ErrorNotice } from "../../ui/ErrorNotice";
import { ProgressBar } from "../../ui/ProgressBar";
import { FieldMessage, useFieldErrors } from "../../ui/use-field-errors";
import { progressLabel, useRequesterProgress } from "./use-requester-progress";
import type { ShapeKind } from "../../../../shared/annotation";
import { parseAttributes, parseSkeleton } from "./shape-options";
import { parseExampleLines } from "./example-lines";

/** Kinds a shape campaign may offer beside its main one, with the words the form shows. */
const MORE_KINDS: ReadonlyArray<[ShapeKind, string]> = [
  ["polyline", "Polylines"],
  ["points", "Points"],
  ["keypoints", "Keypoint skeletons"],
  ["mask", "Brush masks"],
  ["rotated-box", "Rotated boxes"],
  ["ellipse", "Ellipses"],
];

export interface CreateCampaignFormProps {
  /** The Electron shell has a native folder dialog; the browser shell takes a typed path. */
  readonly canPickFolder: boolean;
  readonly onCreated: (created: CreatedCampaign) => void;
}

const INITIAL = {
  folder: "",
  title: "",
  instructions: "",
  labelKind: "box" as LabelKind,
  labels: "",
  priceSol: "0.005",
  minStars: "0",
  replication: "1",
  deadlineDays: "7",
  isPrivate: false,
  noneOfThese: false,
  kinds: [] as ShapeKind[],
  joints: "",
  edges: "",
  attributes: "",
  examplesFolder: "",
  examples: "",
};

/** The form's fields, named as CreateCampaignRequest names them (core's sentences come back by these). */
const FIELDS = [
  "folder",
  "title",
  "instructions",
  "labels",
  "priceSol",
  "minStars",
  "replication",
  "deadlineDays",
  "skeleton",
  "attributes",
  "examplesFolder",
  "examples",
] as const;
type Field = (typeof FIELDS)[number];

/** Which field a form key edits, so editing it takes its sentence away. */
const EDITS: Partial<Record<keyof typeof INITIAL, Field>> = {
  folder: "folder",
  title: "title",
  instructions: "instructions",
  labels: "labels",
  priceSol: "priceSol",
  minStars: "minStars",
  replication: "replication",
  deadlineDays: "deadlineDays",
  joints: "skeleton",
  edges: "skeleton",
  attributes: "attributes",
  examplesFolder: "examplesFolder",
  examples: "examples",
};

/** A campaign from a folder of images: what to label, the price and who may take it. */
export function CreateCampaignForm({ canPickFolder, onCreated }: CreateCampaignFormProps) {
  const [form, setForm] = useState(INITIAL);
  const [busy, setBusy] = useState(false);
  const errors = useFieldErrors(FIELDS);
  const [done, setDone] = useState<CreatedCampaign | null>(null);
  const progress = useRequesterProgress("create", busy);
  // The form is disabled while it works, which drops focus: the first field to fix takes it,
  // else the outcome (a sentence no field claims, or the confirmation).
  const formRef = useRef<HTMLFormElement | null>(null);
  const outcome = useRef<HTMLDivElement | null>(null);
  // Counts finished submits: focus moves once per outcome, not while the person edits a field.
  const [attempts, setAttempts] = useState(0);
  useEffect(() => {
    if (attempts === 0) return;
    const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    (invalid ?? outcome.current)?.focus();
  }, [attempts]);
  const edit = (patch: Partial<typeof INITIAL>) => {
    setForm({ ...form, ...patch });
    for (const key of Object.keys(patch) as Array<keyof typeof INITIAL>) {
      const field = EDITS[key];
      if (field) errors.clearField(field);
    }
  };
  const field = (name: Field) => ({ ...errors.inputProps(name) });

  const pick = async (purpose: "images" | "examples") => {
    try {
      const { path } = await getApi().requester.pickFolder({ purpose });
      if (path) edit(purpose === "images" ? { folder: path } : { examplesFolder: path });
    } catch (e) {
      errors.fail(e);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    errors.clear();
    setDone(null);
    const shapes = form.labelKind !== "class";
    const skeleton = shapes && form.kinds.includes("keypoints") ? parseSkeleton(form.joints, form.edges) : null;
    const attributes = shapes && form.attributes.trim() ? parseAttributes(form.attributes) : null;
    const examples = parseExampleLines(form.examples);
    const problem =
      skeleton && "problem" in skeleton
        ? (["skeleton", skeleton.problem] as const)
        : attributes && "problem" in attributes
          ? (["attributes", attributes.problem] as const)
          : "problem" in examples
            ? (["examples", examples.problem] as const)
            : null;
    if (problem) {
      errors.report(problem[0], problem[1]);
      setAttempts((n) => n + 1);
      return;
    }
    const request: CreateCampaignRequest = {
      folder: form.folder,
      title: form.title,
      instructions: form.instructions,
      labelKind: form.labelKind,
      labels: form.labels
        .split(/[\n,]/)
        .map((l) => l.trim())
        .filter(Boolean),
      priceSol: form.priceSol.trim(),
      minStars: Number(form.minStars),
      replication: Number(form.replication),
      deadlineDays: Number(form.deadlineDays),
      isPrivate: form.isPrivate,
      ...(form.labelKind === "class" ? { noneOfThese: form.noneOfThese } : {}),
      ...(shapes && form.kinds.length > 0 ? { kinds: form.kinds } : {}),
      ...(skeleton && "value" in skeleton ? { skeleton: skeleton.value } : {}),
      ...(attributes && "value" in attributes && attributes.value.length > 0 ? { attributes: attributes.value } : {}),
      ...("value" in examples && examples.value.length > 0
        ? { examples: examples.value, examplesFolder: form.examplesFolder }
        : {}),
    };
    setBusy(true);
    try {
      const created = await getApi().requester.create(request);
      setDone(created);
      onCreated(created);
    } catch (e) {
      errors.fail(e);
    } finally {
      setBusy(false);
      setAttempts((n) => n + 1);
    }
  };

  return (
    <form className="panel requester-create" onSubmit={submit} aria-labelledby="create-heading" ref={formRef}>
      <h2 id="create-heading">New campaign</h2>
      <fieldset disabled={busy}>
        <legend>Images</legend>
        <div className="folder-row">
          <label>
            Image folder
            {/* With a dialog (Electron) core takes only folders picked in it; typing would be refused. */}
            <input
              value={form.folder}
              onChange={(e) => edit({ folder: e.target.value })}
              placeholder={canPickFolder ? "Choose… a folder" : "/path/to/images"}
              readOnly={canPickFolder}
              required
              {...field("folder")}
            />
          </label>
          {canPickFolder && (
            <button type="button" onClick={() => void pick("images")}>
              Choose…
            </button>
          )}
        </div>
        <FieldMessage errors={errors} field="folder" />
        <p className="muted small">
          PNG, JPEG or WebP; one task per image, in file-name order. Files are read by the app, never by this page.
        </p>
      </fieldset>
      <fieldset disabled={busy}>
        <legend>What to label</legend>
        <label>
          Title
          <input
            value={form.title}
            onChange={(e) => edit({ title: e.target.value })}
            maxLength={200}
            required
            {...field("title")}
          />
        </label>
        <FieldMessage errors={errors} field="title" />
        <label>
          Instructions
          <textarea
            rows={3}
            value={form.instructions}
            onChange={(e) => edit({ instructions: e.target.value })}
            maxLength={5000}
            {...field("instructions")}
          />
        </label>
        <FieldMessage errors={errors} field="instructions" />
        <label>
          Label kind
          <select value={form.labelKind} onChange={(e) => edit({ labelKind: e.target.value as LabelKind })}>
            <option value="box">Bounding boxes</option>
            <option value="polygon">Polygons</option>
            <option value="class">Image classes</option>
          </select>
        </label>
        <label>
          Labels (one per line or comma-separated)
          <textarea
            rows={3}
            value={form.labels}
            onChange={(e) => edit({ labels: e.target.value })}
            required
            {...field("labels")}
          />
        </label>
        <FieldMessage errors={errors} field="labels" />
        {form.labelKind !== "class" && (
          <fieldset className="shape-kinds">
            <legend>Also offer</legend>
            {MORE_KINDS.map(([kind, words]) => (
              <label key={kind} className="checkbox">
                <input
                  type="checkbox"
                  checked={form.kinds.includes(kind)}
                  onChange={(e) =>
                    edit({ kinds: e.target.checked ? [...form.kinds, kind] : form.kinds.filter((k) => k !== kind) })
                  }
                />{" "}
                {words}
              </label>
            ))}
          </fieldset>
        )}
        {form.labelKind !== "class" && form.kinds.includes("keypoints") && (
          <>
            <label>
              Skeleton joints, in order (comma-separated)
              <input
                value={form.joints}
                onChange={(e) => edit({ joints: e.target.value })}
                placeholder="head, left hand, right hand"
                {...field("skeleton")}
              />
            </label>
            <label>
              Skeleton edges, by joint number
              <input
                value={form.edges}
                onChange={(e) => edit({ edges: e.target.value })}
                placeholder="1-2, 1-3"
                {...field("skeleton")}
              />
            </label>
            <FieldMessage errors={errors} field="skeleton" />
          </>
        )}
        {form.labelKind !== "class" && (
          <label>
            Attributes of every shape (one per line: name: checkbox, number, text, or options separated by |)
            <textarea
              rows={2}
              value={form.attributes}
              onChange={(e) => edit({ attributes: e.target.value })}
              placeholder={"occluded: checkbox\ncolour: red | blue"}
              {...field("attributes")}
            />
          </label>
        )}
        {form.labelKind !== "class" && <FieldMessage errors={errors} field="attributes" />}
        <fieldset className="examples">
          <legend>Example images (optional, public like the instructions)</legend>
          <div className="folder-row">
            <label>
              Examples folder
              <input
                value={form.examplesFolder}
                onChange={(e) => edit({ examplesFolder: e.target.value })}
                placeholder={canPickFolder ? "Choose… a folder" : "/path/to/examples"}
                readOnly={canPickFolder}
                {...field("examplesFolder")}
              />
            </label>
            {canPickFolder && (
              <button type="button" onClick={() => void pick("examples")}>
                Choose…
              </button>
            )}
          </div>
          <FieldMessage errors={errors} field="examplesFolder" />
          <label>
            Examples (one per line: a file in that folder, “:” and what it shows; at most 8)
            <textarea
              rows={2}
              value={form.examples}
              onChange={(e) => edit({ examples: e.target.value })}
              placeholder={"good-box.png: a tight box touching every edge"}
              {...field("examples")}
            />
          </label>
          <FieldMessage errors={errors} field="examples" />
        </fieldset>
        {form.labelKind === "class" && (
          <label className="checkbox">
            <input
              type="checkbox"
              checked={form.noneOfThese}
              onChange={(e) => edit({ noneOfThese: e.target.checked })}
            />{" "}
            Workers may answer “none of these” (otherwise a result must choose a class)
          </label>
        )}
      </fieldset>
      <fieldset disabled={busy}>
        <legend>Pay and workers</legend>
        <div className="form-grid">
          <div className="field">
            <label>
              Price per task (SOL)
              <input
                value={form.priceSol}
                onChange={(e) => edit({ priceSol: e.target.value })}
                inputMode="decimal"
                required
                {...field("priceSol")}
              />
            </label>
            <FieldMessage errors={errors} field="priceSol" />
          </div>
          <div className="field">
            <label>
              Minimum rating (stars, 0–5)
              <input
                type="number"
                step={0.5}
                value={form.minStars}
                onChange={(e) => edit({ minStars: e.target.value })}
                {...field("minStars")}
              />
            </label>
            <FieldMessage errors={errors} field="minStars" />
          </div>
          <div className="field">
            <label>
              Workers per task
              <input
                type="number"
                value={form.replication}
                onChange={(e) => edit({ replication: e.target.value })}
                {...field("replication")}
              />
            </label>
            <FieldMessage errors={errors} field="replication" />
          </div>
          <div className="field">
            <label>
              Deadline (days)
              <input
                type="number"
                value={form.deadlineDays}
                onChange={(e) => edit({ deadlineDays: e.target.value })}
                {...field("deadlineDays")}
              />
            </label>
            <FieldMessage errors={errors} field="deadlineDays" />
          </div>
        </div>
        <PriceSuggestion
          labelKind={form.labelKind}
          minStars={form.minStars}
          replication={form.replication}
          deadlineDays={form.deadlineDays}
          onUse={(priceSol) => edit({ priceSol })}
        />
        <label className="checkbox">
          <input type="checkbox" checked={form.isPrivate} onChange={(e) => edit({ isPrivate: e.target.checked })} />{" "}
          Private: encrypt the images; only a worker who accepts a task gets its key (granted by this app while it is
          unlocked)
        </label>
      </fieldset>
      {busy &&
        (progress && progress.total > 0 ? (
          <ProgressBar label={progressLabel(progress)} done={progress.done} total={progress.total} />
        ) : (
          <p role="status">{progress ? progressLabel(progress) : "Starting"}…</p>
        ))}
      <div ref={outcome} tabIndex={-1} className="form-outcome">
        {errors.general && <ErrorNotice message={errors.general} />}
        {done && (
          <p role="status" data-testid="campaign-created" data-campaign={done.campaign}>
            {done.resumed ? "Resumed and finished" : "Created"} a campaign of {done.taskCount} task
            {done.taskCount === 1 ? "" : "s"}.
          </p>
        )}
      </div>
      <button type="submit" className="primary" disabled={busy}>
        {busy ? "Creating…" : "Create campaign"}
      </button>
    </form>
  );
}
