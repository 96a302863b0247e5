using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Crm.Extensions.Domain.Portfolio;

namespace Crm.Extensions.Dataverse.Portfolio;

/// <summary>What the writing units carry from the scoring unit: the model, and the segments that were target before.</summary>
public sealed record PersistedModel(ScoringModel Model, IReadOnlyList<Guid> PreviousTargets);

/// <summary>
/// <see cref="AnalysisState"/> and, once scored, the <see cref="ScoringModel"/> as the text of cx_cursor:
/// "v2|phase|table|page|expected|read|contacts|accounts|written|writtenTotal|changed|attempt|model|previousTargets|cookie".
/// The paging cookie goes last because it is the only free text (it may hold "|"); the model and the target ids hold none.
/// A "v1" cursor (written before units existed: no model) is still read, so an analysis in flight restarts its reading.
/// </summary>
public static class AnalysisCursor
{
    private const string Version = "v2";
    private const string FirstVersion = "v1";
    private const int FirstVersionFields = 13;
    private const int Fields = 15;
    private const int Numbers = 11;

    public static string Write(AnalysisState state, PersistedModel? model = null)
    {
        if (state is null) throw new ArgumentNullException(nameof(state));
        return string.Join("|", new[]
        {
            Version, Number((int)state.Phase), Number((int)state.Table), Number(state.PageNumber), Number(state.ExpectedCustomers),
            Number(state.CustomersRead), Number(state.ContactsToWrite), Number(state.AccountsToWrite), Number(state.WrittenInTable),
            Number(state.CustomersWritten), Number(state.CustomersChanged), Number(state.Attempt),
            model?.Model.ToText() ?? string.Empty,
            model is null ? string.Empty : string.Join(",", model.PreviousTargets.Select(id => id.ToString("D"))),
            state.PagingCookie ?? string.Empty,
        });
    }

    /// <summary>The state stored in <paramref name="text"/>; null when there is none or it is not a cursor of ours.</summary>
    public static AnalysisState? Read(string? text)
    {
        var parts = Split(text);
        if (parts is null) return null;
        var numbers = new int[Numbers];
        for (var i = 0; i < Numbers; i++)
        {
            if (!int.TryParse(parts[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out numbers[i])) return null;
        }

        if (!Enum.IsDefined(typeof(AnalysisPhase), numbers[0]) || !Enum.IsDefined(typeof(CustomerType), numbers[1])) return null;
        var cookie = parts[parts.Length - 1];
        return new AnalysisState(
            (AnalysisPhase)numbers[0], (CustomerType)numbers[1], numbers[2], cookie.Length == 0 ? null : cookie,
            numbers[3], numbers[4], numbers[5], numbers[6], numbers[7], numbers[8], numbers[9], numbers[10]);
    }

    /// <summary>The scoring model stored with the cursor; null before scoring, for a v1 cursor, or when it does not read back.</summary>
    public static PersistedModel? ReadModel(string? text)
    {
        var parts = Split(text);
        if (parts is null || parts.Length != Fields) return null;
        var model = ScoringModel.Parse(parts[Numbers + 1]);
        if (model is null) return null;
        var targets = new List<Guid>();
        foreach (var id in parts[Numbers + 2].Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Guid.TryParse(id, out var target)) return null;
            targets.Add(target);
        }

        return new PersistedModel(model, targets);
    }

    private static string[]? Split(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (text!.StartsWith(Version + "|", StringComparison.Ordinal))
        {
            var parts = text.Split(new[] { '|' }, Fields);
            return parts.Length == Fields ? parts : null;
        }

        if (text.StartsWith(FirstVersion + "|", StringComparison.Ordinal))
        {
            var parts = text.Split(new[] { '|' }, FirstVersionFields);
            return parts.Length == FirstVersionFields ? parts : null;
        }

        return null;
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
