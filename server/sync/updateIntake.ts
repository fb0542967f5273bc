import * as Y from "yjs";
import { CLOSE } from "../../shared/session/closeCodes";
import type { Logger } from "../ops/log";
import type { ServerMetrics } from "../ops/metrics";
import { decodingInPieces } from "./decodeInPieces";
import { PIECE_STRUCTS, SLICE_STRUCTS } from "./documentQueue";
import { withoutKnownStructs } from "./knownStructs";
import type { Budgets } from "./rateLimit";
import { DocumentTooLargeError, type Peer, type Room } from "./room";
import { runInTurns } from "./turns";
import { countUpdateParts } from "./updateCost";
import {
  type DecodedUpdate,
  inspectUpdate,
  isEmptyUpdate,
  lacksDependencies,
} from "./validateUpdate";
import { encodeSync, ProtocolError } from "./wire";

/** What taking in an update needs of the connection that may write it. */
export interface Writer extends Peer {
  readonly roomName: string;
  /** The session's budgets in this room (see BudgetRegistry). */
  readonly budgets: Budgets;
  readonly closed: boolean;
}

export type IntakeDeps = {
  metrics: ServerMetrics;
  log: Logger;
  limits: { maxUpdateStructs: number; conflictStepsBurst: number };
};

/**
 * Takes in an update from a connection that may write: counts its parts without decoding
 * (4413 past the limit, the parts read charged) and charges the struct and update budgets,
 * drops the structs the document has already (a large update only), decodes it, asks for a
 * resync when it builds on what the room lacks, counts and charges what Yjs's conflict
 * resolution will spend on it, and stores it (the room then applies and relays it). Any limit
 * closes this connection only. Throws ProtocolError for an update that does not parse.
 */
export function takeUpdate(writer: Writer, room: Room, update: Uint8Array, deps: IntakeDeps) {
  let parts: number;
  try {
    parts = countUpdateParts(update, deps.limits.maxUpdateStructs);
  } catch {
    throw new ProtocolError("malformed update");
  }
  const structs = writer.budgets.structs;
  if (parts > deps.limits.maxUpdateStructs) {
    // Reading that far was work done for the session: it pays, and as the update needs more
    // than a full budget, its reconnects wait (429) until the budget is full again. The stock
    // provider stops at 4413; sending such updates again and again costs the server a status
    // line a time, and a full read only every MAX_UPDATE_STRUCTS / STRUCTS_PER_SECOND seconds.
    structs.spend(parts);
    writer.budgets.structsNeeded = deps.limits.maxUpdateStructs;
    deps.metrics.rateLimited.inc();
    writer.close(CLOSE.updateTooLarge, "update has too many structs");
    return;
  }
  if (!structs.take(parts)) {
    // Reconnects wait until the budget holds this update, so the client's resend gets in.
    writer.budgets.structsNeeded = parts;
    deps.metrics.rateLimited.inc();
    writer.close(CLOSE.policyViolation, "struct rate limit exceeded");
    return;
  }
  writer.budgets.structsNeeded = 0;
  // A large update is decoded and its conflicts counted over several turns (below).
  let decoded: DecodedUpdate | undefined;
  if (parts <= SLICE_STRUCTS) {
    const inspected = inspectUpdate(update);
    if (inspected.kind === "malformed") throw new ProtocolError("malformed update");
    if (inspected.kind === "empty") return;
    decoded = inspected.decoded;
  }
  if (!writer.budgets.writes.take()) {
    deps.metrics.rateLimited.inc();
    writer.close(CLOSE.policyViolation, "write rate limit exceeded");
    return;
  }
  if (decoded && !room.busy) {
    if (deferred(writer, room, decoded, deps)) return;
    store(writer, room, update, decoded, countNow(writer, room, decoded, deps), deps);
    return;
  }
  // Work over several turns, so other rooms' messages are not held up. Meanwhile the room's
  // document must hold still for the count, and every update for the room, this client's
  // next ones too, waits its turn (Room.serialize).
  room
    .serialize(async () => {
      if (writer.closed) return;
      // Against the document only: what it holds is stored, while an accepted update may
      // still fail to store and come back.
      const fresh = decoded
        ? update
        : withoutKnownStructs(update, (client) => Y.getState(room.doc.store, client));
      const parsed = decoded ?? (await runInTurns(decodingInPieces(fresh, PIECE_STRUCTS)));
      if (!parsed) {
        deps.metrics.protocolErrors.inc();
        writer.close(CLOSE.protocolError, "malformed update");
        return;
      }
      if (isEmptyUpdate(parsed)) return; // nothing new: the room had all of it
      if (writer.closed || deferred(writer, room, parsed, deps)) return;
      const steps = await countInTurns(writer, room, parsed, deps);
      if (!writer.closed) store(writer, room, fresh, parsed, steps, deps);
    })
    .catch((error: unknown) => {
      deps.log.error("sync.write.failed", { room: writer.roomName, conn: writer.id, error });
      writer.close(CLOSE.internalError, "internal error");
    });
}

/**
 * True (and the client asked to resync) when the update builds on what the room lacks: it
 * could never be applied until that arrives, so it is not stored. Sync step 1 asks the
 * client for everything the room lacks; y-protocols clients answer at once.
 */
function deferred(writer: Writer, room: Room, decoded: DecodedUpdate, deps: IntakeDeps): boolean {
  if (!lacksDependencies(decoded, (client) => room.pending.knownClock(client))) return false;
  deps.metrics.updatesDeferred.inc();
  writer.send(encodeSync("step1", room.document.stateVector()));
  return true;
}

/**
 * What Yjs will spend placing this update's items among the others, counted up to just past
 * a full budget; undefined when the model fails.
 */
function countNow(writer: Writer, room: Room, decoded: DecodedUpdate, deps: IntakeDeps) {
  try {
    return room.pending.conflictSteps(decoded, deps.limits.conflictStepsBurst);
  } catch (error) {
    return countFailed(writer, room, error, deps);
  }
}

/** `countNow`, over several event-loop turns. */
function countInTurns(writer: Writer, room: Room, decoded: DecodedUpdate, deps: IntakeDeps) {
  return runInTurns(room.pending.countingConflicts(decoded, deps.limits.conflictStepsBurst)).catch(
    (error: unknown) => countFailed(writer, room, error, deps),
  );
}

function countFailed(writer: Writer, room: Room, error: unknown, deps: IntakeDeps): undefined {
  room.pending.discardModel();
  deps.log.error("sync.conflict_count.failed", { room: writer.roomName, error });
  return undefined;
}

/** Charges the counted conflicts and stores the update (which then applies and relays it). */
function store(
  writer: Writer,
  room: Room,
  update: Uint8Array,
  decoded: DecodedUpdate,
  steps: number | undefined,
  deps: IntakeDeps,
): void {
  if (!chargeConflicts(writer, room, steps, deps)) return;
  room.submit(update, writer, decoded).catch((error: unknown) => {
    if (error instanceof DocumentTooLargeError) {
      writer.close(CLOSE.documentTooLarge, "document size limit reached");
      return;
    }
    // Not stored, so not relayed: closing makes the client resend it when it reconnects.
    deps.log.error("sync.store.failed", { room: writer.roomName, conn: writer.id, error });
    writer.close(CLOSE.internalError, "storage unavailable");
  });
}

/**
 * Charges the session what placing the update's items will cost, before it is stored; false
 * (and closed) when it cannot pay. Counting is work too, so a refused update is charged what
 * was counted: the session then waits (429 before the upgrade) until its budget holds what
 * the update needs. One that alone costs more than a full budget is refused for good (4413),
 * and reconnects wait until the budget is full.
 * A shape the model does not know (`steps` undefined) is the model's bug, not the client's:
 * the update passed validation, so it is taken uncounted.
 */
function chargeConflicts(
  writer: Writer,
  room: Room,
  steps: number | undefined,
  deps: IntakeDeps,
): boolean {
  if (steps === undefined) return true;
  const burst = deps.limits.conflictStepsBurst;
  const budgets = writer.budgets;
  if (budgets.conflicts.take(steps)) {
    budgets.conflictsNeeded = 0;
    deps.metrics.conflictSteps.inc(steps);
    return true;
  }
  room.pending.discardModel();
  budgets.conflicts.spend(Math.min(steps, burst));
  deps.metrics.rateLimited.inc();
  // More than a full burst can never be paid: reconnects then wait for a full one.
  budgets.conflictsNeeded = Math.min(steps, burst);
  if (steps > burst) writer.close(CLOSE.updateTooLarge, "update too costly to merge");
  else writer.close(CLOSE.policyViolation, "conflict budget exceeded");
  return false;
}
