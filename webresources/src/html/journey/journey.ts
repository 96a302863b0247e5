import { readCustomerSnapshot, recordId } from "../../lib/formData";
import { errorMessage } from "../../lib/errors";
import { format, languageFromLcid, localeOf, type Language } from "../../lib/i18n";
import { isOffTrack, type CustomerSnapshot } from "../../lib/journey";
import { panelMessagesFor } from "./panelMessages";
import { queryJourney, type JourneyData } from "./journeyQuery";
import { renderError, renderJourney, renderLabels, renderSnapshot, renderState } from "./render";

/**
 * Customer journey panel (cx_/html/journey.html) -> CrmExtensions.JourneyPanel.
 * The host form calls window.setClientApiContext(Xrm, formContext) after getContentWindow().
 */

interface Cached {
  readonly key: string;
  /** The form's values the query was made for: when they change (a save, a refresh), the query is out of date. */
  readonly formState: string;
  readonly data: Promise<JourneyData>;
  /** When the answer arrived: what "Updated at" says, however often the panel re-renders from it. */
  loadedAt?: Date;
}

/** The journey of one record, fetched once per record and form state however often the form hands over its context. */
let cached: Cached | null = null;
/** The record whose saves the panel listens to (PostSave), so a form is not subscribed twice. */
let listening: string | null = null;

function formStateOf(snapshot: CustomerSnapshot): string {
  return JSON.stringify(snapshot);
}

/** The platform's own code (e.g. 0x80040217) belongs in the details, not in the sentence the user reads first. */
function errorCode(error: unknown): string | null {
  if (typeof error !== "object" || error === null || !("errorCode" in error)) return null;
  const code = error.errorCode;
  return typeof code === "number" ? `0x${(code >>> 0).toString(16)}` : null;
}

/** The dark theme when the host asks for it in the page address (UCI passes flags=themeOption=darkmode), besides the OS setting. */
function applyHostTheme(): void {
  const dark = /themeOption(=|%3D)dark/i.test(window.location.search);
  document.documentElement.classList.toggle("theme-dark", dark);
}

async function showJourney(xrm: Xrm.XrmStatic, formContext: Xrm.FormContext, id: string, language: Language): Promise<void> {
  const texts = panelMessagesFor(language);
  const table = formContext.data.entity.getEntityName();
  const snapshot = readCustomerSnapshot(formContext);
  const key = `${table}:${id.toLowerCase()}`;
  const formState = formStateOf(snapshot);
  if (cached?.key !== key || cached.formState !== formState) {
    // Same record, other values: keep showing the last journey, marked as being refreshed, instead of blanking it.
    renderState(cached?.key === key ? "stale" : "loading", cached?.key === key ? texts.refreshing : texts.loading);
    cached = { key, formState, data: queryJourney(xrm.WebApi, table, id, isOffTrack(snapshot.stage)) };
  }
  const pending = cached;
  try {
    const journey = await pending.data;
    // A newer handshake replaced the query meanwhile: that one renders.
    if (cached !== pending) return;
    renderJourney({ ...snapshot, paidInvoiceCount: snapshot.paidInvoiceCount ?? journey.paidInvoiceCount }, journey, language);
    const time = new Intl.DateTimeFormat(localeOf(language), { timeStyle: "short" }).format((pending.loadedAt ??= new Date()));
    renderState("ready", format(texts.updatedAt, { time }));
  } catch (error) {
    if (cached !== pending) return;
    // Forget the failed attempt, so Retry and the next handshake query again.
    cached = null;
    const message = errorMessage(error, "").trim();
    renderError(language, message === "" ? null : message, errorCode(error), () => {
      void setClientApiContext(xrm, formContext);
    });
  }
}

/** After a save the plugins may have moved tier, points or phases: the next render must query again. */
function listenToSaves(xrm: Xrm.XrmStatic, formContext: Xrm.FormContext, id: string): void {
  if (listening === id) return;
  listening = id;
  const entity = formContext.data.entity as Partial<Pick<Xrm.Entity, "addOnPostSave">>;
  entity.addOnPostSave?.(() => {
    cached = cached === null ? null : { ...cached, formState: "saved" };
    void setClientApiContext(xrm, formContext);
  });
}

/**
 * Idempotent entry point of the documented handshake. Renders the form's data at once and
 * starts the single Web API query lazily, the first time the panel is actually shown.
 */
export function setClientApiContext(xrm: Xrm.XrmStatic, formContext: Xrm.FormContext): Promise<void> {
  const language = languageFromLcid(xrm.Utility.getGlobalContext().userSettings.languageId);
  applyHostTheme();
  renderLabels(language);
  renderSnapshot(readCustomerSnapshot(formContext), language);
  const id = recordId(formContext);
  if (id === null) {
    renderState("unsaved", panelMessagesFor(language).unsaved);
    return Promise.resolve();
  }
  listenToSaves(xrm, formContext, id);
  return showJourney(xrm, formContext, id, language);
}

// Before the handshake the user's language is unknown; the browser's is the best guess, so "waiting" is not English-only.
// (The bundle contract test runs the script without a DOM, hence the guard.)
if (typeof document === "object") {
  const guess = /^es\b/i.test(navigator.language) ? "es" : "en";
  renderLabels(guess);
  renderState("waiting", panelMessagesFor(guess).waiting);
}

// The form looks the function up on the content window, as the platform documents.
(window as Window & { setClientApiContext?: typeof setClientApiContext }).setClientApiContext = setClientApiContext;
