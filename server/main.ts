import { loadConfig } from "./config";
import { createDebriefServer } from "./createServer";

/** Runs the server until SIGTERM/SIGINT, then shuts down gracefully. */
export async function main(): Promise<void> {
  const config = loadConfig();
  const server = await createDebriefServer(config);
  await server.listen();
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    server.log.info("server.signal", { signal });
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        server.log.error("server.stop.failed", { error });
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
