import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type NumberAttributeMock, XrmMockGenerator } from "xrm-mock";
import * as SurveyForm from "../src/forms/survey";
import { Survey } from "../src/lib/schema";
import { Spanish, eventContext, initialiseForm, spyOnServerCalls, totalCalls } from "./support/xrm";

function saveContext(): { context: Xrm.Events.SaveEventContext; preventDefault: ReturnType<typeof vi.fn> } {
  const preventDefault = vi.fn();
  const base = eventContext();
  const context = { ...base, getFormContext: () => base.getFormContext(), getEventArgs: () => ({ preventDefault }) };
  return { context: context as unknown as Xrm.Events.SaveEventContext, preventDefault };
}

describe("satisfaction survey form", () => {
  let formContext: Xrm.FormContext;
  let nps: NumberAttributeMock;
  let csat: NumberAttributeMock;

  const npsControl = (): Xrm.Controls.NumberControl => formContext.getControl<Xrm.Controls.NumberControl>(Survey.nps)!;
  const csatControl = (): Xrm.Controls.NumberControl => formContext.getControl<Xrm.Controls.NumberControl>(Survey.csat)!;

  beforeEach(() => {
    formContext = initialiseForm({ entityName: Survey.table });
    nps = XrmMockGenerator.Attribute.createNumber(Survey.nps, 9);
    csat = XrmMockGenerator.Attribute.createNumber(Survey.csat, 4);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("makes no Web API call on load", () => {
    const spies = spyOnServerCalls();
    SurveyForm.onLoad(eventContext());
    expect(totalCalls(spies)).toBe(0);
  });

  it.each([0, 10, null])("accepts NPS %s", (value) => {
    const set = vi.spyOn(npsControl(), "setNotification");
    nps.setValue(value as number); // xrm-mock types setValue without null; the platform allows it
    SurveyForm.onScoreChange(eventContext());
    expect(set).not.toHaveBeenCalled();
  });

  it.each([-1, 11, 7.5])("flags NPS %s on its control", (value) => {
    const set = vi.spyOn(npsControl(), "setNotification");
    nps.setValue(value);
    SurveyForm.onScoreChange(eventContext());
    expect(set).toHaveBeenCalledWith("NPS must be a whole number from 0 to 10.", `${Survey.nps}_range`);
  });

  it.each([0, 6])("flags CSAT %s on its control, in Spanish", (value) => {
    XrmMockGenerator.context.userSettings.languageId = Spanish;
    const set = vi.spyOn(csatControl(), "setNotification");
    csat.setValue(value);
    SurveyForm.onScoreChange(eventContext());
    expect(set).toHaveBeenCalledWith("El CSAT debe ser un número entero de 1 a 5.", `${Survey.csat}_range`);
  });

  it("clears the notification once the score is corrected", () => {
    const clear = vi.spyOn(npsControl(), "clearNotification");
    nps.setValue(12);
    SurveyForm.onScoreChange(eventContext());
    nps.setValue(8);
    SurveyForm.onScoreChange(eventContext());
    expect(clear).toHaveBeenLastCalledWith(`${Survey.nps}_range`);
  });

  it("blocks the save while a score is out of range and flags both controls", () => {
    nps.setValue(11);
    csat.setValue(0);
    const npsSet = vi.spyOn(npsControl(), "setNotification");
    const csatSet = vi.spyOn(csatControl(), "setNotification");
    const { context, preventDefault } = saveContext();
    SurveyForm.onSave(context);
    expect(preventDefault).toHaveBeenCalledOnce();
    expect(npsSet).toHaveBeenCalledOnce();
    expect(csatSet).toHaveBeenCalledOnce();
  });

  it("lets a valid survey save", () => {
    const { context, preventDefault } = saveContext();
    SurveyForm.onSave(context);
    expect(preventDefault).not.toHaveBeenCalled();
  });
});
