import { DisplayStateExpanded } from "../lib/xrmConstants";

/** Names in FormXml: the tab that holds the panel and the web resource control inside it. */
export const JourneyTabName = "tab_journey";
export const JourneyControlName = "WebResource_journey";

/** What the panel page exposes on its window (see src/html/journey/journey.ts). */
interface JourneyPanelWindow {
  setClientApiContext(xrm: Xrm.XrmStatic, formContext: Xrm.FormContext): void;
}

function hasPanelApi(win: Window): win is Window & JourneyPanelWindow {
  return typeof (win as Partial<JourneyPanelWindow>).setClientApiContext === "function";
}

function isJourneyTabShown(formContext: Xrm.FormContext): boolean {
  const tab = formContext.ui.tabs.get(JourneyTabName);
  return tab !== null && tab.getVisible() && tab.getDisplayState() === DisplayStateExpanded;
}

/**
 * The documented handshake: getContentWindow() then setClientApiContext(Xrm, formContext).
 * Only when the panel's tab is shown, so the panel's single Web API query stays lazy.
 * Safe to call repeatedly (onLoad, every TabStateChange, data reload): the panel is idempotent.
 */
export async function connectJourneyPanel(formContext: Xrm.FormContext): Promise<boolean> {
  if (!isJourneyTabShown(formContext)) return false;
  const control = formContext.getControl<Xrm.Controls.FramedControl>(JourneyControlName);
  if (control === null) return false;
  const win = await control.getContentWindow();
  if (!hasPanelApi(win)) return false;
  win.setClientApiContext(Xrm, formContext);
  return true;
}
