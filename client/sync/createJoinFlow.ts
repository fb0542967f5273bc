import { type Accessor, createSignal } from "solid-js";
import { LINK_REPLACED, type SessionEnd, sessionEndFor } from "../../shared/session/revocation";
import { ApiError } from "./ApiError";
import type { Role } from "./apiSchemas";
import { createSession, fetchBoard } from "./boardsApi";
import {
  forgetSession,
  isLinkReplaced,
  keyTag,
  loadName,
  loadSession,
  markLinkReplaced,
  saveName,
  saveSession,
} from "./storedSession";

/** Who this browser is on a board, once joined. */
export type Session = {
  boardId: string;
  token: string;
  role: Role;
  participantId: string;
  name: string;
  /** Epoch ms after which the server refuses the token. */
  expiresAt: number | undefined;
};

/** Why joining stopped; each maps to one message on the board page. */
export type JoinProblem =
  | "missing-key"
  | "invalid-link"
  | "link-replaced"
  | "expired"
  | "room-full"
  | "change-refused"
  | "network"
  | "rate-limited"
  | "server";

export type JoinState =
  | { step: "checking" }
  | { step: "need-name"; error?: string }
  | { step: "failed"; problem: JoinProblem; message?: string }
  | { step: "joined"; session: Session };

export type JoinFlow = {
  state: Accessor<JoinState>;
  /** Join with this display name (remembered for the board). */
  submitName(name: string): void;
  /** Start over, e.g. after the network came back. */
  retry(): void;
  /** The sync server stopped accepting our token: get a fresh one if the link allows it. */
  /** The board's sync connection ended this session for good. */
  sessionEnded(why: SessionEnd): void;
};

function problemFor(error: unknown): { problem: JoinProblem; message?: string } {
  if (!(error instanceof ApiError)) return { problem: "server" };
  switch (error.kind) {
    case "network":
      return { problem: "network" };
    case "not-found":
      return { problem: "invalid-link" };
    case "rate-limited":
      return { problem: "rate-limited" };
    case "unauthorized":
      return { problem: sessionEndFor(error.message) };
    default:
      return { problem: "server", message: error.message };
  }
}

/**
 * The board page's way in: reuse a stored session token if it still works, otherwise trade
 * the link's key (from the URL fragment, never sent as part of a URL) and a display name for
 * a new one. The key stays in the address bar so the link can be shared again.
 */
export function createJoinFlow(boardId: string, key: string | undefined): JoinFlow {
  const [state, setState] = createSignal<JoinState>({ step: "checking" });
  // Each attempt gets a number; an answer from an older attempt is ignored.
  let attempt = 0;

  async function join(name: string, resumeToken: string | undefined, mine: number) {
    if (!key) return setState({ step: "failed", problem: "missing-key" });
    setState({ step: "checking" });
    try {
      const joined = await createSession(boardId, { key, name, resumeToken });
      if (mine !== attempt) return;
      saveSession(boardId, joined.token, key);
      saveName(boardId, joined.name);
      setState({
        step: "joined",
        session: {
          boardId,
          token: joined.token,
          role: joined.role,
          participantId: joined.participantId,
          name: joined.name,
          expiresAt: joined.expiresAt,
        },
      });
    } catch (error) {
      if (mine !== attempt) return;
      // A 400 here is about the name (the server ignores a resume token it cannot use).
      if (error instanceof ApiError && error.kind === "invalid") {
        return setState({ step: "need-name", error: error.message });
      }
      setState({ step: "failed", ...problemFor(error) });
    }
  }

  async function start() {
    const mine = ++attempt;
    setState({ step: "checking" });
    if (key && isLinkReplaced(boardId, key)) {
      return setState({ step: "failed", problem: "link-replaced" });
    }
    const stored = loadSession(boardId);
    const name = loadName(boardId);
    // A different link for the same board (say the facilitator's after the participant's)
    // must win over the stored session, but resuming keeps the same participant id.
    const sameLink = stored && (!key || stored.keyTag === keyTag(key));

    if (stored && sameLink) {
      try {
        const access = await fetchBoard(boardId, stored.token);
        if (mine !== attempt) return;
        return setState({
          step: "joined",
          session: {
            boardId,
            token: stored.token,
            role: access.role,
            participantId: access.participantId,
            name: access.name ?? name ?? "",
            expiresAt: access.expiresAt,
          },
        });
      } catch (error) {
        if (mine !== attempt) return;
        const unauthorized = error instanceof ApiError && error.kind === "unauthorized";
        const gone = error instanceof ApiError && error.kind === "not-found";
        if (!unauthorized && !gone) return setState({ step: "failed", ...problemFor(error) });
        forgetSession(boardId);
        if (gone) return setState({ step: "failed", problem: "invalid-link" });
        // The link in the address bar is the replaced one too (or the stored session's is):
        // rejoining would only meet "not valid".
        if (unauthorized && error.message === LINK_REPLACED) return linkReplaced();
        if (!key) return setState({ step: "failed", problem: "expired" });
        // Expired, but the link still carries the key: rejoin without bothering the person.
      }
    }

    if (!key) return setState({ step: "failed", problem: "missing-key" });
    if (!name) return setState({ step: "need-name" });
    await join(name, stored?.token, mine);
  }

  function submitName(raw: string) {
    const name = raw.trim();
    if (!name) return setState({ step: "need-name", error: "Please enter a name." });
    saveName(boardId, name);
    void join(name, loadSession(boardId)?.token, ++attempt);
  }

  function linkReplaced() {
    if (key) markLinkReplaced(boardId, key);
    setState({ step: "failed", problem: "link-replaced" });
  }

  // When the sync server refuses a token we fetch a new one at most once a minute, so a server
  // that refuses for some other reason cannot send us round in a tight loop.
  let lastAutoRejoin = Number.NEGATIVE_INFINITY;

  function sessionEnded(why: SessionEnd) {
    // Rejoining cannot help at once: say why. The session is still good, so trying again
    // resumes it: the same participant, lane and offline copy, not a second lane.
    if (why === "room-full" || why === "change-refused") {
      ++attempt;
      return setState({ step: "failed", problem: why });
    }
    const current = state();
    const token = current.step === "joined" ? current.session.token : undefined;
    const name = loadName(boardId);
    forgetSession(boardId);
    const mine = ++attempt;
    if (why === "link-replaced") return linkReplaced();
    const now = Date.now();
    if (!key || now - lastAutoRejoin < 60_000) {
      return setState({ step: "failed", problem: "expired" });
    }
    lastAutoRejoin = now;
    if (!name) return setState({ step: "need-name" });
    void join(name, token, mine);
  }

  void start();
  return { state, submitName, retry: () => void start(), sessionEnded };
}
