import type * as Y from "yjs";
import {
  type AddImprovementInput,
  addImprovement,
  deleteImprovement,
  type UpdateImprovementInput,
  updateImprovement,
} from "../../shared/board";
import type { Role } from "../sync/apiSchemas";

export type ImprovementActions = ReturnType<typeof createImprovementActions>;

/**
 * What a person may do to the improvements, as the model's commands on the board doc.
 * Observers only read (the server drops their updates anyway; this keeps the UI honest).
 * Each command throws the model's error, whose message names the bad field.
 */
export function createImprovementActions(doc: Y.Doc, who: { role: Role }) {
  const canEdit = who.role !== "observer";
  const guard = () => {
    if (!canEdit) throw new Error("Observers can read the improvements but not change them.");
  };
  return {
    canEdit,
    add(input: AddImprovementInput): string {
      guard();
      return addImprovement(doc, input);
    },
    update(id: string, patch: UpdateImprovementInput): void {
      guard();
      updateImprovement(doc, id, patch);
    },
    remove(id: string): void {
      guard();
      deleteImprovement(doc, id);
    },
  };
}
