import { CustomerColumn, CustomerNameColumn } from "./schema";
import { normalizeId, type CustomerSnapshot } from "./journey";
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

function readDate(formContext: Xrm.FormContext, column: string): Date | null {
  const value = readValue(formContext, column);
  return value instanceof Date ? value : null;
}

function readText(formContext: Xrm.FormContext, column: string): string | null {
  const value = readValue(formContext, column);
  return typeof value === "string" && value.trim() !== "" ? value : null;
}

/** First item of a lookup value, or null. */
export function firstLookup(value: unknown): Xrm.LookupValue | null {
  if (!Array.isArray(value)) return null;
  const first: unknown = value[0];
  return typeof first === "object" && first !== null && "id" in first ? (first as Xrm.LookupValue) : null;
}

/** Everything the journey panel takes from the form's own columns; a column not on the form reads as null. */
export function readCustomerSnapshot(formContext: Xrm.FormContext): CustomerSnapshot {
  const entityName = formContext.data.entity.getEntityName();
  const tier = firstLookup(readValue(formContext, CustomerColumn.loyaltyTier));
  return {
    name: readText(formContext, CustomerNameColumn[entityName] ?? "name"),
    stage: readNumber(formContext, CustomerColumn.lifecycleStage),
    tierId: tier === null ? null : normalizeId(tier.id),
    tierName: tier?.name ?? null,
    pointsBalance: readNumber(formContext, CustomerColumn.pointsBalance),
    qualifyingPoints: readNumber(formContext, CustomerColumn.qualifyingPoints),
    pendingPoints: readNumber(formContext, CustomerColumn.pendingPoints),
    spend: readNumber(formContext, CustomerColumn.totalRevenueBase) ?? readNumber(formContext, CustomerColumn.totalRevenue),
    purchases: readNumber(formContext, CustomerColumn.purchaseCount),
    tierValidUntil: readDate(formContext, CustomerColumn.tierValidUntil),
    upgradeBlocked: readValue(formContext, CustomerColumn.upgradeBlocked) === true,
    upgradeBlockedReason: readText(formContext, CustomerColumn.upgradeBlockedReason),
    profileCompleteness: readNumber(formContext, CustomerColumn.profileCompleteness),
    paidInvoiceCount: readNumber(formContext, CustomerColumn.paidInvoiceCount),
    lastInteractionOn: readDate(formContext, CustomerColumn.lastInteractionOn),
    lastInteractionDuration: readNumber(formContext, CustomerColumn.lastInteractionDuration),
  };
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
