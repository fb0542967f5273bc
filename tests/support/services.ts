import { randomBytes } from "node:crypto";
import net from "node:net";
import pg from "pg";

/** PostgreSQL for tests: DATABASE_URL, or the machine's local server. */
export const POSTGRES_URL = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
/** Redis for tests: REDIS_URL, or the machine's local server. */
export const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

function reachable(url: string, defaultPort: number): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({
      host: hostname || "127.0.0.1",
      port: Number(port) || defaultPort,
    });
    socket.setTimeout(1000);
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
  });
}

/**
 * Whether the PostgreSQL and Redis suites can run. Without the services they are skipped with a
 * loud line, unless REQUIRE_SERVICES=1 (CI), where a missing service fails the run.
 */
export async function servicesAvailable(what: Array<"postgres" | "redis">): Promise<boolean> {
  const missing: string[] = [];
  if (what.includes("postgres") && !(await reachable(POSTGRES_URL, 5432)))
    missing.push("PostgreSQL");
  if (what.includes("redis") && !(await reachable(REDIS_URL, 6379))) missing.push("Redis");
  if (missing.length === 0) return true;
  if (process.env.REQUIRE_SERVICES === "1") {
    throw new Error(`REQUIRE_SERVICES=1 but ${missing.join(" and ")} not reachable`);
  }
  process.stderr.write(
    `\n*** SKIPPED: ${missing.join(" and ")} tests — service not reachable (set DATABASE_URL / REDIS_URL) ***\n`,
  );
  return false;
}

/** A fresh, empty database on the test server; `drop()` removes it. */
export async function createTempDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `debrief_t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: POSTGRES_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
