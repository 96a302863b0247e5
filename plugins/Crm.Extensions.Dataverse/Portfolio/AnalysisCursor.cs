using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Crm.Extensions.Domain.Portfolio;

namespace Crm.Extensions.Dataverse.Portfolio;

/// <summary>What the writing units carry from the scoring unit: the model, and the segments that were target before.</summary>
public sealed record PersistedModel(ScoringModel Model, IReadOnlyList<Guid> PreviousTargets);

/// <summary>
/// <see cref="AnalysisState"/>, the <see cref="PortfolioSummary"/> of the two passes and, once scored, the
/// <see cref="ScoringModel"/> as the text of cx_cursor:
/// "v3|phase|table|page|expected|read|contacts|accounts|written|writtenTotal|changed|attempt|totalled|model|previousTargets|
/// summary|cookie".
/// The paging cookie goes last because it is the only free text (it may hold "|"); the model, the target ids and the
/// summary hold none. Older cursors still read: "v2" (no totalled count, no summary: an analysis in its writing phase
/// continues from its model, one still reading restarts) and "v1" (no model either: it restarts its reading).
/// </summary>
public static class AnalysisCursor
{
    private const string Version = "v3";
    private const string SecondVersion = "v2";
    private const string FirstVersion = "v1";
    private const int FirstVersionFields = 13;
    private const int SecondVersionFields = 15;
    private const int Fields = 17;

    public static string Write(AnalysisState state, PersistedModel? model = null, PortfolioSummary? summary = null)
    {
        if (state is null) throw new ArgumentNullException(nameof(state));
        return string.Join("|", new[]
        {
            Version, Number((int)state.Phase), Number((int)state.Table), Number(state.PageNumber), Number(state.ExpectedCustomers),
            Number(state.CustomersRead), Number(state.ContactsToWrite), Number(state.AccountsToWrite), Number(state.WrittenInTable),
            Number(state.CustomersWritten), Number(state.CustomersChanged), Number(state.Attempt), Number(state.CustomersTotalled),
            model?.Model.ToText() ?? string.Empty,
            model is null ? string.Empty : string.Join(",", model.PreviousTargets.Select(id => id.ToString("D"))),
            summary?.ToText() ?? string.Empty,
            state.PagingCookie ?? string.Empty,
        });
    }

    /// <summary>The state stored in <paramref name="text"/>; null when there is none or it is not a cursor of ours.</summary>
    public static AnalysisState? Read(string? text)
    {
        var parts = Split(text);
        if (parts is null) return null;
        var count = parts.Length == Fields ? 12 : 11;
        var numbers = new int[12];
        for (var i = 0; i < count; i++)
        {
            if (!int.TryParse(parts[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out numbers[i])) return null;
        }

        if (!Enum.IsDefined(typeof(AnalysisPhase), numbers[0]) || !Enum.IsDefined(typeof(CustomerType), numbers[1])) return null;
        var cookie = parts[parts.Length - 1];
        return new AnalysisState(
            (AnalysisPhase)numbers[0], (CustomerType)numbers[1], numbers[2], cookie.Length == 0 ? null : cookie,
            numbers[3], numbers[4], numbers[5], numbers[6], numbers[7], numbers[8], numbers[9], numbers[10], numbers[11]);
    }

    /// <summary>The scoring model stored with the cursor; null before scoring, for a v1 cursor, or when it does not read back.</summary>
    public static PersistedModel? ReadModel(string? text)
    {
        var parts = Split(text);
        if (parts is null || parts.Length == FirstVersionFields) return null;
        var at = parts.Length == Fields ? 13 : 12;
        var model = ScoringModel.Parse(parts[at]);
        if (model is null) return null;
        var targets = new List<Guid>();
        foreach (var id in parts[at + 1].Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Guid.TryParse(id, out var target)) return null;
            targets.Add(target);
        }

        return new PersistedModel(model, targets);
    }

    /// <summary>
    /// The summary of the passes stored with the cursor; null outside them, for an older cursor, or when it does not read back.
    /// </summary>
    public static PortfolioSummary? ReadSummary(string? text)
    {
        var parts = Split(text);
        return parts is null || parts.Length != Fields ? null : PortfolioSummary.Parse(parts[15]);
    }

    private static string[]? Split(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var fields = text!.StartsWith(Version + "|", StringComparison.Ordinal) ? Fields
            : text.StartsWith(SecondVersion + "|", StringComparison.Ordinal) ? SecondVersionFields
            : text.StartsWith(FirstVersion + "|", StringComparison.Ordinal) ? FirstVersionFields
            : 0;
        if (fields == 0) return null;
        var parts = text.Split(new[] { '|' }, fields);
        return parts.Length == fields ? parts : null;
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
