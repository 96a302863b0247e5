namespace Crm.Extensions.Domain.Portfolio;

public enum AnalysisStepKind
{
    ReadPage = 1,
    Score = 2,
    WriteBatch = 3,
    WriteSegments = 4,
    Done = 5,
}

/// <summary>The next unit of work. For ReadPage: table, page, cookie and size; for WriteBatch: table, offset and size.</summary>
public sealed record AnalysisStep(AnalysisStepKind Kind, CustomerType Table, int PageNumber, string? PagingCookie, int Offset, int Size);
