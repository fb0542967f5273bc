/** Reads one sample from the server's Prometheus endpoint. */
export async function metric(baseUrl: string, name: string): Promise<number> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  const match = new RegExp(`^${name} (\\S+)$`, "m").exec(text);
  if (!match?.[1]) throw new Error(`metric ${name} not found`);
  return Number(match[1]);
}
