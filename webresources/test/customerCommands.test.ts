import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { XrmMockGenerator } from "xrm-mock";
import * as CustomerRibbon from "../src/ribbon/customerCommands";
import type { VoucherRequest } from "../src/lib/customApis";
import { CustomerColumn, Redemption } from "../src/lib/schema";
import { BareContactId, Spanish, initialiseForm } from "./support/xrm";

function okResponse(body: unknown): Response {
  return { ok: true, status: 200, json: () => Promise.resolve(body) } as unknown as Response;
}

describe("Redeem reward command", () => {
  let formContext: Xrm.FormContext;

  beforeEach(() => {
    formContext = initialiseForm({ entityName: "contact" });
    XrmMockGenerator.Attribute.createNumber(CustomerColumn.pointsBalance, 500);
    vi.spyOn(formContext.data, "refresh").mockResolvedValue(undefined);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("opens the redemption dialog on this customer, centred, titled in the user's language", async () => {
    XrmMockGenerator.context.userSettings.languageId = Spanish;
    const navigate = vi.spyOn(Xrm.Navigation, "navigateTo").mockResolvedValue(undefined);
    const execute = vi.spyOn(Xrm.WebApi.online, "execute");

    await CustomerRibbon.redeemReward(formContext);

    expect(navigate).toHaveBeenCalledWith(
      { pageType: "webresource", webresourceName: "cx_/html/member.html", data: `table=contact&id=${BareContactId}&view=rewards` },
      { target: 2, position: 1, width: { value: 720, unit: "px" }, height: { value: 80, unit: "%" }, title: "Canjear recompensa" },
    );
    // The dialog itself asks the server; the command makes no call of its own.
    expect(execute).not.toHaveBeenCalled();
  });

  it("refreshes the form when the dialog closes, so the new balance shows", async () => {
    vi.spyOn(Xrm.Navigation, "navigateTo").mockResolvedValue(undefined);
    await CustomerRibbon.redeemReward(formContext);
    expect(formContext.data.refresh).toHaveBeenCalledWith(false);
  });

  it("passes an account as an account", async () => {
    formContext = initialiseForm({ entityName: "account" });
    vi.spyOn(formContext.data, "refresh").mockResolvedValue(undefined);
    const navigate = vi.spyOn(Xrm.Navigation, "navigateTo").mockResolvedValue(undefined);
    await CustomerRibbon.redeemReward(formContext);
    expect((navigate.mock.calls[0]![0] as Xrm.Navigation.PageInputHtmlWebResource).data).toContain("table=account&");
  });

  it("opens nothing for an unsaved customer", async () => {
    formContext = initialiseForm({ entityName: "contact", id: "" });
    const navigate = vi.spyOn(Xrm.Navigation, "navigateTo").mockResolvedValue(undefined);
    await CustomerRibbon.redeemReward(formContext);
    expect(navigate).not.toHaveBeenCalled();
  });
});

describe("Redeem reward enable rule", () => {
  it("enables the command for a saved, active customer with points", () => {
    const formContext = initialiseForm({ entityName: "contact" });
    XrmMockGenerator.Attribute.createNumber(CustomerColumn.pointsBalance, 1);
    expect(CustomerRibbon.canRedeemReward(formContext)).toBe(true);
  });

  it.each([
    ["an unsaved customer", { id: "", formType: 1 }, 100, null],
    ["a customer without points", {}, 0, null],
    ["an inactive customer", {}, 100, 1],
    ["a read-only form", { formType: 3 }, 100, null],
  ])("hides it for %s", (_case, form, points, state) => {
    const formContext = initialiseForm({ entityName: "contact", ...form });
    XrmMockGenerator.Attribute.createNumber(CustomerColumn.pointsBalance, points);
    if (state !== null) XrmMockGenerator.Attribute.createOptionSet(CustomerColumn.stateCode, state);
    expect(CustomerRibbon.canRedeemReward(formContext)).toBe(false);
  });
});

describe("Voucher commands on a redemption", () => {
  let formContext: Xrm.FormContext;

  beforeEach(() => {
    formContext = initialiseForm({ entityName: "cx_rewardredemption" });
    XrmMockGenerator.Attribute.createOptionSet(Redemption.status, Redemption.issued);
    vi.spyOn(Xrm.Utility, "showProgressIndicator").mockImplementation(() => undefined);
    vi.spyOn(Xrm.Utility, "closeProgressIndicator").mockImplementation(() => undefined);
    vi.spyOn(formContext.data, "refresh").mockResolvedValue(undefined);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("calls cx_MarkVoucherUsed unbound with the redemption and refreshes the status", async () => {
    const execute = vi.spyOn(Xrm.WebApi.online, "execute").mockResolvedValue(okResponse({}));
    const alert = vi.spyOn(Xrm.Navigation, "openAlertDialog").mockResolvedValue(undefined);
    await CustomerRibbon.markVoucherUsed(formContext);

    const request = execute.mock.calls[0]![0] as VoucherRequest;
    expect(request.Redemption).toEqual({ entityType: "cx_rewardredemption", id: BareContactId });
    expect(request.getMetadata().operationName).toBe("cx_MarkVoucherUsed");
    expect(alert).toHaveBeenCalledWith({ title: "Voucher used", text: "The voucher is marked used; it cannot be used again." });
    expect(formContext.data.refresh).toHaveBeenCalledWith(false);
  });

  it("asks before cancelling and shows the balance after the refund", async () => {
    vi.spyOn(Xrm.Navigation, "openConfirmDialog").mockResolvedValue({ confirmed: true });
    const execute = vi.spyOn(Xrm.WebApi.online, "execute").mockResolvedValue(okResponse({ Balance: 500 }));
    const alert = vi.spyOn(Xrm.Navigation, "openAlertDialog").mockResolvedValue(undefined);
    await CustomerRibbon.cancelRedemption(formContext);

    expect((execute.mock.calls[0]![0] as VoucherRequest).getMetadata().operationName).toBe("cx_CancelRedemption");
    expect(alert).toHaveBeenCalledWith({ title: "Redemption cancelled", text: "Available points: 500" });
  });

  it("cancels nothing when the user says no", async () => {
    vi.spyOn(Xrm.Navigation, "openConfirmDialog").mockResolvedValue({ confirmed: false });
    const execute = vi.spyOn(Xrm.WebApi.online, "execute");
    await CustomerRibbon.cancelRedemption(formContext);
    expect(execute).not.toHaveBeenCalled();
  });

  it("shows the server's refusal in Spanish and does not refresh", async () => {
    XrmMockGenerator.context.userSettings.languageId = Spanish;
    vi.spyOn(Xrm.Navigation, "openConfirmDialog").mockResolvedValue({ confirmed: true });
    vi.spyOn(Xrm.WebApi.online, "execute").mockRejectedValue({ errorCode: 2147220891, message: "El vale ya está cancelado." });
    const alert = vi.spyOn(Xrm.Navigation, "openAlertDialog").mockResolvedValue(undefined);
    await CustomerRibbon.cancelRedemption(formContext);
    expect(alert).toHaveBeenCalledWith({ title: "Vale sin cambios", text: "El vale ya está cancelado." });
    expect(formContext.data.refresh).not.toHaveBeenCalled();
  });

  it("is enabled only while the voucher is issued", () => {
    expect(CustomerRibbon.canChangeVoucher(formContext)).toBe(true);
    formContext.getAttribute(Redemption.status)?.setValue(586700001);
    expect(CustomerRibbon.canChangeVoucher(formContext)).toBe(false);
  });
});
