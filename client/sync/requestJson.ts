import type { z } from "zod";
import { ApiError, kindForStatus } from "./ApiError";
import { ErrorBodySchema } from "./apiSchemas";

/** The API path of a board, under which all of its routes live. */
export const boardPath = (boardId: string): string => `/api/boards/${encodeURIComponent(boardId)}`;

type RequestOptions = {
  method?: "GET" | "POST" | "DELETE";
  body?: unknown;
  token?: string;
};

/**
 * Call the API and validate the answer against `schema`; throws ApiError on any failure.
 * Paths are relative to the page origin, so the dev server's proxy and production look alike.
 */
export async function requestJson<T>(
  path: string,
  schema: z.ZodType<T>,
  { method = "GET", body, token }: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (token) headers.Authorization = `Bearer ${token}`;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      // Sessions travel as bearer tokens, never cookies.
      credentials: "omit",
    });
  } catch {
    throw new ApiError("network", "Can't reach the Debrief server.");
  }

  let json: unknown;
  try {
    json = await response.json();
  } catch {
    json = undefined;
  }

  if (!response.ok) {
    const parsed = ErrorBodySchema.safeParse(json);
    const message = parsed.success ? parsed.data.error : `Request failed (${response.status}).`;
    throw new ApiError(kindForStatus(response.status), message);
  }

  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new ApiError("server", "The server sent an answer we can't read.");
  return parsed.data;
}
