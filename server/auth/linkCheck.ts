import type { Role, Storage } from "../storage/storage";
import type { Session } from "./tokens";

/** Why a session for a replaced link is refused (HTTP 401, sync handshake 401, close 4401). */
export { LINK_REPLACED } from "../../shared/session/revocation";

/** Hex characters of a key's hash a session carries: enough to tell keys apart, no more. */
const TAG_LENGTH = 16;

/** The tag of a key hash, as a session issued for that key carries it. */
export function keyTag(keyHash: string): string {
  return keyHash.slice(0, TAG_LENGTH);
}

type Entry = { hashes: Record<Role, string> | undefined; at: number };
type Listener = (boardId: string, role: Role) => void;

/**
 * Whether a session was issued for a link that is still the board's current one. Sessions are
 * signed tokens that live for days; when a facilitator replaces a link (it leaked, someone
 * left the team), sessions issued for the old key must stop working too. The board's key
 * hashes are read from storage and kept for `ttlMs`, so a link replaced on another node takes
 * effect here within that time; on this node at once (`replaced`).
 */
export function createLinkCheck(
  storage: Storage,
  { ttlMs = 5_000, now = Date.now }: { ttlMs?: number; now?: () => number } = {},
) {
  const cache = new Map<string, Entry>();
  const loading = new Map<string, Promise<Entry>>();
  // Replacements per board on this node: a read that started before one must not put the old
  // hashes back.
  const replacements = new Map<string, number>();
  const listeners: Listener[] = [];

  const fresh = (entry: Entry | undefined): entry is Entry =>
    entry !== undefined && now() - entry.at < ttlMs;

  const load = (boardId: string): Promise<Entry> => {
    let pending = loading.get(boardId);
    if (!pending) {
      const seen = replacements.get(boardId) ?? 0;
      pending = storage
        .getBoard(boardId)
        .then((board) => {
          if ((replacements.get(boardId) ?? 0) !== seen) return load(boardId);
          const entry = { hashes: board?.keyHashes, at: now() };
          if (cache.size >= 10_000) {
            for (const [id, e] of cache) if (!fresh(e)) cache.delete(id);
          }
          cache.set(boardId, entry);
          return entry;
        })
        .finally(() => {
          if (loading.get(boardId) === pending) loading.delete(boardId);
        });
      loading.set(boardId, pending);
    }
    return pending;
  };

  const matches = (session: Session, entry: Entry) =>
    session.keyTag === undefined ||
    (entry.hashes !== undefined && keyTag(entry.hashes[session.role]) === session.keyTag);

  return {
    /** Reads storage when this node's copy is older than `ttlMs`. */
    async isCurrent(session: Session): Promise<boolean> {
      const entry = cache.get(session.boardId);
      return matches(session, fresh(entry) ? entry : await load(session.boardId));
    },

    /**
     * Without waiting: true only when this node knows the link was replaced. A stale copy is
     * refreshed in the background for the next call (connections ask at every heartbeat).
     */
    knownReplaced(session: Session): boolean {
      const entry = cache.get(session.boardId);
      if (!fresh(entry)) void load(session.boardId).catch(() => {});
      return entry !== undefined && !matches(session, entry);
    },

    /** A link was replaced on this node: effective here at once, and listeners told. */
    replaced(boardId: string, role: Role, keyHash: string): void {
      replacements.set(boardId, (replacements.get(boardId) ?? 0) + 1);
      loading.delete(boardId);
      const entry = cache.get(boardId);
      if (entry?.hashes)
        cache.set(boardId, { hashes: { ...entry.hashes, [role]: keyHash }, at: now() });
      else cache.delete(boardId);
      for (const listener of listeners) listener(boardId, role);
    },

    onReplaced(listener: Listener): void {
      listeners.push(listener);
    },
  };
}

export type LinkCheck = ReturnType<typeof createLinkCheck>;
