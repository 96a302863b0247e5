import type { Language } from "../../lib/i18n";

/** Texts of the journey panel; keys match the data-text attributes of journey.html. */
const en = {
  title: "Customer journey",
  waiting: "Waiting for the form…",
  loading: "Loading phases and tier progress…",
  ready: "Journey up to date.",
  unsaved: "Save the record to see the phases per product line.",
  loadFailed: "Phases and tier progress could not be loaded: {message}",
  stageHeading: "Lifecycle stage",
  offTrack: "Currently: {stage}",
  tierHeading: "Loyalty tier",
  tier: "Tier",
  noTier: "No tier yet",
  pointsBalance: "Points balance",
  qualifyingPoints: "Qualifying points",
  tierProgressLabel: "Progress to the next tier",
  pointsToNextTier: "{points} qualifying points to {tier}",
  topTier: "Top tier reached",
  phasesHeading: "Loyalty phase per product line",
  productLine: "Product line",
  phase: "Phase",
  noPhases: "No product line has started a loyalty cycle yet.",
  unknownProductLine: "(unnamed product line)",
  notAvailable: "–",
};

export type PanelTextKey = keyof typeof en;
export type PanelMessages = Readonly<Record<PanelTextKey, string>>;

const es: PanelMessages = {
  title: "Recorrido del cliente",
  waiting: "Esperando al formulario…",
  loading: "Cargando las fases y el progreso de nivel…",
  ready: "Recorrido actualizado.",
  unsaved: "Guarde el registro para ver las fases por línea de producto.",
  loadFailed: "No se pudieron cargar las fases ni el progreso de nivel: {message}",
  stageHeading: "Etapa del ciclo de vida",
  offTrack: "Actualmente: {stage}",
  tierHeading: "Nivel de fidelización",
  tier: "Nivel",
  noTier: "Sin nivel todavía",
  pointsBalance: "Saldo de puntos",
  qualifyingPoints: "Puntos calificables",
  tierProgressLabel: "Progreso hacia el siguiente nivel",
  pointsToNextTier: "Faltan {points} puntos calificables para {tier}",
  topTier: "Nivel máximo alcanzado",
  phasesHeading: "Fase de fidelización por línea de producto",
  productLine: "Línea de producto",
  phase: "Fase",
  noPhases: "Ninguna línea de producto ha iniciado todavía un ciclo de fidelización.",
  unknownProductLine: "(línea de producto sin nombre)",
  notAvailable: "–",
};

export function panelMessagesFor(language: Language): PanelMessages {
  return language === "es" ? es : en;
}

export function isPanelTextKey(key: string): key is PanelTextKey {
  return Object.prototype.hasOwnProperty.call(en, key);
}
