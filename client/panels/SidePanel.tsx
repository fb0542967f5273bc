import { createEffect, createSignal, createUniqueId, For, type JSX, Show } from "solid-js";
import { useBoard } from "../board/boardContext";
import { ExportPanel } from "./ExportPanel";
import { ImportPanel } from "./ImportPanel";
import { ImprovementsPanel } from "./ImprovementsPanel";
import { NotesPanel } from "./NotesPanel";
import { readPanelPrefs, type TabId, writePanelPrefs } from "./panelPrefs";

const TABS: readonly { id: TabId; label: string; panel: () => JSX.Element }[] = [
  { id: "improvements", label: "Improvements", panel: () => <ImprovementsPanel /> },
  { id: "notes", label: "Notes", panel: () => <NotesPanel /> },
  { id: "import", label: "Import", panel: () => <ImportPanel /> },
  { id: "export", label: "Export", panel: () => <ExportPanel /> },
];

const STEP: Record<string, (index: number, count: number) => number> = {
  ArrowRight: (i, n) => (i + 1) % n,
  ArrowDown: (i, n) => (i + 1) % n,
  ArrowLeft: (i, n) => (i - 1 + n) % n,
  ArrowUp: (i, n) => (i - 1 + n) % n,
  Home: () => 0,
  End: (_, n) => n - 1,
};

/**
 * The board's right-hand column: improvements, shared notes and export as tabs (the ARIA
 * tabs pattern: arrow keys move between tabs, Tab goes into the panel). It folds to a narrow
 * strip of tab buttons; open/closed and the tab are remembered in this browser. Panels stay
 * mounted while hidden, so the notes editor keeps its undo history and caret.
 */
export function SidePanel() {
  const ctx = useBoard();
  const prefs = readPanelPrefs();
  const [open, setOpen] = createSignal(prefs.open);
  const [tab, setTab] = createSignal<TabId>(prefs.tab);
  createEffect(() => writePanelPrefs({ open: open(), tab: tab() }));

  const base = createUniqueId();
  const tabId = (id: TabId) => `${base}-tab-${id}`;
  const panelId = (id: TabId) => `${base}-panel-${id}`;
  const tabButtons: HTMLButtonElement[] = [];

  const onTabKeyDown = (event: KeyboardEvent, index: number) => {
    const step = STEP[event.key];
    if (!step) return;
    event.preventDefault();
    const next = step(index, TABS.length);
    const target = TABS[next];
    if (!target) return;
    setTab(target.id);
    tabButtons[next]?.focus();
  };

  const openAt = (id: TabId) => {
    setTab(id);
    setOpen(true);
    queueMicrotask(() => tabButtons[TABS.findIndex((t) => t.id === id)]?.focus());
  };

  const count = (id: TabId) => (id === "improvements" ? ctx.board.improvements.length : 0);

  return (
    <aside
      class="side-panel"
      classList={{ "side-panel-closed": !open() }}
      aria-label="Improvements, notes, import and export"
    >
      <div class="side-panel-top">
        <Show
          when={open()}
          fallback={
            <div class="side-panel-strip">
              <For each={TABS}>
                {(t) => (
                  <button type="button" class="strip-button" onClick={() => openAt(t.id)}>
                    {t.label}
                  </button>
                )}
              </For>
            </div>
          }
        >
          <div role="tablist" aria-label="Side panel" class="tabs">
            <For each={TABS}>
              {(t, index) => (
                <button
                  ref={(el) => {
                    tabButtons[index()] = el;
                  }}
                  type="button"
                  role="tab"
                  id={tabId(t.id)}
                  class="tab"
                  aria-selected={tab() === t.id}
                  aria-controls={panelId(t.id)}
                  tabIndex={tab() === t.id ? 0 : -1}
                  onClick={() => setTab(t.id)}
                  onKeyDown={(e) => onTabKeyDown(e, index())}
                >
                  {t.label}
                  <Show when={count(t.id) > 0}>
                    <span class="tab-count">{count(t.id)}</span>
                  </Show>
                </button>
              )}
            </For>
          </div>
        </Show>
        <button
          type="button"
          class="panel-toggle"
          aria-expanded={open()}
          aria-controls={`${base}-body`}
          aria-label={open() ? "Hide side panel" : "Show side panel"}
          title={open() ? "Hide side panel" : "Show side panel"}
          onClick={() => setOpen(!open())}
        >
          <span aria-hidden="true">{open() ? "»" : "«"}</span>
        </button>
      </div>
      <div id={`${base}-body`} class="side-panel-body" hidden={!open()}>
        <For each={TABS}>
          {(t) => (
            <section
              role="tabpanel"
              id={panelId(t.id)}
              aria-labelledby={tabId(t.id)}
              class="tab-panel"
              hidden={tab() !== t.id}
            >
              {t.panel()}
            </section>
          )}
        </For>
      </div>
    </aside>
  );
}
