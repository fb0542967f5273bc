import { z } from "zod";
import type { Session } from "./createJoinFlow";
import { requestJson } from "./requestJson";

export type LinkRole = "facilitator" | "participant" | "observer";

const ReplacedLinkSchema = z.object({
  role: z.enum(["facilitator", "participant", "observer"]),
  key: z.string(),
  link: z.string(),
});
export type ReplacedLink = z.infer<typeof ReplacedLinkSchema>;

/**
 * Give a role a new link (holders of the facilitator link only): the old link stops working
 * and everyone who joined with it is signed out.
 */
export function replaceLink(
  session: Pick<Session, "boardId" | "token">,
  role: LinkRole,
): Promise<ReplacedLink> {
  return requestJson(
    `/api/boards/${encodeURIComponent(session.boardId)}/links/${role}`,
    ReplacedLinkSchema,
    { method: "POST", token: session.token },
  );
}
