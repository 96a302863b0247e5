using Crm.Extensions.Dataverse.Loyalty;
using Crm.Extensions.Plugins.CustomApis;
using Crm.Extensions.Plugins.Framework;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.Loyalty;

/// <summary>
/// The custom API function <c>cx_GetPointsStatement(Customer) → Lines, ClosingBalance</c>: the customer's ledger oldest
/// first with a running balance (PointsStatement). Read-only, so it runs as the caller: the execute privilege is
/// prvReadcx_LoyaltyTransaction and a customer or ledger row the caller cannot read fails with the platform's own error.
/// Each line's reason comes in the caller's UI language, the way refusals do.
/// </summary>
public sealed class GetPointsStatement : PluginBase
{
    public const string Api = GetPointsStatementApi.UniqueName;
    public const string Customer = nameof(GetPointsStatementApi.Request.Customer);
    public const string Lines = nameof(GetPointsStatementApi.Response.Lines);
    public const string ClosingBalance = nameof(GetPointsStatementApi.Response.ClosingBalance);

    public GetPointsStatement(string? unsecure, string? secure)
        : base(unsecure, secure)
    {
        Register(StepDeclaration.ForCustomApi(Api), Handle);
    }

    private static void Handle(PluginContext context)
    {
        var customer = context.Input(GetPointsStatementApi.Request.Customer);
        if (customer is null || !Dataverse.Intimacy.CustomerRecords.IsCustomer(customer) || customer.Id == System.Guid.Empty)
        {
            throw new Domain.BusinessRuleException(PointsStatementReader.CustomerRequired);
        }

        var lines = PointsStatementReader.Read(context.UserService, customer, context.Clock.UtcNow, context.InitiatingUserLanguage());
        context.SetOutput(GetPointsStatementApi.Response.Lines, lines);
        var last = lines.Entities.Count == 0 ? null : lines.Entities[lines.Entities.Count - 1];
        var closing = last?.GetAttributeValue<int>(PointsStatementReader.RunningBalance) ?? 0;
        context.SetOutput(GetPointsStatementApi.Response.ClosingBalance, closing);
    }
}
