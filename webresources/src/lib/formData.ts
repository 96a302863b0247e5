import { CustomerColumn, CustomerNameColumn, LoyaltyJourney } from "./schema";
import { normalizeId, type CustomerSnapshot, type ProductLinePhase } from "./journey";
import { FormType, StateCodeActive } from "./xrmConstants";

/** The loyalty-journey subgrid on the contact/account form (view columns: cx_productfamilyid, cx_phase). */
export const JourneySubgridName = "subgrid_loyaltyjourneys";

/** Reads attribute values; a column missing from the form reads as null, never as an error. */
export function readValue(formContext: Xrm.FormContext, column: string): Xrm.Attributes.AttributeValues | null {
  return formContext.getAttribute(column)?.getValue() ?? null;
}

export function readNumber(formContext: Xrm.FormContext, column: string): number | null {
  const value = readValue(formContext, column);
  return typeof value === "number" ? value : null;
}

/** First item of a lookup value, or null. */
export function firstLookup(value: unknown): Xrm.LookupValue | null {
  if (!Array.isArray(value)) return null;
  const first: unknown = value[0];
  return typeof first === "object" && first !== null && "id" in first ? (first as Xrm.LookupValue) : null;
}

/** Everything the notification and the journey panel take from the form's own columns. */
export function readCustomerSnapshot(formContext: Xrm.FormContext): CustomerSnapshot {
  const entityName = formContext.data.entity.getEntityName();
  const name = readValue(formContext, CustomerNameColumn[entityName] ?? "name");
  const tier = firstLookup(readValue(formContext, CustomerColumn.loyaltyTier));
  return {
    name: typeof name === "string" ? name : null,
    stage: readNumber(formContext, CustomerColumn.lifecycleStage),
    tierId: tier === null ? null : normalizeId(tier.id),
    tierName: tier?.name ?? null,
    pointsBalance: readNumber(formContext, CustomerColumn.pointsBalance),
    qualifyingPoints: readNumber(formContext, CustomerColumn.qualifyingPoints),
  };
}

/**
 * Phases per product line from the rows the journey subgrid has already loaded (the platform
 * loads the subgrid; this reads what is on screen and makes no call). Empty until the grid loads.
 */
export function readSubgridPhases(formContext: Xrm.FormContext): ProductLinePhase[] {
  const grid = formContext.getControl<Xrm.Controls.GridControl>(JourneySubgridName);
  if (grid === null) return [];
  const phases: ProductLinePhase[] = [];
  grid.getGrid().getRows().forEach((row) => {
    const columns = row.data.entity.attributes;
    const phase: unknown = columns.get(LoyaltyJourney.phase)?.getValue();
    const productFamily = firstLookup(columns.get(LoyaltyJourney.productFamily)?.getValue());
    phases.push({ productLine: productFamily?.name ?? null, phase: typeof phase === "number" ? phase : null });
  });
  return phases;
}

/** Record id without braces, or null while the record is unsaved. */
export function recordId(formContext: Xrm.FormContext): string | null {
  const bare = formContext.data.entity.getId().replace(/[{}]/g, "");
  return bare === "" ? null : bare;
}

export function isSavedAndActive(formContext: Xrm.FormContext, stateColumn: string = CustomerColumn.stateCode): boolean {
  if (recordId(formContext) === null) return false;
  const state = readNumber(formContext, stateColumn);
  // statecode is often not on the form; the form type still tells an inactive (read-only) record apart.
  if (state !== null) return state === StateCodeActive;
  return formContext.ui.getFormType() === FormType.Update;
}
