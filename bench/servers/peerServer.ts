import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { RoomTarget } from "../generatorApi";
import type { Peer } from "./peers";
import { freePort, type ServerProcess, startServerProcess } from "./serverProcess";

export type PeerServer = {
  readonly peer: Peer;
  readonly port: number;
  /** The process running now (a restart replaces it). */
  readonly proc: ServerProcess;
  rooms(count: number, tag: string): Promise<RoomTarget[]>;
  /**
   * Stops the server and starts it again on the same data and port, so rooms made before are
   * reachable at the same addresses but held only in storage ("cold").
   */
  restart(): Promise<void>;
  /** Stops the server and deletes its data. */
  stop(): Promise<void>;
};

export type PeerServerOptions = {
  core: number | undefined;
  nice: number;
  /** When set, every start of this server writes its CPU profiles into `<dir>/<name>-<n>/`. */
  profile?: { dir: string; name: string };
};

/** Starts a peer on a fresh temporary data directory. */
export async function startPeer(peer: Peer, options: PeerServerOptions): Promise<PeerServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `debrief-bench-${peer.id}-`));
  const port = await freePort();
  let starts = 0;
  const start = () => {
    starts++;
    const profileDir =
      options.profile && path.join(options.profile.dir, `${options.profile.name}-${starts}`);
    return startServerProcess(peer.launch(port, dataDir, profileDir), {
      core: options.core,
      nice: options.nice,
      port,
      dataDir,
    });
  };
  let proc = await start();
  return {
    peer,
    port,
    get proc() {
      return proc;
    },
    async rooms(count, tag) {
      try {
        return await peer.rooms(port, count, tag);
      } catch (error) {
        const said = proc.output().trim().split("\n").slice(-5).join("\n");
        throw new Error(
          `${peer.label}: ${String(error)}${said ? `\nserver output:\n${said}` : ""}`,
        );
      }
    },
    async restart() {
      await proc.stop();
      proc = await start();
    },
    async stop() {
      await proc.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
