import * as Y from "yjs";
import { ChangeCopy } from "../server/sync/changeCopy";
import { addParticipantLane } from "../shared/board";
import { buildLargeBoardDoc } from "../tests/fixtures/report/largeBoard";
import { percentile } from "./stats";

// `npm run bench:changes`: what a change the server makes (a join's lane) costs the event
// loop on boards of growing size: the whole document copied for each change, as before, or
// the kept copy brought up to date (ChangeCopy). Both in one run, so the ratio holds on a busy
// machine; the figures go to docs/benchmarks.md.

const RUNS = Number(process.env.RUNS ?? 30);
const SIZES = [300, 3_000, 10_000];

/** Per change: another participant edits the board, then the server adds a lane. */
function timeChanges(board: Y.Doc, copyFor: () => Y.Doc, after: () => void): number[] {
  const times: number[] = [];
  const notes = board.getArray<string>("benchNotes");
  for (let i = 0; i < RUNS + 3; i++) {
    notes.push([`edit ${i}`]);
    const start = performance.now();
    const copy = copyFor();
    addParticipantLane(copy, { participantId: `p${i}`, name: `Person ${i}` });
    const update = Y.encodeStateAsUpdate(copy, Y.encodeStateVector(board));
    after();
    if (i >= 3) times.push(performance.now() - start);
    Y.applyUpdate(board, update); // stored and applied, as Room.change does
  }
  return times;
}

const rows: string[] = [];
for (const cards of SIZES) {
  const whole = buildLargeBoardDoc(cards);
  const kept = buildLargeBoardDoc(cards);
  const bytes = Y.encodeStateAsUpdate(whole).byteLength;
  let scratch: Y.Doc | undefined;
  const copyWhole = () => {
    scratch = new Y.Doc();
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(whole));
    scratch.clientID = 4242;
    return scratch;
  };
  const copies = new ChangeCopy(() => kept, 4242);
  const before = percentile(
    timeChanges(whole, copyWhole, () => scratch?.destroy()),
    50,
  );
  const now = percentile(
    timeChanges(
      kept,
      () => copies.current(),
      () => copies.kept(),
    ),
    50,
  );
  copies.drop();
  rows.push(
    `| ${cards.toLocaleString("en")} cards (${(bytes / 1024).toFixed(0)} KiB) | ${before.toFixed(2)} ms | ${now.toFixed(2)} ms | ${(before / now).toFixed(0)}× |`,
  );
}
process.stdout.write(
  [
    `Server change (a join's lane), median of ${RUNS}, Node ${process.version}`,
    "",
    "| board | whole copy per change | kept copy | faster |",
    "| --- | ---: | ---: | ---: |",
    ...rows,
    "",
  ].join("\n"),
);
