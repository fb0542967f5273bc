import { createMemo, createSignal, For, Show } from "solid-js";
import { useBoard } from "../board/boardContext";
import { createDisclosure } from "./createDisclosure";
import type { MeetingCommands } from "./createMeetingCommands";

/**
 * Share the facilitator role with a participant, e.g. to hand over when leaving early, or take
 * a grant back. Grants are explicit and stay: the role never moves on its own when someone's
 * connection drops.
 */
export function FacilitatorHandover(props: { commands: MeetingCommands }) {
  const ctx = useBoard();
  const menu = createDisclosure();
  const [done, setDone] = createSignal<string>();
  const people = createMemo(() =>
    ctx.board.lanes
      .filter((lane) => lane.participantId && lane.participantId !== ctx.session.participantId)
      .map((lane) => ({
        id: lane.participantId ?? "",
        name: lane.name,
        granted: ctx.meeting.facilitators.includes(lane.participantId ?? ""),
      })),
  );

  const toggle = async (person: { id: string; name: string; granted: boolean }) => {
    setDone(undefined);
    menu.close(true);
    if (person.granted) {
      if (await props.commands.revoke(person.id)) {
        setDone(`${person.name} no longer steers the meeting.`);
      }
    } else if (await props.commands.grant(person.id)) {
      setDone(`${person.name} can now steer the meeting too.`);
    }
  };

  return (
    <div class="handover">
      <div class="disclosure" ref={menu.setRoot}>
        <button
          type="button"
          class="quiet"
          ref={menu.setButton}
          aria-expanded={menu.open()}
          aria-controls={menu.panelId}
          onClick={menu.toggle}
        >
          Share facilitation <span aria-hidden="true">▾</span>
        </button>
        <div class="disclosure-panel align-end" id={menu.panelId} hidden={!menu.open()}>
          <Show
            when={people().length > 0}
            fallback={<p class="disclosure-note">Nobody else has joined as a participant yet.</p>}
          >
            <p class="disclosure-note">
              They see the controls too. A grant lasts until a facilitator takes it back.
            </p>
            <ul class="phase-menu" aria-label="Participants">
              <For each={people()}>
                {(person) => (
                  <li>
                    <button
                      type="button"
                      class="menu-item"
                      disabled={props.commands.pending() !== undefined}
                      onClick={() => void toggle(person)}
                    >
                      <span class="menu-item-main">{person.name}</span>
                      <span class="menu-item-meta">
                        {person.granted ? "✓ facilitates · Take back" : "Make facilitator"}
                      </span>
                    </button>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </div>
      </div>
      <p class="handover-status" role="status">
        {done() ?? ""}
      </p>
    </div>
  );
}
