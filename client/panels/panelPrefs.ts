export type TabId = "improvements" | "notes" | "import" | "export";
export type PanelPrefs = { open: boolean; tab: TabId };

// Per browser, not per board: how much room someone gives the panel is a habit of their screen.
const STORAGE_KEY = "debrief:side-panel";
const TAB_IDS: readonly TabId[] = ["improvements", "notes", "import", "export"];
const DEFAULTS: PanelPrefs = { open: true, tab: "improvements" };

/** The remembered panel state, or the defaults when nothing (valid) is stored. */
export function readPanelPrefs(): PanelPrefs {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? "null");
    if (typeof raw !== "object" || raw === null) return DEFAULTS;
    const { open, tab } = raw as Record<string, unknown>;
    return {
      open: typeof open === "boolean" ? open : DEFAULTS.open,
      tab: TAB_IDS.includes(tab as TabId) ? (tab as TabId) : DEFAULTS.tab,
    };
  } catch {
    // Storage may be disabled (private mode, policy); the panel still works without it.
    return DEFAULTS;
  }
}

export function writePanelPrefs(prefs: PanelPrefs): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(prefs));
  } catch {
    // Not remembered then; nothing else depends on it.
  }
}
