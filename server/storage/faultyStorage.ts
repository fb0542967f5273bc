import fs from "node:fs";
import path from "node:path";
import type { Storage } from "./storage";

/** Storage calls a test can make fail. */
export type FaultyCall = "append" | "load" | "compact";

/**
 * TEST HOOK (DEBRIEF_TEST_HOOKS=1 only): wraps a storage so that a test can make calls fail
 * while the server runs, by writing `{"append": true}` (or `load`, `compact`) to
 * `<dataDir>/faults.json`. The file is read before every call, so faults start and stop
 * without restarting the process. Nothing reaches this over the network: without the
 * environment variable the wrapper is never installed.
 */
export function createFaultyStorage(inner: Storage, dataDir: string): Storage {
  const file = path.join(dataDir, "faults.json");
  const failing = (call: FaultyCall): boolean => {
    let text: string;
    try {
      text = fs.readFileSync(file, "utf8");
    } catch {
      return false;
    }
    try {
      return (JSON.parse(text) as Partial<Record<FaultyCall, boolean>>)[call] === true;
    } catch {
      // A test writing the file mid-read: treat a torn file as "no fault" and read it next time.
      return false;
    }
  };
  const guard = (call: FaultyCall) => {
    if (failing(call)) throw new Error(`injected storage fault: ${call}`);
  };
  return {
    ...inner,
    async load(room) {
      guard("load");
      return inner.load(room);
    },
    async append(items) {
      guard("append");
      return inner.append(items);
    },
    async compact(room) {
      guard("compact");
      return inner.compact(room);
    },
  };
}
