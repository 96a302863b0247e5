import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type BooleanAttributeMock, XrmMockGenerator } from "xrm-mock";
import * as Contact from "../src/forms/contact";
import { JourneyControlName, JourneyTabName } from "../src/forms/journeyPanelConnector";
import { JourneySubgridName } from "../src/lib/formData";
import { ComputedCustomerColumns, CustomerColumn, LifecycleStage, LoyaltyPhase } from "../src/lib/schema";
import { Spanish, eventContext, eventContextFor, fakeSubgrid, initialiseForm, lookup, spyOnServerCalls, totalCalls, type FakeSubgrid } from "./support/xrm";

function seedCustomer(): void {
  XrmMockGenerator.Attribute.createString("fullname", "Ana García");
  XrmMockGenerator.Attribute.createOptionSet(CustomerColumn.lifecycleStage, LifecycleStage.Loyal);
  XrmMockGenerator.Attribute.createLookup(CustomerColumn.loyaltyTier, lookup("{11111111-1111-1111-1111-111111111111}", "Gold", "cx_loyaltytier"));
  XrmMockGenerator.Attribute.createNumber(CustomerColumn.pointsBalance, 1200);
  XrmMockGenerator.Attribute.createNumber(CustomerColumn.qualifyingPoints, 750);
}

describe("contact main form", () => {
  let formContext: Xrm.FormContext;
  let subgrid: FakeSubgrid;

  beforeEach(() => {
    formContext = initialiseForm({ entityName: "contact" });
    seedCustomer();
    subgrid = fakeSubgrid(formContext, JourneySubgridName, [{ productLine: "Coffee machines", phase: LoyaltyPhase.Growth }]);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("makes no Web API call on load", async () => {
    const spies = spyOnServerCalls();
    await Contact.onLoad(eventContext());
    expect(totalCalls(spies)).toBe(0);
  });

  it("shows no form notification: stage, tier and phases live in the journey tab", async () => {
    const notify = vi.spyOn(formContext.ui, "setFormNotification");
    await Contact.onLoad(eventContext());
    subgrid.loadHandlers[0]!(eventContext());
    Contact.onDataLoad(eventContext());
    await Promise.resolve();
    expect(notify).not.toHaveBeenCalled();
  });

  it("keeps one subgrid handler however often the form loads", async () => {
    await Contact.onLoad(eventContext());
    await Contact.onLoad(eventContext());
    expect(subgrid.loadHandlers).toHaveLength(1);
  });

  it("makes the computed columns read-only in every control", async () => {
    await Contact.onLoad(eventContext());
    const locked = [CustomerColumn.lifecycleStage, CustomerColumn.loyaltyTier, CustomerColumn.pointsBalance];
    for (const column of locked) {
      expect(ComputedCustomerColumns).toContain(column);
      formContext.getAttribute(column)!.controls.forEach((control) => {
        expect(control.getDisabled()).toBe(true);
      });
    }
    expect(formContext.getControl<Xrm.Controls.StringControl>("fullname")!.getDisabled()).toBe(false);
  });

  it("registers its data-load handler once however often the form loads", async () => {
    const add = vi.spyOn(formContext.data, "addOnLoad");
    const remove = vi.spyOn(formContext.data, "removeOnLoad");
    await Contact.onLoad(eventContext());
    await Contact.onLoad(eventContext());
    expect(add).toHaveBeenCalledTimes(2);
    expect(remove).toHaveBeenCalledTimes(2);
    expect(remove.mock.calls[1]![0]).toBe(add.mock.calls[0]![0]);
  });
});

describe("contact consent", () => {
  let consent: BooleanAttributeMock;

  beforeEach(() => {
    initialiseForm({ entityName: "contact" });
    consent = XrmMockGenerator.Attribute.createBoolean(
      { name: CustomerColumn.consentMarketing, value: true, initialValue: true },
      { name: CustomerColumn.consentMarketing, label: "Marketing" },
    );
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("asks before a saved consent is withdrawn and keeps the withdrawal when confirmed", async () => {
    const confirm = vi.spyOn(Xrm.Navigation, "openConfirmDialog").mockResolvedValue({ confirmed: true });
    consent.setValue(false);
    await Contact.onConsentChange(eventContextFor(consent));
    expect(confirm).toHaveBeenCalledOnce();
    expect(confirm.mock.calls[0]![0].text).toContain("\"Marketing\"");
    expect(consent.getValue()).toBe(false);
  });

  it("puts the consent back when the user cancels", async () => {
    vi.spyOn(Xrm.Navigation, "openConfirmDialog").mockResolvedValue({ confirmed: false });
    consent.setValue(false);
    await Contact.onConsentChange(eventContextFor(consent));
    expect(consent.getValue()).toBe(true);
  });

  it("asks in Spanish for a Spanish user", async () => {
    XrmMockGenerator.context.userSettings.languageId = Spanish;
    const confirm = vi.spyOn(Xrm.Navigation, "openConfirmDialog").mockResolvedValue({ confirmed: true });
    consent.setValue(false);
    await Contact.onConsentChange(eventContextFor(consent));
    expect(confirm.mock.calls[0]![0].title).toBe("Retirar consentimiento");
  });

  it("does not ask when consent is granted", async () => {
    const confirm = vi.spyOn(Xrm.Navigation, "openConfirmDialog");
    const notGranted = XrmMockGenerator.Attribute.createBoolean({ name: CustomerColumn.consentProfiling, value: false, initialValue: false });
    notGranted.setValue(true);
    await Contact.onConsentChange(eventContextFor(notGranted));
    expect(confirm).not.toHaveBeenCalled();
  });

  it("does not ask when an unsaved grant is taken back", async () => {
    const confirm = vi.spyOn(Xrm.Navigation, "openConfirmDialog");
    const unsaved = XrmMockGenerator.Attribute.createBoolean({ name: CustomerColumn.consentPreferences, value: false, initialValue: false });
    await Contact.onConsentChange(eventContextFor(unsaved));
    expect(confirm).not.toHaveBeenCalled();
  });

  it("works when fired through the attribute's own OnChange", async () => {
    const confirm = vi.spyOn(Xrm.Navigation, "openConfirmDialog").mockResolvedValue({ confirmed: false });
    consent.addOnChange((context) => void Contact.onConsentChange(context));
    consent.setValue(false);
    consent.fireOnChange();
    await vi.waitFor(() => {
      expect(consent.getValue()).toBe(true);
    });
    expect(confirm).toHaveBeenCalledOnce();
  });
});

describe("contact journey panel handshake", () => {
  let formContext: Xrm.FormContext;
  let panel: { setClientApiContext: ReturnType<typeof vi.fn> };
  let getContentWindow: ReturnType<typeof vi.fn>;

  function addJourneyTab(displayState: Xrm.DisplayState): Xrm.Controls.Tab {
    return XrmMockGenerator.Tab.createTab(JourneyTabName, "Journey", true, displayState);
  }

  beforeEach(() => {
    formContext = initialiseForm({ entityName: "contact" });
    seedCustomer();
    panel = { setClientApiContext: vi.fn() };
    getContentWindow = vi.fn().mockResolvedValue(panel);
    const realGetControl = formContext.getControl.bind(formContext);
    vi.spyOn(formContext, "getControl").mockImplementation(((name: string) =>
      name === JourneyControlName ? { getContentWindow } : realGetControl(name)) as typeof formContext.getControl);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("hands Xrm and the form context to the panel when its tab is shown on load", async () => {
    addJourneyTab("expanded");
    await Contact.onLoad(eventContext());
    expect(panel.setClientApiContext).toHaveBeenCalledWith(Xrm, formContext);
  });

  it("waits for the tab to be shown (lazy) and then connects on TabStateChange", async () => {
    const tab = addJourneyTab("collapsed");
    await Contact.onLoad(eventContext());
    expect(getContentWindow).not.toHaveBeenCalled();
    tab.setDisplayState("expanded");
    await Contact.onJourneyTabStateChange(eventContextFor(tab));
    expect(panel.setClientApiContext).toHaveBeenCalledOnce();
  });

  it("does not fail the form when the panel page is not loaded yet", async () => {
    addJourneyTab("expanded");
    getContentWindow.mockResolvedValue({});
    await expect(Contact.onLoad(eventContext())).resolves.toBeUndefined();
    getContentWindow.mockRejectedValue(new Error("frame gone"));
    await expect(Contact.onLoad(eventContext())).resolves.toBeUndefined();
  });

  it("still makes no Web API call on load with the panel connected", async () => {
    addJourneyTab("expanded");
    const spies = spyOnServerCalls();
    await Contact.onLoad(eventContext());
    expect(totalCalls(spies)).toBe(0);
  });
});
