using Crm.Extensions.Emulator.Faults;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Emulator.Tests.Peers;

/// <summary>
/// Cascades from relationship metadata, from XrmMockup TestCascade. XrmMockup runs them on account_parent_account; here they run
/// on the fixture's relationships, whose cascade settings are explicit, so the facts (parent to children, not child to parent) are
/// kept without asserting the settings of a platform relationship. Behaviour per "Configure table relationship cascading behavior"
/// (https://learn.microsoft.com/power-apps/developer/data-platform/configure-entity-relationship-cascading-behavior).
/// </summary>
public class CascadePeerTests
{
    private readonly DataverseEmulator _crm = PeerFixture.Create();

    private (System.Guid Project, System.Guid Task) ProjectWithTask(string relationshipColumn = "peer_projectid")
    {
        var project = _crm.Add("peer_project", ("peer_name", "p"));
        var task = _crm.Add("peer_task", ("peer_name", "t"), (relationshipColumn, new EntityReference("peer_project", project)));
        return (project, task);
    }

    private OrganizationRequest Assign(string table, System.Guid id, System.Guid user) => new("Assign")
    {
        ["Target"] = new EntityReference(table, id),
        ["Assignee"] = new EntityReference("systemuser", user),
    };

    // XrmMockup TestCascade.TestCascadeDeleteParentToChildren
    [Fact]
    public void Should_DeleteTheChildren_When_AParentalParentIsDeleted()
    {
        var (project, task) = ProjectWithTask();
        _crm.Service.Delete("peer_project", project);
        Assert.Null(_crm.Get("peer_task", task));
    }

    // XrmMockup TestCascade.TestCascadeDeleteParentToChildAndParent (the cascade continues down the tree)
    [Fact]
    public void Should_DeleteGrandchildren_When_TheCascadeContinues()
    {
        var top = _crm.Add("peer_project", ("peer_name", "top"));
        var sub = _crm.Add("peer_project", ("peer_name", "sub"), ("peer_parentprojectid", new EntityReference("peer_project", top)));
        var task = _crm.Add("peer_task", ("peer_name", "t"), ("peer_projectid", new EntityReference("peer_project", sub)));
        _crm.Service.Delete("peer_project", top);
        Assert.Null(_crm.Get("peer_project", sub));
        Assert.Null(_crm.Get("peer_task", task));
    }

    // XrmMockup TestCascade.TestCascadeDeleteChildToParents
    [Fact]
    public void Should_KeepTheParent_When_AChildIsDeleted()
    {
        var (project, task) = ProjectWithTask();
        _crm.Service.Delete("peer_task", task);
        Assert.NotNull(_crm.Get("peer_project", project));
    }

    // The documentation's Restrict: the delete is refused while a referencing row exists, and nothing changes.
    [Fact]
    public void Should_RefuseAndChangeNothing_When_ARestrictRelationshipHasChildren()
    {
        var project = _crm.Add("peer_project", ("peer_name", "p"));
        var cascaded = _crm.Add("peer_task", ("peer_name", "c"), ("peer_projectid", new EntityReference("peer_project", project)));
        _crm.Add("peer_task", ("peer_name", "blocked"), ("peer_blockerid", new EntityReference("peer_project", project)));
        Faults.Expect(ErrorCodes.CascadeDeleteRestricted, () => _crm.Service.Delete("peer_project", project));
        Assert.NotNull(_crm.Get("peer_project", project));
        Assert.NotNull(_crm.Get("peer_task", cascaded));
    }

    // The documentation's RemoveLink: the child stays and loses the lookup.
    [Fact]
    public void Should_ClearTheLookup_When_ARemoveLinkParentIsDeleted()
    {
        var (project, task) = ProjectWithTask("peer_reviewerid");
        _crm.Service.Delete("peer_project", project);
        Assert.Null(_crm.Get("peer_task", task)!.GetAttributeValue<EntityReference>("peer_reviewerid"));
    }

    // contact_customer_accounts is parental ("contact_customer_accounts" in the account table reference): deleting the account
    // deletes its contacts.
    [Fact]
    public void Should_DeleteContacts_When_TheirParentAccountIsDeleted()
    {
        var account = _crm.Add("account", ("name", "Contoso"));
        var contact = _crm.Add("contact", ("lastname", "Doe"), ("parentcustomerid", new EntityReference("account", account)));
        _crm.Service.Delete("account", account);
        Assert.Null(_crm.Get("contact", contact));
    }

    // XrmMockup TestCascade.TestCascadeAssignParentToChildren
    [Fact]
    public void Should_AssignTheChildren_When_ACascadingParentIsAssigned()
    {
        var (project, task) = ProjectWithTask();
        var user = _crm.CreateUser("Owner");
        _crm.Service.Execute(Assign("peer_project", project, user));
        Assert.Equal(user, _crm.Get("peer_task", task)!.GetAttributeValue<EntityReference>("ownerid").Id);
    }

    // XrmMockup TestCascade.TestCascadeAssignChildToParents
    [Fact]
    public void Should_KeepTheParentsOwner_When_AChildIsAssigned()
    {
        var (project, task) = ProjectWithTask();
        var user = _crm.CreateUser("Owner");
        _crm.Service.Execute(Assign("peer_task", task, user));
        Assert.Equal(_crm.Users.DefaultUserId, _crm.Get("peer_project", project)!.GetAttributeValue<EntityReference>("ownerid").Id);
    }

    // XrmMockup TestCascade.TestCascadeAssignParentToChildAndParent: the cascade continues down the tree (Active: only active children)
    [Fact]
    public void Should_AssignOnlyActiveSubprojects_When_TheRelationshipCascadesActive()
    {
        var top = _crm.Add("peer_project", ("peer_name", "top"));
        var active = _crm.Add("peer_project", ("peer_name", "a"), ("peer_parentprojectid", new EntityReference("peer_project", top)));
        var inactive = _crm.Add("peer_project", ("peer_name", "i"), ("peer_parentprojectid", new EntityReference("peer_project", top)));
        _crm.Service.Update(new Entity("peer_project", inactive) { ["statecode"] = new OptionSetValue(1) });
        var user = _crm.CreateUser("Owner");
        _crm.Service.Execute(Assign("peer_project", top, user));
        Assert.Equal(user, _crm.Get("peer_project", active)!.GetAttributeValue<EntityReference>("ownerid").Id);
        Assert.Equal(_crm.Users.DefaultUserId, _crm.Get("peer_project", inactive)!.GetAttributeValue<EntityReference>("ownerid").Id);
    }

    // UserOwned: only children the previous owner owned follow (documentation, "Cascade User-owned").
    [Fact]
    public void Should_AssignOnlyThePreviousOwnersChildren_When_TheRelationshipCascadesUserOwned()
    {
        var project = _crm.Add("peer_project", ("peer_name", "p"));
        var other = _crm.CreateUser("Other");
        var mine = _crm.Add("peer_task", ("peer_name", "mine"), ("peer_reviewerid", new EntityReference("peer_project", project)));
        var theirs = _crm.Add("peer_task", ("peer_name", "theirs"), ("peer_reviewerid", new EntityReference("peer_project", project)),
            ("ownerid", new EntityReference("systemuser", other)));
        var user = _crm.CreateUser("Owner");
        _crm.Service.Execute(Assign("peer_project", project, user));
        Assert.Equal(user, _crm.Get("peer_task", mine)!.GetAttributeValue<EntityReference>("ownerid").Id);
        Assert.Equal(other, _crm.Get("peer_task", theirs)!.GetAttributeValue<EntityReference>("ownerid").Id);
    }

    // Changing ownerid through Update cascades the same way as Assign (the Update of ownerid is the assign operation).
    [Fact]
    public void Should_CascadeTheOwner_When_UpdateChangesOwnerId()
    {
        var (project, task) = ProjectWithTask();
        var user = _crm.CreateUser("Owner");
        _crm.Service.Update(new Entity("peer_project", project) { ["ownerid"] = new EntityReference("systemuser", user) });
        Assert.Equal(user, _crm.Get("peer_task", task)!.GetAttributeValue<EntityReference>("ownerid").Id);
    }

    // Many-to-many associations go with a deleted row (XrmMockup TestAssocDissoc.TestAssocDissocNN, then delete).
    [Fact]
    public void Should_RemoveAssociations_When_AnAssociatedRowIsDeleted()
    {
        var project = _crm.Add("peer_project", ("peer_name", "p"));
        var contact = _crm.Add("contact", ("lastname", "c"));
        _crm.Service.Associate("peer_project", project, new Relationship("peer_project_contact"),
            new EntityReferenceCollection { new EntityReference("contact", contact) });
        _crm.Service.Delete("contact", contact);
        Assert.Equal(0, _crm.Count("peer_project_contact"));
    }
}
