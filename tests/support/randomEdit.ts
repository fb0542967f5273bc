import * as Y from "yjs";
import type { Random } from "./random";

/** One random edit: text, list, map keys, nested XML — where concurrent edits conflict. */
export function randomEdit(doc: Y.Doc, rnd: Random): void {
  const text = doc.getText("t");
  const list = doc.getArray<unknown>("a");
  const xml = doc.getXmlFragment("x");
  const choice = rnd.int(8);
  if (choice === 0) text.insert(rnd.int(text.length + 1), "ab".slice(0, 1 + rnd.int(2)));
  else if (choice === 1 && text.length > 0) text.delete(rnd.int(text.length), 1);
  else if (choice === 2) list.insert(rnd.int(list.length + 1), [rnd.int(9)]);
  else if (choice === 3 && list.length > 0) list.delete(rnd.int(list.length), 1);
  else if (choice === 4) doc.getMap("m").set(`k${rnd.int(3)}`, rnd.int(9));
  else if (choice === 5) {
    const el = new Y.XmlElement("p");
    el.insert(0, [new Y.XmlText("x")]);
    xml.insert(rnd.int(xml.length + 1), [el]);
  } else if (choice === 6 && xml.length > 0) {
    const el = xml.get(rnd.int(xml.length));
    if (el instanceof Y.XmlElement) el.insert(0, [new Y.XmlText("y")]);
  } else if (text.length > 2) text.format(0, 2, { bold: rnd.chance(0.5) ? true : null });
}
