import { z } from "zod";

// Zod compiles fast parsers with `new Function` unless told not to; our CSP forbids eval
// (script-src 'self'), and probing for it logs a CSP violation in every browser console.
// Imported first by main.tsx so it runs before any schema is created.
z.config({ jitless: true });
