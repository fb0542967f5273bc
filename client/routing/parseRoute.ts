/** Which screen a URL shows. The key stays client-side: it is read from the fragment only. */
export type Route =
  | { page: "start" }
  | { page: "board"; boardId: string; key: string | undefined }
  | { page: "not-found" };

/** Parse `location.pathname` and `location.hash` into a route. */
export function parseRoute(pathname: string, hash: string): Route {
  if (pathname === "/" || pathname === "/index.html") return { page: "start" };
  const match = /^\/b\/([^/]+)\/?$/.exec(pathname);
  if (!match?.[1]) return { page: "not-found" };
  let boardId: string;
  try {
    boardId = decodeURIComponent(match[1]);
  } catch {
    return { page: "not-found" };
  }
  const key = new URLSearchParams(hash.replace(/^#/, "")).get("key")?.trim();
  return { page: "board", boardId, key: key || undefined };
}
