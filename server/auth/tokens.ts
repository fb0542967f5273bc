import crypto from "node:crypto";
import { z } from "zod";

export const RoleSchema = z.enum(["facilitator", "participant", "observer"]);

const PayloadSchema = z.object({
  v: z.literal(1),
  b: z.string(),
  r: RoleSchema,
  p: z.string(),
  n: z.string(),
  e: z.number().int(),
  // The start of the key hash the session was issued for; absent in tokens from before links
  // could be replaced (they are checked by expiry alone).
  k: z.string().max(64).optional(),
});

export type Session = {
  boardId: string;
  role: z.infer<typeof RoleSchema>;
  participantId: string;
  name: string;
  expiresAt: number;
  /** The start of the hash of the key this session was issued for (see linkCheck.ts). */
  keyTag?: string;
};

export type TokenCheck =
  | { ok: true; session: Session }
  | { ok: false; reason: "malformed" | "forged" | "expired" };

/**
 * Signed session tokens: `base64url(json).base64url(hmac-sha256)`. Only characters that are
 * legal in a WebSocket subprotocol name, so the token can travel as `auth.<token>`.
 */
export function createTokenSigner(secret: Buffer) {
  const sign = (body: string) => crypto.createHmac("sha256", secret).update(body).digest();

  return {
    issue(session: Session): string {
      const payload = {
        v: 1,
        b: session.boardId,
        r: session.role,
        p: session.participantId,
        n: session.name,
        e: session.expiresAt,
        ...(session.keyTag === undefined ? {} : { k: session.keyTag }),
      };
      const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
      return `${body}.${sign(body).toString("base64url")}`;
    },

    /**
     * Checks signature, shape and expiry. `ignoreExpiry` serves resuming: a participant who
     * returns after the token lapsed keeps their participant id (they present the key too).
     */
    verify(token: string, now = Date.now(), { ignoreExpiry = false } = {}): TokenCheck {
      const [body, mac, extra] = token.split(".");
      if (!body || !mac || extra !== undefined) return { ok: false, reason: "malformed" };
      const given = Buffer.from(mac, "base64url");
      const expected = sign(body);
      if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) {
        return { ok: false, reason: "forged" };
      }
      let json: unknown;
      try {
        json = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
      } catch {
        return { ok: false, reason: "malformed" };
      }
      const parsed = PayloadSchema.safeParse(json);
      if (!parsed.success) return { ok: false, reason: "malformed" };
      const p = parsed.data;
      if (p.e <= now && !ignoreExpiry) return { ok: false, reason: "expired" };
      return {
        ok: true,
        session: {
          boardId: p.b,
          role: p.r,
          participantId: p.p,
          name: p.n,
          expiresAt: p.e,
          ...(p.k === undefined ? {} : { keyTag: p.k }),
        },
      };
    },
  };
}

export type TokenSigner = ReturnType<typeof createTokenSigner>;
