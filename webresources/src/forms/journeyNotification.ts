import { readCustomerSnapshot } from "../lib/formData";
import { userLanguage } from "../lib/i18n";
import { journeySummary } from "../lib/journey";
import { messagesFor } from "../lib/messages";
import { FormNotificationLevel } from "../lib/xrmConstants";

export const JourneyNotificationId = "cx_journey_summary";

/** Stage, tier and phase as a form notification, from form data only (no Web API call). */
export function showJourneyNotification(formContext: Xrm.FormContext): void {
  const text = journeySummary(readCustomerSnapshot(formContext), messagesFor(userLanguage()));
  // Clear first: re-showing after a save must replace the old text, not stack a second bar.
  formContext.ui.clearFormNotification(JourneyNotificationId);
  formContext.ui.setFormNotification(text, FormNotificationLevel.Info, JourneyNotificationId);
}
