import { pairsFor, type Language, type TextPair } from "../../lib/i18n";

/**
 * Texts the panel builds at runtime, in English and Spanish. Fixed labels live in journey.html with their Spanish
 * twin in data-es, so the script carries only what it composes.
 */
const panelMessages = {
  waiting: ["Waiting for the form…", "Esperando al formulario…"],
  loading: ["Loading the journey…", "Cargando el recorrido…"],
  refreshing: ["The record changed. Refreshing the journey…", "El registro ha cambiado. Actualizando el recorrido…"],
  updatedAt: ["Updated at {time}.", "Actualizado a las {time}."],
  unsaved: ["Save the record to see the loyalty journey.", "Guarde el registro para ver el recorrido de fidelización."],
  loadFailed: [
    "The journey could not be loaded. Check your connection and try again.",
    "No se pudo cargar el recorrido. Compruebe la conexión y vuelva a intentarlo.",
  ],
  noTier: ["No tier yet", "Sin nivel todavía"],
  validUntil: ["Valid until {date}", "Válido hasta el {date}"],
  expiryValue: ["{points} on {date}", "{points} el {date}"],
  toNextTier: ["{amount} to {tier}", "{amount} para {tier}"],
  toFirstTier: ["{amount} to your first tier, {tier}", "{amount} para su primer nivel, {tier}"],
  qualifiesFor: ["Qualifies for {tier}", "Cumple los requisitos de {tier}"],
  topTier: ["Top tier reached", "Nivel máximo alcanzado"],
  noTiers: ["No active loyalty program has tiers yet.", "Ningún programa de fidelización activo tiene niveles todavía."],
  pathValue: ["{value} of {threshold}", "{value} de {threshold}"],
  points: ["{n} points", "{n} puntos"],
  point: ["1 point", "1 punto"],
  spend: ["{n} of spend", "{n} de gasto"],
  purchases: ["{n} purchases", "{n} compras"],
  purchase: ["1 purchase", "1 compra"],
  offTrack: ["Currently: {stage}", "Actualmente: {stage}"],
  offTrackWas: ["Currently: {stage}, after {previous}", "Actualmente: {stage}, después de {previous}"],
  noPhases: [
    "No product family has started a loyalty cycle yet.",
    "Ninguna familia de productos ha iniciado todavía un ciclo de fidelización.",
  ],
  unknownProductLine: ["(unnamed product family)", "(familia de productos sin nombre)"],
  relatedOpen: ["{n} of these:", "{n} de estas:"],
  notAvailable: ["–", "–"],
} as const satisfies Readonly<Record<string, TextPair>>;

export type PanelMessages = Readonly<Record<keyof typeof panelMessages, string>>;

export function panelMessagesFor(language: Language): PanelMessages {
  return pairsFor(panelMessages, language);
}
