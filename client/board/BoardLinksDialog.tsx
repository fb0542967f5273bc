import { createSignal, For, onMount, Show } from "solid-js";
import { ApiError } from "../sync/ApiError";
import type { Role } from "../sync/apiSchemas";
import { type ReplacedLink, replaceLink } from "../sync/linksApi";
import { CopyField } from "../ui/CopyField";
import { showModalWhile } from "../ui/showModalWhile";
import { useBoard } from "./boardContext";

// A replaced facilitator link outlives this page: see `replace`.
const CARRIED = "debrief:replaced-link";

const ROLES: Array<{ role: Role; name: string; who: string }> = [
  { role: "participant", name: "participant link", who: "everyone who joined with it" },
  { role: "observer", name: "observer link", who: "everyone who follows with it" },
  { role: "facilitator", name: "facilitator link", who: "you and anyone else holding it" },
];

/**
 * Replacing a board's links, for holders of the facilitator link. Debrief keeps only
 * fingerprints of the keys, so it cannot show a link again, only make a new one: the old link
 * stops working and the sessions it gave are signed out. A modal <dialog> asks first, as the
 * meeting's end does; "Cancel" has focus first so a stray Enter is harmless.
 */
export function BoardLinksButton() {
  const ctx = useBoard();
  let dialog: HTMLDialogElement | undefined;
  const [open, setOpen] = createSignal(false);
  const [confirming, setConfirming] = createSignal<(typeof ROLES)[number]>();
  const [replaced, setReplaced] = createSignal<ReplacedLink>();
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string>();

  showModalWhile(() => dialog, open);

  onMount(() => {
    const carried = sessionStorage.getItem(CARRIED);
    if (!carried) return;
    sessionStorage.removeItem(CARRIED);
    try {
      const link = JSON.parse(carried) as ReplacedLink;
      if (link.link.includes(`/b/${encodeURIComponent(ctx.session.boardId)}#`)) {
        setReplaced(link);
        setOpen(true);
      }
    } catch {
      // Not ours to read: nothing to show.
    }
  });

  const show = () => {
    setConfirming(undefined);
    setReplaced(undefined);
    setError(undefined);
    setOpen(true);
  };

  const replace = async (role: Role) => {
    setBusy(true);
    setError(undefined);
    try {
      const link = await replaceLink(ctx.session, role);
      if (role === "facilitator") {
        // This tab's own session went with the old link (the server is closing its
        // connections now), so the page moves to the new link and joins again with it; the
        // new link is shown again there.
        sessionStorage.setItem(CARRIED, JSON.stringify(link));
        location.hash = new URL(link.link).hash;
        return;
      }
      setReplaced(link);
      setConfirming(undefined);
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : "Something went wrong.");
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button type="button" class="quiet" onClick={show}>
        Links
      </button>
      <dialog
        ref={dialog}
        class="confirm-dialog"
        aria-labelledby="board-links-title"
        onClose={() => setOpen(false)}
      >
        <h2 id="board-links-title">Board links</h2>
        <Show
          when={replaced()}
          fallback={
            <Show
              when={confirming()}
              fallback={
                <>
                  <p>
                    Debrief cannot show a link again. If one reached someone it should not have,
                    replace it: the old link stops working, and whoever joined with it is signed out
                    until they open the new one.
                  </p>
                  <div class="dialog-actions">
                    <For each={ROLES}>
                      {(r) => (
                        <button type="button" onClick={() => setConfirming(r)}>
                          Replace {r.name}
                        </button>
                      )}
                    </For>
                  </div>
                </>
              }
            >
              {(r) => (
                <>
                  <p>
                    Replace the {r().name}? It stops working at once, and {r().who} is signed out.
                    There is no undo.
                  </p>
                  <div class="dialog-actions">
                    <button type="button" autofocus onClick={() => setOpen(false)}>
                      Cancel
                    </button>
                    <button
                      type="button"
                      class="primary"
                      disabled={busy()}
                      onClick={() => void replace(r().role)}
                    >
                      Replace
                    </button>
                  </div>
                </>
              )}
            </Show>
          }
        >
          {(link) => (
            <>
              <CopyField label={`New ${link().role} link`} value={link().link} />
              <p class="hint">
                {link().role === "facilitator"
                  ? "This tab now uses it. Share it only with co-facilitators; save it now."
                  : "Share it again with the people it is for. Save it now."}
              </p>
              <div class="dialog-actions">
                <button type="button" class="primary" onClick={() => setOpen(false)}>
                  Done
                </button>
              </div>
            </>
          )}
        </Show>
        <Show when={error()}>
          <p class="hint" role="alert">
            {error()}
          </p>
        </Show>
      </dialog>
    </>
  );
}
