using System;
using System.Collections.Generic;
using Crm.Extensions.Emulator.Metadata;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Emulator.Query;

/// <summary>
/// What a column sorts by ("Order rows" on learn.microsoft.com): a choice by its label (in the caller's language), a lookup by
/// the related row's primary name, anything else by its value.
/// </summary>
internal static class SortKey
{
    public static object? Of(ColumnMetadata column, object? value, int language, Func<EntityReference, string?>? primaryName)
    {
        switch (value)
        {
            case OptionSetValue option when column.IsChoice:
                return column.Label(option.Value, language) ?? (object)option.Value;
            case EntityReference reference when primaryName is not null:
                return primaryName(reference) ?? reference.Name;
            default:
                return value;
        }
    }
}

/// <summary>What the query needs to know about the caller: language (usersettings.uilanguageid), teams and reports.</summary>
internal sealed record PrincipalFacts(int LanguageCode, IReadOnlyCollection<Guid> TeamIds, IReadOnlyCollection<Guid> ReportIds);
