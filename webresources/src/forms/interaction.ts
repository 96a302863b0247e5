import { FormType } from "../lib/xrmConstants";
import { Interaction, InteractionChannel, InteractionKind } from "../lib/schema";

/** cx_interaction quick-create form -> CrmExtensions.Interaction (cx_/scripts/interaction_quickcreate.js). */

/**
 * What a user logging a customer contact by hand most often records: a phone call, which is
 * behavioural data (something that happened). Any value mapped from the parent wins.
 */
export const InteractionDefaults = {
  channel: InteractionChannel.Phone,
  kind: InteractionKind.Behavioural,
} as const;

function setIfEmpty(formContext: Xrm.FormContext, column: string, value: Xrm.Attributes.AttributeValues): void {
  const attribute = formContext.getAttribute(column);
  if (attribute !== null && attribute.getValue() === null) {
    attribute.setValue(value);
  }
}

/**
 * Fills "occurred on", channel and kind on a new interaction. Values mapped in from the parent
 * record or passed by the opener are kept. "Now" is the moment the form opened in the user's
 * browser; the date column stores it in UTC and shows it in the user's time zone.
 */
export function onLoad(executionContext: Xrm.Events.EventContext): void {
  const formContext = executionContext.getFormContext();
  if (formContext.ui.getFormType() !== FormType.Create) return;
  setIfEmpty(formContext, Interaction.occurredOn, new Date());
  setIfEmpty(formContext, Interaction.channel, InteractionDefaults.channel);
  setIfEmpty(formContext, Interaction.kind, InteractionDefaults.kind);
}
