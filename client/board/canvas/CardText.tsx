import { type Accessor, createEffect, createSignal, For, onCleanup, Show } from "solid-js";
import type * as Y from "yjs";
import { CardEditor } from "../../editor/CardEditor";
import type { EditorQueue } from "./createEditorQueue";

type Props = {
  doc: Y.Doc;
  cardId: string;
  /** The card's plain text, shown until the editor is live. */
  text: string;
  editable: boolean;
  autofocus: boolean;
  /** True when the editor is wanted now: the card is pointed at, focused or selected. */
  urgent: Accessor<boolean>;
  queue: EditorQueue;
};

/**
 * A card's text: plain paragraphs at first, then the collaborative editor, mounted in idle time
 * or at once when wanted (see createEditorQueue). Once live it stays live.
 */
export function CardText(props: Props) {
  const [live, setLive] = createSignal(props.autofocus);
  if (!live()) {
    const cancel = props.queue.request(() => setLive(true));
    onCleanup(cancel);
  }
  createEffect(() => {
    if (props.urgent()) setLive(true);
  });

  return (
    <Show
      when={live()}
      fallback={
        <div class="card-preview rich-text">
          <For each={props.text ? props.text.split("\n") : []}>{(line) => <p>{line}</p>}</For>
        </div>
      }
    >
      <CardEditor
        doc={props.doc}
        cardId={props.cardId}
        editable={props.editable}
        autofocus={props.autofocus}
      />
    </Show>
  );
}
