// Hocuspocus 3 as its documentation sets it up for persistence: the SQLite extension, with the
// server's default debounce (a document is stored 2 s after its last change, at most 10 s
// after its first). Clients reach any document through the one socket URL; the document name
// travels in every message. Started by bench/servers/peers.ts with PORT and DATA_DIR.
import path from "node:path";
import { SQLite } from "@hocuspocus/extension-sqlite";
import { Server } from "@hocuspocus/server";

const server = new Server({
  port: Number(process.env.PORT),
  address: "127.0.0.1",
  quiet: true,
  extensions: [new SQLite({ database: path.join(process.env.DATA_DIR, "hocuspocus.sqlite") })],
});

// stopOnSignals (the default) stores every document and exits on SIGTERM.
await server.listen();
