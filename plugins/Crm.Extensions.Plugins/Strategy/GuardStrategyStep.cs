using Crm.Extensions.Domain;
using Crm.Extensions.Domain.Localization;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Plugins.Framework;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.Strategy;

/// <summary>
/// The step of a cx_crmstrategy moves only through cx_AdvanceStrategyStep, whose gates check the evidence: a strategy
/// starts at step 1, and any other change of cx_currentstep is refused (en/es) unless the update runs inside that API.
/// Registered at PreOperation because the platform fills ParentContext for stages 20 and 40
/// (https://learn.microsoft.com/dotnet/api/microsoft.xrm.sdk.ipluginexecutioncontext.parentcontext); the refusal rolls back.
/// </summary>
public sealed class GuardStrategyStep : PluginBase
{
    private static readonly LocalizedText UseAdvanceStep = new(
        "The current step of a CRM strategy changes only with the Advance step command, which checks the evidence each step needs.",
        "El paso actual de una estrategia CRM solo cambia con el comando Avanzar paso, que comprueba las evidencias que necesita cada " +
        "paso.");

    private static readonly LocalizedText StartAtStepOne = new(
        "A new CRM strategy starts at step 1, portfolio analysis; use the Advance step command to move on.",
        "Una estrategia CRM nueva empieza en el paso 1, análisis de cartera; use el comando Avanzar paso para continuar.");

    public GuardStrategyStep(string? unsecure, string? secure)
        : base(unsecure, secure)
    {
        Register(StepDeclaration.On(SdkMessage.Create, CrmStrategy.EntityLogicalName, PipelineStage.PreOperation), HandleCreate);
        Register(
            StepDeclaration.On(SdkMessage.Update, CrmStrategy.EntityLogicalName, PipelineStage.PreOperation)
                .Filter(CrmStrategy.Fields.CurrentStep)
                .WithPreImage(CrmStrategy.Fields.CurrentStep),
            HandleUpdate);
    }

    private static void HandleCreate(PluginContext context)
    {
        var step = context.Target.ToEntity<CrmStrategy>().CurrentStep;
        if (step is not null && step != CrmStrategy.CurrentStepChoice.Option1PortfolioAnalysis && !InsideAdvanceStep(context.Execution))
        {
            throw new BusinessRuleException(StartAtStepOne);
        }
    }

    private static void HandleUpdate(PluginContext context)
    {
        if (!context.Target.Contains(CrmStrategy.Fields.CurrentStep)) return;
        var requested = context.Target.ToEntity<CrmStrategy>().CurrentStep;
        var current = context.PreImage?.ToEntity<CrmStrategy>().CurrentStep;
        if (requested == current || InsideAdvanceStep(context.Execution)) return;
        throw new BusinessRuleException(UseAdvanceStep);
    }

    /// <summary>Whether this operation runs inside cx_AdvanceStrategyStep (the platform sets ParentContext; callers cannot).</summary>
    private static bool InsideAdvanceStep(IPluginExecutionContext execution)
    {
        for (var parent = execution.ParentContext; parent is not null; parent = parent.ParentContext)
        {
            if (parent.MessageName == AdvanceStrategyStep.ApiName) return true;
        }

        return false;
    }
}
