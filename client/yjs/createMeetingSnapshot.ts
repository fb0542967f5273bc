import { onCleanup } from "solid-js";
import { createStore, reconcile } from "solid-js/store";
import type * as Y from "yjs";
import { type MeetingSnapshot, readMeeting } from "../../shared/meeting";

/**
 * The meeting document as a read-only Solid store. The server is its only writer; every change
 * re-reads it (it is small) once per microtask. Must run inside a Solid owner.
 */
export function createMeetingSnapshot(doc: Y.Doc): MeetingSnapshot {
  const [meeting, setMeeting] = createStore<MeetingSnapshot>(readMeeting(doc));
  let scheduled = false;
  const refresh = () => {
    scheduled = false;
    setMeeting(reconcile(readMeeting(doc)));
  };
  const onChange = () => {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(refresh);
  };
  // The meeting document is tiny: any change anywhere in it re-reads the whole.
  doc.on("update", onChange);
  onCleanup(() => doc.off("update", onChange));
  return meeting;
}
