import "./zodConfig";
import { render } from "solid-js/web";
import { App } from "./App";
import "./styles.css";

const root = document.getElementById("app");
if (!root) throw new Error("index.html must contain #app");
render(() => <App />, root);
