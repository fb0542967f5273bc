import { createMemo, For, Show } from "solid-js";
import { useBoard } from "../board/boardContext";
import { Avatar } from "./Avatar";
import { createFollow } from "./createFollow";
import { FollowToggle } from "./FollowToggle";
import { readyCount } from "./peopleHere";
import { ReadyToggle } from "./ReadyToggle";
import { usePresence } from "./usePresence";

/**
 * Who is here (one avatar per person, facilitators first), the "ready" signal, and for people
 * who do not steer, "follow the facilitator". Those who steer see how many are ready.
 */
export function PresenceBar() {
  const ctx = useBoard();
  const presence = usePresence();
  const follow = createFollow(ctx, presence);
  const count = createMemo(() => readyCount(presence.people()));

  return (
    <section class="presence-bar" aria-label="Presence">
      <ul class="presence-people" aria-label={`People here: ${presence.people().length}`}>
        <For each={presence.people()}>{(person) => <Avatar person={person} />}</For>
      </ul>
      <div class="presence-actions">
        <Show when={ctx.canSteer() && count().of > 0}>
          <span class="ready-count" role="status">
            <span aria-hidden="true">✓</span> {count().ready} of {count().of} ready
          </span>
        </Show>
        <Show when={ctx.session.role === "participant"}>
          <ReadyToggle presence={presence} />
        </Show>
        <Show when={!ctx.canSteer()}>
          <FollowToggle follow={follow} presence={presence} />
        </Show>
      </div>
    </section>
  );
}
