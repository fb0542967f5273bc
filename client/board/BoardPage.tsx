import { Match, Show, Switch } from "solid-js";
import { createJoinFlow, type JoinState } from "../sync/createJoinFlow";
import { Notice } from "../ui/Notice";
import { BoardView } from "./BoardView";
import { JoinProblemNotice } from "./JoinProblemNotice";
import { NameForm } from "./NameForm";

type Props = { boardId: string; boardKey: string | undefined };

type StepOf<S extends JoinState["step"]> = Extract<JoinState, { step: S }>;

/** `/b/<boardId>#key=…`: join the board (or say why not), then show it. */
export function BoardPage(props: Props) {
  const flow = createJoinFlow(props.boardId, props.boardKey);
  const when = <S extends JoinState["step"]>(step: S) => {
    const state = flow.state();
    return state.step === step ? (state as StepOf<S>) : undefined;
  };
  // Keyed on the session object: a new token means a new connection.
  const session = () => when("joined")?.session;

  return (
    <Show
      when={session()}
      keyed
      fallback={
        <main class="page narrow">
          <Switch>
            <Match when={when("checking")}>
              <Notice title="Opening the board…" />
            </Match>
            <Match when={when("need-name")}>
              {(state) => <NameForm error={state().error} onSubmit={flow.submitName} />}
            </Match>
            <Match when={when("failed")}>
              {(state) => (
                <JoinProblemNotice
                  problem={state().problem}
                  message={state().message}
                  onRetry={flow.retry}
                />
              )}
            </Match>
          </Switch>
        </main>
      }
    >
      {(joined) => <BoardView session={joined} onSessionEnded={flow.sessionEnded} />}
    </Show>
  );
}
