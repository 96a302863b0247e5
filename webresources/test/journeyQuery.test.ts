import { describe, expect, it } from "vitest";
import { journeyFetchXml, parseJourneyRows } from "../src/html/journey/journeyQuery";
import { LoyaltyPhase } from "../src/lib/schema";

const Id = "6b29fc40-ca47-1067-b31d-00dd010662da";

describe("journey query", () => {
  it("joins journeys and the program's tiers in one FetchXML", () => {
    const xml = journeyFetchXml("account", Id);
    expect(xml).toContain(`<entity name="account">`);
    expect(xml).toContain(`<condition attribute="accountid" operator="eq" value="${Id}"/>`);
    expect(xml).toContain(`<link-entity name="cx_loyaltyjourney" from="cx_customerid" to="accountid" link-type="outer" alias="journey">`);
    expect(xml).toContain(`<link-entity name="cx_loyaltytier" from="cx_loyaltyprogramid" to="cx_loyaltyprogramid" link-type="outer" alias="programtier">`);
  });

  it("refuses anything but a customer table and a GUID", () => {
    expect(() => journeyFetchXml("systemuser", Id)).toThrow();
    expect(() => journeyFetchXml("contact", `${Id}"/><x y="`)).toThrow();
  });

  it("splits the joined rows into distinct journeys and tiers", () => {
    const journey = (id: string, line: string, phase: number): Record<string, unknown> => ({
      "journey.cx_loyaltyjourneyid": id,
      "journey.cx_productfamilyid@OData.Community.Display.V1.FormattedValue": line,
      "journey.cx_phase": phase,
    });
    const tier = (id: string, name: string, rank: number, min: number): Record<string, unknown> => ({
      "programtier.cx_loyaltytierid": id, "programtier.cx_name": name, "programtier.cx_rank": rank, "programtier.cx_minqualifyingpoints": min,
    });
    const rows = [
      { ...journey("J1", "Grinders", LoyaltyPhase.Growth), ...tier("T2", "Silver", 2, 500) },
      { ...journey("J1", "Grinders", LoyaltyPhase.Growth), ...tier("T1", "Bronze", 1, 0) },
      { ...journey("J2", "Beans", LoyaltyPhase.Knowledge), ...tier("T2", "Silver", 2, 500) },
      { ...journey("J2", "Beans", LoyaltyPhase.Knowledge), ...tier("T1", "Bronze", 1, 0) },
    ];
    expect(parseJourneyRows(rows)).toEqual({
      phases: [{ productLine: "Beans", phase: LoyaltyPhase.Knowledge }, { productLine: "Grinders", phase: LoyaltyPhase.Growth }],
      tiers: [
        { id: "t1", name: "Bronze", rank: 1, minQualifyingPoints: 0 },
        { id: "t2", name: "Silver", rank: 2, minQualifyingPoints: 500 },
      ],
    });
  });

  it("reads a customer without journeys or tier as empty", () => {
    expect(parseJourneyRows([{ contactid: Id }])).toEqual({ phases: [], tiers: [] });
  });
});
