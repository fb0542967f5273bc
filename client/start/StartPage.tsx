import { createSignal, Show } from "solid-js";
import type { CreatedBoard } from "../sync/apiSchemas";
import { BoardLinks } from "./BoardLinks";
import { CreateBoardForm } from "./CreateBoardForm";

const STEPS = [
  {
    title: "Lay out the facts",
    text: "One shared timeline of what happened and when: alerts, deploys, messages.",
  },
  {
    title: "Add each perspective",
    text: "Everyone writes, on their own lane, what they saw, believed and did at the time.",
  },
  {
    title: "Learn and improve",
    text: "Walk the timeline, name the conditions that lined up, agree on a few improvements.",
  },
];

/** `/`: what Debrief is for, and a form that creates a board and hands out its links. */
export function StartPage() {
  const [created, setCreated] = createSignal<CreatedBoard>();

  return (
    <main class="page narrow stack-lg start-page">
      <header class="intro">
        <h1 class="brand">Debrief</h1>
        <p class="tagline">
          Rebuild an incident together, blamelessly. People act in good faith on what they knew at
          the time; the aim is to learn how the system let it happen, not to find someone to blame.
        </p>
        <ol class="start-steps">
          {STEPS.map((step) => (
            <li>
              <strong>{step.title}</strong>
              <span>{step.text}</span>
            </li>
          ))}
        </ol>
      </header>
      <Show when={created()} fallback={<CreateBoardForm onCreated={setCreated} />}>
        {(board) => <BoardLinks board={board()} />}
      </Show>
    </main>
  );
}
