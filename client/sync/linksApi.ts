import { z } from "zod";
import { type Role, RoleSchema } from "./apiSchemas";
import type { Session } from "./createJoinFlow";
import { boardPath, requestJson } from "./requestJson";

const ReplacedLinkSchema = z.object({ role: RoleSchema, key: z.string(), link: z.string() });
export type ReplacedLink = z.infer<typeof ReplacedLinkSchema>;

/**
 * Give a role a new link (holders of the facilitator link only): the old link stops working
 * and everyone who joined with it is signed out.
 */
export function replaceLink(
  session: Pick<Session, "boardId" | "token">,
  role: Role,
): Promise<ReplacedLink> {
  return requestJson(`${boardPath(session.boardId)}/links/${role}`, ReplacedLinkSchema, {
    method: "POST",
    token: session.token,
  });
}
