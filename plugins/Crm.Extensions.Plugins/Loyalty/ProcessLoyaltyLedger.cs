using Crm.Extensions.Dataverse.Inputs;
using Crm.Extensions.Plugins.CustomApis;
using Crm.Extensions.Plugins.Framework;

namespace Crm.Extensions.Plugins.Loyalty;

/// <summary>
/// The batch custom API <c>cx_ProcessLoyaltyLedger([MaxMembers]) → Vested, Expired, Warned, More, Failed</c>: vest, expire
/// and warn (idempotent); members whose ledger cannot be worked out are set aside and counted in Failed. With MaxMembers the caller repeats
/// the call while More is true; each call commits its own part.
/// </summary>
public sealed class ProcessLoyaltyLedger : PluginBase
{
    public const string Api = ProcessLoyaltyLedgerApi.UniqueName;

    public ProcessLoyaltyLedger(string? unsecure, string? secure)
        : base(unsecure, secure)
    {
        Register(StepDeclaration.ForCustomApi(Api), Handle);
    }

    private static void Handle(PluginContext context)
    {
        var result = Application.Loyalty.ProcessLoyaltyLedger.Run(context, InputRules.AtLeast(
            ProcessLoyaltyLedgerApi.Request.MaxMembers.Name, context.Input(ProcessLoyaltyLedgerApi.Request.MaxMembers), 1));
        context.SetOutput(ProcessLoyaltyLedgerApi.Response.Vested, result.Vested);
        context.SetOutput(ProcessLoyaltyLedgerApi.Response.Expired, result.Expired);
        context.SetOutput(ProcessLoyaltyLedgerApi.Response.Warned, result.Warned);
        context.SetOutput(ProcessLoyaltyLedgerApi.Response.More, result.More);
        // One failing member never fails the run for everyone: it is set aside, counted and named in the trace.
        context.SetOutput(ProcessLoyaltyLedgerApi.Response.Failed, result.Failed.Count);
        foreach (var failure in result.Failed)
        {
            context.Tracing.Trace("Ledger of {0} {1} not processed: {2}", failure.Customer.LogicalName, failure.Customer.Id,
                failure.Reason.English);
        }
    }
}
