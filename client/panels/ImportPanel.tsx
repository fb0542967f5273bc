import { createSignal, Show } from "solid-js";
import { detectFormat } from "../../shared/import";
import { useBoard } from "../board/boardContext";
import { ApiError } from "../sync/ApiError";
import { importTimeline } from "../sync/importApi";

const FORMAT_LABELS = { csv: "CSV", slack: "Slack export", log: "log lines" } as const;

/**
 * Import an alert timeline by pasting or dropping a file: CSV (`time,text[,source]`), a Slack
 * channel export, or log lines starting with a timestamp. Each row becomes a fact on the shared
 * timeline; a bad row refuses the whole import, so nothing half-arrives.
 */
export function ImportPanel() {
  const ctx = useBoard();
  const [content, setContent] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  const [message, setMessage] = createSignal<{ ok: boolean; text: string }>();
  const detected = () => {
    const format = content().trim() ? detectFormat(content()) : null;
    return format ? FORMAT_LABELS[format] : undefined;
  };

  const readFile = async (file: File | undefined) => {
    if (file) setContent(await file.text());
  };

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    setBusy(true);
    setMessage(undefined);
    try {
      const answer = await importTimeline(ctx.session, { content: content(), format: "auto" });
      const skipped = answer.skipped ? `; ${answer.skipped} already on the board` : "";
      setMessage({ ok: true, text: `Imported ${answer.imported} facts${skipped}.` });
      setContent("");
    } catch (error) {
      setMessage({
        ok: false,
        text: error instanceof ApiError ? error.message : "The import did not go through.",
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Show
      when={ctx.session.role !== "observer"}
      fallback={<p class="hint">Observers can't import; ask the facilitator.</p>}
    >
      <form class="stack import-panel" onSubmit={submit}>
        <p class="hint">
          Paste or drop an alert timeline: CSV with <code>time,text[,source]</code>, a Slack channel
          export, or log lines that start with a time. Each row becomes a fact on the shared
          timeline; times without an offset are read in the board's zone.
        </p>
        <label for="import-content">Timeline</label>
        <textarea
          id="import-content"
          rows={8}
          value={content()}
          onInput={(e) => setContent(e.currentTarget.value)}
          onDragOver={(e) => e.preventDefault()}
          onDrop={(e) => {
            e.preventDefault();
            void readFile(e.dataTransfer?.files[0]);
          }}
        />
        <label for="import-file">Or choose a file</label>
        <input
          id="import-file"
          type="file"
          accept=".csv,.json,.log,.txt,text/plain,text/csv,application/json"
          onChange={(e) => void readFile(e.currentTarget.files?.[0])}
        />
        <Show when={detected()}>{(format) => <p class="hint">Looks like {format()}.</p>}</Show>
        <Show when={message()}>
          {(m) => (
            <p class={m().ok ? "hint" : "form-error"} role={m().ok ? "status" : "alert"}>
              {m().text}
            </p>
          )}
        </Show>
        <div>
          <button type="submit" class="primary" disabled={busy() || !content().trim()}>
            {busy() ? "Importing…" : "Import"}
          </button>
        </div>
      </form>
    </Show>
  );
}
