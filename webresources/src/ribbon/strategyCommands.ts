import { isActionableRecord } from "./guards";
import { withProgress } from "./progress";
import { advanceStrategyStepRequest, resumePortfolioAnalysisRequest } from "../lib/customApis";
import { errorMessage } from "../lib/errors";
import { readNumber, recordId } from "../lib/formData";
import { format, localeOf, userLanguage } from "../lib/i18n";
import { ribbonMessagesFor } from "./ribbonMessages";
import { AnalysisStatus, PortfolioAnalysis, Strategy, StrategyStep } from "../lib/schema";
import { FormNotificationLevel } from "../lib/xrmConstants";

/**
 * cx_crmstrategy command bar -> CrmExtensions.StrategyRibbon (cx_/scripts/strategy_commands.js).
 * RibbonDiffXml passes <CrmParameter Value="PrimaryControl"/>, i.e. the form context.
 */

export const AdvanceNotificationId = "cx_strategy_advance";

/** Command "Advance step": the custom API enforces the stage gate; its refusal is shown as is. */
export async function advanceStep(primaryControl: Xrm.FormContext): Promise<void> {
  const messages = ribbonMessagesFor(userLanguage());
  const strategyId = recordId(primaryControl);
  if (strategyId === null) return;
  try {
    await withProgress(messages.advanceWorking, () =>
      Xrm.WebApi.online.execute(advanceStrategyStepRequest(strategyId)),
    );
  } catch (error) {
    await Xrm.Navigation.openAlertDialog({
      title: messages.advanceRefusedTitle,
      text: errorMessage(error, messages.unknownError),
    });
    return;
  }
  await primaryControl.data.refresh(false);
  primaryControl.ui.setFormNotification(messages.advanceDone, FormNotificationLevel.Info, AdvanceNotificationId);
}

/** Enable rule of "Advance step": an active, saved strategy that is not on its last step. */
export function canAdvanceStep(primaryControl: Xrm.FormContext): boolean {
  const step = readNumber(primaryControl, Strategy.currentStep);
  return isActionableRecord(primaryControl) && step !== StrategyStep.LifecycleManagement;
}

/**
 * Command "Analyze portfolio": creates a cx_portfolioanalysis for this strategy and opens it.
 * The paged background job starts on create; the analysis form shows its progress.
 */
export async function analyzePortfolio(primaryControl: Xrm.FormContext): Promise<void> {
  const language = userLanguage();
  const messages = ribbonMessagesFor(language);
  const strategyId = recordId(primaryControl);
  if (strategyId === null) return;
  const date = new Intl.DateTimeFormat(localeOf(language), { dateStyle: "medium", timeStyle: "short" }).format(new Date());
  const analysis = {
    [PortfolioAnalysis.name]: format(messages.analysisName, { date }),
    [`${PortfolioAnalysis.strategyNavigation}@odata.bind`]: `/${Strategy.entitySet}(${strategyId})`,
  };
  let analysisId: string;
  try {
    const created = await withProgress(messages.analysisWorking, () =>
      Xrm.WebApi.createRecord(PortfolioAnalysis.table, analysis),
    );
    analysisId = created.id;
  } catch (error) {
    await Xrm.Navigation.openAlertDialog({
      title: messages.analysisFailedTitle,
      text: errorMessage(error, messages.unknownError),
    });
    return;
  }
  await Xrm.Navigation.openForm({ entityName: PortfolioAnalysis.table, entityId: analysisId });
}

/** Enable rule of "Analyze portfolio": a saved, active strategy. */
export function canAnalyzePortfolio(primaryControl: Xrm.FormContext): boolean {
  return isActionableRecord(primaryControl);
}

export const ResumeNotificationId = "cx_analysis_resume";

/** Sends cx_ResumePortfolioAnalysis; a refusal (wrong status, no right to edit) is shown as the API words it. */
async function resume(analysisId: string): Promise<boolean> {
  const messages = ribbonMessagesFor(userLanguage());
  try {
    await withProgress(messages.resumeWorking, () => Xrm.WebApi.online.execute(resumePortfolioAnalysisRequest(analysisId)));
    return true;
  } catch (error) {
    await Xrm.Navigation.openAlertDialog({
      title: messages.resumeRefusedTitle,
      text: errorMessage(error, messages.unknownError),
    });
    return false;
  }
}

/** Command "Resume" on the analysis form: queues the paused or stopped analysis again and shows its progress. */
export async function resumeAnalysis(primaryControl: Xrm.FormContext): Promise<void> {
  const analysisId = recordId(primaryControl);
  if (analysisId === null || !(await resume(analysisId))) return;
  await primaryControl.data.refresh(false);
  primaryControl.ui.setFormNotification(ribbonMessagesFor(userLanguage()).resumeDone, FormNotificationLevel.Info, ResumeNotificationId);
}

/** Enable rule of "Resume" on the form: a saved analysis that is paused or stopped (failed). */
export function canResumeAnalysis(primaryControl: Xrm.FormContext): boolean {
  const status = readNumber(primaryControl, PortfolioAnalysis.status);
  return recordId(primaryControl) !== null && (status === AnalysisStatus.Paused || status === AnalysisStatus.Failed);
}

/** Command "Resume" on the analyses grid: one selected analysis (the API refuses any that is not paused or stopped). */
export async function resumeSelectedAnalysis(selectedIds: readonly string[], selectedControl: Xrm.Controls.GridControl): Promise<void> {
  const [analysisId] = selectedIds;
  if (selectedIds.length !== 1 || analysisId === undefined) return;
  if (await resume(analysisId.replace(/[{}]/g, ""))) selectedControl.refresh();
}

/** Enable rule of "Resume" on the grid: exactly one analysis selected. */
export function canResumeSelectedAnalysis(selectedIds: readonly string[] | null | undefined): boolean {
  return selectedIds?.length === 1;
}
