import type { JSX } from "solid-js";

type Props = {
  tone?: "info" | "error";
  title: string;
  children?: JSX.Element;
};

/** A boxed message for states that replace a screen: errors, waiting, empty. */
export function Notice(props: Props) {
  return (
    <section
      class={`notice notice-${props.tone ?? "info"}`}
      role={props.tone === "error" ? "alert" : "status"}
    >
      <h2>{props.title}</h2>
      {props.children}
    </section>
  );
}
