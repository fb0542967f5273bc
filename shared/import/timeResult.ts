/** A parsed time (epoch ms, UTC) or why it could not be read, as a sentence naming the value. */
export type TimeResult = { ok: true; at: number } | { ok: false; reason: string };
