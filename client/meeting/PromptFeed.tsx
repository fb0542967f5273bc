import { createMemo, For, Show } from "solid-js";
import { useBoard } from "../board/boardContext";

/**
 * The newest scripted prompt, prominent, with the earlier ones behind a disclosure, newest
 * first. The newest prompt is a polite live region: a prompt that arrives is read out once,
 * without interrupting anyone.
 */
export function PromptFeed() {
  const ctx = useBoard();
  // The meeting document keeps the feed oldest first; this view reads newest first throughout.
  const newestFirst = createMemo(() => [...ctx.meeting.prompts].reverse());
  const newest = () => newestFirst()[0];
  const earlier = () => newestFirst().slice(1);
  const phaseTitle = (phaseId: string) =>
    ctx.meeting.state?.phases.find((phase) => phase.id === phaseId)?.title ?? "";
  // Prompts carry server time; shown in this browser's clock.
  const localTime = (serverMs: number) =>
    new Date(serverMs - ctx.clock.offsetMs()).toLocaleTimeString([], {
      hour: "2-digit",
      minute: "2-digit",
    });

  return (
    <div class="meeting-prompt">
      <p class="prompt-label">Prompt</p>
      <p
        class="prompt-newest"
        classList={{ "is-empty": !newest() }}
        aria-live="polite"
        aria-atomic="true"
      >
        {newest()?.text ?? "Prompts from the script appear here once the meeting starts."}
      </p>
      <Show when={earlier().length > 0}>
        <details class="prompt-feed">
          <summary>Earlier prompts ({earlier().length})</summary>
          <ol class="prompt-list">
            <For each={earlier()}>
              {(prompt) => (
                <li>
                  <span class="prompt-meta">
                    <time datetime={new Date(prompt.at).toISOString()}>{localTime(prompt.at)}</time>
                    {" · "}
                    {phaseTitle(prompt.phaseId)}
                  </span>
                  <span class="prompt-text">{prompt.text}</span>
                </li>
              )}
            </For>
          </ol>
        </details>
      </Show>
    </div>
  );
}
