import { Match, Switch } from "solid-js";
import { BoardPage } from "./board/BoardPage";
import { createRoute } from "./routing/createRoute";
import type { Route } from "./routing/parseRoute";
import { StartPage } from "./start/StartPage";
import { Notice } from "./ui/Notice";

/** Picks the screen for the URL. Board routes are keyed, so a new link remounts the page. */
export function App() {
  const route = createRoute();
  const boardRoute = () => {
    const current = route();
    return current.page === "board" ? (current as Extract<Route, { page: "board" }>) : undefined;
  };

  return (
    <Switch>
      <Match when={route().page === "start"}>
        <StartPage />
      </Match>
      <Match when={boardRoute()} keyed>
        {(board) => <BoardPage boardId={board.boardId} boardKey={board.key} />}
      </Match>
      <Match when={route().page === "not-found"}>
        <main class="page narrow">
          <Notice title="Nothing here">
            <p>
              This address is not a Debrief page. <a href="/">Start a new debrief</a>.
            </p>
          </Notice>
        </main>
      </Match>
    </Switch>
  );
}
