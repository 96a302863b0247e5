using System;
using System.Linq;
using Crm.Extensions.Emulator.Faults;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Emulator.Tests;

/// <summary>
/// The store's indexes: a read by an indexed column touches the rows it returns, not the table (counted by
/// <see cref="DataverseEmulator.RowsExamined"/>), and rollback leaves the indexes as it leaves the rows.
/// </summary>
public class IndexedStoreTests
{
    private const int TableSize = 2000;
    private readonly DataverseEmulator _crm = EmulatorFixture.Create();

    private Guid Account(string name)
    {
        var account = new Entity("account") { ["name"] = name };
        _crm.Seed(account);
        return account.Id;
    }

    private void Contacts(int count, Guid? account = null)
    {
        for (var i = 0; i < count; i++)
        {
            var contact = new Entity("contact") { ["lastname"] = "C" + i, ["emailaddress1"] = $"c{i}@example.com" };
            if (account is not null) contact["parentcustomerid"] = new EntityReference("account", account.Value);
            _crm.Seed(contact);
        }
    }

    /// <summary>Runs the query once to build the column's index (a one-time scan), then counts the rows a second run examines.</summary>
    private (int Returned, long Examined) Measure(QueryExpression query)
    {
        _crm.Service.RetrieveMultiple(query);
        _crm.ResetObservations();
        var returned = _crm.Service.RetrieveMultiple(query).Entities.Count;
        return (returned, _crm.RowsExamined);
    }

    private static QueryExpression ByEmail(string email)
    {
        var query = new QueryExpression("contact") { ColumnSet = new ColumnSet("lastname"), TopCount = 1 };
        query.Criteria.AddCondition("emailaddress1", ConditionOperator.Equal, email);
        return query;
    }

    private string[] LastNamesByEmail(string email) =>
        _crm.Service.RetrieveMultiple(ByEmail(email)).Entities.Select(e => e.GetAttributeValue<string>("lastname")).ToArray();

    [Fact]
    public void Should_ExamineOnlyTheMatchingRows_When_AQueryFiltersALookupWithIn()
    {
        Contacts(TableSize);
        var north = Account("North");
        var south = Account("South");
        Contacts(3, north);
        Contacts(2, south);
        var query = new QueryExpression("contact") { ColumnSet = new ColumnSet("lastname") };
        query.Criteria.AddCondition("parentcustomerid", ConditionOperator.In, north, south);

        var (returned, examined) = Measure(query);

        Assert.Equal(5, returned);
        Assert.Equal(5, examined);
    }

    [Fact]
    public void Should_ExamineOneRow_When_ATopOneQueryFiltersATextColumnByEquality()
    {
        Contacts(TableSize);

        var (returned, examined) = Measure(ByEmail("C1234@EXAMPLE.COM"));

        Assert.Equal(1, returned);
        Assert.Equal(1, examined);
    }

    [Fact]
    public void Should_ExamineEveryRow_When_NoIndexAnswersTheCondition()
    {
        Contacts(TableSize);
        var query = new QueryExpression("contact") { ColumnSet = new ColumnSet("lastname") };
        query.Criteria.AddCondition("emailaddress1", ConditionOperator.BeginsWith, "c1234@");

        var (returned, examined) = Measure(query);

        Assert.Equal(1, returned);
        Assert.True(examined >= TableSize, $"examined {examined}");
    }

    [Fact]
    public void Should_ExamineOneLinkedRowPerRow_When_ALinkJoinsOnTheLinkedPrimaryKey()
    {
        var north = Account("North");
        for (var i = 0; i < TableSize; i++) Account("Other " + i);
        Contacts(3, north);
        var query = new QueryExpression("contact") { ColumnSet = new ColumnSet("lastname") };
        query.Criteria.AddCondition("parentcustomerid", ConditionOperator.Equal, north);
        query.AddLink("account", "parentcustomerid", "accountid").Columns = new ColumnSet("name");

        var (returned, examined) = Measure(query);

        Assert.Equal(3, returned);
        Assert.Equal(6, examined);
    }

    [Fact]
    public void Should_FindRowsByTheirRestoredValues_When_ATransactionWithAnIndexedUpdateRollsBack()
    {
        Contacts(5);
        Assert.Single(LastNamesByEmail("c3@example.com"));
        var contact = _crm.All("contact").Single(c => c.GetAttributeValue<string>("emailaddress1") == "c3@example.com");
        var transaction = new ExecuteTransactionRequest { Requests = new OrganizationRequestCollection() };
        transaction.Requests.Add(
            new UpdateRequest { Target = new Entity("contact", contact.Id) { ["emailaddress1"] = "moved@example.com" } });
        transaction.Requests.Add(
            new CreateRequest { Target = new Entity("contact") { ["lastname"] = "new", ["emailaddress1"] = "c3@example.com" } });
        transaction.Requests.Add(new DeleteRequest { Target = new EntityReference("contact", _crm.All("contact")[0].Id) });
        transaction.Requests.Add(new CreateRequest { Target = new Entity("test_order") { ["test_name"] = "throw last" } });

        Faults.Expect(ErrorCodes.IsvAborted, () => _crm.Service.Execute(transaction));

        Assert.Equal(new[] { "C3" }, LastNamesByEmail("c3@example.com"));
        Assert.Empty(LastNamesByEmail("moved@example.com"));
        Assert.Equal(new[] { "C0" }, LastNamesByEmail("c0@example.com"));
        Assert.Equal(new[] { "C0", "C1", "C2", "C3", "C4" }, _crm.All("contact").Select(c => c.GetAttributeValue<string>("lastname")));
    }

    [Fact]
    public void Should_RefuseADuplicateKey_When_AKeyValueWasFreedAndTakenAgainInARolledBackTransaction()
    {
        var first = _crm.Service.Create(new Entity("test_order") { ["test_code"] = "A-1" });
        var transaction = new ExecuteTransactionRequest { Requests = new OrganizationRequestCollection() };
        transaction.Requests.Add(new UpdateRequest { Target = new Entity("test_order", first) { ["test_code"] = "A-2" } });
        transaction.Requests.Add(new CreateRequest { Target = new Entity("test_order") { ["test_code"] = "A-1" } });
        transaction.Requests.Add(new CreateRequest { Target = new Entity("test_order") { ["test_name"] = "throw last" } });
        Faults.Expect(ErrorCodes.IsvAborted, () => _crm.Service.Execute(transaction));

        Faults.Expect(ErrorCodes.DuplicateRecord, () => _crm.Service.Create(new Entity("test_order") { ["test_code"] = "a-1" }));
        var byKey = (RetrieveResponse)_crm.Service.Execute(new RetrieveRequest
        {
            Target = new EntityReference("test_order", "test_code", "A-1"),
            ColumnSet = new ColumnSet(false),
        });
        Assert.Equal(first, byKey.Entity.Id);
        Assert.Equal(1, _crm.Count("test_order"));
    }
}
