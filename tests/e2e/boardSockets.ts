import type { Person } from "../support/e2eBoard";

type SocketWindow = { __sockets: WebSocket[]; __offline: boolean };

/**
 * Page-side: remembers every WebSocket the page opens, and while `__offline` is set sends new
 * ones to a closed port, so they fail the way they do without a network (see `goOffline`).
 */
export function trackSockets() {
  const Native = window.WebSocket;
  const state = window as unknown as SocketWindow;
  state.__sockets = [];
  state.__offline = false;
  window.WebSocket = class extends Native {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(state.__offline ? "ws://127.0.0.1:9/" : url, protocols);
      state.__sockets.push(this);
    }
  };
}

/**
 * Takes a person's browser offline the way a network failure does: open connections drop and
 * new ones fail. Chromium's offline emulation alone refuses new requests but leaves open
 * WebSockets alone (and a socket closed while offline hangs in its closing handshake), so the
 * sockets are cut first. Needs `trackSockets` when the person was opened.
 */
export async function goOffline(person: Person): Promise<void> {
  await person.page.evaluate(() => {
    const state = window as unknown as SocketWindow;
    state.__offline = true;
    for (const socket of state.__sockets) socket.close();
  });
  await person.context.setOffline(true);
}

/** Ends `goOffline`: the provider's next reconnect attempt gets through. */
export async function goOnline(person: Person): Promise<void> {
  await person.context.setOffline(false);
  await person.page.evaluate(() => {
    (window as unknown as SocketWindow).__offline = false;
  });
}
