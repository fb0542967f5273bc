import { countDrafts } from "../../shared/board";
import {
  appendPrompts,
  applyHistoryChanges,
  applyMeetingAction,
  currentPhase,
  DEFAULT_SCRIPT_ID,
  duePrompts,
  getScript,
  grantFacilitator,
  initMeetingDoc,
  type MeetingRequest,
  type MeetingSnapshot,
  type MeetingState,
  nextPromptDueAt,
  readDraftCounts,
  readFacilitators,
  readHistory,
  readMeeting,
  readMeetingState,
  readPostedPromptIds,
  revokeFacilitator,
  type Script,
  setDraftCount,
  writeMeetingState,
} from "../../shared/meeting";
import { createLocalTimerLock, type TimerLock } from "../cluster/timerLock";
import type { Logger } from "../ops/log";
import type { Storage } from "../storage/storage";
import type { Room } from "../sync/room";
import type { RoomManager } from "../sync/roomManager";
import { parseRoomName } from "../sync/roomName";
import { revealDrafts } from "./reveal";
import { meetingRoom } from "./rooms";

type MeetingDeps = {
  rooms: RoomManager;
  storage: Storage;
  log: Logger;
  /** Which node runs each board's timer; on one node, always this one. */
  lock?: TimerLock;
  /** The server clock; every stored time is on it. */
  now?: () => number;
};

// setTimeout holds at most 2^31-1 ms; a later event re-arms on wake-up.
const MAX_TIMER_MS = 2 ** 31 - 1;
// Drafts change as fast as people type; counts follow within this much.
const DRAFT_COUNT_DEBOUNCE_MS = 300;

/**
 * Runs each board's meeting: applies the facilitator's actions, posts scripted prompts when they
 * fall due, reveals drafts at the end of a reveal phase, and keeps draft counts. Everything it
 * writes goes through room changes, so it is stored before any client sees it. All work on one
 * board is serialised, so a timer and an action never interleave.
 *
 * Actions run on whichever node receives them. Timers run only on the node that holds the
 * board's timer lock: it keeps the meeting room open and re-plans on every change to it, which
 * arrives through the relay when another node took the action.
 */
/** What the timer plans from: the state, the prompts posted, and when this phase run began. */
type Plan = { state: MeetingState; posted: ReadonlySet<string>; run: number };

function planOf(room: Room, state: MeetingState): Plan {
  // A running meeting always has an open history entry; the timer's start stands in otherwise.
  const run = readHistory(room.doc).at(-1)?.startedAt ?? state.startedAt ?? 0;
  return { state, posted: readPostedPromptIds(room.doc), run };
}

export function createMeetingService(deps: MeetingDeps) {
  const now = deps.now ?? Date.now;
  const lock = deps.lock ?? createLocalTimerLock();
  const owned = new Map<string, { room: Room; replan: () => void }>();
  let sweepTimer: NodeJS.Timeout | undefined;
  const timers = new Map<string, NodeJS.Timeout>();
  const chains = new Map<string, Promise<unknown>>();
  // Per board, the phase run (when it was entered) whose end already triggered a reveal. The
  // entry time, not the timer's startedAt: resuming moves that, and a run ends only once.
  const autoRevealed = new Map<string, number>();
  let closed = false;

  /** Runs `task` after every earlier task for the same board. */
  const serial = <T>(boardId: string, task: () => Promise<T>): Promise<T> => {
    const previous = chains.get(boardId) ?? Promise.resolve();
    const next = previous.then(task, task);
    const settled = next.catch(() => {});
    chains.set(boardId, settled);
    void settled.then(() => {
      if (chains.get(boardId) === settled) chains.delete(boardId);
    });
    return next;
  };

  const withMeetingRoom = async <T>(boardId: string, fn: (room: Room) => Promise<T>) => {
    const room = await deps.rooms.open(meetingRoom(boardId));
    try {
      return await fn(room);
    } finally {
      deps.rooms.release(room);
    }
  };

  const revealAtEnd = (boardId: string, { state, run }: Plan): number | null => {
    if (state.status !== "running" || state.startedAt === null) return null;
    if (!currentPhase(state).reveal) return null;
    if (autoRevealed.get(boardId) === run) return null;
    return state.startedAt + state.durationMs;
  };

  const schedule = (boardId: string, plan: Plan) => {
    const { state, posted } = plan;
    clearTimeout(timers.get(boardId));
    timers.delete(boardId);
    if (closed) return;
    const t = now();
    const candidates = [nextPromptDueAt(state, t, posted), revealAtEnd(boardId, plan)].filter(
      (x): x is number => x !== null,
    );
    if (candidates.length === 0) return;
    const delay = Math.min(Math.max(0, Math.min(...candidates) - t), MAX_TIMER_MS);
    const timer = setTimeout(() => {
      timers.delete(boardId);
      runTick(boardId, 0);
    }, delay);
    timer.unref();
    timers.set(boardId, timer);
  };

  /** Runs a tick; on failure (storage down) retries with backoff, logging every attempt. */
  const runTick = (boardId: string, attempt: number) => {
    void serial(boardId, () => tick(boardId)).catch((error: unknown) => {
      deps.log.error("meeting.tick.failed", { board: boardId, attempt, error });
      if (closed || !owned.has(boardId)) return;
      // A prompt is late rather than lost: keep trying until storage answers again.
      const retry = setTimeout(
        () => runTick(boardId, attempt + 1),
        Math.min(30_000, 1000 * 2 ** attempt),
      );
      retry.unref();
      timers.set(boardId, retry);
    });
  };

  /** Posts what is due, reveals at the end of a reveal phase, and re-arms the timer. */
  const tick = async (boardId: string): Promise<void> => {
    if (!owned.has(boardId) || closed) return;
    const plan = await withMeetingRoom(boardId, async (room) => {
      const current = readMeetingState(room.doc);
      if (!current) return null;
      const due = duePrompts(current, now(), readPostedPromptIds(room.doc));
      if (due.length > 0) {
        await room.change((doc) => {
          appendPrompts(doc, due);
        });
        deps.log.info("meeting.prompts", { board: boardId, count: due.length });
      }
      return planOf(room, current);
    });
    if (!plan) return;
    const revealAt = revealAtEnd(boardId, plan);
    if (revealAt !== null && revealAt <= now()) {
      autoRevealed.set(boardId, plan.run);
      await revealDrafts(boardId, deps);
    }
    schedule(boardId, plan);
  };

  const act = async (boardId: string, request: MeetingRequest): Promise<MeetingSnapshot> => {
    if (request.type === "reveal") {
      await revealDrafts(boardId, deps);
      return withMeetingRoom(boardId, async (room) => readMeeting(room.doc));
    }
    const t = now();
    const result = await withMeetingRoom(boardId, async (room) => {
      let before = readMeetingState(room.doc);
      if (!before) {
        // A board made before meetings existed: give it the default script.
        await room.change((doc) => {
          initMeetingDoc(doc, getScript(DEFAULT_SCRIPT_ID) as Script);
        });
        before = readMeetingState(room.doc);
        if (!before) throw new Error(`board ${boardId}: meeting document did not initialise`);
      }
      const transition = applyMeetingAction(before, request, t);
      // Recorded before the state it announces: a crash in between leaves a row for a meeting
      // that is not running (harmless: the sweep finds nothing due) rather than a running
      // meeting nobody re-arms after a restart.
      if (transition.state.status === "running")
        await deps.storage.setMeetingRunning(boardId, true);
      await room.change((doc) => {
        writeMeetingState(doc, transition.state);
        applyHistoryChanges(doc, transition.history);
        appendPrompts(doc, duePrompts(transition.state, t, readPostedPromptIds(doc)));
      });
      return { before, after: planOf(room, transition.state), snapshot: readMeeting(room.doc) };
    });
    const after = result.after.state;
    if (after.status !== "running") await deps.storage.setMeetingRunning(boardId, false);
    deps.log.info("meeting.action", { board: boardId, action: request.type });
    // Leaving a reveal phase (moving on or ending) reveals what is still private.
    const left =
      result.before.status !== "lobby" &&
      (after.phaseIndex !== result.before.phaseIndex || after.status === "ended");
    if (left && currentPhase(result.before).reveal) await revealDrafts(boardId, deps);
    // The owner re-plans from the change itself; a meeting nobody runs yet is claimed now.
    if (owned.has(boardId)) schedule(boardId, result.after);
    else if (after.status === "running") void sweep();
    return result.snapshot;
  };

  const own = async (boardId: string) => {
    const room = await deps.rooms.open(meetingRoom(boardId));
    const replan = () => {
      void serial(boardId, async () => {
        const state = readMeetingState(room.doc);
        if (state && owned.has(boardId)) schedule(boardId, planOf(room, state));
      });
    };
    room.doc.on("update", replan);
    owned.set(boardId, { room, replan });
    deps.log.info("meeting.timer.owned", { board: boardId });
    await serial(boardId, () => tick(boardId));
  };

  const disown = async (boardId: string, releaseLock: boolean) => {
    const entry = owned.get(boardId);
    if (!entry) return;
    owned.delete(boardId);
    autoRevealed.delete(boardId);
    clearTimeout(timers.get(boardId));
    timers.delete(boardId);
    entry.room.doc.off("update", entry.replan);
    deps.rooms.release(entry.room);
    if (releaseLock) await lock.release(boardId).catch(() => {});
  };

  /**
   * Claims the timers of running meetings nobody holds, renews the ones this node holds, and
   * lets go of meetings that stopped. Runs every `lock.renewEveryMs`, so a dead owner's
   * meetings move to another node within the lock's TTL.
   */
  let sweeping: Promise<void> | undefined;
  const sweep = (): Promise<void> => {
    sweeping ??= (async () => {
      try {
        const running = new Set(await deps.storage.listRunningMeetings());
        for (const boardId of [...owned.keys()]) {
          if (!running.has(boardId)) await disown(boardId, true);
          else if (!(await lock.renew(boardId))) await disown(boardId, false);
        }
        for (const boardId of running) {
          if (closed || owned.has(boardId)) continue;
          if (await lock.acquire(boardId)) await own(boardId);
        }
      } catch (error) {
        deps.log.error("meeting.sweep.failed", { error });
      } finally {
        sweeping = undefined;
      }
    })();
    return sweeping;
  };

  const updateDraftCount = async (room: Room, boardId: string, participantId: string) => {
    const count = countDrafts(room.doc);
    await withMeetingRoom(boardId, async (meeting) => {
      if (readDraftCounts(meeting.doc)[participantId] === count) return;
      await meeting.change((doc) => setDraftCount(doc, participantId, count));
    });
  };

  // Everyone sees how many drafts each participant has (never their content).
  deps.rooms.onLoad((room) => {
    const name = parseRoomName(room.name);
    if (name?.kind !== "drafts") return;
    let timer: NodeJS.Timeout | undefined;
    const refresh = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        void serial(name.boardId, () =>
          updateDraftCount(room, name.boardId, name.participantId),
        ).catch((error: unknown) =>
          deps.log.error("meeting.draft_count.failed", { board: name.boardId, error }),
        );
      }, DRAFT_COUNT_DEBOUNCE_MS);
    };
    room.doc.on("update", refresh);
    room.doc.on("destroy", () => clearTimeout(timer));
  });

  return {
    /** Creates the meeting document of a new board from its script. */
    async create(boardId: string, script: Script): Promise<void> {
      await deps.rooms.change(meetingRoom(boardId), (doc) => {
        initMeetingDoc(doc, script);
      });
    },

    /** Carries out a facilitator's action and returns the meeting as it now stands. */
    command(boardId: string, request: MeetingRequest): Promise<MeetingSnapshot> {
      return serial(boardId, () => act(boardId, request));
    },

    snapshot(boardId: string): Promise<MeetingSnapshot> {
      return withMeetingRoom(boardId, async (room) => readMeeting(room.doc));
    },

    /** True when the participant was granted the facilitator role on this board. */
    async isGrantedFacilitator(boardId: string, participantId: string): Promise<boolean> {
      return withMeetingRoom(boardId, async (room) =>
        readFacilitators(room.doc).includes(participantId),
      );
    },

    grantFacilitator(boardId: string, participantId: string): Promise<MeetingSnapshot> {
      return serial(boardId, () =>
        withMeetingRoom(boardId, async (room) => {
          await room.change((doc) => {
            grantFacilitator(doc, participantId);
          });
          deps.log.info("meeting.facilitator.granted", { board: boardId });
          return readMeeting(room.doc);
        }),
      );
    },

    revokeFacilitator(boardId: string, participantId: string): Promise<MeetingSnapshot> {
      return serial(boardId, () =>
        withMeetingRoom(boardId, async (room) => {
          let revoked = false;
          await room.change((doc) => {
            revoked = revokeFacilitator(doc, participantId);
          });
          if (revoked) deps.log.info("meeting.facilitator.revoked", { board: boardId });
          return readMeeting(room.doc);
        }),
      );
    },

    /**
     * Starts running timers: meetings that were running when the server last stopped pick up
     * where their stored state says, and the sweep keeps claiming and renewing from then on.
     */
    async resumeRunning(): Promise<void> {
      if (!sweepTimer && !closed) {
        sweepTimer = setInterval(() => void sweep(), lock.renewEveryMs);
        sweepTimer.unref();
      }
      await sweep();
    },

    async close(): Promise<void> {
      closed = true;
      clearInterval(sweepTimer);
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
      await sweeping;
      for (const boardId of [...owned.keys()]) await disown(boardId, true);
    },
  };
}

export type MeetingService = ReturnType<typeof createMeetingService>;
