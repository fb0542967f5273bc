import type { Context, Next } from "hono";
import { LINK_REPLACED, type LinkCheck } from "../auth/linkCheck";
import type { Session, TokenSigner } from "../auth/tokens";
import { bearerToken, HttpError, readBearer } from "./http";

/** The caller's session for the board in the path, or a 401/403. */
export function requireBoardSession(c: Context, tokens: TokenSigner): Session {
  const check = tokens.verify(bearerToken(c));
  if (!check.ok) throw new HttpError(401, `session ${check.reason}`);
  if (check.session.boardId !== c.req.param("id")) {
    throw new HttpError(403, "session is for another board");
  }
  return check.session;
}

/**
 * Middleware for the board routes: a session issued for a link replaced since is refused
 * (401), whichever route it calls. Signing in takes a key, not a session, so a stale
 * Authorization header on it is ignored.
 */
export function requireCurrentLink(tokens: TokenSigner, links: LinkCheck) {
  return async (c: Context, next: Next) => {
    if (c.req.method === "POST" && c.req.path.endsWith("/sessions")) return next();
    const bearer = readBearer(c);
    const check = bearer ? tokens.verify(bearer) : undefined;
    if (check?.ok && !(await links.isCurrent(check.session))) {
      throw new HttpError(401, LINK_REPLACED);
    }
    await next();
  };
}
