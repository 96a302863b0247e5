using System;
using Crm.Extensions.Domain.Loyalty.Configuration;
using Crm.Extensions.Domain.Loyalty.Ledger;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace Crm.Extensions.Dataverse.Loyalty;

/// <summary>
/// Writes a member's kept figures (available, pending, debt, the tier window's measures: <see cref="MemberFiguresColumns"/>),
/// computed from its whole ledger, with
/// RowVersion: <c>IfRowVersionMatches</c>, so a concurrent writer is never overwritten silently. On a conflict it reads the
/// member again and retries once; a second conflict is left to the caller (an async step's job is retried by the platform).
/// </summary>
public static class BalanceWriter
{
    /// <summary>Dataverse's ConcurrencyVersionMismatch error code.</summary>
    public const int VersionMismatch = unchecked((int)0x80060882);

    public static MemberBalances Write(IOrganizationService service, MemberLedger member, DateTime asOf, ProgramSettings program,
        Func<MemberLedger> reread)
    {
        if (member is null) throw new ArgumentNullException(nameof(member));
        if (reread is null) throw new ArgumentNullException(nameof(reread));
        try
        {
            return WriteOnce(service, member, asOf, program);
        }
        catch (Exception conflict) when (IsVersionMismatch(conflict))
        {
            return WriteOnce(service, reread(), asOf, program);
        }
    }

    /// <summary>
    /// True for the platform's FaultException&lt;OrganizationServiceFault&gt; with ConcurrencyVersionMismatch. Read through
    /// its Detail property so the deployable needs no System.ServiceModel reference (the sandbox supplies that type).
    /// </summary>
    public static bool IsVersionMismatch(Exception error) =>
        error?.GetType().GetProperty("Detail")?.GetValue(error, null) is OrganizationServiceFault { ErrorCode: VersionMismatch };

    /// <summary>The balances the member's ledger gives at <paramref name="asOf"/>, written under the member's RowVersion.</summary>
    public static MemberBalances WriteOnce(IOrganizationService service, MemberLedger member, DateTime asOf, ProgramSettings program)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        if (member is null) throw new ArgumentNullException(nameof(member));
        var row = new Entity(member.Customer.LogicalName, member.Customer.Id) { RowVersion = member.RowVersion };
        var balances = MemberFiguresColumns.SetFromLedger(row, member.Entries, asOf, program);
        service.Execute(new UpdateRequest { Target = row, ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches });
        return balances;
    }
}
