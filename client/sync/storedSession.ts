// What the browser remembers per board, in localStorage under `debrief:<boardId>:…`.
// Storage can be unavailable (private windows, disabled storage); the app then simply asks
// again each visit, so every access swallows errors.

const storageKey = (boardId: string, field: "token" | "name" | "keyTag" | "replacedKeyTag") =>
  `debrief:${boardId}:${field}`;

function read(key: string): string | undefined {
  try {
    return localStorage.getItem(key) ?? undefined;
  } catch {
    return undefined;
  }
}

function write(key: string, value: string | undefined): void {
  try {
    if (value === undefined) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Not remembered; the next visit asks again.
  }
}

/**
 * A short fingerprint of a capability key. Not a secret and not for security: it only lets
 * us notice that the page was opened with a different link (say the facilitator's after the
 * participant's) without keeping the key itself in storage. FNV-1a, 32 bits.
 */
export function keyTag(key: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}

export type StoredSession = { token: string; keyTag: string | undefined };

/** The session token kept for a board, with the tag of the key it came from. */
export function loadSession(boardId: string): StoredSession | undefined {
  const token = read(storageKey(boardId, "token"));
  return token ? { token, keyTag: read(storageKey(boardId, "keyTag")) } : undefined;
}

/** Remember a session token, and which key it was obtained with. */
export function saveSession(boardId: string, token: string, key: string): void {
  write(storageKey(boardId, "token"), token);
  write(storageKey(boardId, "keyTag"), keyTag(key));
}

/** Forget the session token (expired or rejected), keeping the display name. */
export function forgetSession(boardId: string): void {
  write(storageKey(boardId, "token"), undefined);
  write(storageKey(boardId, "keyTag"), undefined);
}

/**
 * Remember that the link with this key was replaced: the server answers an old key exactly as
 * a wrong one (so guessing learns nothing), but this browser saw why its session ended and can
 * say so when the old link is opened again.
 */
export function markLinkReplaced(boardId: string, key: string): void {
  write(storageKey(boardId, "replacedKeyTag"), keyTag(key));
}

export function isLinkReplaced(boardId: string, key: string): boolean {
  return read(storageKey(boardId, "replacedKeyTag")) === keyTag(key);
}

/** The display name this browser used on a board before. */
export function loadName(boardId: string): string | undefined {
  return read(storageKey(boardId, "name"));
}

export function saveName(boardId: string, name: string): void {
  write(storageKey(boardId, "name"), name);
}
