import { isActionableRecord } from "./guards";
import { withProgress } from "./progress";
import { redeemRewardRequest, voucherRequest, type CancelRedemptionResponse, type RedeemRewardResponse } from "../lib/customApis";
import { CancelRedemptionApi, MarkVoucherUsedApi, RedeemRewardApi } from "../lib/customApiContracts.generated";
import { errorMessage } from "../lib/errors";
import { readNumber, recordId } from "../lib/formData";
import { format, userLanguage } from "../lib/i18n";
import { ribbonMessagesFor } from "./ribbonMessages";
import { CustomerColumn, Redemption, Reward } from "../lib/schema";

/**
 * Contact/account command bar -> CrmExtensions.CustomerRibbon (cx_/scripts/customer_commands.js).
 * RibbonDiffXml passes <CrmParameter Value="PrimaryControl"/>, i.e. the form context.
 */

/** Asks for the reward; null when the user closes the lookup without choosing. */
async function pickReward(): Promise<string | null> {
  const chosen = await Xrm.Utility.lookupObjects({
    entityTypes: [Reward.table],
    defaultEntityType: Reward.table,
    allowMultiSelect: false,
  });
  return chosen[0]?.id.replace(/[{}]/g, "") ?? null;
}

/** Command "Redeem reward": cx_RedeemReward(Customer, Reward) and shows the voucher code or the refusal. */
export async function redeemReward(primaryControl: Xrm.FormContext): Promise<void> {
  const messages = ribbonMessagesFor(userLanguage());
  const customerId = recordId(primaryControl);
  if (customerId === null) return;
  const rewardId = await pickReward();
  if (rewardId === null) return;

  const customer = { entityType: primaryControl.data.entity.getEntityName(), id: customerId };
  let voucherCode: string;
  try {
    voucherCode = await withProgress(messages.redeemWorking, async () => {
      const response = await Xrm.WebApi.online.execute(redeemRewardRequest(customer, rewardId));
      const body = (await response.json()) as RedeemRewardResponse;
      return body[RedeemRewardApi.response.VoucherCode] ?? "";
    });
  } catch (error) {
    // The plugin's refusal (not enough points, reward inactive, ...) is already localized plain text.
    await Xrm.Navigation.openAlertDialog({
      title: messages.redeemRefusedTitle,
      text: errorMessage(error, messages.unknownError),
    });
    return;
  }
  await Xrm.Navigation.openAlertDialog({
    title: messages.redeemDoneTitle,
    text: format(messages.redeemDoneText, { code: voucherCode }),
  });
  // The balance changed on the server; show it without a full reload.
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
