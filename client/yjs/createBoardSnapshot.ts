import { batch, onCleanup } from "solid-js";
import { createStore, reconcile, unwrap } from "solid-js/store";
import * as Y from "yjs";
import {
  type BoardSnapshot,
  type Card,
  compareCards,
  getRoots,
  readBoard,
  readCard,
  readImprovements,
  readInfo,
  readLanes,
} from "../../shared/board";

// Above this many touched cards in one batch (a first sync, a reveal of many drafts), one full
// re-read is cheaper than many single ones.
const FULL_READ_THRESHOLD = 300;

/**
 * The board document as a read-only Solid store that follows every change, local or remote.
 * Changes are batched per microtask. Board info, lanes and improvements are small and re-read
 * whole; cards are re-read one by one, only those a change touched, because re-reading 3,000
 * cards (each one's rich text flattened) on every keystroke in any card costs tens of ms.
 * `reconcile` keyed by id keeps unchanged cards as the same store nodes, so only what changed
 * re-renders. Must run inside a Solid owner: the observers are removed with it.
 */
export function createBoardSnapshot(doc: Y.Doc): BoardSnapshot {
  const [board, setBoard] = createStore<BoardSnapshot>(readBoard(doc));
  const roots = getRoots(doc);

  let scheduled = false;
  let full = false;
  const dirty = { info: false, lanes: false, improvements: false, cards: new Set<string>() };
  // Ids added or removed: links and improvements pointing at them read differently now.
  const addedOrRemoved = new Set<string>();

  const refresh = () => {
    scheduled = false;
    batch(() => {
      if (full || dirty.cards.size > FULL_READ_THRESHOLD) refreshAll();
      else {
        if (dirty.info) setBoard("info", reconcile(readInfo(doc)));
        if (dirty.lanes) setBoard("lanes", reconcile(readLanes(doc), { key: "id" }));
        if (dirty.cards.size > 0) refreshCards();
        if (dirty.improvements || addedOrRemoved.size > 0) {
          setBoard("improvements", reconcile(readImprovements(doc), { key: "id" }));
        }
      }
    });
    full = false;
    dirty.info = dirty.lanes = dirty.improvements = false;
    dirty.cards.clear();
    addedOrRemoved.clear();
  };

  const refreshAll = () => {
    const next = readBoard(doc);
    // Into an empty store (the first sync) plain setting is enough; `reconcile` would walk
    // and diff thousands of fresh objects for nothing.
    if (board.cards.length === 0) setBoard(next);
    else setBoard(reconcile(next, { key: "id" }));
  };

  // Only the touched cards are read and written, each in place: `reconcile` over the whole
  // list would deep-walk every card on every keystroke.
  const refreshCards = () => {
    const current = unwrap(board.cards);
    // A removed card drops out of other cards' `links`; re-read the cards that linked to it.
    if (addedOrRemoved.size > 0) {
      for (const card of current) {
        if (card.links.some((id) => addedOrRemoved.has(id))) dirty.cards.add(card.id);
      }
    }
    const index = new Map(current.map((card, i) => [card.id, i]));
    const added: Card[] = [];
    const removed = new Set<string>();
    let reorder = false;
    for (const id of dirty.cards) {
      const fresh = readCard(doc, id);
      const i = index.get(id);
      const old = i === undefined ? undefined : current[i];
      if (!fresh) {
        if (old) removed.add(id);
      } else if (i === undefined || !old) {
        added.push(fresh);
      } else {
        if (old.at !== fresh.at || old.rank !== fresh.rank) reorder = true;
        setBoard("cards", i, reconcile(fresh));
      }
    }
    if (added.length === 0 && removed.size === 0 && !reorder) return;
    // The same card objects in a new order: components showing a card keep their node.
    const next = current.filter((card) => !removed.has(card.id)).concat(added);
    // Nearly sorted already, which the engine's merge sort handles in about linear time.
    next.sort(compareCards);
    setBoard("cards", next);
  };

  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(refresh);
  };

  const onCards = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    for (const event of events) {
      if (event instanceof Y.YMapEvent && event.target === roots.cards) {
        for (const id of event.keysChanged) {
          dirty.cards.add(id);
          addedOrRemoved.add(id);
        }
      } else {
        // A change inside a card (its text, votes, time): the first path step is its id.
        const id = event.path[0];
        if (typeof id === "string") dirty.cards.add(id);
        else full = true;
      }
    }
    schedule();
  };
  const mark = (part: "info" | "lanes" | "improvements") => () => {
    dirty[part] = true;
    schedule();
  };
  const onInfo = mark("info");
  const onLanes = mark("lanes");
  const onImprovements = mark("improvements");

  roots.board.observeDeep(onInfo);
  roots.lanes.observeDeep(onLanes);
  roots.improvements.observeDeep(onImprovements);
  roots.cards.observeDeep(onCards);
  onCleanup(() => {
    roots.board.unobserveDeep(onInfo);
    roots.lanes.unobserveDeep(onLanes);
    roots.improvements.unobserveDeep(onImprovements);
    roots.cards.unobserveDeep(onCards);
  });

  return board;
}
