import crypto from "node:crypto";
import type { BoardRecord, Role } from "../storage/storage";

const ROLES: Role[] = ["facilitator", "participant", "observer"];

/** A long random secret: 32 bytes, base64url (256 bits, beyond any guessing). */
export function randomSecret(bytes = 32): string {
  return crypto.randomBytes(bytes).toString("base64url");
}

/**
 * A random id of `bytes` random bytes, base64url, that never starts with "-": ids are typed
 * after commands (`npm run export -- <boardId>`), where a leading "-" reads as an option. One
 * draw in 64 is drawn again, which leaves the id as unguessable as its length says.
 */
export function randomId(bytes: number): string {
  for (;;) {
    const id = randomSecret(bytes);
    if (!id.startsWith("-")) return id;
  }
}

export function hashKey(key: string): string {
  return crypto.createHash("sha256").update(key, "utf8").digest("hex");
}

/** Fresh capability keys for a board, and their hashes for storage. */
export function createBoardKeys(): { keys: Record<Role, string>; hashes: Record<Role, string> } {
  const keys = {
    facilitator: randomSecret(),
    participant: randomSecret(),
    observer: randomSecret(),
  };
  const hashes = {
    facilitator: hashKey(keys.facilitator),
    participant: hashKey(keys.participant),
    observer: hashKey(keys.observer),
  };
  return { keys, hashes };
}

/**
 * The role a key grants on a board, or undefined. Compares every role's hash in constant time
 * so the answer's timing does not tell which role a near-miss was for.
 */
export function roleForKey(board: BoardRecord, key: string): Role | undefined {
  const given = Buffer.from(hashKey(key), "hex");
  let found: Role | undefined;
  for (const role of ROLES) {
    const stored = Buffer.from(board.keyHashes[role], "hex");
    if (stored.length === given.length && crypto.timingSafeEqual(stored, given)) found = role;
  }
  return found;
}
