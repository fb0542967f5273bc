import { createHook } from "node:async_hooks";
import { getHeapSpaceStatistics, setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import type { Metrics } from "./metrics";

/**
 * TEST HOOK (DEBRIEF_TEST_HOOKS=1 only): counts what a leak would leave behind — live timers
 * (unref'd ones too, which `process.getActiveResourcesInfo()` does not list), live sockets and
 * process listeners — and reports the heap after a full garbage collection, so a churn test
 * can compare before and after without noise from garbage not yet collected. async_hooks cost
 * CPU on every resource, which is why this is never on in production.
 */
export function registerTestCensus(m: Metrics): void {
  const live = new Map<number, string>();
  createHook({
    init(asyncId, type) {
      if (type === "Timeout" || type === "TCPWRAP" || type === "Immediate") live.set(asyncId, type);
    },
    destroy(asyncId) {
      live.delete(asyncId);
    },
  }).enable();
  const count = (type: string) => {
    let n = 0;
    for (const t of live.values()) if (t === type) n++;
    return n;
  };

  // `gc` is exposed only with --expose-gc; the flag can be set at run time, and a fresh
  // context then holds the function.
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;

  m.gauge("debrief_test_live_timers", "TEST HOOK: timers not yet fired or cleared", () =>
    count("Timeout"),
  );
  m.gauge("debrief_test_live_sockets", "TEST HOOK: TCP sockets and servers open", () =>
    count("TCPWRAP"),
  );
  m.gauge("debrief_test_process_listeners", "TEST HOOK: listeners on `process`", () =>
    process.eventNames().reduce((n, e) => n + process.listenerCount(e), 0),
  );
  m.gauge("debrief_test_heap_after_gc_bytes", "TEST HOOK: V8 heap in use after a full GC", () => {
    gc();
    return process.memoryUsage().heapUsed;
  });
  // Compiled code grows as V8 optimises more paths (a heap snapshot of the churn scenario: ~700
  // KB of code, deopt data and relocation info over 20 s); a leak shows in the data spaces.
  m.gauge(
    "debrief_test_data_heap_after_gc_bytes",
    "TEST HOOK: V8 heap in use after a full GC, compiled code left out",
    () => {
      gc();
      return getHeapSpaceStatistics()
        .filter((s) => !s.space_name.includes("code"))
        .reduce((n, s) => n + s.space_used_size, 0);
    },
  );
}
