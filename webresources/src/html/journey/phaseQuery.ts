import { LoyaltyJourney } from "../../lib/schema";

/** One row of the phase table: a product line and where the customer is in its loyalty cycle. */
export interface PhaseRow {
  readonly productLine: string | null;
  readonly phase: number | null;
}

const FormattedValue = "@OData.Community.Display.V1.FormattedValue";
const productLineValue = `_${LoyaltyJourney.productLine}_value`;

interface JourneyRecord {
  readonly [LoyaltyJourney.phase]?: number | null;
  readonly [key: string]: unknown;
}

/** OData query options; the id is a bare GUID taken from the form, never from user input. */
export function phaseQueryOptions(customerId: string): string {
  return (
    `?$select=${LoyaltyJourney.phase},${productLineValue}` +
    `&$filter=_${LoyaltyJourney.customer}_value eq ${customerId} and statecode eq 0`
  );
}

/** The panel's only Web API call: the active loyalty journeys (one per product line) of the customer. */
export async function queryPhases(webApi: Xrm.WebApi, customerId: string): Promise<PhaseRow[]> {
  const result = await webApi.retrieveMultipleRecords(LoyaltyJourney.table, phaseQueryOptions(customerId));
  return (result.entities as JourneyRecord[])
    .map((row): PhaseRow => {
      const name = row[productLineValue + FormattedValue];
      const phase = row[LoyaltyJourney.phase];
      return { productLine: typeof name === "string" ? name : null, phase: typeof phase === "number" ? phase : null };
    })
    .sort((a, b) => (a.productLine ?? "").localeCompare(b.productLine ?? ""));
}
