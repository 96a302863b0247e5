import { CustomerColumn, CustomerNameColumn } from "./schema";
import type { CustomerSnapshot } from "./journey";
import { FormType, StateCodeActive } from "./xrmConstants";

/** Reads attribute values; a column missing from the form reads as null, never as an error. */
export function readValue(formContext: Xrm.FormContext, column: string): Xrm.Attributes.AttributeValues | null {
  return formContext.getAttribute(column)?.getValue() ?? null;
}

export function readNumber(formContext: Xrm.FormContext, column: string): number | null {
  const value = readValue(formContext, column);
  return typeof value === "number" ? value : null;
}

export function readLookupName(formContext: Xrm.FormContext, column: string): string | null {
  const value = readValue(formContext, column);
  // Lookups are the only array values whose items carry a name.
  if (!Array.isArray(value)) return null;
  const first: unknown = value[0];
  return typeof first === "object" && first !== null && "name" in first && typeof first.name === "string" ? first.name : null;
}

/** Everything the notification and the journey panel show, taken from the form alone. */
export function readCustomerSnapshot(formContext: Xrm.FormContext): CustomerSnapshot {
  const entityName = formContext.data.entity.getEntityName();
  const nameColumn = CustomerNameColumn[entityName] ?? "name";
  const name = readValue(formContext, nameColumn);
  return {
    name: typeof name === "string" ? name : null,
    stage: readNumber(formContext, CustomerColumn.lifecycleStage),
    tierName: readLookupName(formContext, CustomerColumn.loyaltyTier),
    phase: readNumber(formContext, CustomerColumn.loyaltyPhase),
    pointsBalance: readNumber(formContext, CustomerColumn.pointsBalance),
    qualifyingPoints: readNumber(formContext, CustomerColumn.qualifyingPoints),
    pointsToNextTier: readNumber(formContext, CustomerColumn.pointsToNextTier),
  };
}

/** Record id without braces, or null while the record is unsaved. */
export function recordId(formContext: Xrm.FormContext): string | null {
  const id = formContext.data.entity.getId();
  const bare = id.replace(/[{}]/g, "");
  return bare === "" ? null : bare;
}

export function isSavedAndActive(formContext: Xrm.FormContext, stateColumn = CustomerColumn.stateCode): boolean {
  if (recordId(formContext) === null) return false;
  const state = readNumber(formContext, stateColumn);
  // statecode is often not on the form; the form type still tells an inactive (read-only) record apart.
  if (state !== null) return state === StateCodeActive;
  return formContext.ui.getFormType() === FormType.Update;
}
