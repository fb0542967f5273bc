import type { BoardSpec, CommandName, Commands, Reply, Request } from "../generatorApi";
import { type BuiltBoard, buildBoard, skeleton } from "./boards";
import { drive } from "./drive";
import { type Group, openGroup } from "./openGroup";
import { seed } from "./seed";

/**
 * The load generator: a child process that takes commands from the orchestrator over IPC and
 * runs the clients. Boards are built here, once per size, so megabytes never cross the IPC pipe.
 */
const groups = new Map<string, Group>();
const boards = new Map<string, BuiltBoard>();
const base = skeleton();

function board(spec: BoardSpec): BuiltBoard {
  const key = `${spec.cards}x${spec.textChars}`;
  let built = boards.get(key);
  if (!built) {
    built = buildBoard(spec);
    boards.set(key, built);
  }
  return built;
}

function reply(message: Reply): void {
  process.send?.(message);
}

function groupOf(name: string): Group {
  const group = groups.get(name);
  if (!group) throw new Error(`no group ${name}`);
  return group;
}

type Handlers = {
  [C in CommandName]: (args: Commands[C]["args"]) => Promise<Commands[C]["result"]>;
};

const handlers: Handlers = {
  async open(args) {
    if (groups.has(args.group)) throw new Error(`group ${args.group} is already open`);
    const { group, result } = await openGroup(args, board, base);
    groups.set(args.group, group);
    return result;
  },
  drive: (args) => drive(args.groups.map(groupOf), args, (mark) => reply({ mark })),
  async close({ group }) {
    const clients = groups.get(group)?.clients ?? [];
    for (const c of clients) c.close();
    groups.delete(group);
    return { closed: clients.length };
  },
  async board(spec) {
    const built = board(spec);
    return { bytes: built.bytes, chunks: built.chunks.length, buildMs: built.buildMs };
  },
  seed: async (args) => seed(args, board(args.board)),
};

process.on("message", (message: Request) => {
  const handler = handlers[message.command] as (args: unknown) => Promise<unknown>;
  handler(message.args).then(
    (result) => reply({ id: message.id, ok: true, result }),
    (error: unknown) =>
      reply({
        id: message.id,
        ok: false,
        error: error instanceof Error ? error.message : String(error),
      }),
  );
});

// The orchestrator going away (Ctrl-C, crash) takes the generator with it.
process.on("disconnect", () => process.exit(0));
