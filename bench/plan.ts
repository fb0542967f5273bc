import type { BoardSpec } from "./generatorApi";

/**
 * The sizes of every workload: the full run (issue 8's figures, ~9 minutes on 2 cores) and a
 * quick smoke run (small rooms, short windows; under a minute for Debrief alone, about 1.5 with
 * the peers, whose startup dominates; it proves only that it all runs).
 */
export type Plan = {
  quick: boolean;
  relay: { clients: number; hz: number; rounds: number; roundMs: number; warmupMs: number };
  saturation: {
    clients: number;
    /** Sends per client per second, tried in order until a peer's p99 passes the limit. */
    stepsHz: number[];
    warmupMs: number;
    stepMs: number;
    p99LimitMs: number;
  };
  manyRooms: { rooms: number; perRoom: number; hz: number; warmupMs: number; measureMs: number };
  coldOpen: { boards: number; board: BoardSpec };
  joinStorm: { clients: number; board: BoardSpec };
  presence: { clients: number; hz: number; rounds: number; roundMs: number; warmupMs: number };
};

// 3,000 cards of ~45 characters encode to ≈1 MB; with ~1,300 characters each, to ≈4 MB.
const ONE_MB_BOARD: BoardSpec = { cards: 3000, textChars: 45 };
const FOUR_MB_BOARD: BoardSpec = { cards: 3000, textChars: 1300 };

export const FULL: Plan = {
  quick: false,
  // 100 clients × 10 Hz for 30 s, split in two rounds so the peers alternate.
  relay: { clients: 100, hz: 10, rounds: 2, roundMs: 15_000, warmupMs: 2_000 },
  saturation: {
    clients: 100,
    // ×~1.5 per step: 200 → 2,200 updates/s in, ×99 frames out (the relay's 1,000 is step 5).
    stepsHz: [2, 3, 5, 7, 10, 15, 22],
    warmupMs: 1_000,
    stepMs: 3_000,
    p99LimitMs: 50,
  },
  // Each of the 2,000 clients edits once a second: 2,000 updates/s in, 18,000 frames/s out.
  manyRooms: { rooms: 200, perRoom: 10, hz: 1, warmupMs: 3_000, measureMs: 10_000 },
  coldOpen: { boards: 5, board: ONE_MB_BOARD },
  joinStorm: { clients: 150, board: FOUR_MB_BOARD },
  presence: { clients: 100, hz: 10, rounds: 2, roundMs: 6_000, warmupMs: 1_000 },
};

export const QUICK: Plan = {
  quick: true,
  relay: { clients: 20, hz: 10, rounds: 1, roundMs: 1_500, warmupMs: 500 },
  saturation: { clients: 20, stepsHz: [5, 20], warmupMs: 300, stepMs: 1_000, p99LimitMs: 50 },
  manyRooms: { rooms: 10, perRoom: 4, hz: 2, warmupMs: 500, measureMs: 1_500 },
  coldOpen: { boards: 2, board: { cards: 200, textChars: 45 } },
  joinStorm: { clients: 20, board: { cards: 200, textChars: 1300 } },
  presence: { clients: 20, hz: 10, rounds: 1, roundMs: 1_500, warmupMs: 500 },
};
