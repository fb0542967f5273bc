// Preloaded (`node --import`) into every server under test, Debrief and peers alike: a tiny HTTP
// endpoint on BENCH_PROBE_PORT that reports the process's V8 heap, after a full GC when asked
// (the process runs with --expose-gc), so memory per room and per connection is read the same
// way in every server. It does nothing until asked and never keeps the process alive.
import http from "node:http";
import { isMainThread } from "node:worker_threads";

// Worker threads inherit --import (Debrief's storage runs on one): the probe belongs to the
// main thread only, which is where process.memoryUsage() sees the whole process anyway.
const port = Number(process.env.BENCH_PROBE_PORT);
if (port > 0 && isMainThread) {
  const server = http.createServer((req, res) => {
    if (req.url === "/memory?gc=1" && typeof globalThis.gc === "function") {
      // Twice: the first pass can leave objects that only a second one finds unreachable.
      globalThis.gc();
      globalThis.gc();
    }
    // No keep-alive: an idle probe socket must not hold up the server's shutdown.
    res.setHeader("connection", "close");
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify(process.memoryUsage()));
  });
  server.listen(port, "127.0.0.1");
  server.unref();
}
