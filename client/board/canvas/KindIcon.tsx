import type { CardKind } from "../../../shared/board";

// One small pictogram per kind, so a kind reads without its colour (colour-blind people, greyscale
// printouts). Drawn with currentColor strokes on a 16-unit grid.
const PATHS: Record<CardKind, string> = {
  // a flag: a fact planted on the timeline
  event: "M3.5 14.5V2 M3.5 2.5h8.5l-2 3 2 3H3.5",
  // an eye: I saw
  observation:
    "M1.5 8s2.4-4.5 6.5-4.5S14.5 8 14.5 8 12.1 12.5 8 12.5 1.5 8 1.5 8z M8 6.2a1.8 1.8 0 1 0 0 3.6 1.8 1.8 0 0 0 0-3.6z",
  // a thought bubble: I thought
  belief:
    "M4.5 10.5a3.5 3.5 0 0 1 .4-7 3.6 3.6 0 0 1 6.6.8 3 3 0 0 1-.5 6.2z M4 13a1 1 0 1 0 0 .1 M2 15a.5.5 0 1 0 0 .1",
  // a bolt: I did
  action: "M9.5 1.5 3.5 9h4l-1 5.5 6-7.5h-4z",
  // a question mark in a circle
  question:
    "M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13z M6 6.2a2 2 0 1 1 2.7 1.9c-.5.2-.7.6-.7 1.1v.5 M8 11.4v.2",
  // three joined nodes: factors that together made it happen
  factor:
    "M4 3.5a1.5 1.5 0 1 0 0 .1 M12 3.5a1.5 1.5 0 1 0 0 .1 M8 12.5a1.5 1.5 0 1 0 0 .1 M5 5l2.2 6 M11 5l-2.2 6 M5.5 3.5h5",
};

/** The pictogram of a card kind; decorative, the kind's name is always written next to it. */
export function KindIcon(props: { kind: CardKind }) {
  return (
    <svg class="kind-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
      <path d={PATHS[props.kind]} />
    </svg>
  );
}
