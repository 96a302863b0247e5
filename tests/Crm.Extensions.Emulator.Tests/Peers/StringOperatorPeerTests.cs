using Crm.Extensions.Emulator.Faults;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Emulator.Tests.Peers;

/// <summary>String operators and LIKE wildcards, from the peers' string-operator suites.</summary>
public class StringOperatorPeerTests
{
    private readonly DataverseEmulator _crm = PeerFixture.Create();

    public StringOperatorPeerTests()
    {
        foreach (var name in new[] { "Alpha", "beta", "Charlie", "delta", "Echo", "juliet", "kilo" }) _crm.Add("account", ("name", name));
    }

    private string?[] Names(ConditionOperator op, params object[] values) =>
        _crm.Query("account", q => { q.Criteria.AddCondition("name", op, values); q.AddOrder("name", OrderType.Ascending); }).Names("name");

    // FakeXrmEasy StringOperatorsTests.When_executing_a_query_expression_begins_with_operator_is_case_insensitive
    [Fact]
    public void Should_IgnoreCase_When_BeginsWithIsUsed() => Assert.Equal(new[] { "Alpha" }, Names(ConditionOperator.BeginsWith, "ALP"));

    // FakeXrmEasy StringOperatorsTests.When_executing_a_query_expression_ends_with_operator_is_case_insensitive
    [Fact]
    public void Should_IgnoreCase_When_EndsWithIsUsed() => Assert.Equal(new[] { "Charlie" }, Names(ConditionOperator.EndsWith, "LIE"));

    // FakeXrmEasy StringOperatorsTests.When_executing_a_query_expression_like_operator_is_case_insensitive
    [Fact]
    public void Should_IgnoreCase_When_LikeIsUsed() => Assert.Equal(new[] { "beta" }, Names(ConditionOperator.Like, "%ETA"));

    // FakeXrmEasy StringOperatorsTests.When_executing_a_query_expression_with_beginswith_operator_right_result_is_returned
    [Fact]
    public void Should_ReturnMatches_When_DoesNotBeginWithIsUsed() =>
        Assert.DoesNotContain("Alpha", Names(ConditionOperator.DoesNotBeginWith, "a"));

    // FakeXrmEasy StringOperatorsTests.When_executing_a_query_expression_with_endswith_operator_right_result_is_returned
    [Fact]
    public void Should_ExcludeMatches_When_DoesNotEndWithIsUsed() => Assert.Equal(4, Names(ConditionOperator.DoesNotEndWith, "a").Length);

    // FakeXrmEasy StringOperatorsTests.When_executing_a_query_expression_with_lessthan_operator_right_result_is_returned
    [Fact]
    public void Should_CompareTextCaseInsensitively_When_LessThanIsUsed() =>
        Assert.Equal(new[] { "Alpha", "beta" }, Names(ConditionOperator.LessThan, "c"));

    // FakeXrmEasy StringOperatorsTests.When_executing_a_query_expression_with_greaterthanorequal_operator_right_result_is_returned
    [Fact]
    public void Should_IncludeTheBoundary_When_GreaterEqualIsUsed() =>
        Assert.Equal(new[] { "juliet", "kilo" }, Names(ConditionOperator.GreaterEqual, "JULIET"));

    // FakeXrmEasy StringOperatorsTests.When_executing_a_query_expression_with_contains_operator_right_result_is_returned.
    // The peer returns matches; Microsoft's ConditionOperator reference says Contains works only on full-text indexed columns and
    // otherwise fails with a generic SQL error, so this case follows the documentation
    // (https://learn.microsoft.com/dotnet/api/microsoft.xrm.sdk.query.conditionoperator).
    [Fact]
    public void Should_FailWithGenericSqlError_When_ContainsTargetsAColumnWithoutFullTextIndex() =>
        Faults.Expect(ErrorCodes.SqlError, () => Names(ConditionOperator.Contains, "lph"));

    // Same peer case, DoesNotContain side; same documentation page.
    [Fact]
    public void Should_FailWithGenericSqlError_When_DoesNotContainIsUsed() =>
        Faults.Expect(ErrorCodes.SqlError, () => Names(ConditionOperator.DoesNotContain, "lph"));

    // Like character classes: "Use wildcard characters in conditions for string values"
    // (https://learn.microsoft.com/power-apps/developer/data-platform/wildcard-characters); peer FakeXrmEasy
    // StringOperatorsTests covers % only, the classes are the documentation's.
    [Fact]
    public void Should_MatchARange_When_LikeUsesACharacterRange() =>
        Assert.Equal(new[] { "Alpha", "beta", "Charlie" }, Names(ConditionOperator.Like, "[a-c]%"));

    // Same documentation page: [^...] excludes.
    [Fact]
    public void Should_ExcludeARange_When_LikeUsesANegatedRange() =>
        Assert.Equal(new[] { "juliet", "kilo" }, Names(ConditionOperator.Like, "[^a-i]%"));

    // Same documentation page: a set of characters.
    [Fact]
    public void Should_MatchASet_When_LikeUsesACharacterSet() =>
        Assert.Equal(new[] { "juliet", "kilo" }, Names(ConditionOperator.Like, "[jk]%"));

    // Same documentation page: _ is one character.
    [Fact]
    public void Should_MatchOneCharacter_When_LikeUsesUnderscore() => Assert.Equal(new[] { "kilo" }, Names(ConditionOperator.Like, "k_lo"));

    // XrmMockup TestRetrieveMultiple.RetrieveMultipleBeginsWith
    [Fact]
    public void Should_ReturnRowsStartingWithTheText_When_FetchUsesBeginsWith() =>
        Assert.Equal(new[] { "Echo" },
            _crm.Fetch("<fetch><entity name='account'><filter><condition attribute='name' operator='begins-with' value='ec' /></filter>"
                + "</entity></fetch>").Names("name"));

    // XrmMockup TestRetrieveMultiple.TestQueryExpressionDoesNotBeginWithExcludesNull
    [Fact]
    public void Should_ExcludeNullRows_When_DoesNotBeginWithIsUsed()
    {
        _crm.Add("account", ("accountnumber", "X1"));
        var rows = _crm.Query("account", q => q.Criteria.AddCondition("name", ConditionOperator.DoesNotBeginWith, "zz"));
        Assert.Equal(7, rows.Entities.Count);
    }
}
