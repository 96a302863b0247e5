namespace Crm.Extensions.Emulator.Faults;

/// <summary>
/// Dataverse error codes the emulator raises, named as in Microsoft's "Web service error codes" list.
/// Tests assert on these numbers, so a plugin test proves the same contract the platform enforces.
/// </summary>
public static class ErrorCodes
{
    /// <summary>0x80040265: an InvalidPluginExecutionException thrown by a plugin.</summary>
    public const int IsvAborted = -2147220891;

    /// <summary>0x80040224: any other exception thrown by a plugin.</summary>
    public const int IsvUnExpected = -2147220956;

    /// <summary>0x80040217: the row does not exist.</summary>
    public const int ObjectDoesNotExist = -2147220969;

    /// <summary>0x80040237: a row with the same alternate-key values exists.</summary>
    public const int DuplicateRecord = -2147220937;

    /// <summary>0x80041103: the table has no such column.</summary>
    public const int QueryBuilderNoAttribute = -2147217149;

    /// <summary>0x80041102: no such table.</summary>
    public const int QueryBuilderNoEntity = -2147217150;

    /// <summary>0x80040203: a value of the wrong type or out of range.</summary>
    public const int InvalidArgument = -2147220989;

    /// <summary>0x80040220: the caller lacks a privilege (also used for secured columns).</summary>
    public const int PrivilegeDenied = -2147220960;

    /// <summary>0x80044331: a string longer than the column's maximum length.</summary>
    public const int StringLengthTooLong = -2147204303;

    /// <summary>0x80044182: the depth of nested plugin calls reached the loop guard.</summary>
    public const int SdkCorrelationTokenDepthTooHigh = -2147204734;

    /// <summary>Aggregate query over more than 50,000 rows.</summary>
    public const int AggregateQueryRecordLimitExceeded = -2147164125;

    /// <summary>RowVersion differs from the stored row.</summary>
    public const int ConcurrencyVersionMismatch = -2147088254;

    /// <summary>IfRowVersionMatches without a RowVersion.</summary>
    public const int ConcurrencyVersionNotProvided = -2147088253;

    /// <summary>IfRowVersionMatches on a table without optimistic concurrency.</summary>
    public const int OptimisticConcurrencyNotEnabled = -2147088243;

    /// <summary>Duplicate detection found a match.</summary>
    public const int DuplicateRecordsFound = -2147220685;

    /// <summary>Service protection: number of requests exceeded.</summary>
    public const int ThrottlingRequests = -2147015902;

    /// <summary>Service protection: combined execution time exceeded.</summary>
    public const int ThrottlingTime = -2147015903;

    /// <summary>Service protection: concurrent requests exceeded.</summary>
    public const int ThrottlingConcurrency = -2147015898;

    /// <summary>
    /// Request-shape errors (batch too large, nested batches, missing custom API parameter). Dataverse reports these as
    /// invalid arguments; the distinguishing fact tests rely on is in ErrorDetails (for example MaxBatchSize).
    /// </summary>
    public const int InvalidRequest = InvalidArgument;

    /// <summary>
    /// Simple paging (no paging cookie) past 50,000 rows. The message is the platform's; its numeric code was not found in
    /// Microsoft's published list in this session, so the emulator reports it as an invalid argument and names the limit in ErrorDetails.
    /// </summary>
    public const int PagingCookieRequired = InvalidArgument;

    /// <summary>0x80048306 (SecLib::AccessCheckEx): the caller holds the privilege, but not at a depth that reaches this row.</summary>
    public const int AccessCheckFailed = -2147187962;

    /// <summary>
    /// Delete refused by a Restrict cascade. The numeric code was not found in Microsoft's published list in this session, so it is
    /// reported as an invalid argument naming the relationship in ErrorDetails ("CascadeDelete").
    /// </summary>
    public const int CascadeDeleteRestricted = InvalidArgument;

    /// <summary>0x80044150: Generic SQL error (what a Contains condition on a column without a full-text index gets).</summary>
    public const int SqlError = -2147204784;

    /// <summary>0x80040216: generic platform failure, used for a nested failure swallowed by a plugin.</summary>
    public const int UnexpectedError = -2147220970;
}
