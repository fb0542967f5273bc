import { WebSocket } from "ws";

export type Refusal = { refused: true; status: number };
/** `frames` collects every binary frame from the first one on (they can arrive with "open"). */
export type Opened = { refused: false; ws: WebSocket; protocol: string; frames: Uint8Array[] };

/** Opens a raw socket with the given subprotocols; reports an HTTP refusal instead of throwing. */
export function openRaw(url: string, protocols: string[]): Promise<Refusal | Opened> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, protocols);
    ws.binaryType = "arraybuffer";
    const frames: Uint8Array[] = [];
    ws.on("message", (data: ArrayBuffer) => frames.push(new Uint8Array(data)));
    ws.once("open", () => resolve({ refused: false, ws, protocol: ws.protocol, frames }));
    ws.once("unexpected-response", (_req, res) => {
      resolve({ refused: true, status: res.statusCode ?? 0 });
      ws.terminate();
    });
    ws.once("error", (error) => reject(error));
  });
}

/** Resolves with the close code. */
export function closed(ws: WebSocket): Promise<{ code: number }> {
  if (ws.readyState === ws.CLOSED) return Promise.resolve({ code: 1006 });
  return new Promise((resolve) => ws.once("close", (code) => resolve({ code })));
}

export function authProtocols(token: string): string[] {
  return ["debrief.v1", `auth.${token}`];
}
