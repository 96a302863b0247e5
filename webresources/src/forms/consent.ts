import { format, textsFor, userLanguage, defineCatalog } from "../lib/i18n";

const consentTexts = defineCatalog({
  en: {
    title: "Withdraw consent",
    text: "Withdraw the customer's consent for \"{purpose}\"? Processing for this purpose stops once you save.",
    confirm: "Withdraw",
    cancel: "Keep consent",
  },
  es: {
    title: "Retirar consentimiento",
    text: "¿Retirar el consentimiento del cliente para \"{purpose}\"? El tratamiento con esta finalidad se detiene al guardar.",
    confirm: "Retirar",
    cancel: "Mantener",
  },
});

/**
 * OnChange of a consent column (true = granted). Withdrawing consent that is saved as granted
 * asks for confirmation; cancelling puts the granted value back. Granting needs no confirmation.
 * Stateless: the saved value comes from getInitialValue(), so it works however often it fires.
 */
export async function onConsentChange(executionContext: Xrm.Events.EventContext): Promise<void> {
  const attribute = executionContext.getEventSource() as Xrm.Attributes.BooleanAttribute;
  if (attribute.getValue() !== false || attribute.getInitialValue() !== true) return;

  const texts = textsFor(consentTexts, userLanguage());
  const purpose = attribute.controls.get(0)?.getLabel() ?? attribute.getName();
  const result = await Xrm.Navigation.openConfirmDialog({
    title: texts.title,
    text: format(texts.text, { purpose }),
    confirmButtonLabel: texts.confirm,
    cancelButtonLabel: texts.cancel,
  });
  if (!result.confirmed) {
    attribute.setValue(true);
  }
}
