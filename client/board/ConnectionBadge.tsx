import type { ConnectionStatus } from "../sync/createRoomConnection";

const LABELS: Record<ConnectionStatus, string> = {
  connecting: "Connecting…",
  synced: "Live",
  // Edits made now are kept in the browser (IndexedDB) and sent on reconnect; say so, so
  // nobody stops writing or copies their cards somewhere "to be safe".
  offline: "Offline — edits kept",
  ended: "Session ended",
};

/** Whether what you see is live; changes are announced politely to screen readers. */
export function ConnectionBadge(props: { status: ConnectionStatus }) {
  return (
    <span class={`badge status-${props.status}`} role="status" aria-live="polite">
      <span class="dot" aria-hidden="true" />
      {LABELS[props.status]}
    </span>
  );
}
