using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query
{
    [DataContract(Name = "ConditionOperator", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public enum ConditionOperator
    {
        [EnumMember] Equal = 0,
        [EnumMember] NotEqual = 1,
        [EnumMember] GreaterThan = 2,
        [EnumMember] LessThan = 3,
        [EnumMember] GreaterEqual = 4,
        [EnumMember] LessEqual = 5,
        [EnumMember] Like = 6,
        [EnumMember] NotLike = 7,
        [EnumMember] In = 8,
        [EnumMember] NotIn = 9,
        [EnumMember] Between = 10,
        [EnumMember] NotBetween = 11,
        [EnumMember] Null = 12,
        [EnumMember] NotNull = 13,
        [EnumMember] Yesterday = 14,
        [EnumMember] Today = 15,
        [EnumMember] Tomorrow = 16,
        [EnumMember] Last7Days = 17,
        [EnumMember] Next7Days = 18,
        [EnumMember] LastWeek = 19,
        [EnumMember] ThisWeek = 20,
        [EnumMember] NextWeek = 21,
        [EnumMember] LastMonth = 22,
        [EnumMember] ThisMonth = 23,
        [EnumMember] NextMonth = 24,
        [EnumMember] On = 25,
        [EnumMember] OnOrBefore = 26,
        [EnumMember] OnOrAfter = 27,
        [EnumMember] LastYear = 28,
        [EnumMember] ThisYear = 29,
        [EnumMember] NextYear = 30,
        [EnumMember] LastXHours = 31,
        [EnumMember] NextXHours = 32,
        [EnumMember] LastXDays = 33,
        [EnumMember] NextXDays = 34,
        [EnumMember] LastXWeeks = 35,
        [EnumMember] NextXWeeks = 36,
        [EnumMember] LastXMonths = 37,
        [EnumMember] NextXMonths = 38,
        [EnumMember] LastXYears = 39,
        [EnumMember] NextXYears = 40,
        [EnumMember] EqualUserId = 41,
        [EnumMember] NotEqualUserId = 42,
        [EnumMember] EqualBusinessId = 43,
        [EnumMember] NotEqualBusinessId = 44,
        [EnumMember] ChildOf = 45,
        [EnumMember] Mask = 46,
        [EnumMember] NotMask = 47,
        [EnumMember] MasksSelect = 48,
        [EnumMember] Contains = 49,
        [EnumMember] DoesNotContain = 50,
        [EnumMember] EqualUserLanguage = 51,
        [EnumMember] NotOn = 52,
        [EnumMember] OlderThanXMonths = 53,
        [EnumMember] BeginsWith = 54,
        [EnumMember] DoesNotBeginWith = 55,
        [EnumMember] EndsWith = 56,
        [EnumMember] DoesNotEndWith = 57,
        [EnumMember] ThisFiscalYear = 58,
        [EnumMember] ThisFiscalPeriod = 59,
        [EnumMember] NextFiscalYear = 60,
        [EnumMember] NextFiscalPeriod = 61,
        [EnumMember] LastFiscalYear = 62,
        [EnumMember] LastFiscalPeriod = 63,
        [EnumMember] LastXFiscalYears = 64,
        [EnumMember] LastXFiscalPeriods = 65,
        [EnumMember] NextXFiscalYears = 66,
        [EnumMember] NextXFiscalPeriods = 67,
        [EnumMember] InFiscalYear = 68,
        [EnumMember] InFiscalPeriod = 69,
        [EnumMember] InFiscalPeriodAndYear = 70,
        [EnumMember] InOrBeforeFiscalPeriodAndYear = 71,
        [EnumMember] InOrAfterFiscalPeriodAndYear = 72,
        [EnumMember] EqualUserTeams = 73,
        [EnumMember] EqualUserOrUserTeams = 74,
        [EnumMember] Under = 75,
        [EnumMember] NotUnder = 76,
        [EnumMember] UnderOrEqual = 77,
        [EnumMember] Above = 78,
        [EnumMember] AboveOrEqual = 79,
        [EnumMember] EqualUserOrUserHierarchy = 80,
        [EnumMember] EqualUserOrUserHierarchyAndTeams = 81,
        [EnumMember] OlderThanXYears = 82,
        [EnumMember] OlderThanXWeeks = 83,
        [EnumMember] OlderThanXDays = 84,
        [EnumMember] OlderThanXHours = 85,
        [EnumMember] OlderThanXMinutes = 86,
        [EnumMember] ContainValues = 87,
        [EnumMember] DoesNotContainValues = 88,
    }

    [DataContract(Name = "LogicalOperator", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public enum LogicalOperator
    {
        [EnumMember] And = 0,
        [EnumMember] Or = 1,
    }

    [DataContract(Name = "OrderType", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public enum OrderType
    {
        [EnumMember] Ascending = 0,
        [EnumMember] Descending = 1,
    }

    [DataContract(Name = "JoinOperator", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public enum JoinOperator
    {
        [EnumMember] Inner = 0,
        [EnumMember] LeftOuter = 1,
        [EnumMember] Natural = 2,
        [EnumMember] MatchFirstRowUsingCrossApply = 3,
        [EnumMember] In = 4,
        [EnumMember] Exists = 5,
        [EnumMember] Any = 6,
        [EnumMember] NotAny = 7,
        [EnumMember] All = 8,
        [EnumMember] NotAll = 9,
    }

    [DataContract(Name = "AggregateType", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public enum XrmAggregateType
    {
        [EnumMember] None = 0,
        [EnumMember] Count = 1,
        [EnumMember] CountColumn = 2,
        [EnumMember] Sum = 3,
        [EnumMember] Avg = 4,
        [EnumMember] Min = 5,
        [EnumMember] Max = 6,
    }

    [DataContract(Name = "DateTimeGroupingType", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public enum XrmDateTimeGrouping
    {
        [EnumMember] None = 0,
        [EnumMember] Day = 1,
        [EnumMember] Week = 2,
        [EnumMember] Month = 3,
        [EnumMember] Quarter = 4,
        [EnumMember] Year = 5,
        [EnumMember] FiscalPeriod = 6,
        [EnumMember] FiscalYear = 7,
    }
}
