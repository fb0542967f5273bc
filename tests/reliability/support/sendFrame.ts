import { authProtocols, closed, openRaw } from "../../support/rawSocket";

/**
 * Opens a raw sync socket, sends frames, and reports how it ended: the close code (0 if it was
 * still open after `waitMs`) and how long after the last send the server closed it.
 */
export async function sendOnFreshSocket(
  roomUrl: string,
  token: string,
  frames: Array<Uint8Array | string>,
  waitMs = 5000,
): Promise<{ code: number; closeMs: number }> {
  const raw = await openRaw(roomUrl, authProtocols(token));
  if (raw.refused) throw new Error(`refused ${raw.status}`);
  const done = closed(raw.ws);
  for (const frame of frames) raw.ws.send(frame);
  const sent = performance.now();
  const code = await Promise.race([
    done.then((c) => c.code),
    new Promise<number>((r) => setTimeout(() => r(0), waitMs)),
  ]);
  const closeMs = performance.now() - sent;
  if (code === 0) raw.ws.terminate();
  return { code, closeMs };
}
