using System;
using System.IO;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Emulator.Tests.Peers;

/// <summary>
/// The peer fidelity suite: cases from FakeXrmEasy's and XrmMockup's own test suites, re-expressed against this emulator.
/// Each test names its source (repository, file, test). FakeXrmEasy = jordimontana82/fake-xrm-easy (FakeXrmEasy.Tests.Shared);
/// XrmMockup = delegateas/XrmMockup (tests/XrmMockup365Test). The fixture (Fixtures/PeerSolution) adds peer_project and
/// peer_task: labelled choices in English and Spanish, metadata defaults, and Cascade / Restrict / RemoveLink relationships.
/// </summary>
internal static class PeerFixture
{
    public static string SolutionFolder => Path.Combine(AppContext.BaseDirectory, "Fixtures", "PeerSolution");

    public static DataverseEmulator Create(EmulatorOptions? options = null) =>
        DataverseEmulator.FromSolution(SolutionFolder, options ?? new EmulatorOptions());

    public static Guid Add(this DataverseEmulator crm, string table, params (string Column, object? Value)[] values)
    {
        var entity = new Entity(table);
        foreach (var (column, value) in values) entity[column] = value;
        return crm.Service.Create(entity);
    }

    public static string?[] Names(this EntityCollection rows, string column) =>
        rows.Entities.Select(e => e.GetAttributeValue<object>(column) switch
        {
            AliasedValue aliased => aliased.Value?.ToString(),
            null => null,
            var value => value.ToString(),
        }).ToArray();

    public static EntityCollection Query(this DataverseEmulator crm, string table, Action<QueryExpression> shape)
    {
        var query = new QueryExpression(table) { ColumnSet = new ColumnSet(true) };
        shape(query);
        return crm.Service.RetrieveMultiple(query);
    }

    public static EntityCollection Fetch(this DataverseEmulator crm, string fetchXml) =>
        crm.Service.RetrieveMultiple(new FetchExpression(fetchXml));
}
