namespace Crm.Extensions.Domain.Portfolio;

public enum AnalysisStepKind
{
    ReadPage = 1,
    Score = 2,
    WritePage = 3,
    WriteSegments = 4,
    Done = 5,

    /// <summary>A page of the second pass (<see cref="AnalysisPhase.Totalling"/>).</summary>
    TotalPage = 6,
}

/// <summary>
/// The next unit of work. For ReadPage and TotalPage: table, page, cookie and size; for WritePage: table, page, cookie, rows
/// of the table already written (offset) and size.
/// </summary>
public sealed record AnalysisStep(AnalysisStepKind Kind, CustomerType Table, int PageNumber, string? PagingCookie, int Offset, int Size);
