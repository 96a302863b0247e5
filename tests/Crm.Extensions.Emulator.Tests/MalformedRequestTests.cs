using System;
using System.Collections.Generic;
using System.Linq;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Emulator.Tests;

/// <summary>
/// Every message the emulator knows, sent with malformed parameters: whatever goes wrong reaches the caller as a
/// FaultException&lt;OrganizationServiceFault&gt;, as from Dataverse, never as a .NET exception of the service's own code
/// (NotSupportedException, InvalidCastException, KeyNotFoundException, NullReferenceException...).
/// </summary>
public class MalformedRequestTests
{
    private static readonly string[] Messages =
    {
        "Create", "Update", "Delete", "Retrieve", "RetrieveMultiple", "Associate", "Disassociate", "SetState", "CreateMultiple",
        "UpdateMultiple", "Upsert", "UpsertMultiple", "DeleteMultiple", "Assign", "ExecuteMultiple", "ExecuteTransaction", "WhoAmI",
        "AddMemberList", "AddListMembersList", "RemoveMemberList", "RetrieveEntity", "RetrieveAttribute", "RetrieveAllEntities",
        "GrantAccess", "ModifyAccess", "RevokeAccess", "RetrievePrincipalAccess", "RetrieveSharedPrincipalsAndAccess", "test_Calculate",
        "NoSuchMessage",
    };

    private static readonly string[] ParameterNames =
    {
        "Target", "Targets", "Query", "ColumnSet", "Relationship", "RelatedEntities", "EntityMoniker", "State", "Status", "Requests",
        "Settings",
        "ListId", "EntityId", "MemberIds", "Assignee", "ConcurrencyBehavior", "RelatedEntitiesQuery", "ReturnResponses",
        "EntityFilters", "LogicalName", "EntityLogicalName", "MetadataId", "PrincipalAccess", "Principal", "Revokee",
    };

    /// <summary>Values of the wrong shape for any parameter: wrong types, nulls, empty references, broken queries.</summary>
    private static IEnumerable<object?> BadValues()
    {
        yield return null;
        yield return 42;
        yield return "text";
        yield return new object();
        yield return new Entity();
        yield return new Entity("account") { ["name"] = new List<int> { 1 } };
        yield return new Entity("account") { ["Name"] = "wrong case" };
        yield return new EntityReference();
        yield return new EntityReference("account", Guid.NewGuid());
        yield return new EntityCollection(new List<Entity> { new() });
        yield return new QueryExpression();
        yield return new QueryExpression("account") { Criteria = null!, ColumnSet = null! };
        yield return new QueryExpression("account") { PageInfo = null! };
        yield return new FetchExpression(null!);
        yield return new FetchExpression("<fetch><entity name='account'><filter><condition attribute='name' operator='' /></filter>"
            + "</entity></fetch>");
        yield return new QueryByAttribute("account") { Attributes = { "name" } };
        yield return new ColumnSet("no such column");
        yield return new Relationship();
        yield return new EntityReferenceCollection { null! };
        yield return new OrganizationRequestCollection { null! };
        yield return new Guid[] { Guid.NewGuid() };
        yield return new OptionSetValue(-5);
        yield return (Microsoft.Xrm.Sdk.Metadata.EntityFilters)0;
        yield return Guid.Empty;
        yield return new Microsoft.Crm.Sdk.Messages.PrincipalAccess();
        yield return new Microsoft.Crm.Sdk.Messages.PrincipalAccess { Principal = new EntityReference("team", Guid.NewGuid()) };
    }

    [Fact]
    public void Should_ReturnOnlyPlatformFaults_When_EveryMessageIsSentMalformed()
    {
        var crm = EmulatorFixture.Create();
        var escaped = new List<string>();
        var sent = 0;
        void Send(OrganizationRequest request, string description)
        {
            sent++;
            try
            {
                crm.Service.Execute(request);
            }
            catch (FaultException<OrganizationServiceFault>)
            {
                // The platform's answer to a malformed request.
            }
            catch (Exception exception)
            {
                escaped.Add($"{request.RequestName} {description}: {exception.GetType().Name}: {exception.Message}");
            }
        }

        foreach (var message in Messages)
        {
            Send(new OrganizationRequest(message), "without parameters");
            foreach (var name in ParameterNames)
            {
                foreach (var value in BadValues()) Send(new OrganizationRequest(message) { [name] = value }, $"{name}={Describe(value)}");
            }

            // Every parameter at once with the same bad value.
            foreach (var value in BadValues())
            {
                var request = new OrganizationRequest(message);
                foreach (var name in ParameterNames) request[name] = value;
                Send(request, $"all={Describe(value)}");
            }
        }

        Assert.True(sent > 8000, $"only {sent} requests were sent");
        Assert.True(escaped.Count == 0, string.Join(Environment.NewLine, escaped.Distinct().Take(40)));
    }

    private static string Describe(object? value) => value?.GetType().Name ?? "null";
}
