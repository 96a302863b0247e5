using Crm.Extensions.Domain.Localization;
using Crm.Extensions.Plugins.Strategy;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.CustomApis;

/// <summary>The contract of cx_AdvanceStrategyStep; its handler is <see cref="AdvanceStrategyStep"/>.</summary>
public static class AdvanceStrategyStepApi
{
    public const string UniqueName = "cx_AdvanceStrategyStep";

    public static readonly CustomApiDefinition Definition = new(
        UniqueName,
        typeof(AdvanceStrategyStep),
        displayName: new(
            "Advance strategy step",
            "Avanzar paso de la estrategia"),
        description: new(
            "Moves a CRM strategy to its next step when the stage gate passes; otherwise lists what is missing.",
            "Pasa una estrategia CRM a su siguiente paso cuando se supera la puerta de etapa; si no, indica lo que falta."),
        executePrivilegeName: "prvWritecx_CrmStrategy",
        request: [Request.Strategy],
        response: [Response.Step]);

    public static class Request
    {
        public static readonly RequestParameter<EntityReference> Strategy = new(
            nameof(Strategy),
            isOptional: false,
            displayName: new(
                "Strategy",
                "Estrategia"),
            description: new(
                "The cx_crmstrategy to advance.",
                "La cx_crmstrategy que avanzar."));
    }

    public static class Response
    {
        public static readonly ResponseProperty<string> Step = new(
            nameof(Step),
            displayName: new(
                "Step",
                "Paso"),
            description: new(
                "The step the strategy reached.",
                "El paso que alcanzó la estrategia."));
    }
}
