// An editor driven the way the app drives it: keys go through the default bindings table and
// the same dispatch chain as LabelView, announcements are collected as the live region gets them.
import type { AnnotationDocument, Shape } from "../../../../shared/annotation";
import type { AssistPort } from "../../../../renderer/src/assist/assist-client";
import { AssistClient } from "../../../../renderer/src/assist/assist-client";
import { AssistAnswers } from "../../../../renderer/src/assist/assist-answer";
import type { AssistReply, AssistRequest } from "../../../../renderer/src/assist/assist-protocol";
import type { CommandHost } from "../../../../renderer/src/canvas/editor/commands";
import { runAction } from "../../../../renderer/src/canvas/editor/commands";
import { Editor } from "../../../../renderer/src/canvas/editor/editor";
import type { LabelSchema } from "../../../../renderer/src/canvas/editor/label-schema";
import { DEFAULT_BINDINGS } from "../../../../renderer/src/canvas/hotkeys/actions";
import { dispatchKey } from "../../../../renderer/src/canvas/hotkeys/dispatch";
import { comboTable, resolveBindings } from "../../../../renderer/src/canvas/hotkeys/hotkeys";

const table = comboTable(resolveBindings(DEFAULT_BINDINGS, {}));

export interface HarnessOptions {
  schema: LabelSchema;
  image: { width: number; height: number };
  view: { width: number; height: number; scale: number };
  shapes?: Shape[];
  host?: Partial<CommandHost>;
  /** The assisted-drawing worker's client (see inProcessAssist). */
  assist?: AssistClient;
}

/** A host for commands that leave the editor (next task, submit, help…): here they do nothing. */
export function quietHost(overrides: Partial<CommandHost> = {}): CommandHost {
  return {
    next() {},
    previous() {},
    submit() {},
    toggleHelp() {},
    save() {},
    toggleFocus() {},
    previousDocument: () => null,
    ...overrides,
  };
}

export function editorHarness(opts: HarnessOptions) {
  const document: AnnotationDocument | undefined = opts.shapes
    ? { schema: 2, taskId: "t", labels: [], shapes: opts.shapes, classes: [], timeSpentMs: 0 }
    : undefined;
  const editor = new Editor({
    taskId: "t",
    image: opts.image,
    schema: opts.schema,
    ...(document ? { document } : {}),
    ...(opts.assist ? { assist: opts.assist } : {}),
  });
  editor.setViewSize({ width: opts.view.width, height: opts.view.height });
  editor.setViewport({ scale: opts.view.scale, x: 0, y: 0 });
  const host = quietHost(opts.host);
  const said: string[] = [];
  editor.events.on("announce", () => said.push(editor.announcement));
  /** A key as the canvas gets it, through the same table and chain as the app. */
  const key = (combo: string, times = 1, onCanvas = true) => {
    let used = false;
    for (let i = 0; i < times; i++)
      used = dispatchKey(table.get(combo) ?? [], { onCanvas, repeat: false }, (a) => runAction(editor, a, host));
    return used;
  };
  const last = () => editor.store.shapes()[editor.store.shapes().length - 1] as Shape;
  return { editor, host, key, last, said };
}

/**
 * The assist worker's own code (AssistAnswers) behind the worker's message interface, answering
 * in a later task as the thread does; `requests` counts what it was asked. The image is blank.
 */
export function inProcessAssist(image: { width: number; height: number }) {
  const requests: Array<AssistRequest["type"]> = [];
  const answers = new AssistAnswers();
  const port: AssistPort = {
    onmessage: null,
    postMessage(message: AssistRequest) {
      requests.push(message.type);
      setTimeout(() => {
        let reply: AssistReply | undefined;
        try {
          reply = answers.answer(message)?.reply;
        } catch (e) {
          reply = { id: "id" in message ? message.id : -1, type: "error", message: String(e) };
        }
        if (reply) port.onmessage?.({ data: reply } as MessageEvent<AssistReply>);
      }, 0);
    },
    terminate() {},
  };
  const source = { width: image.width, height: image.height } as unknown as CanvasImageSource;
  return { client: new AssistClient(() => port, { source, ...image }), requests };
}
