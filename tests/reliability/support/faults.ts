import fs from "node:fs";
import path from "node:path";
import type { FaultyCall } from "../../../server/storage/faultyStorage";

/**
 * Turns storage faults on or off in a server started with DEBRIEF_TEST_HOOKS=1; it reads
 * DATA_DIR/faults.json before every storage call. Written to a temporary file and renamed, so
 * the server never reads half a file.
 */
export function setStorageFaults(dataDir: string, faults: Partial<Record<FaultyCall, boolean>>) {
  const file = path.join(dataDir, "faults.json");
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(faults));
  fs.renameSync(`${file}.tmp`, file);
}
