import { WebSocket } from "ws";

export type Refusal = { refused: true; status: number };
export type Opened = { refused: false; ws: WebSocket; protocol: string };

/** Opens a raw socket with the given subprotocols; reports an HTTP refusal instead of throwing. */
export function openRaw(url: string, protocols: string[]): Promise<Refusal | Opened> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, protocols);
    ws.binaryType = "arraybuffer";
    ws.once("open", () => resolve({ refused: false, ws, protocol: ws.protocol }));
    ws.once("unexpected-response", (_req, res) => {
      resolve({ refused: true, status: res.statusCode ?? 0 });
      ws.terminate();
    });
    ws.once("error", (error) => reject(error));
  });
}

/** Resolves with the close code and every binary frame received before it. */
export function closed(ws: WebSocket): Promise<{ code: number; frames: Uint8Array[] }> {
  const frames: Uint8Array[] = [];
  ws.on("message", (data: ArrayBuffer) => frames.push(new Uint8Array(data)));
  return new Promise((resolve) => ws.once("close", (code) => resolve({ code, frames })));
}

export function authProtocols(token: string): string[] {
  return ["debrief.v1", `auth.${token}`];
}
