import { useCallback, useSyncExternalStore } from "react";
import type { Editor } from "./editor/editor";
import type { EditorChannel } from "./editor/editor-events";

/** Re-renders the caller when the editor's channel fires; returns the channel's version. */
export function useEditorChannel(editor: Editor, channel: EditorChannel): number {
  const subscribe = useCallback((onChange: () => void) => editor.events.on(channel, onChange), [editor, channel]);
  return useSyncExternalStore(subscribe, () => editor.events.version(channel));
}
