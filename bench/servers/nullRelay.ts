import http from "node:http";
import { type WebSocket, WebSocketServer } from "ws";

/**
 * The null relay: forwards every frame to every other socket on the same path and does
 * nothing else — no document, no storage, no protocol. Whatever it reaches is the load
 * generator's own ceiling; a server that scores close to it was not really measured.
 * Started by bench/servers/peers.ts with PORT.
 */
const rooms = new Map<string, Set<WebSocket>>();
const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
const server = http.createServer((_req, res) => res.end("null relay"));

server.on("upgrade", (request, socket, head) => {
  wss.handleUpgrade(request, socket, head, (ws) => {
    const name = request.url ?? "/";
    let room = rooms.get(name);
    if (!room) {
      room = new Set();
      rooms.set(name, room);
    }
    const members = room;
    members.add(ws);
    ws.on("message", (data: Buffer, isBinary: boolean) => {
      for (const other of members) if (other !== ws) other.send(data, { binary: isBinary });
    });
    ws.on("close", () => {
      members.delete(ws);
      if (members.size === 0) rooms.delete(name);
    });
  });
});

server.listen(Number(process.env.PORT), "127.0.0.1");
process.on("SIGTERM", () => process.exit(0));
