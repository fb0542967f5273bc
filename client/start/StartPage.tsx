import { createSignal, Show } from "solid-js";
import type { CreatedBoard } from "../sync/apiSchemas";
import { BoardLinks } from "./BoardLinks";
import { CreateBoardForm } from "./CreateBoardForm";

/** `/`: what Debrief is for, and a form that creates a board and hands out its links. */
export function StartPage() {
  const [created, setCreated] = createSignal<CreatedBoard>();

  return (
    <main class="page narrow stack-lg">
      <header class="intro">
        <h1 class="brand">Debrief</h1>
        <p class="tagline">
          Rebuild an incident together, blamelessly. Lay out the facts on one shared timeline, then
          let each person add what they saw, believed and did at the time. People act in good faith
          on what they knew; the aim is to learn how the system let it happen, not to find someone
          to blame.
        </p>
      </header>
      <Show when={created()} fallback={<CreateBoardForm onCreated={setCreated} />}>
        {(board) => <BoardLinks board={board()} />}
      </Show>
    </main>
  );
}
