/** A throttled function; `flush` sends a pending call now, `cancel` drops it. */
export type Throttled<T> = ((value: T) => void) & { flush(): void; cancel(): void };

/**
 * Calls `send` at most once per `intervalMs` with the latest value: the first call goes out at
 * once, later ones within the interval collapse into one trailing call, so the final position
 * always arrives.
 */
export function throttle<T>(send: (value: T) => void, intervalMs: number): Throttled<T> {
  let lastSent = Number.NEGATIVE_INFINITY;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: { value: T } | undefined;

  const fire = () => {
    timer = undefined;
    if (!pending) return;
    const { value } = pending;
    pending = undefined;
    lastSent = Date.now();
    send(value);
  };

  const throttled = ((value: T) => {
    pending = { value };
    if (timer !== undefined) return;
    const wait = lastSent + intervalMs - Date.now();
    if (wait <= 0) fire();
    else timer = setTimeout(fire, wait);
  }) as Throttled<T>;
  throttled.flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    fire();
  };
  throttled.cancel = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    pending = undefined;
  };
  return throttled;
}
