import { createMemo, createSignal, For, Show } from "solid-js";
import { useBoard } from "../board/boardContext";
import { createPointerTracking } from "./createPointerTracking";
import { usePresence } from "./usePresence";

/**
 * Other people's pointers over the lanes, each in their colour with their name. Positions
 * travel in board coordinates (incident time, lane, height within the lane) and are placed here
 * with this person's own zoom, so they point at the same card for everyone. Decorative for
 * screen readers: where someone's mouse is says nothing a list of people does not.
 */
export function PresenceCursors() {
  const ctx = useBoard();
  const presence = usePresence();
  const [layer, setLayer] = createSignal<HTMLElement>();
  // The canvas registers its content element; until it has, the element this layer sits in.
  createPointerTracking(
    ctx,
    presence,
    () => ctx.contentElement() ?? layer()?.parentElement ?? undefined,
  );

  const placed = createMemo(() => {
    const bands = new Map(ctx.laneGeometry().map((band) => [band.laneId, band]));
    return presence.cursors().flatMap((cursor) => {
      const band = bands.get(cursor.laneId);
      if (!band) return [];
      const x = ctx.viewport.xAt(cursor.at);
      const y = band.top + (cursor.y ?? 0.5) * band.height;
      return [{ ...cursor, x, y }];
    });
  });

  // Keyed by client id, so a moving pointer updates its element (and glides) rather than
  // being drawn anew on every move.
  const byClient = createMemo(() => new Map(placed().map((cursor) => [cursor.clientId, cursor])));
  const clientIds = createMemo(() => placed().map((cursor) => cursor.clientId), [], {
    equals: (a, b) => a.length === b.length && a.every((id, i) => id === b[i]),
  });

  return (
    <div class="presence-cursors" ref={setLayer} aria-hidden="true">
      <For each={clientIds()}>
        {(clientId) => (
          <Show when={byClient().get(clientId)}>
            {(cursor) => (
              <div
                class="presence-cursor"
                style={{
                  transform: `translate(${cursor().x}px, ${cursor().y}px)`,
                  "--cursor-color": cursor().color,
                }}
              >
                <svg
                  aria-hidden="true"
                  class="presence-cursor-arrow"
                  width="16"
                  height="20"
                  viewBox="0 0 16 20"
                >
                  <path d="M1 1 L1 17 L5.5 12.8 L8.6 19 L11.2 17.8 L8.2 11.8 L14 11.6 Z" />
                </svg>
                <Show when={cursor().name}>
                  <span class="presence-cursor-name">{cursor().name}</span>
                </Show>
              </div>
            )}
          </Show>
        )}
      </For>
    </div>
  );
}
