import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { XrmMockGenerator } from "xrm-mock";
import * as StrategyRibbon from "../src/ribbon/strategyCommands";
import type { AdvanceStrategyStepRequest, ResumePortfolioAnalysisRequest } from "../src/lib/customApis";
import { AnalysisStatus, PortfolioAnalysis, Strategy, StrategyStep } from "../src/lib/schema";
import { BareContactId as StrategyId, initialiseForm } from "./support/xrm";

function quietProgress(): void {
  vi.spyOn(Xrm.Utility, "showProgressIndicator").mockImplementation(() => undefined);
  vi.spyOn(Xrm.Utility, "closeProgressIndicator").mockImplementation(() => undefined);
}

describe("Advance step command", () => {
  let formContext: Xrm.FormContext;

  beforeEach(() => {
    formContext = initialiseForm({ entityName: Strategy.table });
    XrmMockGenerator.Attribute.createOptionSet(Strategy.currentStep, StrategyStep.CustomerIntimacy);
    quietProgress();
    vi.spyOn(formContext.data, "refresh").mockResolvedValue(undefined);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("calls cx_AdvanceStrategyStep for this strategy and refreshes the form", async () => {
    const execute = vi.spyOn(Xrm.WebApi.online, "execute").mockResolvedValue({ ok: true } as Response);
    const notify = vi.spyOn(formContext.ui, "setFormNotification");
    await StrategyRibbon.advanceStep(formContext);
    const request = execute.mock.calls[0]![0] as AdvanceStrategyStepRequest;
    expect(request.Strategy).toEqual({ entityType: Strategy.table, id: StrategyId });
    expect(request.getMetadata()).toMatchObject({ boundParameter: null, operationType: 0, operationName: "cx_AdvanceStrategyStep" });
    expect(formContext.data.refresh).toHaveBeenCalledWith(false);
    expect(notify).toHaveBeenCalledWith("The strategy moved to the next step.", "INFO", StrategyRibbon.AdvanceNotificationId);
  });

  it("shows the stage-gate message when the step is refused", async () => {
    const gate = { errorCode: 2147220891, message: "Define at least one target segment before customer intimacy is complete." };
    vi.spyOn(Xrm.WebApi.online, "execute").mockRejectedValue(gate);
    const alert = vi.spyOn(Xrm.Navigation, "openAlertDialog").mockResolvedValue(undefined);
    await StrategyRibbon.advanceStep(formContext);
    expect(alert).toHaveBeenCalledWith({ title: "Step not advanced", text: gate.message });
    expect(formContext.data.refresh).not.toHaveBeenCalled();
    expect(Xrm.Utility.closeProgressIndicator).toHaveBeenCalledOnce();
  });

  it("falls back to a generic text when the error carries no message", async () => {
    vi.spyOn(Xrm.WebApi.online, "execute").mockRejectedValue(new Error(""));
    const alert = vi.spyOn(Xrm.Navigation, "openAlertDialog").mockResolvedValue(undefined);
    await StrategyRibbon.advanceStep(formContext);
    expect(alert.mock.calls[0]![0].text).toBe("The operation failed. Try again, or ask your administrator.");
  });
});

describe("Advance step enable rule", () => {
  it("is enabled on an active strategy before its last step", () => {
    const formContext = initialiseForm({ entityName: Strategy.table });
    XrmMockGenerator.Attribute.createOptionSet(Strategy.currentStep, StrategyStep.ValueProposition);
    expect(StrategyRibbon.canAdvanceStep(formContext)).toBe(true);
  });

  it("is hidden on the last step", () => {
    const formContext = initialiseForm({ entityName: Strategy.table });
    XrmMockGenerator.Attribute.createOptionSet(Strategy.currentStep, StrategyStep.LifecycleManagement);
    expect(StrategyRibbon.canAdvanceStep(formContext)).toBe(false);
  });

  it("is hidden on an inactive strategy", () => {
    const formContext = initialiseForm({ entityName: Strategy.table, formType: 4 });
    expect(StrategyRibbon.canAdvanceStep(formContext)).toBe(false);
  });
});

describe("Analyze portfolio command", () => {
  let formContext: Xrm.FormContext;
  const AnalysisId = "0F8FAD5B-D9CB-469F-A165-70867728950E";

  beforeEach(() => {
    formContext = initialiseForm({ entityName: Strategy.table });
    quietProgress();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("creates an analysis linked to the strategy and opens it", async () => {
    const create = vi.spyOn(Xrm.WebApi, "createRecord").mockResolvedValue({ id: AnalysisId, entityType: PortfolioAnalysis.table });
    const open = vi.spyOn(Xrm.Navigation, "openForm").mockResolvedValue({ savedEntityReference: [] });
    await StrategyRibbon.analyzePortfolio(formContext);

    expect(create).toHaveBeenCalledOnce();
    const [table, record] = create.mock.calls[0]!;
    expect(table).toBe(PortfolioAnalysis.table);
    expect(record).toMatchObject({ [`${PortfolioAnalysis.strategyNavigation}@odata.bind`]: `/cx_crmstrategies(${StrategyId})` });
    expect(String((record as Record<string, unknown>)[PortfolioAnalysis.name])).toMatch(/^Portfolio analysis /);
    expect(Xrm.Utility.showProgressIndicator).toHaveBeenCalledWith("Starting the portfolio analysis…");
    expect(open).toHaveBeenCalledWith({ entityName: PortfolioAnalysis.table, entityId: AnalysisId });
  });

  it("explains a refused create and opens nothing", async () => {
    vi.spyOn(Xrm.WebApi, "createRecord").mockRejectedValue({ message: "An analysis is already running for this strategy." });
    const alert = vi.spyOn(Xrm.Navigation, "openAlertDialog").mockResolvedValue(undefined);
    const open = vi.spyOn(Xrm.Navigation, "openForm");
    await StrategyRibbon.analyzePortfolio(formContext);
    expect(alert).toHaveBeenCalledWith({ title: "Analysis not started", text: "An analysis is already running for this strategy." });
    expect(open).not.toHaveBeenCalled();
  });

  it("is enabled only for a saved strategy", () => {
    expect(StrategyRibbon.canAnalyzePortfolio(formContext)).toBe(true);
    expect(StrategyRibbon.canAnalyzePortfolio(initialiseForm({ entityName: Strategy.table, id: "", formType: 1 }))).toBe(false);
  });
});

describe("Resume command on a portfolio analysis", () => {
  let formContext: Xrm.FormContext;

  beforeEach(() => {
    formContext = initialiseForm({ entityName: PortfolioAnalysis.table });
    XrmMockGenerator.Attribute.createOptionSet(PortfolioAnalysis.status, AnalysisStatus.Paused);
    quietProgress();
    vi.spyOn(formContext.data, "refresh").mockResolvedValue(undefined);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("calls cx_ResumePortfolioAnalysis for this analysis and says it continues", async () => {
    const execute = vi.spyOn(Xrm.WebApi.online, "execute").mockResolvedValue({ ok: true } as Response);
    const notify = vi.spyOn(formContext.ui, "setFormNotification");
    await StrategyRibbon.resumeAnalysis(formContext);
    const request = execute.mock.calls[0]![0] as ResumePortfolioAnalysisRequest;
    expect(request.Analysis).toEqual({ entityType: PortfolioAnalysis.table, id: StrategyId });
    expect(request.getMetadata()).toMatchObject({ boundParameter: null, operationType: 0, operationName: "cx_ResumePortfolioAnalysis" });
    expect(formContext.data.refresh).toHaveBeenCalledWith(false);
    expect(notify).toHaveBeenCalledWith(
      "The portfolio analysis is queued and continues where it stopped.", "INFO", StrategyRibbon.ResumeNotificationId);
  });

  it("shows the API's refusal and leaves the form as it is", async () => {
    const refusal = { errorCode: 2147220891, message: "Only a paused or stopped portfolio analysis can be resumed." };
    vi.spyOn(Xrm.WebApi.online, "execute").mockRejectedValue(refusal);
    const alert = vi.spyOn(Xrm.Navigation, "openAlertDialog").mockResolvedValue(undefined);
    await StrategyRibbon.resumeAnalysis(formContext);
    expect(alert).toHaveBeenCalledWith({ title: "Analysis not resumed", text: refusal.message });
    expect(formContext.data.refresh).not.toHaveBeenCalled();
  });

  it("is enabled on a paused or stopped analysis only", () => {
    expect(StrategyRibbon.canResumeAnalysis(formContext)).toBe(true);
    formContext.getAttribute(PortfolioAnalysis.status)!.setValue(AnalysisStatus.Failed);
    expect(StrategyRibbon.canResumeAnalysis(formContext)).toBe(true);
    formContext.getAttribute(PortfolioAnalysis.status)!.setValue(AnalysisStatus.Running);
    expect(StrategyRibbon.canResumeAnalysis(formContext)).toBe(false);
  });

  it("resumes the one selected analysis from the grid and refreshes it", async () => {
    const execute = vi.spyOn(Xrm.WebApi.online, "execute").mockResolvedValue({ ok: true } as Response);
    const grid = { refresh: vi.fn() } as unknown as Xrm.Controls.GridControl;
    await StrategyRibbon.resumeSelectedAnalysis([`{${StrategyId}}`], grid);
    expect((execute.mock.calls[0]![0] as ResumePortfolioAnalysisRequest).Analysis.id).toBe(StrategyId);
    expect(grid.refresh).toHaveBeenCalled();
    expect(StrategyRibbon.canResumeSelectedAnalysis([StrategyId])).toBe(true);
    expect(StrategyRibbon.canResumeSelectedAnalysis([StrategyId, StrategyId])).toBe(false);
  });
});
