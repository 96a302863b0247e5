using Crm.Extensions.Dataverse.Loyalty;
using Crm.Extensions.Plugins.CustomApis;
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
    public const string Api = AdjustPointsApi.UniqueName;
    public const string Customer = nameof(AdjustPointsApi.Request.Customer);
    public const string Points = nameof(AdjustPointsApi.Request.Points);
    public const string ReasonCode = nameof(AdjustPointsApi.Request.ReasonCode);
    public const string Note = nameof(AdjustPointsApi.Request.Note);
    public const string Entry = nameof(AdjustPointsApi.Response.Entry);
    public const string Balance = nameof(AdjustPointsApi.Response.Balance);

    public AdjustPoints(string? unsecure, string? secure)
        : base(unsecure, secure)
    {
        Register(StepDeclaration.ForCustomApi(Api), Handle);
    }

    private static void Handle(PluginContext context)
    {
        var adjusted = Application.Loyalty.AdjustPoints.Run(
            context,
            context.Input(AdjustPointsApi.Request.Customer),
            context.Input(AdjustPointsApi.Request.Points),
            context.Input(AdjustPointsApi.Request.ReasonCode),
            context.Input(AdjustPointsApi.Request.Note),
            context.Execution.InitiatingUserId);
        context.SetOutput(AdjustPointsApi.Response.Entry, adjusted.Entry);
        context.SetOutput(AdjustPointsApi.Response.Balance, adjusted.Balance);
    }
}
