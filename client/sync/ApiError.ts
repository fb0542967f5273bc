/**
 * Why an API call failed, in the terms the UI needs to pick a message. "network" means no
 * answer arrived at all; the others mirror the status codes the server promises.
 */
export type ApiErrorKind =
  | "network"
  | "invalid"
  | "unauthorized"
  | "not-found"
  | "rate-limited"
  | "server";

/** A failed API call; `message` is the server's human-readable text when it sent one. */
export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** Map an HTTP status to the kind of failure it stands for. */
export function kindForStatus(status: number): ApiErrorKind {
  if (status === 400 || status === 413 || status === 422) return "invalid";
  if (status === 401 || status === 403) return "unauthorized";
  if (status === 404) return "not-found";
  if (status === 429) return "rate-limited";
  return "server";
}
