import { readCustomerSnapshot, recordId } from "../../lib/formData";
import { errorMessage } from "../../lib/errors";
import { format, languageFromLcid, type Language } from "../../lib/i18n";
import type { CustomerSnapshot } from "../../lib/journey";
import { panelMessagesFor } from "./panelMessages";
import { queryJourney, type JourneyData } from "./journeyQuery";
import { renderJourney, renderLabels, renderSnapshot, renderStatus } from "./render";

/**
 * Customer journey panel (cx_/html/journey.html) -> CrmExtensions.JourneyPanel.
 * The host form calls window.setClientApiContext(Xrm, formContext) after getContentWindow().
 */

/** The journey of one record, fetched at most once however often the form hands over its context. */
let cached: { readonly key: string; readonly data: Promise<JourneyData> } | null = null;

function journeyOf(xrm: Xrm.XrmStatic, table: string, id: string): Promise<JourneyData> {
  const key = `${table}:${id.toLowerCase()}`;
  if (cached?.key !== key) {
    cached = { key, data: queryJourney(xrm.WebApi, table, id) };
  }
  return cached.data;
}

async function showJourney(xrm: Xrm.XrmStatic, table: string, id: string, snapshot: CustomerSnapshot, language: Language): Promise<void> {
  const texts = panelMessagesFor(language);
  renderStatus(texts.loading);
  try {
    renderJourney(snapshot, await journeyOf(xrm, table, id), language);
    renderStatus(texts.ready);
  } catch (error) {
    // Forget the failed attempt, so the next handshake (tab shown again) can retry.
    cached = null;
    renderStatus(format(texts.loadFailed, { message: errorMessage(error, "") }));
  }
}

/**
 * Idempotent entry point of the documented handshake. Renders the form's data at once and
 * starts the single Web API query lazily, the first time the panel is actually shown.
 */
export function setClientApiContext(xrm: Xrm.XrmStatic, formContext: Xrm.FormContext): Promise<void> {
  const language = languageFromLcid(xrm.Utility.getGlobalContext().userSettings.languageId);
  const snapshot = readCustomerSnapshot(formContext);
  renderLabels(language);
  renderSnapshot(snapshot, language);
  const id = recordId(formContext);
  if (id === null) {
    renderStatus(panelMessagesFor(language).unsaved);
    return Promise.resolve();
  }
  return showJourney(xrm, formContext.data.entity.getEntityName(), id, snapshot, language);
}

// The form looks the function up on the content window, as the platform documents.
(window as Window & { setClientApiContext?: typeof setClientApiContext }).setClientApiContext = setClientApiContext;
