import { describe, expect, it } from "vitest";
import { createBoardKeys, randomId, roleForKey } from "../../server/auth/keys";
import { createTokenSigner } from "../../server/auth/tokens";

const session = {
  boardId: "board-abcdefgh",
  role: "participant" as const,
  participantId: "participant-1",
  name: "Ana",
  expiresAt: 2_000_000,
};

describe("session tokens", () => {
  const signer = createTokenSigner(Buffer.from("s".repeat(32)));

  it("verifies a token it issued, until it expires", () => {
    const token = signer.issue(session);
    expect(signer.verify(token, 1_000_000)).toEqual({ ok: true, session });
    expect(signer.verify(token, 2_000_000)).toEqual({ ok: false, reason: "expired" });
    expect(signer.verify(token, 3_000_000, { ignoreExpiry: true })).toEqual({ ok: true, session });
  });

  it("uses only characters that are legal in a WebSocket subprotocol", () => {
    expect(signer.issue({ ...session, name: 'Zoë "the" <admin>' })).toMatch(
      /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/,
    );
  });

  it("refuses a token signed with another secret, or with a changed payload", () => {
    const other = createTokenSigner(Buffer.from("t".repeat(32)));
    expect(signer.verify(other.issue(session), 0)).toEqual({ ok: false, reason: "forged" });
    const [body, mac] = signer.issue(session).split(".");
    const tampered = Buffer.from(
      Buffer.from(body!, "base64url").toString().replace("participant", "facilitator"),
    ).toString("base64url");
    expect(signer.verify(`${tampered}.${mac}`, 0)).toEqual({ ok: false, reason: "forged" });
  });

  it("calls anything that is not two parts malformed", () => {
    for (const token of ["", "abc", "a.b.c", ".x", "x."]) {
      expect(signer.verify(token, 0).ok).toBe(false);
    }
  });
});

describe("capability keys", () => {
  it("are long, distinct, and map back to their role only", () => {
    const { keys, hashes } = createBoardKeys();
    const board = { id: "b", createdAt: 0, keyHashes: hashes };
    expect(new Set(Object.values(keys)).size).toBe(3);
    expect(roleForKey(board, keys.facilitator)).toBe("facilitator");
    expect(roleForKey(board, keys.participant)).toBe("participant");
    expect(roleForKey(board, keys.observer)).toBe("observer");
    expect(roleForKey(board, `${keys.observer}x`)).toBeUndefined();
    expect(Object.values(hashes).join()).not.toContain(keys.facilitator);
  });
});

describe("board and participant ids", () => {
  it("never start with '-', which a command line would read as an option", () => {
    // A plain base64url id starts with '-' once in 64 draws: 10 000 draws all but surely
    // include hundreds, so an id maker that lets them through fails here.
    const ids = Array.from({ length: 10_000 }, () => randomId(16));
    expect(ids.filter((id) => id.startsWith("-"))).toEqual([]);
    expect(ids.every((id) => /^[A-Za-z0-9_-]{22}$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
