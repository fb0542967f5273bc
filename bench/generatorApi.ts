/**
 * The contract between the orchestrator (bench/main.ts) and the load generator process
 * (bench/generator/main.ts). The generator runs in its own process, pinned to its own core,
 * so the clients never share a CPU with the server they measure.
 */

/** How frames are laid out on the socket. Hocuspocus prefixes every message with the doc name. */
export type Framing = "y-websocket" | "hocuspocus";

/** One room on one server, as a client reaches it. */
export type RoomTarget = {
  url: string;
  /** WebSocket subprotocols (Debrief carries its session token here). */
  protocols?: string[];
  framing: Framing;
  /** The document name: Hocuspocus frames carry it, elsewhere it only labels the room. */
  docName: string;
  /** Hocuspocus wants an auth message first, even when no hook checks it. */
  token?: string;
  /** False for the null relay: no server answers the sync handshake, a client is ready on open. */
  serverSync: boolean;
};

/** A board's size: its cards and the characters of text on each. */
export type BoardSpec = { cards: number; textChars: number };

/**
 * editor: holds a small doc and makes card edits; reader: holds no doc and only checks what it
 * receives; presence: sends awareness only.
 */
export type ClientRole = "editor" | "reader" | "presence";

export type OpenArgs = {
  group: string;
  rooms: RoomTarget[];
  perRoom: number;
  /** Clients in each room once every group is open (default perRoom): a send waits for the others. */
  roomSize?: number;
  role: ClientRole;
  /** Readers count as synced once they hold this whole board (not merely a first step 2). */
  board?: BoardSpec;
  timeoutMs: number;
};

/** Per client, milliseconds from the moment all sockets were opened. */
export type OpenResult = {
  opened: number[];
  firstStep2: number[];
  complete: number[];
  /** Bytes of sync payload (step 2 and updates) each client received while syncing. */
  syncBytes: number[];
  failures: string[];
};

export type DriveArgs = {
  /** Every client of these groups sends (groups opened in steps still form one room each). */
  groups: string[];
  kind: "doc" | "awareness";
  /** Sends per client per second. */
  hz: number;
  warmupMs: number;
  measureMs: number;
  /** After the last send, how long to wait for stragglers before calling them lost. */
  drainMs: number;
};

export type DriveResult = {
  /** Per update sent inside the measured window: ms until every other client in its room had it. */
  latencies: number[];
  sent: number;
  /** Everything sent, warm-up included (to relate to counters the server keeps). */
  sentAll: number;
  /** Updates sent in the window that some client never received. */
  incomplete: number;
  /** Frames with a tracked update or awareness state that reached a client, inside the window. */
  deliveries: number;
  windowMs: number;
  /** The generator's own CPU over the window, in ms (user + system). */
  generatorCpuMs: number;
  /** Sends the scheduler made more than 50 ms late: the generator could not keep up. */
  lateSends: number;
};

export type SeedArgs = { target: RoomTarget; board: BoardSpec; timeoutMs: number };
export type SeedResult = { bytes: number; ms: number };
export type BoardInfo = { bytes: number; chunks: number; buildMs: number };

/** Every command with its arguments and result. */
export type Commands = {
  open: { args: OpenArgs; result: OpenResult };
  drive: { args: DriveArgs; result: DriveResult };
  close: { args: { group: string }; result: { closed: number } };
  board: { args: BoardSpec; result: BoardInfo };
  seed: { args: SeedArgs; result: SeedResult };
};

export type CommandName = keyof Commands;

export type Request<C extends CommandName = CommandName> = {
  id: number;
  command: C;
  args: Commands[C]["args"];
};

/** Generator → orchestrator. `mark` brackets the measured window so server CPU is read there. */
export type Reply =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: string }
  | { mark: "measure-start" | "measure-end" };
