import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkInvariants, readBoard } from "../../shared/board";
import { createBoard, join, type SessionReply } from "../support/api";
import { createRandom } from "../support/random";
import { type ServerHandle, startServer } from "../support/serverProcess";
import { type Client, connectClient, converged, synced } from "../support/syncClient";
import { waitFor } from "../support/waitFor";
import { randomBoardCommand } from "./support/boardCommands";
import { canonical } from "./support/canonical";
import { startFaultProxy } from "./support/faultProxy";
import { figure, reliabilitySeed, scaled } from "./support/figures";

const PEERS = 5;
const STEPS = scaled(400, 10_000);
let server: ServerHandle;

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  await server.stop();
});

type Peer = { session: SessionReply; client: Client };

describe("randomized convergence over a faulty network", () => {
  it(
    "converges with dropped, duplicated and reordered frames and random reconnects",
    async () => {
      const seed = reliabilitySeed("faulty-network");
      const rnd = createRandom(seed);
      const proxy = await startFaultProxy(server.wsUrl, createRandom(seed + 1), {
        drop: 0.01,
        duplicate: 0.05,
        reorder: 0.05,
      });
      const board = await createBoard(server.url, { title: `faulty network ${seed}` });
      const peers: Peer[] = [];
      for (let i = 0; i < PEERS; i++) {
        const session = await join(server.url, board.id, board.keys.participant, `Peer ${i}`);
        peers.push({ session, client: connectClient(proxy.wsUrl, board.id, session.token) });
      }
      let refused = 0;
      let reconnects = 0;
      try {
        await Promise.all(peers.map((p) => synced(p.client, 20_000)));
        await waitFor(
          () => peers.every((p) => readBoard(p.client.doc).lanes.length === PEERS + 1),
          {
            what: "every participant's lane at every peer",
          },
        );
        for (let step = 0; step < STEPS; step++) {
          const peer = rnd.pick(peers)!;
          if (rnd.chance(0.03)) {
            reconnects++;
            if (rnd.chance(0.5)) proxy.cutOne();
            else if (peer.client.provider.wsconnected) peer.client.provider.disconnect();
            else peer.client.provider.connect();
          } else if (
            randomBoardCommand(rnd, peer.client.doc, peer.session.participantId) === "refused"
          ) {
            refused++;
          }
          if (rnd.chance(0.3)) await new Promise((r) => setTimeout(r, rnd.int(8)));
        }
        // The network heals; everyone reconnects and the sync exchange repairs what was lost. A
        // peer that got a deletion before the item it deletes (a swap TCP itself never makes)
        // holds it pending until its next sync, whose delete set repairs it: hence reconnect all.
        proxy.setFaults({ drop: 0, duplicate: 0, reorder: 0 });
        for (const p of peers) {
          p.client.provider.disconnect();
          p.client.provider.connect();
        }
        await Promise.all(peers.map((p) => synced(p.client, 20_000)));
        await converged(
          peers.map((p) => p.client.doc),
          30_000,
        );
        const reference = readBoard(peers[0]!.client.doc);
        const divergent = peers.filter(
          (p) => canonical(readBoard(p.client.doc)) !== canonical(reference),
        ).length;
        const violations = peers.flatMap((p) => checkInvariants(p.client.doc));
        // The server's own copy, read directly and not through the proxy, is the same board.
        const direct = connectClient(server.wsUrl, board.id, peers[0]!.session.token);
        await synced(direct);
        await converged([direct.doc, peers[0]!.client.doc]);
        const serverDiffers = canonical(readBoard(direct.doc)) !== canonical(reference);
        direct.destroy();

        figure("faulty_network_peers", PEERS);
        figure("faulty_network_steps", STEPS);
        figure("faulty_network_commands_refused_by_model", refused);
        figure("faulty_network_frames", proxy.counts.frames);
        figure("faulty_network_dropped", proxy.counts.dropped);
        figure("faulty_network_duplicated", proxy.counts.duplicated);
        figure("faulty_network_reordered", proxy.counts.reordered);
        figure("faulty_network_reconnects", reconnects + proxy.counts.dropped);
        figure("faulty_network_cards", reference.cards.length);
        figure("faulty_network_divergences", divergent + (serverDiffers ? 1 : 0));
        figure("faulty_network_invariant_violations", violations.length);
        expect(divergent, `seed ${seed}`).toBe(0);
        expect(serverDiffers, `seed ${seed}`).toBe(false);
        expect(violations, `seed ${seed}`).toEqual([]);
        expect(
          proxy.counts.dropped + proxy.counts.duplicated + proxy.counts.reordered,
        ).toBeGreaterThan(0);
      } catch (error) {
        process.stderr.write(`\nfaulty network failed — replay with RELIABILITY_SEED=${seed}\n`);
        throw error;
      } finally {
        for (const p of peers) p.client.destroy();
        await proxy.close();
      }
    },
    scaled(120_000, 1_800_000),
  );
});
