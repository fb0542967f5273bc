/**
 * Which browser origins may call the API and open sync sockets. With no list configured,
 * only the server's own origin (same host) is allowed; clients that send no Origin (CLI tools,
 * other servers) are not browsers and are judged by their token alone.
 */
export function createOriginPolicy(allowed: string[]) {
  const set = new Set(allowed.map((o) => o.replace(/\/+$/, "").toLowerCase()));
  return {
    allows(origin: string | undefined, host: string | undefined): boolean {
      if (!origin) return true;
      const o = origin.toLowerCase();
      if (set.has("*") || set.has(o)) return true;
      try {
        return host !== undefined && new URL(o).host === host.toLowerCase();
      } catch {
        return false;
      }
    },
  };
}

export type OriginPolicy = ReturnType<typeof createOriginPolicy>;
