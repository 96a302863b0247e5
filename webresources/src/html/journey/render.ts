import { format, localeOf, type Language } from "../../lib/i18n";
import {
  StageTrack, isOffTrack, phaseLabel, phaseNumber, stageLabel, stagePosition, tierProgress,
  type CustomerSnapshot, type ProductLinePhase, type TierProgress,
} from "../../lib/journey";
import { journeyLabelsFor } from "../../lib/journeyLabels";
import { isPanelTextKey, panelMessagesFor, type PanelMessages } from "./panelMessages";
import type { JourneyData } from "./journeyQuery";

/**
 * DOM rendering of the panel. Every record value goes through textContent, never markup,
 * so a customer named "<img src=x onerror=...>" is just text.
 */

function byId(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (element === null) throw new Error(`journey.html lacks #${id}`);
  return element;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag);
  if (className !== "") created.className = className;
  if (text !== undefined) created.textContent = text;
  return created;
}

/** Translates the fixed labels (data-text="key") and sets the page language. */
export function renderLabels(language: Language): void {
  document.documentElement.lang = language;
  const texts = panelMessagesFor(language);
  document.querySelectorAll<HTMLElement>("[data-text]").forEach((labelled) => {
    const key = labelled.dataset["text"] ?? "";
    if (isPanelTextKey(key)) labelled.textContent = texts[key];
  });
}

export function renderStatus(text: string): void {
  byId("cx-status").textContent = text;
}

function renderStageTrack(snapshot: CustomerSnapshot, language: Language, texts: PanelMessages): void {
  const messages = journeyLabelsFor(language);
  const position = stagePosition(snapshot.stage);
  const track = byId("cx-stage-track");
  track.replaceChildren(
    ...StageTrack.map((stage, index) => {
      const item = element("li", "stage", stageLabel(stage, messages) ?? "");
      if (index < position) item.classList.add("stage--done");
      if (index === position) {
        item.classList.add("stage--current");
        item.setAttribute("aria-current", "step");
      }
      return item;
    }),
  );
  const flag = byId("cx-stage-flag");
  flag.hidden = !isOffTrack(snapshot.stage);
  flag.textContent = flag.hidden ? "" : format(texts.offTrack, { stage: stageLabel(snapshot.stage, messages) ?? "" });
}

function renderTierFacts(snapshot: CustomerSnapshot, language: Language, texts: PanelMessages): void {
  const number = new Intl.NumberFormat(localeOf(language));
  const points = (value: number | null): string => (value === null ? texts.notAvailable : number.format(value));
  byId("cx-tier-name").textContent = snapshot.tierName ?? texts.noTier;
  byId("cx-points-balance").textContent = points(snapshot.pointsBalance);
  byId("cx-qualifying-points").textContent = points(snapshot.qualifyingPoints);
}

function renderTierProgress(progress: TierProgress, language: Language, texts: PanelMessages): void {
  const number = new Intl.NumberFormat(localeOf(language));
  const bar = byId("cx-tier-progress") as HTMLProgressElement;
  const text = byId("cx-tier-progress-text");
  switch (progress.kind) {
    case "progress":
      bar.max = Math.max(1, progress.max);
      bar.value = progress.max === 0 ? 1 : progress.value;
      text.textContent = format(texts.pointsToNextTier, { points: number.format(progress.remaining), tier: progress.nextTier });
      break;
    case "top":
      bar.max = 1;
      bar.value = 1;
      text.textContent = texts.topTier;
      break;
    case "unknown":
      bar.max = 1;
      bar.value = 0;
      text.textContent = texts.notAvailable;
      break;
  }
}

/** Everything that comes from the form itself; cheap, so it re-runs on every handshake. */
export function renderSnapshot(snapshot: CustomerSnapshot, language: Language): void {
  const texts = panelMessagesFor(language);
  byId("cx-customer-name").textContent = snapshot.name ?? "";
  renderStageTrack(snapshot, language, texts);
  renderTierFacts(snapshot, language, texts);
}

function phaseSteps(reached: number): HTMLElement {
  const steps = element("span", "phase-steps");
  steps.setAttribute("aria-hidden", "true");
  for (let step = 1; step <= 3; step += 1) {
    steps.append(element("span", step <= reached ? "phase-steps__step phase-steps__step--reached" : "phase-steps__step"));
  }
  return steps;
}

function renderPhases(rows: readonly ProductLinePhase[], language: Language, texts: PanelMessages): void {
  const messages = journeyLabelsFor(language);
  const body = byId("cx-phase-rows");
  if (rows.length === 0) {
    const row = element("tr", "");
    const cell = element("td", "phases__empty", texts.noPhases);
    cell.colSpan = 2;
    row.append(cell);
    body.replaceChildren(row);
    return;
  }
  body.replaceChildren(
    ...rows.map((phaseRow) => {
      const row = element("tr", "");
      const name = element("th", "", phaseRow.productLine ?? texts.unknownProductLine);
      name.scope = "row";
      const phase = element("td", "", phaseLabel(phaseRow.phase, messages) ?? texts.notAvailable);
      phase.append(phaseSteps(phaseNumber(phaseRow.phase)));
      row.append(name, phase);
      return row;
    }),
  );
}

/** What the one query adds: the tier progress (needs the program's tiers) and the phases per product line. */
export function renderJourney(snapshot: CustomerSnapshot, journey: JourneyData, language: Language): void {
  const texts = panelMessagesFor(language);
  renderTierProgress(tierProgress(snapshot.qualifyingPoints, snapshot.tierId, journey.tiers), language, texts);
  renderPhases(journey.phases, language, texts);
}
