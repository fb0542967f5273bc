import type { Context } from "hono";
import type { Session, TokenSigner } from "../auth/tokens";
import { bearerToken, HttpError } from "./http";

/** The caller's session for the board in the path, or a 401/403. */
export function requireBoardSession(c: Context, tokens: TokenSigner): Session {
  const check = tokens.verify(bearerToken(c));
  if (!check.ok) throw new HttpError(401, `session ${check.reason}`);
  if (check.session.boardId !== c.req.param("id")) {
    throw new HttpError(403, "session is for another board");
  }
  return check.session;
}
