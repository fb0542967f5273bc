import { describe, expect, it } from "vitest";
import { createLinkCheck, keyTag } from "../../server/auth/linkCheck";
import type { Session } from "../../server/auth/tokens";
import type { BoardRecord, Storage } from "../../server/storage/storage";
import { memoryStorage } from "../support/memoryStorage";

const OLD = "a".repeat(64);
const NEW = "b".repeat(64);
const record = (participant: string): BoardRecord => ({
  id: "b1",
  createdAt: 0,
  keyHashes: { facilitator: "f".repeat(64), participant, observer: "o".repeat(64) },
});
const session = (tag: string | undefined): Session => ({
  boardId: "b1",
  role: "participant",
  participantId: "p",
  name: "P",
  expiresAt: Number.MAX_SAFE_INTEGER,
  ...(tag === undefined ? {} : { keyTag: tag }),
});

/** A storage whose getBoard answers only when the test says so. */
function slowStorage() {
  const waiting: Array<(board: BoardRecord) => void> = [];
  const storage: Storage = {
    ...memoryStorage().storage,
    getBoard: () => new Promise((resolve) => waiting.push(resolve)),
  };
  return { storage, answer: (board: BoardRecord) => waiting.shift()?.(board) };
}

describe("link check", () => {
  it("accepts a session for the current key, and one from before keys were tagged", async () => {
    let now = 0;
    let board = record(OLD);
    const storage: Storage = { ...memoryStorage().storage, getBoard: async () => board };
    const links = createLinkCheck(storage, { ttlMs: 1_000, now: () => now });
    expect(await links.isCurrent(session(keyTag(OLD)))).toBe(true);
    expect(await links.isCurrent(session(undefined))).toBe(true);
    expect(await links.isCurrent(session(keyTag(NEW)))).toBe(false);
    // Replaced on another node: seen once this node's copy is older than the TTL.
    board = record(NEW);
    expect(await links.isCurrent(session(keyTag(OLD)))).toBe(true);
    now = 1_000;
    expect(await links.isCurrent(session(keyTag(OLD)))).toBe(false);
  });

  it("never puts a replaced key back from a read that started before the replacement", async () => {
    const slow = slowStorage();
    const links = createLinkCheck(slow.storage);
    const old = session(keyTag(OLD));
    const checking = links.isCurrent(old);
    links.replaced("b1", "participant", NEW);
    slow.answer(record(OLD)); // the read from before the replacement
    await Promise.resolve();
    slow.answer(record(NEW)); // the read after it
    expect(await checking).toBe(false);
    expect(links.knownReplaced(old)).toBe(true);
  });

  it("tells listeners at once when a link is replaced here", () => {
    const links = createLinkCheck(memoryStorage().storage);
    const heard: string[] = [];
    links.onReplaced((boardId, role) => heard.push(`${boardId}/${role}`));
    links.replaced("b1", "observer", NEW);
    expect(heard).toEqual(["b1/observer"]);
  });
});
