import { createSignal, For } from "solid-js";
import { useBoard } from "../board/boardContext";
import { ApiError } from "../sync/ApiError";
import { fetchReport, type ReportFormat } from "../sync/reportApi";

const DOWNLOADS: { format: ReportFormat; label: string; hint: string }[] = [
  { format: "md", label: "Download Markdown", hint: "For a wiki, a repository or a ticket." },
  { format: "html", label: "Download HTML", hint: "One self-contained page to share by mail." },
  { format: "json", label: "Download JSON", hint: "For tools and archives." },
];

// Object URLs hold the report in memory until revoked; a minute is ample for the browser to
// start the download or render the print view.
const REVOKE_AFTER_MS = 60_000;

function slug(title: string): string {
  const s = title
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return s || "incident";
}

type SavedFile = { blob: Blob; filename: string };

function saveFile(file: SavedFile): void {
  const url = URL.createObjectURL(file.blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = file.filename;
  a.rel = "noopener";
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}

function problemText(error: unknown): string {
  if (error instanceof ApiError) {
    // A bare 404 is a server without the report endpoint, not a missing board.
    if (error.kind === "not-found" && !error.message) return "Reports arrive in a later version.";
    if (error.kind === "unauthorized") return "Your session has ended. Reload the page to rejoin.";
    if (error.message) return error.message;
  }
  return "The report could not be made. Try again in a moment.";
}

/** Export: the post-mortem report as Markdown, HTML or JSON, and a print view for PDF. */
export function ExportPanel() {
  const ctx = useBoard();
  const [busy, setBusy] = createSignal(false);
  const [status, setStatus] = createSignal("");

  const withReport = async (format: ReportFormat, use: (file: SavedFile) => string) => {
    setBusy(true);
    setStatus("Preparing the report…");
    try {
      const file = await fetchReport(ctx.session.boardId, ctx.session.token, format);
      const filename = file.filename ?? `${slug(ctx.board.info.title)}-postmortem.${format}`;
      setStatus(use({ blob: file.blob, filename }));
    } catch (error) {
      setStatus(problemText(error));
    } finally {
      setBusy(false);
    }
  };

  const download = (format: ReportFormat) =>
    withReport(format, (file) => {
      saveFile(file);
      return `Downloaded ${file.filename}.`;
    });

  // The HTML report carries its own print stylesheet; the browser's print dialog makes the PDF.
  const print = () =>
    withReport("html", (file) => {
      const url = URL.createObjectURL(file.blob);
      setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
      const view = window.open(url, "_blank");
      if (!view) {
        saveFile(file);
        return "The print view was blocked, so the HTML report was downloaded: open it and print.";
      }
      view.addEventListener("load", () => view.print(), { once: true });
      return "The report opened in a new tab with the print dialog: choose “Save as PDF”.";
    });

  return (
    <div class="panel-section stack">
      <p class="hint">
        The report reads like a written post-mortem: timeline, perspectives, contributing factors,
        improvements and what was new to people.
      </p>
      <ul class="export-list">
        <For each={DOWNLOADS}>
          {(item) => (
            <li>
              <button type="button" disabled={busy()} onClick={() => void download(item.format)}>
                {item.label}
              </button>
              <span class="hint">{item.hint}</span>
            </li>
          )}
        </For>
        <li>
          <button type="button" disabled={busy()} onClick={() => void print()}>
            Print / save as PDF
          </button>
          <span class="hint">Opens a print-ready page.</span>
        </li>
      </ul>
      <p class="export-status" role="status" aria-live="polite">
        {status()}
      </p>
    </div>
  );
}
