/** Side panels: improvements, shared notes, export. (Placeholder.) */
export function SidePanel() {
  return null;
}
