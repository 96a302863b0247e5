// @vitest-environment jsdom
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type MockInstance, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { XrmMockGenerator } from "xrm-mock";
import { CustomerColumn, LifecycleStage, LoyaltyPhase } from "../src/lib/schema";
import { BareContactId, Spanish, initialiseForm, lookup } from "./support/xrm";

const html = readFileSync(join(dirname(fileURLToPath(import.meta.url)), "../src/html/journey/journey.html"), "utf8");
const Xss = "<img src=x onerror=alert(1)>";

type SetClientApiContext = (xrm: Xrm.XrmStatic, formContext: Xrm.FormContext) => Promise<void>;

const SilverId = "33333333-3333-3333-3333-333333333333";
const GoldId = "44444444-4444-4444-4444-444444444444";
const FormattedValue = "@OData.Community.Display.V1.FormattedValue";

interface TierRow {
  readonly id: string;
  readonly name: string;
  readonly rank: number;
  readonly points?: number;
  readonly spend?: number;
  readonly purchases?: number;
}
const line = (id: string, phase: number, name: string): Record<string, unknown> =>
  ({ "journey.cx_loyaltyjourneyid": id, "journey.cx_phase": phase, [`journey.cx_productfamilyid${FormattedValue}`]: name });

const silver: TierRow = { id: SilverId, name: "Silver", rank: 2, points: 0 };
const gold: TierRow = { id: GoldId, name: "Gold", rank: 3, points: 1000, spend: 5000, purchases: 12 };

/** Rows as the Web API returns the panel's FetchXML: journeys × program tiers × lots, aliased columns. */
function journeyRows(tiers: readonly TierRow[] = [silver, gold], extra: Record<string, unknown> = {}): Record<string, unknown>[] {
  const journeys = [
    line("j1", LoyaltyPhase.Growth, "Coffee machines"),
    line("j2", LoyaltyPhase.Knowledge, Xss),
  ];
  const tierRows = tiers.map((tier) => ({
    "program.cx_loyaltyprogramid": "p1",
    "program.createdon": "2025-01-01T00:00:00Z",
    "programtier.cx_loyaltytierid": tier.id,
    "programtier.cx_name": tier.name,
    "programtier.cx_rank": tier.rank,
    ...(tier.points === undefined ? {} : { "programtier.cx_minqualifyingpoints": tier.points }),
    ...(tier.spend === undefined ? {} : { "programtier.cx_minspend": tier.spend }),
    ...(tier.purchases === undefined ? {} : { "programtier.cx_mintransactions": tier.purchases }),
  }));
  return journeys.flatMap((journey) => tierRows.map((tier) => ({ contactid: "c", cx_paidinvoicecount: 3, ...journey, ...tier, ...extra })));
}

type QueryResult = ReturnType<Xrm.WebApi["retrieveMultipleRecords"]>;
/** A query that has not answered yet; resolve() answers it. */
function deferred(): { readonly promise: QueryResult; resolve(result: Xrm.RetrieveMultipleResult): void } {
  let resolve: (result: Xrm.RetrieveMultipleResult) => void = () => undefined;
  const promise = new Promise<Xrm.RetrieveMultipleResult>((done) => (resolve = done));
  return { promise: promise as unknown as QueryResult, resolve: (result) => { resolve(result); } };
}

const text = (id: string): string => document.getElementById(id)!.textContent;
const state = (): string | undefined => document.getElementById("cx-journey")!.dataset["state"];
const visible = (id: string): boolean => !document.getElementById(id)!.hidden;

describe("customer journey panel (jsdom)", () => {
  let formContext: Xrm.FormContext;
  let setClientApiContext: SetClientApiContext;
  let query: MockInstance<Xrm.WebApi["retrieveMultipleRecords"]>;
  const answer = (rows = journeyRows()): Xrm.RetrieveMultipleResult => ({ entities: rows, nextLink: "" });

  beforeEach(async () => {
    vi.resetModules();
    const page = new DOMParser().parseFromString(html, "text/html");
    document.documentElement.replaceWith(document.importNode(page.documentElement, true));
    formContext = initialiseForm({ entityName: "contact" });
    XrmMockGenerator.Attribute.createString("fullname", Xss);
    XrmMockGenerator.Attribute.createOptionSet(CustomerColumn.lifecycleStage, LifecycleStage.Repeat);
    XrmMockGenerator.Attribute.createLookup(CustomerColumn.loyaltyTier, lookup(`{${SilverId}}`, "Silver", "cx_loyaltytier"));
    XrmMockGenerator.Attribute.createNumber(CustomerColumn.pointsBalance, 1200);
    XrmMockGenerator.Attribute.createNumber(CustomerColumn.qualifyingPoints, 300);
    XrmMockGenerator.Attribute.createNumber(CustomerColumn.pendingPoints, 80);
    XrmMockGenerator.Attribute.createNumber(CustomerColumn.totalRevenue, 4000);
    XrmMockGenerator.Attribute.createNumber(CustomerColumn.purchaseCount, 3);
    XrmMockGenerator.Attribute.createNumber(CustomerColumn.profileCompleteness, 38);
    query = vi.spyOn(Xrm.WebApi, "retrieveMultipleRecords").mockResolvedValue(answer());
    ({ setClientApiContext } = await import("../src/html/journey/journey"));
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  describe("states", () => {
    it("waits for the form with skeletons, in the page's language once known", () => {
      expect(state()).toBe("waiting");
      expect(text("cx-status")).toBe("Waiting for the form…");
    });

    it("says it is waiting for the form in Spanish in a Spanish browser, before the form says who the user is", async () => {
      vi.spyOn(navigator, "language", "get").mockReturnValue("es-MX");
      const page = new DOMParser().parseFromString(html, "text/html");
      document.documentElement.replaceWith(document.importNode(page.documentElement, true));
      vi.resetModules();
      await import("../src/html/journey/journey");
      expect(text("cx-status")).toBe("Esperando al formulario…");
      expect(document.documentElement.lang).toBe("es");
    });

    it("shows a loading state (skeletons, no bar) while the query runs, never 0 %", async () => {
      query.mockReturnValue(deferred().promise);
      void setClientApiContext(Xrm, formContext);
      await Promise.resolve();
      expect(state()).toBe("loading");
      expect(text("cx-status")).toBe("Loading the journey…");
      expect(document.querySelectorAll("#cx-paths li:not([hidden])")).toHaveLength(0);
      expect(document.getElementById("cx-journey")!.getAttribute("aria-busy")).toBe("true");
    });

    it("is ready with the time of the query, not a claim of being up to date", async () => {
      await setClientApiContext(Xrm, formContext);
      expect(state()).toBe("ready");
      expect(text("cx-status")).toMatch(/^Updated at \d{1,2}:\d{2}\s?(AM|PM)\.$/);
      expect(document.body.textContent).not.toContain("up to date");
    });

    it("shows an empty state for a customer without journeys and a program without tiers", async () => {
      query.mockResolvedValue(answer([{ contactid: "c" }]));
      await setClientApiContext(Xrm, formContext);
      expect(text("cx-phase-rows")).toBe("No product family has started a loyalty cycle yet.");
      expect(text("cx-tier-progress-text")).toBe("No active loyalty program has tiers yet.");
    });

    it("shows an error in plain words with a retry, and the platform's message and code only under Details", async () => {
      query.mockRejectedValueOnce({ message: "Network unavailable", errorCode: -2147220970 });
      await setClientApiContext(Xrm, formContext);
      expect(state()).toBe("error");
      expect(text("cx-status")).toBe("The journey could not be loaded. Check your connection and try again.");
      expect(text("cx-status")).not.toContain(":");
      expect(visible("cx-error")).toBe(true);
      expect(text("cx-error-message")).toBe("Network unavailable");
      expect(text("cx-error-code")).toBe("0x80040216");
      expect(document.querySelector("details")!.open).toBe(false);

      document.getElementById("cx-retry")!.click();
      await vi.waitFor(() => {
        expect(state()).toBe("ready");
      });
      expect(query).toHaveBeenCalledTimes(2);
      expect(visible("cx-error")).toBe(false);
    });

    it("hides Details when the failure has no message, and never ends on a colon", async () => {
      query.mockRejectedValueOnce({ message: "" });
      await setClientApiContext(Xrm, formContext);
      expect(visible("cx-error-details")).toBe(false);
      expect(text("cx-status").endsWith(":")).toBe(false);
    });

    it("shows the error in Spanish", async () => {
      XrmMockGenerator.context.userSettings.languageId = Spanish;
      query.mockRejectedValueOnce(new Error("boom"));
      await setClientApiContext(Xrm, formContext);
      expect(text("cx-status")).toBe("No se pudo cargar el recorrido. Compruebe la conexión y vuelva a intentarlo.");
      expect(text("cx-retry")).toBe("Reintentar");
    });

    it("goes stale after a save and queries again, keeping the last journey on screen meanwhile", async () => {
      const postSave: (() => void)[] = [];
      const entity = formContext.data.entity as unknown as { addOnPostSave: (handler: () => void) => void };
      entity.addOnPostSave = (handler) => postSave.push(handler);
      await setClientApiContext(Xrm, formContext);
      await setClientApiContext(Xrm, formContext);
      expect(query).toHaveBeenCalledOnce();
      expect(postSave).toHaveLength(1);

      const later = deferred();
      query.mockReturnValueOnce(later.promise);
      postSave[0]!();
      expect(state()).toBe("stale");
      expect(text("cx-status")).toBe("The record changed. Refreshing the journey…");
      expect(document.querySelectorAll("#cx-phase-rows tr")).toHaveLength(2);
      later.resolve(answer(journeyRows([silver, gold]).slice(0, 2)));
      await vi.waitFor(() => {
        expect(state()).toBe("ready");
      });
      expect(query).toHaveBeenCalledTimes(2);
      expect(document.querySelectorAll("#cx-phase-rows tr")).toHaveLength(1);
    });

    it("queries again when the form's data changed since the last query (a refresh after save)", async () => {
      await setClientApiContext(Xrm, formContext);
      formContext.getAttribute(CustomerColumn.qualifyingPoints)!.setValue(1100);
      await setClientApiContext(Xrm, formContext);
      expect(query).toHaveBeenCalledTimes(2);
    });

    it("does not query for an unsaved record", async () => {
      formContext = initialiseForm({ entityName: "contact", id: "", formType: 1 });
      query = vi.spyOn(Xrm.WebApi, "retrieveMultipleRecords").mockResolvedValue(answer());
      await setClientApiContext(Xrm, formContext);
      expect(query).not.toHaveBeenCalled();
      expect(state()).toBe("unsaved");
      expect(text("cx-status")).toBe("Save the record to see the loyalty journey.");
    });
  });

  describe("content", () => {
    it("renders the stage track with the current stage marked", async () => {
      await setClientApiContext(Xrm, formContext);
      const stages = [...document.querySelectorAll("#cx-stage-track li")];
      expect(stages.map((li) => li.textContent)).toEqual(["Prospect", "New", "Repeat", "Loyal", "Advocate"]);
      expect(stages.map((li) => li.getAttribute("aria-current"))).toEqual([null, null, "step", null, null]);
      expect(visible("cx-stage-flag")).toBe(false);
    });

    it("says every question is answered at 100 %", async () => {
      formContext.getAttribute(CustomerColumn.profileCompleteness)!.setValue(100);
      XrmMockGenerator.Attribute.createDate(CustomerColumn.lastInteractionOn, new Date("2026-11-30T10:00:00Z"));
      XrmMockGenerator.Attribute.createNumber(CustomerColumn.lastInteractionDuration, 20);
      await setClientApiContext(Xrm, formContext);
      const shown = [...document.querySelectorAll("#cx-missing > li:not([hidden])")].map((item) => item.textContent.trim());
      expect(shown).toEqual(["Every question is answered."]);
    });

    it("shows tier, balance, pending points and progress on every path of the next tier", async () => {
      await setClientApiContext(Xrm, formContext);
      expect(text("cx-tier-name")).toBe("Silver");
      expect(text("cx-points-balance")).toBe("1,200");
      expect(text("cx-pending-points")).toBe("80");
      // Spend 4,000 of 5,000 (80 %) is closer than 300 of 1,000 points (30 %) or 3 of 12 purchases (25 %).
      expect(text("cx-tier-progress-text")).toBe("1,000 of spend to Gold");
      const paths = [...document.querySelectorAll("#cx-paths li")].map((item) => [
        item.querySelector(".path__name")!.textContent,
        item.querySelector(".path__value")!.textContent,
        item.querySelector("progress")!.value,
      ]);
      expect(paths).toEqual([["Qualifying points", "300 of 1,000", 30], ["Spend", "4,000 of 5,000", 80], ["Purchases", "3 of 12", 25]]);
      expect(document.querySelector(".path--closest .path__name")!.textContent).toBe("Spend");
    });

    it("shows a customer without a tier the points to the first tier, in Spanish", async () => {
      XrmMockGenerator.context.userSettings.languageId = Spanish;
      formContext.getAttribute(CustomerColumn.loyaltyTier)!.setValue(null);
      formContext.getAttribute(CustomerColumn.qualifyingPoints)!.setValue(null);
      query.mockResolvedValue(answer(journeyRows([{ ...silver, points: 500 }, gold])));
      await setClientApiContext(Xrm, formContext);
      expect(text("cx-tier-name")).toBe("Sin nivel todavía");
      expect(text("cx-tier-progress-text")).toBe("500 puntos para su primer nivel, Silver");
    });

    it("shows points about to expire and a blocked upgrade when the data has them", async () => {
      XrmMockGenerator.Attribute.createBoolean(CustomerColumn.upgradeBlocked, true);
      XrmMockGenerator.Attribute.createString(CustomerColumn.upgradeBlockedReason, "Upgrade to Gold is on hold until 1 Feb 2027.");
      const lots = [
        { "lot.cx_loyaltytransactionid": "l1", "lot.cx_remainingpoints": 40, "lot.cx_expireson": "2026-12-20T00:00:00Z" },
        { "lot.cx_loyaltytransactionid": "l2", "lot.cx_remainingpoints": 60, "lot.cx_expireson": "2026-12-20T00:00:00Z" },
        { "lot.cx_loyaltytransactionid": "l3", "lot.cx_remainingpoints": 90, "lot.cx_expireson": "2026-12-28T00:00:00Z" },
      ];
      query.mockResolvedValue(answer(lots.flatMap((lot) => journeyRows([silver, gold], lot))));
      await setClientApiContext(Xrm, formContext);
      expect(visible("cx-expiry-row")).toBe(true);
      expect(text("cx-next-expiry")).toBe("100 points on Dec 20, 2026");
      expect(visible("cx-upgrade-blocked")).toBe(true);
      expect(text("cx-upgrade-blocked")).toContain("Upgrade to Gold is on hold until 1 Feb 2027.");
    });

    it("keeps an at-risk customer's track progress and says where they were", async () => {
      formContext.getAttribute(CustomerColumn.lifecycleStage)!.setValue(LifecycleStage.AtRisk);
      const transition = {
        "transition.cx_lifecycletransitionid": "t1",
        "transition.cx_fromstage": LifecycleStage.Loyal,
        "transition.cx_transitionedon": "2026-10-01T00:00:00Z",
      };
      query.mockResolvedValue(answer(journeyRows([silver, gold], transition)));
      await setClientApiContext(Xrm, formContext);
      const fetchXml = decodeURIComponent(query.mock.calls[0]![1]!);
      expect(fetchXml).toContain(`alias="transition"`);
      const done = [...document.querySelectorAll("#cx-stage-track .stage--done")].map((li) => li.textContent);
      expect(done).toEqual(["Prospect", "New", "Repeat"]);
      expect(document.querySelector(".stage--left")!.textContent).toBe("Loyal");
      expect(text("cx-stage-flag")).toBe("Currently: At risk, after Loyal");
      expect(document.querySelector("[aria-current]")).toBeNull();
    });

    it("lists the missing profile answers next to the percentage", async () => {
      await setClientApiContext(Xrm, formContext);
      expect(text("cx-completeness")).toBe("38 %");
      // 38 % = 3 of 8; the row answers stage and products bought (paid invoices from the query), not the last interaction.
      const shown = [...document.querySelectorAll("#cx-missing > li:not([hidden])")]
        .map((item) => item.textContent.replace(/\s+/g, " ").trim());
      expect(shown).toEqual([
        "last interaction and its duration",
        "4 of these: why they interact today products of interest problems experienced preferences how we responded",
      ]);
    });

    it("queries once per record and form state, for this customer, and lists the phases per product line", async () => {
      await setClientApiContext(Xrm, formContext);
      await setClientApiContext(Xrm, formContext);
      expect(query).toHaveBeenCalledOnce();
      expect(query.mock.calls[0]![0]).toBe("contact");
      const fetchXml = decodeURIComponent(query.mock.calls[0]![1]!.replace(/^\?fetchXml=/, ""));
      expect(fetchXml).toContain(`<condition attribute="contactid" operator="eq" value="${BareContactId}"/>`);
      const rows = [...document.querySelectorAll("#cx-phase-rows tr")].map((row) => [...row.children].map((cell) => cell.textContent));
      expect(rows).toEqual([[Xss, "I – Knowledge"], ["Coffee machines", "II – Growth"]]);
    });

    it("renders record data as text, never as markup", async () => {
      await setClientApiContext(Xrm, formContext);
      expect(text("cx-customer-name")).toBe(Xss);
      expect(document.querySelector("img")).toBeNull();
    });

    it("speaks Spanish", async () => {
      XrmMockGenerator.context.userSettings.languageId = Spanish;
      formContext.getAttribute(CustomerColumn.lifecycleStage)!.setValue(LifecycleStage.Lapsed);
      await setClientApiContext(Xrm, formContext);
      expect(document.documentElement.lang).toBe("es");
      expect(text("cx-title")).toBe("Recorrido del cliente");
      expect(text("cx-stage-flag")).toBe("Actualmente: Inactivo");
    });
  });

  it("works end to end with the form's connector: lazy, idempotent, one query", async () => {
    const Contact = await import("../src/forms/contact");
    const { JourneyControlName, JourneyTabName } = await import("../src/forms/journeyPanelConnector");
    const tab = XrmMockGenerator.Tab.createTab(JourneyTabName, "Journey", true, "collapsed");
    const realGetControl = formContext.getControl.bind(formContext);
    // The panel's page is this jsdom window; the form reaches it through getContentWindow().
    vi.spyOn(formContext, "getControl").mockImplementation(((name: string) =>
      name === JourneyControlName ? { getContentWindow: () => Promise.resolve(window) } : realGetControl(name)) as typeof formContext.getControl);

    await Contact.onLoad(XrmMockGenerator.getEventContext());
    expect(query).not.toHaveBeenCalled();
    expect(text("cx-status")).toBe("Waiting for the form…");

    tab.setDisplayState("expanded");
    await Contact.onJourneyTabStateChange(XrmMockGenerator.getEventContext());
    await Contact.onLoad(XrmMockGenerator.getEventContext());
    await vi.waitFor(() => {
      expect(state()).toBe("ready");
    });
    expect(query).toHaveBeenCalledOnce();
    expect(text("cx-customer-name")).toBe(Xss);
  });
});
