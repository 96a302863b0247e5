import { JourneySubgridName } from "../lib/formData";
import { ComputedCustomerColumns } from "../lib/schema";
import { connectJourneyPanel } from "./journeyPanelConnector";
import { lockColumns } from "./readOnlyColumns";

export { onConsentChange } from "./consent";

/**
 * Main-form handlers shared by contact and account (the cx_ columns have the same names on both).
 * Form load makes no Web API call. Stage, tier and phases live in the journey tab's panel only: a permanent
 * form notification repeating them took a line of every form and said nothing the tab does not.
 */
export function onLoad(executionContext: Xrm.Events.EventContext): Promise<void> {
  const formContext = executionContext.getFormContext();
  lockColumns(formContext, ComputedCustomerColumns);
  // remove + add keeps one registration however often OnLoad runs.
  // Hand the panel the reloaded data after save/refresh, when plugins may have moved stage or tier...
  formContext.data.removeOnLoad(onDataLoad);
  formContext.data.addOnLoad(onDataLoad);
  // ...and when the journey subgrid reloads (a save or a refresh of the grid), so the panel sees journey changes.
  const subgrid = formContext.getControl<Xrm.Controls.GridControl>(JourneySubgridName);
  // @types/xrm types the grid's removeOnLoad as () => void; the platform only needs the same reference.
  subgrid?.removeOnLoad(onJourneySubgridLoad as () => void);
  subgrid?.addOnLoad(onJourneySubgridLoad);
  return refresh(formContext);
}

/** formContext.data OnLoad (save, refresh): added at runtime by onLoad, not registered in FormXml. */
export function onDataLoad(executionContext: Xrm.Events.EventContext): void {
  // data.addOnLoad ignores return values; refresh() never rejects (it catches panel failures).
  void refresh(executionContext.getFormContext());
}

/** Subgrid OnLoad of the loyalty journeys: added at runtime by onLoad, not registered in FormXml. */
export function onJourneySubgridLoad(executionContext: Xrm.Events.EventContext): void {
  void refresh(executionContext.getFormContext());
}

/** TabStateChange of the journey tab: hands the context to the panel when the tab opens. */
export async function onJourneyTabStateChange(executionContext: Xrm.Events.EventContext): Promise<void> {
  await refresh(executionContext.getFormContext());
}

async function refresh(formContext: Xrm.FormContext): Promise<void> {
  // A panel that fails to answer must not break the form; it keeps showing its waiting state.
  await connectJourneyPanel(formContext).catch(() => false);
}
