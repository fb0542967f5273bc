import fs from "node:fs";
import path from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import type { Context, Hono } from "hono";

/**
 * Serves the built client from `dist/client`. Board pages (`/b/<id>`) are the same single page;
 * the key stays in the URL fragment, which browsers never send.
 */
export function mountStaticClient(app: Hono, clientDir: string): void {
  const indexFile = path.join(clientDir, "index.html");
  const root = path.relative(process.cwd(), clientDir) || ".";

  app.use("*", async (c, next) => {
    await next();
    if (c.req.path.startsWith("/api/") || c.req.path.startsWith("/sync/")) return;
    c.header("X-Content-Type-Options", "nosniff");
    c.header("Referrer-Policy", "no-referrer");
    c.header(
      "Content-Security-Policy",
      "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    );
  });
  app.use("/assets/*", serveStatic({ root }));
  app.get("/favicon.svg", serveStatic({ root }));
  app.get("/", (c) => sendIndex(c, indexFile));
  app.get("/b/:id", (c) => sendIndex(c, indexFile));
}

function sendIndex(c: Context, indexFile: string) {
  if (!fs.existsSync(indexFile)) {
    return c.text("The client is not built yet: run `npm run build` (npm start does it).", 503);
  }
  return c.html(fs.readFileSync(indexFile, "utf8"));
}
