import type { Hono } from "hono";
import { addParticipantLane, createBoard, readInfo } from "../../shared/board";
import { createBoardKeys, hashKey, randomId, randomSecret, roleForKey } from "../auth/keys";
import { keyTag, type LinkCheck } from "../auth/linkCheck";
import type { TokenSigner } from "../auth/tokens";
import { RoleSchema } from "../auth/tokens";
import type { MeetingService } from "../meeting/meetingService";
import { clientAddress } from "../ops/clientAddress";
import type { Logger } from "../ops/log";
import type { Storage } from "../storage/storage";
import type { RoomManager } from "../sync/roomManager";
import { createAddressRateLimit } from "./addressRateLimit";
import { HttpError, readBody } from "./http";
import { CreateBoardBody, CreateSessionBody } from "./schemas";
import { requireBoardSession } from "./session";

type BoardDeps = {
  storage: Storage;
  rooms: RoomManager;
  tokens: TokenSigner;
  log: Logger;
  publicUrl: string | undefined;
  sessionTtlMs: number;
  sessionRatePerMinute: number;
  trustProxy: boolean;
  meetings: MeetingService;
  links: LinkCheck;
};

// The same answer for an unknown board and a wrong key, so keys cannot be probed per board.
const NOT_FOUND = "board not found or key not valid";

/** Board creation, session exchange, replacing a link, and the board summary. */
export function mountBoardRoutes(app: Hono, deps: BoardDeps): void {
  const sessionLimit = createAddressRateLimit(deps.sessionRatePerMinute);
  const linkFor = (requestUrl: string, boardId: string, key: string) =>
    `${deps.publicUrl ?? new URL(requestUrl).origin}/b/${boardId}#key=${key}`;

  app.post("/api/boards", async (c) => {
    const { board, script } = await readBody(c, CreateBoardBody);
    const id = randomId(16);
    const { keys, hashes } = createBoardKeys();
    await deps.rooms.change(id, (doc) =>
      createBoard(doc, {
        title: board.title,
        incidentStart: board.incidentStart,
        incidentEnd: board.incidentEnd,
        timezone: board.timezone,
        createdAt: Date.now(),
      }),
    );
    await deps.meetings.create(id, script);
    // The record that makes the board reachable is written last: if a document write fails,
    // nothing points at a half-made board.
    await deps.storage.createBoard({ id, createdAt: Date.now(), keyHashes: hashes });
    deps.log.info("board.created", { board: id, script: script.id });
    const link = (key: string) => linkFor(c.req.url, id, key);
    return c.json(
      {
        id,
        title: board.title,
        scriptId: script.id,
        keys,
        links: {
          facilitator: link(keys.facilitator),
          participant: link(keys.participant),
          observer: link(keys.observer),
        },
      },
      201,
    );
  });

  app.post("/api/boards/:id/sessions", async (c) => {
    if (!sessionLimit.allow(clientAddress(c, deps.trustProxy))) {
      throw new HttpError(429, "too many attempts; wait a minute and try again");
    }
    const body = await readBody(c, CreateSessionBody);
    const boardId = c.req.param("id");
    const board = await deps.storage.getBoard(boardId);
    const role = board ? roleForKey(board, body.key) : undefined;
    if (!board || !role) throw new HttpError(404, NOT_FOUND);

    // A previous session of the same board and role keeps its participant id (and lane), even
    // after it expired: the caller holds the key as well, so the old token only names who they were.
    const previous = body.resumeToken
      ? deps.tokens.verify(body.resumeToken, Date.now(), { ignoreExpiry: true })
      : undefined;
    const participantId =
      previous?.ok && previous.session.boardId === boardId && previous.session.role === role
        ? previous.session.participantId
        : randomId(12);

    if (role === "participant") {
      await deps.rooms.change(boardId, (doc) =>
        addParticipantLane(doc, { participantId, name: body.name }),
      );
    }
    const expiresAt = Date.now() + deps.sessionTtlMs;
    const token = deps.tokens.issue({
      boardId,
      role,
      participantId,
      name: body.name,
      expiresAt,
      // Replacing this role's link later revokes the session (see linkCheck.ts).
      keyTag: keyTag(board.keyHashes[role]),
    });
    deps.log.info("session.created", { board: boardId, role });
    return c.json({ token, role, participantId, boardId, name: body.name, expiresAt });
  });

  app.get("/api/boards/:id", async (c) => {
    const s = requireBoardSession(c, deps.tokens);
    const room = await deps.rooms.open(s.boardId);
    try {
      return c.json({
        id: s.boardId,
        ...readInfo(room.doc),
        role: s.role,
        participantId: s.participantId,
        name: s.name,
        expiresAt: s.expiresAt,
      });
    } finally {
      deps.rooms.release(room);
    }
  });

  // A leaked link, or someone who should no longer be in: the role gets a new key, the old
  // one signs nobody in, and every session issued for it stops working (here at once, on other
  // nodes within the link check's cache time). Only holders of the facilitator link may do it.
  app.post("/api/boards/:id/links/:role", async (c) => {
    const s = requireBoardSession(c, deps.tokens);
    if (s.role !== "facilitator") {
      throw new HttpError(403, "only holders of the facilitator link can replace links");
    }
    const role = RoleSchema.safeParse(c.req.param("role"));
    if (!role.success) {
      throw new HttpError(404, "no such link: use facilitator, participant or observer");
    }
    const key = randomSecret();
    const keyHash = hashKey(key);
    if (!(await deps.storage.replaceKeyHash(s.boardId, role.data, keyHash))) {
      throw new HttpError(404, NOT_FOUND);
    }
    deps.links.replaced(s.boardId, role.data, keyHash);
    deps.log.info("board.link.replaced", { board: s.boardId, role: role.data });
    return c.json({ role: role.data, key, link: linkFor(c.req.url, s.boardId, key) });
  });
}
