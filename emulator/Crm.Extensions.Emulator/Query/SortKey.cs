using System;
using System.Collections.Generic;
using System.Globalization;
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

/// <summary>
/// The caller's language and the name lookup a query sorts with; the sort and the paging cookie's position both take their
/// keys from here, so they agree on what comes after what.
/// </summary>
internal sealed class SortContext
{
    private readonly int _language;
    private readonly Func<EntityReference, string?>? _primaryName;

    public SortContext(int language, Func<EntityReference, string?>? primaryName)
    {
        _language = language;
        _primaryName = primaryName;
    }

    public object? KeyOf(ColumnMetadata column, object? value) => SortKey.Of(column, value, _language, _primaryName);

    /// <summary>
    /// The key of a value read back from a paging cookie, where a choice is its number and a lookup its id (the cookie
    /// does not say which table a polymorphic lookup pointed at, so each target is tried).
    /// </summary>
    public object? KeyOfCookieValue(ColumnMetadata column, object? value)
    {
        if (value is null) return null;
        var text = Convert.ToString(value, CultureInfo.InvariantCulture);
        if (column.IsChoice && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var option))
        {
            return KeyOf(column, new OptionSetValue(option));
        }

        if (column.Type is ColumnType.Lookup or ColumnType.Customer or ColumnType.Owner && Guid.TryParse(text, out var id))
        {
            if (_primaryName is null) return id;
            foreach (var target in column.Targets)
            {
                if (_primaryName(new EntityReference(target, id)) is { } name) return name;
            }

            return null;
        }

        return value;
    }
}

/// <summary>What the query needs to know about the caller: language (usersettings.uilanguageid), teams and reports.</summary>
internal sealed record PrincipalFacts(int LanguageCode, IReadOnlyCollection<Guid> TeamIds, IReadOnlyCollection<Guid> ReportIds);
