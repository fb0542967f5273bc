import { createHash, randomBytes } from "node:crypto";
import http from "node:http";
import type { Socket } from "node:net";

/**
 * A minimal WebSocket client (RFC 6455) for the load generator. It receives ~100,000 frames a
 * second at full load, and the `ws` client spends most of its time in stream machinery around
 * each frame; parsing frames straight off the TCP socket roughly halves the generator's CPU, so
 * the generator stays well below the servers it measures. Binary frames only, no extensions.
 */
export type WireSocketHandlers = {
  open(): void;
  /** One whole message (a view into the received bytes; copy it to keep it). */
  message(data: Buffer): void;
  /** The connection ended or could not be made; `reason` says why. Called once. */
  closed(reason: string): void;
};

const OP_CONTINUATION = 0x0;
const OP_TEXT = 0x1;
const OP_BINARY = 0x2;
const OP_CLOSE = 0x8;
const OP_PING = 0x9;
const GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
// Clients must mask their frames; servers accept any key. An all-zero key leaves the payload
// unchanged, which spares an XOR pass and a copy per frame (nothing here needs the masking's
// protection against proxy cache poisoning: it is loopback to a server under test).
const ZERO_MASK = Buffer.alloc(4);

export class WireSocket {
  private socket: Socket | undefined;
  private buffered: Buffer[] = [];
  private bufferedBytes = 0;
  private fragments: Buffer[] = [];
  private done = false;

  constructor(
    url: string,
    protocols: string[],
    private readonly on: WireSocketHandlers,
  ) {
    const target = new URL(url);
    const key = randomBytes(16).toString("base64");
    const request = http.request({
      host: target.hostname,
      port: target.port,
      path: `${target.pathname}${target.search}`,
      headers: {
        Connection: "Upgrade",
        Upgrade: "websocket",
        "Sec-WebSocket-Version": "13",
        "Sec-WebSocket-Key": key,
        ...(protocols.length > 0 ? { "Sec-WebSocket-Protocol": protocols.join(", ") } : {}),
      },
      agent: false,
    });
    request.on("response", (res) => {
      res.resume();
      this.end(`HTTP ${res.statusCode}`);
    });
    request.on("error", (error) => this.end(error.message));
    request.on("upgrade", (res, socket, head) => {
      const expected = createHash("sha1").update(`${key}${GUID}`).digest("base64");
      if (res.headers["sec-websocket-accept"] !== expected) {
        socket.destroy();
        this.end("bad Sec-WebSocket-Accept");
        return;
      }
      this.socket = socket;
      socket.setNoDelay(true);
      socket.on("data", (chunk: Buffer) => this.receive(chunk));
      socket.on("error", (error) => this.end(error.message));
      socket.on("close", () => this.end("connection closed"));
      this.on.open();
      if (head.length > 0) this.receive(head);
    });
    request.end();
  }

  /** Sends one binary message. */
  send(payload: Uint8Array): void {
    const socket = this.socket;
    if (!socket || this.done) return;
    const n = payload.byteLength;
    const headerLength = n < 126 ? 2 : n < 65_536 ? 4 : 10;
    const frame = Buffer.allocUnsafe(headerLength + 4 + n);
    frame[0] = 0x80 | OP_BINARY;
    if (n < 126) frame[1] = 0x80 | n;
    else if (n < 65_536) {
      frame[1] = 0x80 | 126;
      frame.writeUInt16BE(n, 2);
    } else {
      frame[1] = 0x80 | 127;
      frame.writeBigUInt64BE(BigInt(n), 2);
    }
    ZERO_MASK.copy(frame, headerLength);
    frame.set(payload, headerLength + 4);
    socket.write(frame);
  }

  /** Drops the connection at once (no closing handshake: the bench has nothing to flush). */
  close(): void {
    this.done = true;
    this.socket?.destroy();
  }

  private end(reason: string): void {
    if (this.done) return;
    this.done = true;
    this.socket?.destroy();
    this.on.closed(reason);
  }

  private receive(chunk: Buffer): void {
    let data = chunk;
    if (this.bufferedBytes > 0) {
      this.buffered.push(chunk);
      this.bufferedBytes += chunk.length;
      // A header split across chunks: join now (a few bytes), so its length can be read.
      if ((this.buffered[0] as Buffer).length < 10) {
        this.buffered = [Buffer.concat(this.buffered, this.bufferedBytes)];
      }
      // A large message (a 4 MB sync step 2) arrives in many chunks: join them only once the
      // whole frame is there, not on every chunk.
      const needed = this.frameLength(this.buffered[0] as Buffer, 0);
      if (needed === undefined || this.bufferedBytes < needed) return;
      data = Buffer.concat(this.buffered, this.bufferedBytes);
      this.buffered = [];
      this.bufferedBytes = 0;
    }
    let pos = 0;
    while (!this.done && pos < data.length) {
      const total = this.frameLength(data, pos);
      if (total === undefined || data.length - pos < total) {
        const rest = data.subarray(pos);
        this.buffered = [rest];
        this.bufferedBytes = rest.length;
        return;
      }
      this.frame(data, pos, total);
      pos += total;
    }
  }

  /** The length of the frame at `pos` if its header is complete (up to 10 bytes). */
  private frameLength(b: Buffer, pos: number): number | undefined {
    if (b.length - pos < 2) return undefined;
    const len = (b[pos + 1] as number) & 0x7f;
    if (len < 126) return 2 + len;
    if (len === 126) return b.length - pos < 4 ? undefined : 4 + b.readUInt16BE(pos + 2);
    return b.length - pos < 10 ? undefined : 10 + Number(b.readBigUInt64BE(pos + 2));
  }

  private frame(b: Buffer, pos: number, total: number): void {
    const fin = ((b[pos] as number) & 0x80) !== 0;
    const op = (b[pos] as number) & 0x0f;
    const len = (b[pos + 1] as number) & 0x7f;
    const start = pos + (len < 126 ? 2 : len === 126 ? 4 : 10);
    const payload = b.subarray(start, pos + total);
    if (op === OP_BINARY || op === OP_TEXT || op === OP_CONTINUATION) {
      if (fin && this.fragments.length === 0) {
        this.on.message(payload);
        return;
      }
      this.fragments.push(payload);
      if (fin) {
        const whole = Buffer.concat(this.fragments);
        this.fragments = [];
        this.on.message(whole);
      }
    } else if (op === OP_PING) {
      this.control(0xa, payload);
    } else if (op === OP_CLOSE) {
      const code = payload.length >= 2 ? payload.readUInt16BE(0) : 1005;
      this.end(`closed with ${code}`);
    }
  }

  /** A control frame (pong) back to the server, masked like every client frame. */
  private control(op: number, payload: Buffer): void {
    const frame = Buffer.allocUnsafe(6 + payload.length);
    frame[0] = 0x80 | op;
    frame[1] = 0x80 | payload.length;
    ZERO_MASK.copy(frame, 2);
    payload.copy(frame, 6);
    this.socket?.write(frame);
  }
}
