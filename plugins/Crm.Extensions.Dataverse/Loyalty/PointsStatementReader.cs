using System;
using System.Linq;
using Crm.Extensions.Domain.Localization;
using Crm.Extensions.Domain.Loyalty.Ledger;
using Crm.Extensions.Domain.Loyalty.Statement;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Dataverse.Loyalty;

/// <summary>
/// cx_GetPointsStatement's lines as open-type rows (the response property has no table, so each line is an expando entity):
/// the ledger row's id, type, state, points, date, reason and source key, plus the running balance after it.
/// </summary>
public static class PointsStatementReader
{
    public const string Line = "cx_statementline";
    public const string EntryId = "entryid";
    public const string OccurredOn = "occurredon";
    public const string EntryType = "entrytype";
    public const string State = "state";
    public const string Points = "points";
    public const string RunningBalance = "runningbalance";
    public const string Reason = "reason";
    public const string Source = "source";

    public static readonly LocalizedText CustomerRequired = new(
        "Choose the customer (a contact or an account) whose points statement you want to see.",
        "Elija el cliente (un contacto o una cuenta) cuyo extracto de puntos quiere ver.");

    /// <param name="service">The caller's own service: the statement shows only ledger rows the caller may read.</param>
    /// <param name="language">The caller's UI language (LCID): each reason is given in it, as refusals are.</param>
    public static EntityCollection Read(IOrganizationService service, EntityReference customer, DateTime asOf, int language)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        var member = MemberLedgerReader.Read(service, customer);
        var lines = PointsStatement.Of(member.Entries, asOf).Select(line => ToLine(line, language)).ToList();
        return new EntityCollection(lines);
    }

    private static Entity ToLine(StatementLine line, int language) => new(Line)
    {
        [EntryId] = line.Entry.Id,
        [OccurredOn] = line.Entry.OccurredOn,
        [EntryType] = line.Entry.Kind.ToString(),
        [State] = line.State.ToString(),
        [Points] = line.Entry.Points,
        [RunningBalance] = MemberBalances.Saturated(line.RunningBalance),
        [Reason] = LedgerReasons.Localize(line.Entry.Reason.English).For(language),
        [Source] = line.Entry.SourceKey,
    };
}
