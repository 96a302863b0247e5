import { isActionableRecord } from "./guards";
import { withProgress } from "./progress";
import { voucherRequest, type CancelRedemptionResponse } from "../lib/customApis";
import { CancelRedemptionApi, MarkVoucherUsedApi } from "../lib/customApiContracts.generated";
import { errorMessage } from "../lib/errors";
import { readNumber, recordId } from "../lib/formData";
import { format, userLanguage } from "../lib/i18n";
import { ribbonMessagesFor } from "./ribbonMessages";
import { CustomerColumn, Redemption } from "../lib/schema";

/**
 * Contact/account command bar -> CrmExtensions.CustomerRibbon (cx_/scripts/customer_commands.js).
 * RibbonDiffXml passes <CrmParameter Value="PrimaryControl"/>, i.e. the form context.
 */

/** The dialog page (cx_/html/member.html) and its size: wide enough for the catalogue, narrow screens get the full width. */
export const MemberDialogPage = "cx_/html/member.html";

/**
 * Command "Redeem reward": opens the redemption dialog on this customer with Xrm.Navigation.navigateTo (pageType
 * "webresource", target 2 = dialog; the data string reaches the page as its "data" query parameter, see
 * learn.microsoft.com/power-apps/developer/model-driven-apps/clientapi/reference/xrm-navigation/navigateto). The dialog
 * lists only the rewards the server says the member may redeem, confirms, shows the voucher and can mark it used or
 * cancel it with a refund. When it closes, the form shows the new balance without a full reload.
 */
export async function redeemReward(primaryControl: Xrm.FormContext): Promise<void> {
  const customerId = recordId(primaryControl);
  if (customerId === null) return;
  const data = new URLSearchParams({ table: primaryControl.data.entity.getEntityName(), id: customerId, view: "rewards" }).toString();
  await Xrm.Navigation.navigateTo(
    { pageType: "webresource", webresourceName: MemberDialogPage, data },
    { target: 2, position: 1, width: { value: 720, unit: "px" }, height: { value: 80, unit: "%" }, title: ribbonMessagesFor(userLanguage()).redeemTitle },
  );
  await primaryControl.data.refresh(false);
}

/** Enable rule of "Redeem reward": a saved, active customer with points to spend. */
export function canRedeemReward(primaryControl: Xrm.FormContext): boolean {
  return isActionableRecord(primaryControl) && (readNumber(primaryControl, CustomerColumn.pointsBalance) ?? 0) > 0;
}

/** Runs one voucher API on the open redemption; false (after the refusal dialog) when the server refused. */
async function changeVoucher(
  primaryControl: Xrm.FormContext,
  api: typeof MarkVoucherUsedApi | typeof CancelRedemptionApi,
): Promise<CancelRedemptionResponse | null> {
  const messages = ribbonMessagesFor(userLanguage());
  const redemptionId = recordId(primaryControl);
  if (redemptionId === null) return null;
  try {
    return await withProgress(messages.voucherWorking, async () => {
      const response = await Xrm.WebApi.online.execute(voucherRequest(api, redemptionId));
      return api === CancelRedemptionApi ? ((await response.json()) as CancelRedemptionResponse) : {};
    });
  } catch (error) {
    await Xrm.Navigation.openAlertDialog({ title: messages.voucherRefusedTitle, text: errorMessage(error, messages.unknownError) });
    return null;
  }
}

/** Command "Mark voucher used" on a redemption: cx_MarkVoucherUsed, then the status shown without a reload. */
export async function markVoucherUsed(primaryControl: Xrm.FormContext): Promise<void> {
  if ((await changeVoucher(primaryControl, MarkVoucherUsedApi)) === null) return;
  const messages = ribbonMessagesFor(userLanguage());
  await Xrm.Navigation.openAlertDialog({ title: messages.usedDoneTitle, text: messages.usedDoneText });
  await primaryControl.data.refresh(false);
}

/** Command "Cancel redemption": asks first, then cx_CancelRedemption and shows the balance after the refund. */
export async function cancelRedemption(primaryControl: Xrm.FormContext): Promise<void> {
  const messages = ribbonMessagesFor(userLanguage());
  const answer = await Xrm.Navigation.openConfirmDialog({ title: messages.cancelConfirmTitle, text: messages.cancelConfirmText });
  if (!answer.confirmed) return;
  const result = await changeVoucher(primaryControl, CancelRedemptionApi);
  if (result === null) return;
  await Xrm.Navigation.openAlertDialog({
    title: messages.cancelDoneTitle,
    text: format(messages.cancelDoneText, { balance: String(result.Balance ?? 0) }),
  });
  await primaryControl.data.refresh(false);
}

/** Enable rule of both voucher commands: a saved, active redemption whose voucher is still issued. */
export function canChangeVoucher(primaryControl: Xrm.FormContext): boolean {
  return isActionableRecord(primaryControl) && readNumber(primaryControl, Redemption.status) === Redemption.issued;
}
