/** Who is here: avatars with colours, ready marks, and "follow the facilitator". (Placeholder.) */
export function PresenceBar() {
  return null;
}
