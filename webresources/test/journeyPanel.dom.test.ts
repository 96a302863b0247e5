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

/** Rows as the Web API returns the panel's FetchXML: journeys × program tiers, aliased columns. */
function journeyRows(): Record<string, unknown>[] {
  const journeys = [
    { "journey.cx_loyaltyjourneyid": "j1", "journey.cx_phase": LoyaltyPhase.Growth, "journey.cx_productfamilyid@OData.Community.Display.V1.FormattedValue": "Coffee machines" },
    { "journey.cx_loyaltyjourneyid": "j2", "journey.cx_phase": LoyaltyPhase.Knowledge, "journey.cx_productfamilyid@OData.Community.Display.V1.FormattedValue": Xss },
  ];
  const tiers = [
    { "programtier.cx_loyaltytierid": SilverId, "programtier.cx_name": "Silver", "programtier.cx_rank": 2, "programtier.cx_minqualifyingpoints": 0 },
    { "programtier.cx_loyaltytierid": "44444444-4444-4444-4444-444444444444", "programtier.cx_name": "Gold", "programtier.cx_rank": 3, "programtier.cx_minqualifyingpoints": 1000 },
  ];
  return journeys.flatMap((journey) => tiers.map((tier) => ({ contactid: "c", ...journey, ...tier })));
}

const text = (id: string): string => document.getElementById(id)!.textContent;

describe("customer journey panel (jsdom)", () => {
  let formContext: Xrm.FormContext;
  let setClientApiContext: SetClientApiContext;
  let query: MockInstance<Xrm.WebApi["retrieveMultipleRecords"]>;
  const answer = (): Xrm.RetrieveMultipleResult => ({ entities: journeyRows(), nextLink: "" });

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
    query = vi.spyOn(Xrm.WebApi, "retrieveMultipleRecords").mockResolvedValue(answer());
    ({ setClientApiContext } = await import("../src/html/journey/journey"));
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("renders the stage track with the current stage marked", async () => {
    await setClientApiContext(Xrm, formContext);
    const stages = [...document.querySelectorAll("#cx-stage-track li")];
    expect(stages.map((li) => li.textContent)).toEqual(["Prospect", "New", "Repeat", "Loyal", "Advocate"]);
    expect(stages.map((li) => li.getAttribute("aria-current"))).toEqual([null, null, "step", null, null]);
    expect(document.getElementById("cx-stage-flag")!.hidden).toBe(true);
  });

  it("shows tier and progress to the next tier", async () => {
    await setClientApiContext(Xrm, formContext);
    expect(text("cx-tier-name")).toBe("Silver");
    expect(text("cx-points-balance")).toBe("1,200");
    const bar = document.getElementById("cx-tier-progress") as HTMLProgressElement;
    expect([bar.value, bar.max]).toEqual([300, 1000]);
    expect(text("cx-tier-progress-text")).toBe("700 qualifying points to Gold");
  });

  it("queries the phases once, for this customer, and lists them per product line", async () => {
    await setClientApiContext(Xrm, formContext);
    await setClientApiContext(Xrm, formContext);
    expect(query).toHaveBeenCalledOnce();
    expect(query.mock.calls[0]![0]).toBe("contact");
    const fetchXml = decodeURIComponent(query.mock.calls[0]![1]!.replace(/^\?fetchXml=/, ""));
    expect(fetchXml).toContain(`<condition attribute="contactid" operator="eq" value="${BareContactId}"/>`);
    const rows = [...document.querySelectorAll("#cx-phase-rows tr")].map((row) => [...row.children].map((cell) => cell.textContent));
    expect(rows).toEqual([[Xss, "I – Knowledge"], ["Coffee machines", "II – Growth"]]);
    expect(text("cx-status")).toBe("Journey up to date.");
  });

  it("renders record data as text, never as markup", async () => {
    await setClientApiContext(Xrm, formContext);
    expect(text("cx-customer-name")).toBe(Xss);
    expect(document.querySelector("img")).toBeNull();
  });

  it("shows an off-track stage beside the track and speaks Spanish", async () => {
    XrmMockGenerator.context.userSettings.languageId = Spanish;
    formContext.getAttribute(CustomerColumn.lifecycleStage)!.setValue(LifecycleStage.Lapsed);
    await setClientApiContext(Xrm, formContext);
    expect(document.documentElement.lang).toBe("es");
    expect(text("cx-title")).toBe("Recorrido del cliente");
    expect(document.getElementById("cx-stage-flag")!.hidden).toBe(false);
    expect(text("cx-stage-flag")).toBe("Actualmente: Perdido");
    expect(document.querySelector("[aria-current]")).toBeNull();
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
      expect(text("cx-status")).toBe("Journey up to date.");
    });
    expect(query).toHaveBeenCalledOnce();
    expect(text("cx-customer-name")).toBe(Xss);
  });

  it("does not query for an unsaved record", async () => {
    formContext = initialiseForm({ entityName: "contact", id: "", formType: 1 });
    query = vi.spyOn(Xrm.WebApi, "retrieveMultipleRecords").mockResolvedValue(answer());
    await setClientApiContext(Xrm, formContext);
    expect(query).not.toHaveBeenCalled();
    expect(text("cx-status")).toBe("Save the record to see the phases per product family.");
  });

  it("reports a failed query in the status region and retries on the next handshake", async () => {
    query.mockRejectedValueOnce({ message: "Network unavailable" });
    await setClientApiContext(Xrm, formContext);
    expect(text("cx-status")).toBe("Phases and tier progress could not be loaded: Network unavailable");
    await setClientApiContext(Xrm, formContext);
    expect(query).toHaveBeenCalledTimes(2);
    expect(text("cx-status")).toBe("Journey up to date.");
  });
});
