import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { XrmMockGenerator } from "xrm-mock";
import * as CustomerRibbon from "../src/ribbon/customerCommands";
import type { RedeemRewardRequest, VoucherRequest } from "../src/lib/customApis";
import { CustomerColumn, Redemption } from "../src/lib/schema";
import { BareContactId, Spanish, initialiseForm } from "./support/xrm";

const RewardId = "7E1B1D2C-3F4A-4B5C-8D9E-0A1B2C3D4E5F";

function okResponse(body: unknown): Response {
  return { ok: true, status: 200, json: () => Promise.resolve(body) } as unknown as Response;
}

describe("Redeem reward command", () => {
  let formContext: Xrm.FormContext;

  beforeEach(() => {
    formContext = initialiseForm({ entityName: "contact" });
    XrmMockGenerator.Attribute.createNumber(CustomerColumn.pointsBalance, 500);
    vi.spyOn(Xrm.Utility, "lookupObjects").mockResolvedValue([{ id: `{${RewardId}}`, name: "Free coffee", entityType: "cx_reward" }]);
    vi.spyOn(Xrm.Utility, "showProgressIndicator").mockImplementation(() => undefined);
    vi.spyOn(Xrm.Utility, "closeProgressIndicator").mockImplementation(() => undefined);
    vi.spyOn(formContext.data, "refresh").mockResolvedValue(undefined);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("calls cx_RedeemReward unbound with the customer and reward references", async () => {
    const execute = vi.spyOn(Xrm.WebApi.online, "execute").mockResolvedValue(okResponse({ VoucherCode: "CX-7Q2M" }));
    vi.spyOn(Xrm.Navigation, "openAlertDialog").mockResolvedValue(undefined);
    await CustomerRibbon.redeemReward(formContext);

    expect(execute).toHaveBeenCalledOnce();
    const request = execute.mock.calls[0]![0] as RedeemRewardRequest;
    expect(request.Customer).toEqual({ entityType: "contact", id: BareContactId });
    expect(request.Reward).toEqual({ entityType: "cx_reward", id: RewardId });
    expect(request.getMetadata()).toEqual({
      boundParameter: null,
      operationType: 0,
      operationName: "cx_RedeemReward",
      parameterTypes: {
        Customer: { typeName: "mscrm.crmbaseentity", structuralProperty: 5 },
        Reward: { typeName: "mscrm.cx_reward", structuralProperty: 5 },
      },
    });
  });

  it("shows the voucher code and refreshes the balance", async () => {
    vi.spyOn(Xrm.WebApi.online, "execute").mockResolvedValue(okResponse({ VoucherCode: "CX-7Q2M" }));
    const alert = vi.spyOn(Xrm.Navigation, "openAlertDialog").mockResolvedValue(undefined);
    await CustomerRibbon.redeemReward(formContext);
    expect(alert).toHaveBeenCalledWith({ title: "Reward redeemed", text: "Voucher code: CX-7Q2M" });
    expect(formContext.data.refresh).toHaveBeenCalledWith(false);
    expect(Xrm.Utility.closeProgressIndicator).toHaveBeenCalledOnce();
  });

  it("shows the plugin's refusal message and closes the progress indicator", async () => {
    XrmMockGenerator.context.userSettings.languageId = Spanish;
    const refusal = { errorCode: 2147220891, message: "Saldo insuficiente: faltan 150 puntos." };
    vi.spyOn(Xrm.WebApi.online, "execute").mockRejectedValue(refusal);
    const alert = vi.spyOn(Xrm.Navigation, "openAlertDialog").mockResolvedValue(undefined);
    await CustomerRibbon.redeemReward(formContext);
    expect(alert).toHaveBeenCalledWith({ title: "Recompensa no canjeada", text: "Saldo insuficiente: faltan 150 puntos." });
    expect(Xrm.Utility.closeProgressIndicator).toHaveBeenCalledOnce();
    expect(formContext.data.refresh).not.toHaveBeenCalled();
  });

  it("does nothing when the user closes the reward lookup", async () => {
    vi.mocked(Xrm.Utility.lookupObjects).mockResolvedValue([]);
    const execute = vi.spyOn(Xrm.WebApi.online, "execute");
    await CustomerRibbon.redeemReward(formContext);
    expect(execute).not.toHaveBeenCalled();
  });

  it("works the same from an account", async () => {
    formContext = initialiseForm({ entityName: "account" });
    vi.spyOn(Xrm.Utility, "lookupObjects").mockResolvedValue([{ id: RewardId, name: "Gift", entityType: "cx_reward" }]);
    vi.spyOn(Xrm.Utility, "showProgressIndicator").mockImplementation(() => undefined);
    vi.spyOn(Xrm.Utility, "closeProgressIndicator").mockImplementation(() => undefined);
    vi.spyOn(formContext.data, "refresh").mockResolvedValue(undefined);
    const execute = vi.spyOn(Xrm.WebApi.online, "execute").mockResolvedValue(okResponse({ VoucherCode: "X" }));
    vi.spyOn(Xrm.Navigation, "openAlertDialog").mockResolvedValue(undefined);
    await CustomerRibbon.redeemReward(formContext);
    expect((execute.mock.calls[0]![0] as RedeemRewardRequest).Customer.entityType).toBe("account");
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
