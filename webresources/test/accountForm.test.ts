import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { XrmMockGenerator } from "xrm-mock";
import * as Account from "../src/forms/account";
import { CustomerColumn, LifecycleStage, LoyaltyPhase } from "../src/lib/schema";
import { JourneySubgridName } from "../src/lib/formData";
import { Spanish, eventContext, eventContextFor, fakeSubgrid, initialiseForm, lookup, spyOnServerCalls, totalCalls } from "./support/xrm";

describe("account main form", () => {
  let formContext: Xrm.FormContext;

  beforeEach(() => {
    formContext = initialiseForm({ entityName: "account" });
    XrmMockGenerator.Attribute.createString("name", "Contoso Retail");
    XrmMockGenerator.Attribute.createOptionSet(CustomerColumn.lifecycleStage, LifecycleStage.AtRisk);
    XrmMockGenerator.Attribute.createLookup(CustomerColumn.loyaltyTier, lookup("{22222222-2222-2222-2222-222222222222}", "Platinum", "cx_loyaltytier"));
    XrmMockGenerator.Attribute.createNumber(CustomerColumn.lifetimeValue, 0);
    fakeSubgrid(formContext, JourneySubgridName, [{ productLine: null, phase: LoyaltyPhase.Retention }]);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("makes no Web API call on load", async () => {
    const spies = spyOnServerCalls();
    await Account.onLoad(eventContext());
    expect(totalCalls(spies)).toBe(0);
  });

  it("shows no form notification for an at-risk account in Spanish either", async () => {
    XrmMockGenerator.context.userSettings.languageId = Spanish;
    const notify = vi.spyOn(formContext.ui, "setFormNotification");
    await Account.onLoad(eventContext());
    expect(notify).not.toHaveBeenCalled();
  });

  it("locks the computed lifetime value", async () => {
    await Account.onLoad(eventContext());
    expect(formContext.getControl<Xrm.Controls.NumberControl>(CustomerColumn.lifetimeValue)!.getDisabled()).toBe(true);
  });

  it("confirms a consent withdrawal like the contact form", async () => {
    const consent = XrmMockGenerator.Attribute.createBoolean({ name: CustomerColumn.consentMarketing, value: false, initialValue: true });
    vi.spyOn(Xrm.Navigation, "openConfirmDialog").mockResolvedValue({ confirmed: false });
    await Account.onConsentChange(eventContextFor(consent));
    expect(consent.getValue()).toBe(true);
  });
});
