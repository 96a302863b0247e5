import { readCustomerSnapshot, recordId } from "../../lib/formData";
import { errorMessage } from "../../lib/errors";
import { format, languageFromLcid, type Language } from "../../lib/i18n";
import { panelMessagesFor } from "./panelMessages";
import { queryPhases, type PhaseRow } from "./phaseQuery";
import { renderLabels, renderPhases, renderSnapshot, renderStatus } from "./render";

/**
 * Customer journey panel (cx_/html/journey.html) -> CrmExtensions.JourneyPanel.
 * The host form calls window.setClientApiContext(Xrm, formContext) after getContentWindow().
 */

/** The phases of one record, fetched at most once however often the form hands over its context. */
let phases: { readonly recordId: string; readonly rows: Promise<PhaseRow[]> } | null = null;

function phasesOf(xrm: Xrm.XrmStatic, id: string): Promise<PhaseRow[]> {
  if (phases?.recordId !== id) {
    phases = { recordId: id, rows: queryPhases(xrm.WebApi, id) };
  }
  return phases.rows;
}

async function showPhases(xrm: Xrm.XrmStatic, id: string, language: Language): Promise<void> {
  const texts = panelMessagesFor(language);
  renderStatus(texts.loading);
  try {
    renderPhases(await phasesOf(xrm, id), language);
    renderStatus(texts.ready);
  } catch (error) {
    // Forget the failed attempt, so the next handshake (tab shown again) can retry.
    phases = null;
    renderStatus(format(texts.loadFailed, { message: errorMessage(error, "") }));
  }
}

/**
 * Idempotent entry point of the documented handshake. Renders the form's data at once and
 * starts the single Web API query lazily, the first time the panel is actually shown.
 */
export function setClientApiContext(xrm: Xrm.XrmStatic, formContext: Xrm.FormContext): Promise<void> {
  const language = languageFromLcid(xrm.Utility.getGlobalContext().userSettings.languageId);
  renderLabels(language);
  renderSnapshot(readCustomerSnapshot(formContext), language);
  const id = recordId(formContext);
  if (id === null) {
    renderStatus(panelMessagesFor(language).unsaved);
    return Promise.resolve();
  }
  return showPhases(xrm, id, language);
}

// The form looks the function up on the content window, as the platform documents.
(window as Window & { setClientApiContext?: typeof setClientApiContext }).setClientApiContext = setClientApiContext;
