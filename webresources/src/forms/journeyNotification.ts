import { readCustomerSnapshot, readSubgridPhases } from "../lib/formData";
import { userLanguage } from "../lib/i18n";
import { journeySummary } from "../lib/journey";
import { journeyLabelsFor } from "../lib/journeyLabels";
import { FormNotificationLevel } from "../lib/xrmConstants";

export const JourneyNotificationId = "cx_journey_summary";

/** Stage, tier and phase per product line as a form notification, from form data only. */
export function showJourneyNotification(formContext: Xrm.FormContext): void {
  const text = journeySummary(readCustomerSnapshot(formContext), readSubgridPhases(formContext), journeyLabelsFor(userLanguage()));
  // Clear first: re-showing after a save or a subgrid load must replace the text, not stack a second bar.
  formContext.ui.clearFormNotification(JourneyNotificationId);
  formContext.ui.setFormNotification(text, FormNotificationLevel.Info, JourneyNotificationId);
}
