import { textsFor, defineCatalog, type Language } from "../lib/i18n";

/** Texts of the command-bar handlers (dialogs and progress indicators). */
const ribbonMessages = defineCatalog({
  en: {
    redeemWorking: "Redeeming the reward…",
    redeemDoneTitle: "Reward redeemed",
    redeemDoneText: "Voucher code: {code}",
    redeemRefusedTitle: "Reward not redeemed",
    analysisWorking: "Starting the portfolio analysis…",
    analysisName: "Portfolio analysis {date}",
    analysisFailedTitle: "Analysis not started",
    advanceWorking: "Advancing to the next step…",
    advanceRefusedTitle: "Step not advanced",
    advanceDone: "The strategy moved to the next step.",
    resumeWorking: "Resuming the portfolio analysis…",
    resumeRefusedTitle: "Analysis not resumed",
    resumeDone: "The portfolio analysis is queued and continues where it stopped.",
    unknownError: "The operation failed. Try again, or ask your administrator.",
  },
  es: {
    redeemWorking: "Canjeando la recompensa…",
    redeemDoneTitle: "Recompensa canjeada",
    redeemDoneText: "Código del vale: {code}",
    redeemRefusedTitle: "Recompensa no canjeada",
    analysisWorking: "Iniciando el análisis de cartera…",
    analysisName: "Análisis de cartera {date}",
    analysisFailedTitle: "Análisis no iniciado",
    advanceWorking: "Avanzando al siguiente paso…",
    advanceRefusedTitle: "Paso no avanzado",
    advanceDone: "La estrategia pasó al siguiente paso.",
    resumeWorking: "Reanudando el análisis de cartera…",
    resumeRefusedTitle: "Análisis no reanudado",
    resumeDone: "El análisis de cartera está en cola y continúa donde se quedó.",
    unknownError: "La operación falló. Inténtelo de nuevo o consulte al administrador.",
  },
});

export type RibbonMessages = Readonly<Record<keyof typeof ribbonMessages.en, string>>;

export function ribbonMessagesFor(language: Language): RibbonMessages {
  return textsFor<RibbonMessages>(ribbonMessages, language);
}
