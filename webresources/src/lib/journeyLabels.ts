import { textsFor, defineCatalog, type Language } from "./i18n";

/** Labels of stages, phases and the notification parts; shared by the forms and the panel. */
const journeyLabels = defineCatalog({
  en: {
    stage: "Stage",
    tier: "Tier",
    phase: "Phase",
    notSet: "not set",
    noTier: "no tier",
    stageProspect: "Prospect",
    stageNew: "New",
    stageRepeat: "Repeat",
    stageLoyal: "Loyal",
    stageAdvocate: "Advocate",
    stageAtRisk: "At risk",
    stageLapsed: "Lapsed",
    phaseKnowledge: "I – Knowledge",
    phaseGrowth: "II – Growth",
    phaseRetention: "III – Retention",
  },
  es: {
    stage: "Etapa",
    tier: "Nivel",
    phase: "Fase",
    notSet: "sin definir",
    noTier: "sin nivel",
    stageProspect: "Prospecto",
    stageNew: "Nuevo",
    stageRepeat: "Recurrente",
    stageLoyal: "Fiel",
    stageAdvocate: "Prescriptor",
    stageAtRisk: "En riesgo",
    stageLapsed: "Perdido",
    phaseKnowledge: "I – Conocimiento",
    phaseGrowth: "II – Crecimiento",
    phaseRetention: "III – Retención",
  },
});

export type JourneyLabelKey = keyof typeof journeyLabels.en;
export type JourneyLabels = Readonly<Record<JourneyLabelKey, string>>;

export function journeyLabelsFor(language: Language): JourneyLabels {
  return textsFor<JourneyLabels>(journeyLabels, language);
}
