import { describe, expect, it } from "vitest";
import { journeyFetchXml, parseJourneyRows } from "../src/html/journey/journeyQuery";
import { LifecycleStage, LoyaltyPhase } from "../src/lib/schema";

const Id = "6b29fc40-ca47-1067-b31d-00dd010662da";
const FormattedValue = "@OData.Community.Display.V1.FormattedValue";

const journey = (id: string, line: string, phase: number): Record<string, unknown> => ({
  "journey.cx_loyaltyjourneyid": id, [`journey.cx_productfamilyid${FormattedValue}`]: line, "journey.cx_phase": phase,
});
type Row = Record<string, unknown>;
const programs: Readonly<Record<string, string>> = { P1: "2024-01-01T00:00:00Z", P2: "2025-06-01T00:00:00Z" };
const tier = (program: string, id: string, name: string, rank: number, paths: Record<string, number>): Row => ({
  "program.cx_loyaltyprogramid": program,
  "program.createdon": programs[program],
  "programtier.cx_loyaltytierid": id,
  "programtier.cx_name": name,
  "programtier.cx_rank": rank,
  ...Object.fromEntries(Object.entries(paths).map(([column, value]) => [`programtier.${column}`, value])),
});

describe("journey query", () => {
  it("joins journeys, the active program's tiers with every qualification column, and expiring lots in one FetchXML", () => {
    const xml = journeyFetchXml("account", Id, false);
    expect(xml).toContain(`<entity name="account"><attribute name="accountid"/><attribute name="cx_paidinvoicecount"/>`);
    expect(xml).toContain(`<condition attribute="accountid" operator="eq" value="${Id}"/>`);
    expect(xml).toContain(`<link-entity name="cx_loyaltyjourney" from="cx_customerid" to="accountid" link-type="outer" alias="journey">`);
    // A customer without a tier still reaches the tiers: the program is joined on statecode, active programs only.
    // Joining on columns outside a relationship is allowed when both have the same type:
    // https://learn.microsoft.com/power-apps/developer/data-platform/fetchxml/join-tables
    expect(xml).toContain(`<link-entity name="cx_loyaltyprogram" from="statecode" to="statecode" link-type="outer" alias="program">`);
    expect(xml).toContain(`<link-entity name="cx_loyaltytier" from="cx_loyaltyprogramid" to="cx_loyaltyprogramid" link-type="outer" alias="programtier">`);
    for (const column of ["cx_minqualifyingpoints", "cx_minspend", "cx_mintransactions"]) {
      expect(xml).toContain(`<attribute name="${column}"/>`);
    }
    expect(xml).toContain(`<condition attribute="cx_expireson" operator="next-x-days" value="30"/>`);
    expect(xml).toContain(`<condition attribute="cx_remainingpoints" operator="gt" value="0"/>`);
    expect(xml).not.toContain("cx_lifecycletransition");
    expect(xml.startsWith("<fetch>") && xml.endsWith("</fetch>")).toBe(true);
  });

  it("asks for the transitions off the track only for an at-risk or lapsed customer", () => {
    const xml = journeyFetchXml("contact", Id, true);
    expect(xml).toContain(
      `<link-entity name="cx_lifecycletransition" from="cx_customerid" to="contactid" link-type="outer" alias="transition">`,
    );
    const offTrack = [LifecycleStage.AtRisk, LifecycleStage.Lapsed].map((stage) => `<value>${String(stage)}</value>`).join("");
    expect(xml).toContain(`<condition attribute="cx_tostage" operator="in">${offTrack}</condition>`);
  });

  it("refuses anything but a customer table and a GUID", () => {
    expect(() => journeyFetchXml("systemuser", Id, false)).toThrow();
    expect(() => journeyFetchXml("contact", `${Id}"/><x y="`, false)).toThrow();
  });

  it("splits the joined rows into distinct journeys and the tiers of the oldest active program", () => {
    const grinders = journey("J1", "Grinders", LoyaltyPhase.Growth);
    const beans = journey("J2", "Beans", LoyaltyPhase.Knowledge);
    const rows = [
      { ...grinders, ...tier("P1", "T2", "Silver", 2, { cx_minqualifyingpoints: 500, cx_minspend: 900 }) },
      { ...grinders, ...tier("P1", "T1", "Bronze", 1, { cx_mintransactions: 2 }) },
      { ...grinders, ...tier("P2", "T9", "Newer program", 1, { cx_minqualifyingpoints: 1 }) },
      { ...beans, ...tier("P1", "T2", "Silver", 2, { cx_minqualifyingpoints: 500, cx_minspend: 900 }) },
    ];
    const parsed = parseJourneyRows(rows);
    expect(parsed.phases).toEqual([
      { productLine: "Beans", phase: LoyaltyPhase.Knowledge },
      { productLine: "Grinders", phase: LoyaltyPhase.Growth },
    ]);
    expect(parsed.tiers).toEqual([
      { id: "t1", name: "Bronze", rank: 1, minQualifyingPoints: null, minSpend: null, minPurchases: 2 },
      { id: "t2", name: "Silver", rank: 2, minQualifyingPoints: 500, minSpend: 900, minPurchases: null },
    ]);
  });

  it("reads the next expiry (earliest date, every lot of that day) and the stage an off-track customer left", () => {
    const rows = [
      { "lot.cx_loyaltytransactionid": "L1", "lot.cx_remainingpoints": 40, "lot.cx_expireson": "2026-12-20T00:00:00Z" },
      { "lot.cx_loyaltytransactionid": "L2", "lot.cx_remainingpoints": 25, "lot.cx_expireson": "2026-12-20T00:00:00Z" },
      { "lot.cx_loyaltytransactionid": "L3", "lot.cx_remainingpoints": 90, "lot.cx_expireson": "2026-12-24T00:00:00Z" },
      { "transition.cx_fromstage": LifecycleStage.Repeat, "transition.cx_transitionedon": "2025-01-01T00:00:00Z" },
      { "transition.cx_fromstage": LifecycleStage.Loyal, "transition.cx_transitionedon": "2026-03-01T00:00:00Z" },
    ];
    const parsed = parseJourneyRows(rows);
    expect(parsed.nextExpiry).toEqual({ on: new Date("2026-12-20T00:00:00Z"), points: 65 });
    expect(parsed.previousStage).toBe(LifecycleStage.Loyal);
  });

  it("reads a customer without journeys, tiers, lots or history as empty", () => {
    expect(parseJourneyRows([{ contactid: Id, cx_paidinvoicecount: 4 }]))
      .toEqual({ paidInvoiceCount: 4, phases: [], tiers: [], nextExpiry: null, previousStage: null });
  });
});
