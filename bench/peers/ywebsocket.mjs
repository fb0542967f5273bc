// The reference y-websocket server (@y/websocket-server 0.1.1, the last release for yjs 13),
// wired as its own bin/server.js does, with the persistence it ships: y-leveldb, enabled by
// YPERSISTENCE, which stores every update as it is applied. One difference from its bin: `ws`
// 8 (as Debrief and Hocuspocus use) instead of the ws 6 it pins, so the socket library is the
// same for every server and the comparison is about the servers themselves.
// Started by bench/servers/peers.ts with PORT and YPERSISTENCE.
import http from "node:http";
import { getPersistence, setupWSConnection } from "@y/websocket-server/utils";
import { WebSocketServer } from "ws";

const wss = new WebSocketServer({ noServer: true });
const server = http.createServer((_request, response) => {
  response.writeHead(200, { "Content-Type": "text/plain" });
  response.end("okay");
});
wss.on("connection", setupWSConnection);
server.on("upgrade", (request, socket, head) => {
  wss.handleUpgrade(request, socket, head, (ws) => wss.emit("connection", ws, request));
});
server.listen(Number(process.env.PORT), "127.0.0.1");

// Not in its bin: close LevelDB on SIGTERM so the harness can restart it on the same data
// without losing writes still queued in the store.
process.on("SIGTERM", async () => {
  for (const ws of wss.clients) ws.terminate();
  await getPersistence()?.provider.destroy();
  process.exit(0);
});
