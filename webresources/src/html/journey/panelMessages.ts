import type { Language } from "../../lib/i18n";

/** Texts of the journey panel; keys match the data-text attributes of journey.html. */
const en = {
  title: "Customer journey",
  waiting: "Waiting for the form…",
  loading: "Loading phases and tier progress…",
  ready: "Journey up to date.",
  unsaved: "Save the record to see the phases per product family.",
  loadFailed: "Phases and tier progress could not be loaded: {message}",
  stageHeading: "Lifecycle stage",
  offTrack: "Currently: {stage}",
  tierHeading: "Loyalty tier",
  tier: "Tier",
  noTier: "No tier yet",
  pointsBalance: "Available points",
  qualifyingPoints: "Qualifying points",
  tierProgressLabel: "Progress to the next tier",
  pointsToNextTier: "{points} qualifying points to {tier}",
  topTier: "Top tier reached",
  phasesHeading: "Loyalty phase per product family",
  productLine: "Product family",
  phase: "Phase",
  noPhases: "No product family has started a loyalty cycle yet.",
  unknownProductLine: "(unnamed product family)",
  notAvailable: "–",
};

export type PanelTextKey = keyof typeof en;
export type PanelMessages = Readonly<Record<PanelTextKey, string>>;

const es: PanelMessages = {
  title: "Recorrido del cliente",
  waiting: "Esperando al formulario…",
  loading: "Cargando las fases y el progreso de nivel…",
  ready: "Recorrido actualizado.",
  unsaved: "Guarde el registro para ver las fases por familia de productos.",
  loadFailed: "No se pudieron cargar las fases ni el progreso de nivel: {message}",
  stageHeading: "Etapa del ciclo de vida",
  offTrack: "Actualmente: {stage}",
  tierHeading: "Nivel de fidelización",
  tier: "Nivel",
  noTier: "Sin nivel todavía",
  pointsBalance: "Puntos disponibles",
  qualifyingPoints: "Puntos de calificación",
  tierProgressLabel: "Progreso hacia el siguiente nivel",
  pointsToNextTier: "Faltan {points} puntos de calificación para {tier}",
  topTier: "Nivel máximo alcanzado",
  phasesHeading: "Fase de fidelización por familia de productos",
  productLine: "Familia de productos",
  phase: "Fase",
  noPhases: "Ninguna familia de productos ha iniciado todavía un ciclo de fidelización.",
  unknownProductLine: "(familia de productos sin nombre)",
  notAvailable: "–",
};

export function panelMessagesFor(language: Language): PanelMessages {
  return language === "es" ? es : en;
}

export function isPanelTextKey(key: string): key is PanelTextKey {
  return Object.prototype.hasOwnProperty.call(en, key);
}
