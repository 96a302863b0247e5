using Crm.Extensions.Dataverse.Inputs;
using Crm.Extensions.Dataverse.Loyalty;
using Crm.Extensions.Domain;
using Crm.Extensions.Domain.Localization;
using Crm.Extensions.Plugins.Framework;

namespace Crm.Extensions.Plugins.Loyalty;

/// <summary>
/// The batch custom API <c>cx_ProcessLoyaltyLedger([MaxMembers]) → Vested, Expired, Warned, More</c>: vest, expire and warn
/// (idempotent). With MaxMembers the caller repeats the call while More is true; each call commits its own part.
/// </summary>
public sealed class ProcessLoyaltyLedger : PluginBase
{
    public const string Api = "cx_ProcessLoyaltyLedger";

    public ProcessLoyaltyLedger(string? unsecure, string? secure)
        : base(unsecure, secure)
    {
        Register(StepDeclaration.ForCustomApi(Api), Handle);
    }

    private static void Handle(PluginContext context)
    {
        var program = LoyaltyProgramReader.Active(context.SystemService) ?? throw new BusinessRuleException(new LocalizedText(
            "No loyalty program is active, so there is no ledger to process.",
            "No hay ningún programa de fidelización activo, así que no hay movimientos que procesar."));
        var result = LedgerBatch.Run(context.SystemService, program, context.Clock.UtcNow, InputRules.AtLeast("MaxMembers", context.Input<int?>("MaxMembers"), 1));
        context.SetOutput("Vested", result.Vested);
        context.SetOutput("Expired", result.Expired);
        context.SetOutput("Warned", result.Warned);
        context.SetOutput("More", result.More);
    }
}
