import type { CreatedBoard } from "../sync/apiSchemas";
import { CopyField } from "../ui/CopyField";

type Props = { board: CreatedBoard };

/** The three capability links of a fresh board, each with who it is for. */
export function BoardLinks(props: Props) {
  return (
    <section class="card-panel stack" aria-labelledby="links-heading">
      <h2 id="links-heading">“{props.board.title}” is ready</h2>
      <p>
        Share these links. Save them now: Debrief keeps only fingerprints of the keys and cannot
        show them again.
      </p>
      <div class="link-block">
        <CopyField label="Facilitator link" value={props.board.links.facilitator} />
        <p class="hint">
          For you, who runs the meeting: writes on every lane and steers the phases. Keep it to
          yourself.
        </p>
      </div>
      <div class="link-block">
        <CopyField label="Participant link" value={props.board.links.participant} />
        <p class="hint">
          For everyone who lived the incident: each person gets a lane for what they saw, thought
          and did, and can add facts to the shared timeline.
        </p>
      </div>
      <div class="link-block">
        <CopyField label="Observer link" value={props.board.links.observer} />
        <p class="hint">
          For people who want to follow along and learn without writing — stakeholders, newcomers.
          Read-only.
        </p>
      </div>
      <div>
        <a class="button primary" href={props.board.links.facilitator}>
          Open the board as facilitator
        </a>
      </div>
    </section>
  );
}
