import type { Hono } from "hono";
import type { Storage } from "../storage/storage";
import type { ServerMetrics } from "./metrics";

/** Liveness, readiness (storage answers) and Prometheus metrics. */
export function mountOpsRoutes(app: Hono, deps: { storage: Storage; metrics: ServerMetrics }) {
  app.get("/healthz", (c) => c.json({ ok: true }));

  app.get("/readyz", async (c) => {
    try {
      await deps.storage.ping();
      return c.json({ ok: true });
    } catch {
      return c.json({ ok: false, error: "storage unreachable" }, 503);
    }
  });

  app.get("/metrics", (c) =>
    c.text(deps.metrics.registry.render(), 200, {
      "content-type": "text/plain; version=0.0.4; charset=utf-8",
    }),
  );
}
