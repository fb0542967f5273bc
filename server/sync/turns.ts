// How long document work may hold the event loop before it lets other rooms' messages in.
// Well under the latency anyone notices, and long enough that warm code rarely pauses.
export const TURN_MS = 4;

/** Lets the event loop serve what is waiting (sockets, timers) before going on. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Runs a generator that pauses now and then (`yield`) to its end, without pausing. */
export function runToEnd<T>(run: Generator<void, T>): T {
  let result = run.next();
  while (!result.done) result = run.next();
  return result.value;
}

/**
 * Runs a generator that pauses now and then (`yield`) to its end, giving the event loop a
 * turn whenever it has run for `TURN_MS`.
 */
export async function runInTurns<T>(run: Generator<void, T>): Promise<T> {
  let started = performance.now();
  let result = run.next();
  while (!result.done) {
    if (performance.now() - started >= TURN_MS) {
      await nextTurn();
      started = performance.now();
    }
    result = run.next();
  }
  return result.value;
}
