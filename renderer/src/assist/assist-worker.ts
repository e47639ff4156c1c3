import type { AssistReply, AssistRequest } from "./assist-protocol";
import { AssistAnswers } from "./assist-answer";

/**
 * Assisted drawing off the UI thread: the decrypted image's pixels arrive once (transferred, in
 * memory only) and every wand click or scissors segment is answered here, so a flood fill over
 * 64 megapixels never stalls a frame; large brush strokes are landed in their masks here too.
 * Nothing here can reach the network: a worker of the renderer's own origin under its CSP, with
 * no fetch in the code.
 */
const answers = new AssistAnswers();

/** The worker's global, typed by what is used (the renderer's lib is the DOM's, not the worker's). */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<AssistRequest>) => void) | null;
  postMessage(message: AssistReply, transfer?: Transferable[]): void;
};

scope.onmessage = (event) => {
  try {
    const answered = answers.answer(event.data);
    if (answered) scope.postMessage(answered.reply, answered.transfer);
  } catch (e) {
    const id = "id" in event.data ? event.data.id : -1;
    scope.postMessage({ id, type: "error", message: e instanceof Error ? e.message : String(e) } satisfies AssistReply);
  }
};
