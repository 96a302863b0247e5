using System;
using System.Linq;
using Crm.Extensions.Emulator.Faults;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Emulator.Tests;

public class StoreSnapshotTests
{
    private readonly DataverseEmulator _crm = EmulatorFixture.Create();

    [Fact]
    public void Should_ListCreatedUpdatedAndDeletedRowsPerTable_When_RequestsWrite()
    {
        var contact = _crm.Service.Create(new Entity("contact") { ["lastname"] = "Doe" });
        var account = _crm.Service.Create(new Entity("account")
        {
            ["name"] = "Contoso",
            ["primarycontactid"] = new EntityReference("contact", contact),
        });
        var before = _crm.Snapshot();

        var order = _crm.Service.Create(new Entity("test_order") { ["test_name"] = "new" });
        // account_primary_contact is RemoveLink (contact_customer_accounts would delete the contact instead; see
        // Peers/CascadePeerTests.cs), so the account is updated, not deleted.
        _crm.Service.Delete("contact", contact);
        var diff = before.DiffTo(_crm.Snapshot());

        Assert.Equal(order, Assert.Single(diff.Created("test_order")).Id);
        Assert.Equal(contact, Assert.Single(diff.Deleted("contact")).Id);
        var cascaded = Assert.Single(diff.Updated("account"));
        Assert.Equal(account, cascaded.Id);
        Assert.Contains("primarycontactid", cascaded.Columns);
        // The fixture's step on test_order creation writes a test_log row: writes made by plugins are listed too.
        Assert.Single(diff.Created("test_log"));
        Assert.True(diff.Changes.Count == 4, string.Join("\n", diff.Changes));
        Assert.Equal("account: 1 updated; contact: 1 deleted; test_log: 1 created; test_order: 1 created", diff.ToString());
    }

    [Fact]
    public void Should_FindNoChanges_When_ARequestIsRefused()
    {
        _crm.Service.Create(new Entity("contact") { ["lastname"] = "Doe" });
        var before = _crm.Snapshot();

        Faults.Expect(ErrorCodes.InvalidArgument, () => _crm.Service.Create(new Entity("contact") { ["firstname"] = 42 }));
        var diff = before.DiffTo(_crm.Snapshot());

        Assert.True(diff.IsEmpty, diff.ToString());
        Assert.Equal("no changes", diff.ToString());
    }

    [Fact]
    public void Should_ReportAnUpdateWithoutColumns_When_ARowIsRewrittenWithEqualValues()
    {
        var contact = _crm.Service.Create(new Entity("contact") { ["lastname"] = "Doe" });
        var before = _crm.Snapshot();

        _crm.Service.Update(new Entity("contact", contact) { ["lastname"] = "Doe" });
        var change = Assert.Single(before.DiffTo(_crm.Snapshot()).Changes);

        Assert.Equal(RowChangeKind.Updated, change.Kind);
        Assert.Equal(contact, change.Id);
        Assert.DoesNotContain("lastname", change.Columns);
    }

    [Fact]
    public void Should_KeepItsOwnCopyOfValues_When_RowsChangeAfterTheSnapshot()
    {
        var contact = _crm.Service.Create(new Entity("contact") { ["lastname"] = "Doe" });
        var before = _crm.Snapshot();

        _crm.Service.Update(new Entity("contact", contact) { ["lastname"] = "Roe" });

        Assert.Equal(new[] { "lastname" },
            Assert.Single(before.DiffTo(_crm.Snapshot()).Updated("contact")).Columns.Where(c => c == "lastname"));
        Assert.True(before.DiffTo(before).IsEmpty);
    }
}
