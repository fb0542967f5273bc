import * as Y from "yjs";
import { addCard, createBoard, TIMELINE_LANE_ID } from "../../shared/board";
import type { BoardSpec } from "../generatorApi";

/**
 * Boards made with the board model's own commands, so a benchmark document looks like one a
 * meeting produces (nested maps, rich text, ranks), not like a flat test blob.
 *
 * The skeleton (title, timeline lane) and the cards come from two different Yjs clients: every
 * server already holds a skeleton of its own (Debrief creates it with the board), so only the
 * cards are sent, and they depend on nothing but themselves.
 */
export type BuiltBoard = {
  /** The skeleton every bench client starts from (never sent: servers make their own). */
  skeleton: Uint8Array;
  /** The cards, as updates of about CHUNK cards each, in the order they must be sent. */
  chunks: Uint8Array[];
  /** The Yjs client that wrote the cards and the clock it ends at: "holds the whole board". */
  writer: { client: number; clock: number };
  bytes: number;
  buildMs: number;
};

const SKELETON_CLIENT = 0x5eed;
const CARDS_CLIENT = 0xcafe;
// A frame per ~100 cards keeps every frame far below each server's limit (Debrief's is 16 MiB).
const CHUNK = 100;
const T0 = Date.UTC(2026, 10, 2, 14, 0);
const WORDS =
  "checkout latency rose after the deploy pager fired database failover cache warmed retries doubled queue backed up rollback started customers saw errors dashboard alert timeout".split(
    " ",
  );

/** The skeleton alone: a created board with its timeline lane. */
export function skeleton(): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = SKELETON_CLIENT;
  createBoard(doc, { title: "Benchmark board", timezone: "UTC", createdAt: T0 });
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

/** Deterministic text of about `chars` characters (same seed, same board, every run). */
function cardText(i: number, chars: number): string {
  let text = "";
  let k = i * 7919;
  while (text.length < chars) {
    text += `${WORDS[k % WORDS.length]} `;
    k = (k * 1103515245 + 12345) % 2147483648;
  }
  return text.slice(0, chars).trim();
}

export function buildBoard(spec: BoardSpec): BuiltBoard {
  const started = performance.now();
  const base = skeleton();
  const doc = new Y.Doc();
  Y.applyUpdate(doc, base);
  doc.clientID = CARDS_CLIENT;
  const chunks: Uint8Array[] = [];
  doc.on("update", (update: Uint8Array) => chunks.push(update));
  for (let first = 0; first < spec.cards; first += CHUNK) {
    doc.transact(() => {
      for (let i = first; i < Math.min(spec.cards, first + CHUNK); i++) {
        addCard(doc, {
          laneId: TIMELINE_LANE_ID,
          at: T0 + i * 15_000,
          kind: "event",
          authorId: "bench",
          createdAt: T0,
          text: cardText(i, spec.textChars),
        });
      }
    });
  }
  const writer = { client: CARDS_CLIENT, clock: clockOf(doc) };
  const bytes = Y.encodeStateAsUpdate(doc, Y.encodeStateVectorFromUpdate(base)).byteLength;
  doc.destroy();
  return { skeleton: base, chunks, writer, bytes, buildMs: performance.now() - started };
}

function clockOf(doc: Y.Doc): number {
  return Y.decodeStateVector(Y.encodeStateVector(doc)).get(CARDS_CLIENT) ?? 0;
}
