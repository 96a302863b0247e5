using Crm.Extensions.Dataverse.Inputs;
using Crm.Extensions.Plugins.CustomApis;
using Crm.Extensions.Plugins.Framework;

namespace Crm.Extensions.Plugins.Loyalty;

/// <summary>
/// The batch custom API <c>cx_EvaluateTiers([MaxChanges]) → Changed, More</c>: the period tier evaluation (downgrades happen
/// only here). With MaxChanges the caller repeats the call while More is true; each call commits its own part.
/// </summary>
public sealed class EvaluateTiers : PluginBase
{
    public const string Api = EvaluateTiersApi.UniqueName;

    public EvaluateTiers(string? unsecure, string? secure)
        : base(unsecure, secure)
    {
        Register(StepDeclaration.ForCustomApi(Api), Handle);
    }

    private static void Handle(PluginContext context)
    {
        var result = Application.Loyalty.EvaluateTiers.Run(context, InputRules.AtLeast(
            EvaluateTiersApi.Request.MaxChanges.Name, context.Input(EvaluateTiersApi.Request.MaxChanges), 1));
        context.SetOutput(EvaluateTiersApi.Response.Changed, result.Changed);
        context.SetOutput(EvaluateTiersApi.Response.More, result.More);
    }
}
