import { showModalWhile } from "../ui/showModalWhile";

type Props = {
  open: boolean;
  /** The current phase reveals on leaving it, so ending also reveals the drafts. */
  reveals: boolean;
  onConfirm(): void;
  onCancel(): void;
};

/**
 * Asks before ending the meeting for everyone: there is no undo. A modal <dialog> gives focus
 * trapping and Escape for free; "Keep going" has focus first so a stray Enter is harmless.
 */
export function EndMeetingDialog(props: Props) {
  let dialog: HTMLDialogElement | undefined;
  showModalWhile(
    () => dialog,
    () => props.open,
  );
  return (
    <dialog
      ref={dialog}
      class="confirm-dialog"
      aria-labelledby="end-meeting-title"
      onClose={() => props.onCancel()}
    >
      <h2 id="end-meeting-title">End the meeting for everyone?</h2>
      <p>
        The timer stops and the current phase is recorded as finished.
        {props.reveals ? " Private drafts still hidden are revealed." : ""} The board stays open for
        notes and improvements.
      </p>
      <div class="dialog-actions">
        <button type="button" autofocus onClick={() => props.onCancel()}>
          Keep going
        </button>
        <button type="button" class="primary" onClick={() => props.onConfirm()}>
          End meeting
        </button>
      </div>
    </dialog>
  );
}
