import type { AppendItem, Storage, StoredDoc } from "../../server/storage/storage";

/**
 * An in-memory storage for unit tests of the room layer: it records every append (one entry
 * per transaction), can be told to fail, and can hold appends until released, so a test
 * decides which updates share a commit.
 */
export function memoryStorage(stored: StoredDoc = { updates: [], logRows: 0, bytes: 0 }) {
  const batches: AppendItem[][] = [];
  let failing = false;
  let gate: Promise<void> | undefined;
  let open: (() => void) | undefined;
  const storage: Storage = {
    load: async () => stored,
    append: async (items) => {
      if (gate) await gate;
      if (failing) throw new Error("disk full");
      batches.push([...items]);
    },
    compact: async () => ({ rowsFolded: 0, bytesBefore: 0, bytesAfter: 0 }),
    createBoard: async () => {},
    getBoard: async () => undefined,
    replaceKeyHash: async () => false,
    setMeetingRunning: async () => {},
    listRunningMeetings: async () => [],
    ping: async () => {},
    close: async () => {},
  };
  return {
    storage,
    batches,
    get rows(): AppendItem[] {
      return batches.flat();
    },
    fail: (on: boolean) => {
      failing = on;
    },
    /** Appends wait from now until `release`. */
    hold: () => {
      gate = new Promise((resolve) => {
        open = resolve;
      });
    },
    release: () => {
      gate = undefined;
      open?.();
    },
  };
}
