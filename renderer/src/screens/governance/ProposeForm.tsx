import { useState } from "react";
import type { ProposeInput } from "../../../../shared/api";
import { getApi } from "../../api";
import { ErrorNotice } from "../../ui/ErrorNotice";
import { FieldMessage, useFieldErrors } from "../../ui/use-field-errors";

type Kind = ProposeInput["kind"];

const KINDS: ReadonlyArray<{ kind: Kind; title: string }> = [
  { kind: "fee", title: "Set the protocol fee" },
  { kind: "pause", title: "Pause or unpause the market" },
  { kind: "spend", title: "Pay from the treasury" },
  { kind: "authority", title: "Hand the config authority to an address" },
  { kind: "upgrade-authority", title: "Hand the program's upgrade authority to an address" },
  { kind: "immutable", title: "Make the program immutable" },
];

const FIELDS = ["percent", "sol", "to", "confirmed"] as const;

/** A proposal from the wallet's stake; core checks every field and answers in a sentence under it. */
export function ProposeForm({ onProposed }: { readonly onProposed: (text: string) => void }) {
  const [kind, setKind] = useState<Kind>("fee");
  const [percent, setPercent] = useState("");
  const [paused, setPaused] = useState(true);
  const [sol, setSol] = useState("");
  const [to, setTo] = useState("");
  const [confirmed, setConfirmed] = useState(false);
  const [busy, setBusy] = useState(false);
  const errors = useFieldErrors(FIELDS);

  const input = (): ProposeInput => {
    switch (kind) {
      case "fee":
        return { kind, percent };
      case "pause":
        return { kind, paused };
      case "spend":
        return { kind, sol, to };
      case "authority":
      case "upgrade-authority":
        return { kind, to };
      case "immutable":
        return { kind, confirmed };
    }
  };

  const submit = async () => {
    setBusy(true);
    errors.clear();
    try {
      const { id } = await getApi().governance.propose(input());
      onProposed(`Proposed #${id}.`);
    } catch (error) {
      errors.fail(error);
    } finally {
      setBusy(false);
    }
  };

  const textField = (field: "percent" | "sol" | "to", label: string, value: string, set: (v: string) => void) => (
    <div className="field">
      <label>
        {label}
        <input
          value={value}
          onChange={(e) => {
            set(e.target.value);
            errors.clearField(field);
          }}
          {...errors.inputProps(field)}
        />
      </label>
      <FieldMessage errors={errors} field={field} announce />
    </div>
  );

  return (
    <form
      aria-labelledby="propose-heading"
      className="propose"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3 id="propose-heading">Propose</h3>
      <label>
        What
        <select
          value={kind}
          onChange={(e) => {
            setKind(e.target.value as Kind);
            errors.clear();
          }}
        >
          {KINDS.map((k) => (
            <option key={k.kind} value={k.kind}>
              {k.title}
            </option>
          ))}
        </select>
      </label>
      {kind === "fee" && textField("percent", "Fee (%, at most 10)", percent, setPercent)}
      {kind === "pause" && (
        <label>
          Market
          <select value={paused ? "pause" : "unpause"} onChange={(e) => setPaused(e.target.value === "pause")}>
            <option value="pause">Pause</option>
            <option value="unpause">Unpause</option>
          </select>
        </label>
      )}
      {kind === "spend" && textField("sol", "SOL to pay", sol, setSol)}
      {(kind === "spend" || kind === "authority" || kind === "upgrade-authority") &&
        textField("to", kind === "spend" ? "To (address)" : "New authority (address)", to, setTo)}
      {kind === "immutable" && (
        <div className="field">
          <label>
            <input
              type="checkbox"
              checked={confirmed}
              onChange={(e) => {
                setConfirmed(e.target.checked);
                errors.clearField("confirmed");
              }}
              {...errors.inputProps("confirmed")}
            />
            I understand: once executed nobody can upgrade the program again, not even to fix a bug.
          </label>
          <FieldMessage errors={errors} field="confirmed" announce />
        </div>
      )}
      {errors.general && <ErrorNotice message={errors.general} />}
      <button type="submit" disabled={busy}>
        Propose
      </button>
    </form>
  );
}
