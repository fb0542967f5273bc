import { type Accessor, createSignal } from "solid-js";
import { ApiError } from "../sync/ApiError";
import type { Session } from "../sync/createJoinFlow";
import {
  grantFacilitator,
  type MeetingActionBody,
  meetingAction,
  revokeFacilitator,
} from "../sync/meetingApi";

export type MeetingCommands = {
  /** The request in flight, if any: the controls wait for it rather than queue clicks. */
  pending: Accessor<string | undefined>;
  /** Why the last request failed, in the server's words when it gave any. */
  error: Accessor<string | undefined>;
  run(body: MeetingActionBody): Promise<boolean>;
  grant(participantId: string): Promise<boolean>;
  revoke(participantId: string): Promise<boolean>;
  clearError(): void;
};

function sentence(text: string): string {
  const trimmed = text.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

function messageFor(error: unknown): string {
  if (error instanceof ApiError) return sentence(error.message);
  return "Something went wrong. Please try again.";
}

/**
 * The facilitator's requests to the server, one at a time. The meeting itself is never changed
 * here: the server writes the meeting document and every client, this one included, sees the
 * result arrive through sync.
 */
export function createMeetingCommands(session: Session): MeetingCommands {
  const [pending, setPending] = createSignal<string>();
  const [error, setError] = createSignal<string>();

  async function send(label: string, request: () => Promise<unknown>): Promise<boolean> {
    if (pending()) return false;
    setPending(label);
    setError(undefined);
    try {
      await request();
      return true;
    } catch (failure) {
      setError(messageFor(failure));
      return false;
    } finally {
      setPending(undefined);
    }
  }

  return {
    pending,
    error,
    run: (body) => send(body.action, () => meetingAction(session, body)),
    grant: (participantId) => send("grant", () => grantFacilitator(session, participantId)),
    revoke: (participantId) => send("revoke", () => revokeFacilitator(session, participantId)),
    clearError: () => setError(undefined),
  };
}
