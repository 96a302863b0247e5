namespace Crm.Extensions.Domain.Portfolio;

/// <summary>
/// Everything a plugin persists on cx_portfolioanalysis between units of work. Plain values only, so it maps to
/// columns one to one; build the next state with <see cref="AnalysisPlan"/>, never by hand.
/// </summary>
/// <param name="Table">The customer table being read or written.</param>
/// <param name="PageNumber">The next page to read (1-based).</param>
/// <param name="PagingCookie">The cookie returned with the previous page; null for the first page.</param>
/// <param name="ExpectedCustomers">Contacts + accounts counted at start; only used for progress.</param>
/// <param name="ContactsToWrite">Known after scoring.</param>
/// <param name="AccountsToWrite">Known after scoring.</param>
/// <param name="WrittenInTable">Rows of <paramref name="Table"/> already handled in the writing phase (the write cursor).</param>
/// <param name="Attempt">How many times the analysis has been (re)started.</param>
/// <param name="CustomersTotalled">Customers seen by the second pass so far (progress only).</param>
public sealed record AnalysisState(
    AnalysisPhase Phase,
    CustomerType Table,
    int PageNumber,
    string? PagingCookie,
    int ExpectedCustomers,
    int CustomersRead,
    int ContactsToWrite,
    int AccountsToWrite,
    int WrittenInTable,
    int CustomersWritten,
    int CustomersChanged,
    int Attempt,
    int CustomersTotalled = 0);
