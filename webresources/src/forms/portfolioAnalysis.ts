import { format, localeOf, textsFor, userLanguage, defineCatalog } from "../lib/i18n";
import { readNumber, readValue } from "../lib/formData";
import { AnalysisStatus, PortfolioAnalysis } from "../lib/schema";
import { FormNotificationLevel } from "../lib/xrmConstants";

/** cx_portfolioanalysis main form -> CrmExtensions.PortfolioAnalysis (cx_/scripts/portfolioanalysis_form.js). */

export const ProgressNotificationId = "cx_analysis_progress";

const progressTexts = defineCatalog({
  en: {
    queued: "Portfolio analysis queued.",
    running: "Portfolio analysis running: {percent}% ({processed} of {total} customers).",
    completed: "Portfolio analysis completed: {total} customers analysed.",
    failed: "Portfolio analysis stopped.",
    cancelled: "Portfolio analysis cancelled.",
    paused: "Portfolio analysis paused at {percent}%.",
  },
  es: {
    queued: "Análisis de cartera en cola.",
    running: "Análisis de cartera en curso: {percent} % ({processed} de {total} clientes).",
    completed: "Análisis de cartera completado: {total} clientes analizados.",
    failed: "El análisis de cartera se detuvo.",
    cancelled: "Análisis de cartera cancelado.",
    paused: "Análisis de cartera en pausa al {percent} %.",
  },
});

interface ProgressNotice {
  readonly text: string;
  readonly level: Xrm.FormNotificationLevel;
}

/** The analysis runs paged in the background; its progress columns say how far it got. */
export function progressNotice(formContext: Xrm.FormContext): ProgressNotice | null {
  const language = userLanguage();
  const messages = textsFor(progressTexts, language);
  const number = new Intl.NumberFormat(localeOf(language));
  const processed = readNumber(formContext, PortfolioAnalysis.processedCount) ?? 0;
  const total = readNumber(formContext, PortfolioAnalysis.customerCount) ?? 0;
  const stored = readNumber(formContext, PortfolioAnalysis.progressPercent);
  const running = (): ProgressNotice => {
    // The job writes cx_progresspercent per page; derive it from the counts when it has not yet.
    const derived = total > 0 ? Math.floor((processed / total) * 100) : 0;
    const percent = Math.min(100, Math.max(0, stored ?? derived));
    const values = { percent, processed: number.format(processed), total: number.format(total) };
    return { text: format(messages.running, values), level: FormNotificationLevel.Info };
  };
  switch (readNumber(formContext, PortfolioAnalysis.status)) {
    case AnalysisStatus.Queued:
      // Between two units of work the analysis waits in the queue with its progress saved: show how far it got.
      return processed === 0 && (stored ?? 0) === 0 ? { text: messages.queued, level: FormNotificationLevel.Info } : running();
    case AnalysisStatus.Running:
      return running();
    case AnalysisStatus.Completed:
      return { text: format(messages.completed, { total: number.format(total) }), level: FormNotificationLevel.Info };
    case AnalysisStatus.Failed: {
      // The job's own text (en/es, no exception text) says how to continue: the Resume command.
      const reason = readValue(formContext, PortfolioAnalysis.errorMessage);
      const text = typeof reason === "string" && reason !== "" ? `${messages.failed} ${reason}` : messages.failed;
      return { text, level: FormNotificationLevel.Error };
    }
    case AnalysisStatus.Paused: {
      // The job paused before the platform's chain limit; its message says Resume continues.
      const reason = readValue(formContext, PortfolioAnalysis.errorMessage);
      const paused = format(messages.paused, { percent: Math.min(100, Math.max(0, stored ?? 0)) });
      return { text: typeof reason === "string" && reason !== "" ? `${paused} ${reason}` : paused, level: FormNotificationLevel.Warning };
    }
    case AnalysisStatus.Cancelled:
      return { text: messages.cancelled, level: FormNotificationLevel.Warning };
    default:
      return null;
  }
}

export function onLoad(executionContext: Xrm.Events.EventContext): void {
  const formContext = executionContext.getFormContext();
  // The Refresh command reloads data without a form OnLoad; show the new progress then too.
  formContext.data.removeOnLoad(onDataLoad);
  formContext.data.addOnLoad(onDataLoad);
  showProgress(formContext);
}

/** formContext.data OnLoad: added at runtime by onLoad, not registered in FormXml. */
export function onDataLoad(executionContext: Xrm.Events.EventContext): void {
  showProgress(executionContext.getFormContext());
}

function showProgress(formContext: Xrm.FormContext): void {
  formContext.ui.clearFormNotification(ProgressNotificationId);
  const notice = progressNotice(formContext);
  if (notice !== null) {
    formContext.ui.setFormNotification(notice.text, notice.level, ProgressNotificationId);
  }
}
