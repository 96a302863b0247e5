using System;
using System.Globalization;
using Crm.Extensions.Domain.Portfolio;

namespace Crm.Extensions.Dataverse.Portfolio;

/// <summary>
/// <see cref="AnalysisState"/> as the text of cx_cursor: "v1|phase|table|page|expected|read|contacts|accounts|written|
/// writtenTotal|changed|attempt|cookie". The paging cookie goes last because it is the only free text (it may hold "|").
/// </summary>
public static class AnalysisCursor
{
    private const string Version = "v1";
    private const int Fields = 13;

    public static string Write(AnalysisState state)
    {
        if (state is null) throw new ArgumentNullException(nameof(state));
        return string.Join("|", new[]
        {
            Version, Number((int)state.Phase), Number((int)state.Table), Number(state.PageNumber), Number(state.ExpectedCustomers),
            Number(state.CustomersRead), Number(state.ContactsToWrite), Number(state.AccountsToWrite), Number(state.WrittenInTable),
            Number(state.CustomersWritten), Number(state.CustomersChanged), Number(state.Attempt), state.PagingCookie ?? string.Empty,
        });
    }

    /// <summary>The state stored in <paramref name="text"/>; null when there is none or it is not a cursor of this version.</summary>
    public static AnalysisState? Read(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var parts = text!.Split(new[] { '|' }, Fields);
        if (parts.Length != Fields || parts[0] != Version) return null;
        var numbers = new int[Fields - 2];
        for (var i = 1; i < Fields - 1; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out numbers[i - 1])) return null;
        }

        if (!Enum.IsDefined(typeof(AnalysisPhase), numbers[0]) || !Enum.IsDefined(typeof(CustomerType), numbers[1])) return null;
        return new AnalysisState(
            (AnalysisPhase)numbers[0], (CustomerType)numbers[1], numbers[2], parts[Fields - 1].Length == 0 ? null : parts[Fields - 1],
            numbers[3], numbers[4], numbers[5], numbers[6], numbers[7], numbers[8], numbers[9], numbers[10]);
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
