import { format, userLanguage } from "../lib/i18n";
import { messagesFor } from "../lib/messages";

/**
 * OnChange of a consent column (true = granted). Withdrawing consent that is saved as granted
 * asks for confirmation; cancelling puts the granted value back. Granting needs no confirmation.
 * Stateless: the saved value comes from getInitialValue(), so it works however often it fires.
 */
export async function onConsentChange(executionContext: Xrm.Events.EventContext): Promise<void> {
  const attribute = executionContext.getEventSource() as Xrm.Attributes.BooleanAttribute;
  if (attribute.getValue() !== false || attribute.getInitialValue() !== true) return;

  const messages = messagesFor(userLanguage());
  const purpose = attribute.controls.get(0)?.getLabel() ?? attribute.getName();
  const result = await Xrm.Navigation.openConfirmDialog({
    title: messages.consentWithdrawTitle,
    text: format(messages.consentWithdrawText, { purpose }),
    confirmButtonLabel: messages.consentWithdrawConfirm,
    cancelButtonLabel: messages.consentWithdrawCancel,
  });
  if (!result.confirmed) {
    attribute.setValue(true);
  }
}
