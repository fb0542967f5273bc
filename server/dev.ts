import { createServer } from "vite";
import { main } from "./main";

/** `npm run dev`: the API on PORT (8787) and Vite's dev server on 5173 proxying to it. */
await main();
const vite = await createServer({ configFile: "vite.config.ts" });
await vite.listen();
vite.printUrls();
