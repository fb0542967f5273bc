import type { BoardSpec, RoomTarget } from "../generatorApi";
import type { PeerServer } from "../servers/peerServer";
import { type BenchContext, sleep } from "./context";

/**
 * Makes `count` rooms holding `board`, written through the server as a client would, then
 * restarts the server once its storage has caught up: the rooms are then in storage only,
 * which is what "cold" means for every peer.
 */
export async function seedColdRooms(
  ctx: BenchContext,
  server: PeerServer,
  count: number,
  board: BoardSpec,
  tag: string,
): Promise<{ rooms: RoomTarget[]; seededBytes: number }> {
  const rooms = await server.rooms(count, tag);
  let seededBytes = 0;
  for (const target of rooms) {
    const seeded = await ctx.gen.call("seed", { target, board, timeoutMs: 120_000 });
    seededBytes = seeded.bytes;
  }
  await sleep(server.peer.settleMs);
  await server.restart();
  return { rooms, seededBytes };
}
