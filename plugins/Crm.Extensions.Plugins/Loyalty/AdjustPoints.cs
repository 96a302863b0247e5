using Crm.Extensions.Dataverse.Loyalty;
using Crm.Extensions.Plugins.Framework;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.Loyalty;

/// <summary>
/// The custom API <c>cx_AdjustPoints(Customer, Points, ReasonCode, Note) → Entry, Balance</c>: the one guarded path for
/// manual changes to a member's points. Its execute privilege is prvCreatecx_loyaltytransaction (Loyalty Administrator);
/// the caller must also be able to read the customer, checked with the caller's own identity before anything is written.
/// The entry and the balance are then written as SYSTEM (GuardLedger refuses every other writer) in the API's transaction.
/// </summary>
public sealed class AdjustPoints : PluginBase
{
    public const string Api = "cx_AdjustPoints";
    public const string Customer = "Customer";
    public const string Points = "Points";
    public const string ReasonCode = "ReasonCode";
    public const string Note = "Note";
    public const string Entry = "Entry";
    public const string Balance = "Balance";

    public AdjustPoints(string? unsecure, string? secure)
        : base(unsecure, secure)
    {
        Register(StepDeclaration.ForCustomApi(Api), Handle);
    }

    private static void Handle(PluginContext context)
    {
        var adjusted = Application.Loyalty.AdjustPoints.Run(
            context, context.Input<EntityReference>(Customer), context.Input<int?>(Points), context.Input<OptionSetValue>(ReasonCode),
            context.Input<string>(Note), context.Execution.InitiatingUserId);
        context.SetOutput(Entry, adjusted.Entry);
        context.SetOutput(Balance, adjusted.Balance);
    }
}
