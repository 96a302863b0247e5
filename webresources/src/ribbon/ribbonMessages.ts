import { textsFor, defineCatalog, type Language } from "../lib/i18n";

/** Texts of the command-bar handlers (dialogs and progress indicators). */
const ribbonMessages = defineCatalog({
  en: {
    redeemTitle: "Redeem reward",
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
    voucherWorking: "Updating the voucher…",
    usedDoneTitle: "Voucher used",
    usedDoneText: "The voucher is marked used; it cannot be used again.",
    cancelConfirmTitle: "Cancel redemption",
    cancelConfirmText: "The voucher can no longer be used and its points go back to the customer.",
    cancelDoneTitle: "Redemption cancelled",
    cancelDoneText: "Available points: {balance}",
    voucherRefusedTitle: "Voucher not changed",
  },
  es: {
    redeemTitle: "Canjear recompensa",
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
    voucherWorking: "Actualizando el vale…",
    usedDoneTitle: "Vale usado",
    usedDoneText: "El vale quedó marcado como usado; no se puede volver a usar.",
    cancelConfirmTitle: "Cancelar canje",
    cancelConfirmText: "El vale ya no se podrá usar y sus puntos vuelven al cliente.",
    cancelDoneTitle: "Canje cancelado",
    cancelDoneText: "Puntos disponibles: {balance}",
    voucherRefusedTitle: "Vale sin cambios",
  },
});

export type RibbonMessages = Readonly<Record<keyof typeof ribbonMessages.en, string>>;

export function ribbonMessagesFor(language: Language): RibbonMessages {
  return textsFor<RibbonMessages>(ribbonMessages, language);
}
