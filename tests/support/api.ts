/** Thin HTTP helpers for tests: the real API over real sockets. */
export type CreatedBoard = {
  id: string;
  title: string;
  keys: { facilitator: string; participant: string; observer: string };
  links: { facilitator: string; participant: string; observer: string };
};

export type SessionReply = {
  token: string;
  role: "facilitator" | "participant" | "observer";
  participantId: string;
  boardId: string;
  name: string;
  expiresAt: number;
};

export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  const json = (await res.json().catch(() => undefined)) as Record<string, unknown> | undefined;
  return { status: res.status, json };
}

export async function createBoard(base: string, body: Record<string, unknown> = {}) {
  const res = await postJson(`${base}/api/boards`, { title: "Checkout outage", ...body });
  if (res.status !== 201) throw new Error(`createBoard: ${res.status} ${JSON.stringify(res.json)}`);
  return res.json as unknown as CreatedBoard;
}

export async function join(base: string, boardId: string, key: string, name: string) {
  const res = await postJson(`${base}/api/boards/${boardId}/sessions`, { key, name });
  if (res.status !== 200) throw new Error(`join: ${res.status} ${JSON.stringify(res.json)}`);
  return res.json as unknown as SessionReply;
}

/** POST /api/boards/:id/meeting with a Bearer token. */
export function meetingAction(base: string, boardId: string, token: string, body: unknown) {
  return postJson(`${base}/api/boards/${boardId}/meeting`, body, {
    authorization: `Bearer ${token}`,
  });
}
