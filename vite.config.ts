import solid from "vite-plugin-solid";
import { defineConfig } from "vitest/config";

// The API server's port for `npm run dev`; Vite proxies /api and /sync to it.
const apiPort = Number(process.env.PORT ?? 8787);

export default defineConfig(({ mode }) => ({
  root: "client",
  // Tests run in Node (the UI is tested in real Chromium against the built client), and the
  // Solid plugin would switch module resolution to browser builds (e.g. of `ws`) under Vitest.
  plugins: mode === "test" ? [] : [solid()],
  build: {
    outDir: "../dist/client",
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    port: 5173,
    proxy: {
      "/api": `http://127.0.0.1:${apiPort}`,
      "/sync": { target: `ws://127.0.0.1:${apiPort}`, ws: true },
    },
  },
  test: {
    root: ".",
    environment: "node",
    // Browser suites drive real Chromium against real servers; on a loaded 2-core machine one
    // step can take seconds, and a timeout here is a failure, never a retry.
    testTimeout: 90_000,
    hookTimeout: 120_000,
    globalSetup: ["./tests/support/globalSetup.ts"],
    reporters: ["default", "./tests/support/summaryReporter.ts"],
    projects: [
      {
        extends: true,
        test: {
          name: "main",
          include: ["tests/**/*.test.ts"],
          exclude: ["tests/reliability/**"],
          // Integration suites spawn real server processes; two workers keep a 2-core
          // machine responsive.
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: "reliability",
          include: ["tests/reliability/**/*.test.ts"],
          // These scenarios measure event-loop stalls and latency under attack: they run after
          // everything else, one file at a time, so the machine's own load is not their figure.
          fileParallelism: false,
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
}));
