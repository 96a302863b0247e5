using System;
using System.Collections.Generic;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Dataverse;

/// <summary>
/// The time zone rule of a user, for "today" in activities. Read from usersettings.timezonecode (one RetrieveMultiple,
/// so a user without a settings row is not an error). A missing row, an empty code, a code not in the table below or a
/// zone the machine does not know all mean UTC, and the fallback is traced. The table maps the Dataverse time zone codes
/// (timezonedefinition.timezonecode) of the common zones to their Windows ids, which .NET resolves on every platform.
/// </summary>
public static class UserTimeZone
{
    private static readonly Dictionary<int, string> WindowsIds = new()
    {
        [0] = "Dateline Standard Time",
        [4] = "Pacific Standard Time",
        [10] = "Mountain Standard Time",
        [20] = "Central Standard Time",
        [35] = "Eastern Standard Time",
        [65] = "E. South America Standard Time",
        [85] = "GMT Standard Time",
        [105] = "Romance Standard Time",
        [110] = "W. Europe Standard Time",
        [190] = "India Standard Time",
        [210] = "China Standard Time",
        [235] = "Tokyo Standard Time",
        [255] = "AUS Eastern Standard Time",
    };

    public static TimeZoneInfo Of(IOrganizationService service, Guid userId, ITracingService tracing)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        if (tracing is null) throw new ArgumentNullException(nameof(tracing));

        var query = new QueryExpression(UserSettings.EntityLogicalName) { ColumnSet = new ColumnSet(UserSettings.Fields.TimeZoneCode),
            TopCount = 1 };
        query.Criteria.AddCondition(UserSettings.Fields.SystemUserId, ConditionOperator.Equal, userId);
        var rows = service.RetrieveMultiple(query).Entities;
        var code = rows.Count == 0 ? null : rows[0].GetAttributeValue<int?>(UserSettings.Fields.TimeZoneCode);
        return FromCode(code, tracing);
    }

    public static TimeZoneInfo FromCode(int? code, ITracingService tracing)
    {
        if (tracing is null) throw new ArgumentNullException(nameof(tracing));
        if (code is null)
        {
            tracing.Trace("The user has no time zone; using UTC.");
            return TimeZoneInfo.Utc;
        }

        if (!WindowsIds.TryGetValue(code.Value, out var id))
        {
            tracing.Trace("Time zone code {0} is not mapped; using UTC.", code.Value);
            return TimeZoneInfo.Utc;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException missing)
        {
            tracing.Trace("Time zone {0} is not known here ({1}); using UTC.", id, missing.Message);
            return TimeZoneInfo.Utc;
        }
    }
}
