import { createMemo, For, Show } from "solid-js";
import { useBoard } from "../board/boardContext";

/**
 * During a write-alone phase: participants are told their cards stay private until the reveal;
 * facilitators and observers see who is writing, as counts from the meeting document. Draft
 * content never reaches anyone else's browser, so there is nothing else to show.
 */
export function PrivateWritingNote() {
  const ctx = useBoard();
  const isParticipant = ctx.session.role === "participant";
  const writers = createMemo(() =>
    ctx.board.lanes
      .filter((lane) => lane.participantId !== null)
      .map((lane) => ({
        id: lane.participantId ?? "",
        name: lane.name,
        count: ctx.meeting.draftCounts[lane.participantId ?? ""] ?? 0,
      })),
  );
  const writing = () => writers().filter((w) => w.count > 0);
  const notYet = () => writers().filter((w) => w.count === 0);
  const total = () => writing().reduce((sum, w) => sum + w.count, 0);
  const mine = () => ctx.drafts.cards().length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

  return (
    <Show when={ctx.privateWriting()}>
      <div class="private-writing">
        <Show when={isParticipant}>
          <p class="private-note">
            <span class="private-icon" aria-hidden="true">
              ✎
            </span>
            <span>
              <strong>Write alone</strong> — only you can see your cards until the reveal.{" "}
              <span class="hint">You have {plural(mine(), "private draft")}.</span>
            </span>
          </p>
        </Show>
        <Show when={!isParticipant || ctx.canSteer()}>
          <div class="private-summary">
            <span class="private-icon" aria-hidden="true">
              ✎
            </span>
            <span>
              <strong>
                Writing… ({writing().length} of {writers().length})
              </strong>{" "}
              <span class="hint">{plural(total(), "draft")} so far</span>
            </span>
            <Show when={writers().length > 0}>
              <ul class="writer-list" aria-label="Private drafts per person">
                <For each={writing()}>
                  {(w) => (
                    <li>
                      {w.name} <span class="writer-count">{w.count}</span>
                    </li>
                  )}
                </For>
                <For each={notYet()}>
                  {(w) => (
                    <li class="is-idle">
                      {w.name} <span class="hint">not started</span>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </div>
        </Show>
      </div>
    </Show>
  );
}
