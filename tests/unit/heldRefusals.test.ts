import net from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { HeldRefusals } from "../../server/sync/heldRefusals";

/** `n` real TCP connections to a local server; the server's ends, and a way to close a client. */
async function sockets(n: number) {
  const accepted: net.Socket[] = [];
  const server = net.createServer((s) => accepted.push(s));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as net.AddressInfo;
  const clients = await Promise.all(
    Array.from(
      { length: n },
      () =>
        new Promise<net.Socket>((r) => {
          const c = net.connect(port, "127.0.0.1", () => r(c));
        }),
    ),
  );
  await vi.waitFor(() => expect(accepted.length).toBe(n));
  return {
    accepted,
    clients,
    close() {
      for (const s of [...accepted, ...clients]) s.destroy();
      server.close();
    },
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe("HeldRefusals", () => {
  it("answers when the wait is over, and never later than the cap", async () => {
    const net2 = await sockets(2);
    vi.useFakeTimers();
    const sizes: number[] = [];
    const held = new HeldRefusals({ maxHeld: 10, maxHoldMs: 1_000, onSize: (n) => sizes.push(n) });
    const answered: string[] = [];
    held.hold(net2.accepted[0]!, 300, () => answered.push("short"));
    held.hold(net2.accepted[1]!, 60_000, () => answered.push("long"));
    vi.advanceTimersByTime(299);
    expect(answered).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(answered).toEqual(["short"]);
    vi.advanceTimersByTime(700);
    expect(answered).toEqual(["short", "long"]);
    expect(sizes).toEqual([1, 2, 1, 0]);
    net2.close();
  });

  it("answers at once past its size, or when there is nothing to wait for", async () => {
    const s = await sockets(3);
    vi.useFakeTimers();
    let size = -1;
    const held = new HeldRefusals({ maxHeld: 2, maxHoldMs: 1_000, onSize: (n) => (size = n) });
    const answered: number[] = [];
    held.hold(s.accepted[0]!, 500, () => answered.push(0));
    held.hold(s.accepted[1]!, 500, () => answered.push(1));
    held.hold(s.accepted[2]!, 500, () => answered.push(2));
    held.hold(s.accepted[2]!, 0, () => answered.push(3));
    expect(answered).toEqual([2, 3]);
    held.releaseAll();
    expect(answered).toEqual([2, 3, 0, 1]);
    expect(size).toBe(0);
    s.close();
  });

  it("lets go of a socket whose client hangs up first, without answering it", async () => {
    const s = await sockets(1);
    let size = 0;
    const held = new HeldRefusals({ maxHeld: 10, maxHoldMs: 1_000, onSize: (n) => (size = n) });
    let answered = false;
    held.hold(s.accepted[0]!, 500, () => {
      answered = true;
    });
    expect(size).toBe(1);
    s.clients[0]!.destroy();
    await vi.waitFor(() => expect(size).toBe(0));
    await new Promise((r) => setTimeout(r, 600));
    expect(answered).toBe(false);
    s.close();
  });
});
