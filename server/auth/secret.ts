import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * The HMAC secret that signs session tokens: SESSION_SECRET when set (required for several
 * nodes, which must agree), otherwise generated once and kept in DATA_DIR so restarts do not
 * log everyone out.
 */
export function loadSessionSecret(dataDir: string, fromEnv: string | undefined): Buffer {
  if (fromEnv) return Buffer.from(fromEnv, "utf8");
  const file = path.join(dataDir, "session-secret");
  fs.mkdirSync(dataDir, { recursive: true });
  try {
    return Buffer.from(fs.readFileSync(file, "utf8").trim(), "base64url");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  const secret = crypto.randomBytes(32);
  // `wx` fails if another process created the file first; then we read theirs.
  try {
    fs.writeFileSync(file, secret.toString("base64url"), { mode: 0o600, flag: "wx" });
    return secret;
  } catch {
    return Buffer.from(fs.readFileSync(file, "utf8").trim(), "base64url");
  }
}
