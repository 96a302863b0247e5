using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Crm.Extensions.Emulator.Metadata;
using Crm.Extensions.Emulator.Observability;
using Crm.Extensions.Emulator.Pipeline;
using Crm.Extensions.Emulator.Security;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Emulator;

/// <summary>
/// An in-memory Dataverse environment built from a solution folder. A test seeds rows, acts through
/// <see cref="Service"/> (or <see cref="ServiceAs"/>), and asserts on stored rows and <see cref="FiredSteps"/>.
/// </summary>
public sealed partial class DataverseEmulator : IOrganizationServiceFactory
{
    private readonly EmulatorEngine _engine;

    private DataverseEmulator(MetadataCatalog catalog, EmulatorOptions options, IEnumerable<Assembly> pluginAssemblies)
    {
        _engine = new EmulatorEngine(catalog, options);
        foreach (var assembly in pluginAssemblies) _engine.PluginTypes.AddAssembly(assembly);
        foreach (var step in catalog.Steps) _engine.PluginTypes.Resolve(step.PluginTypeName);
        foreach (var api in catalog.CustomApis.Values.Where(a => a.PluginTypeName is not null))
            _engine.PluginTypes.Resolve(api.PluginTypeName!);
        SeedPlatformRows();
        Service = ServiceAs(Users.DefaultUserId);
    }

    /// <summary>Loads the solution at <paramref name="solutionFolder"/> on top of the built-in standard tables.</summary>
    public static DataverseEmulator FromSolution(string solutionFolder, params Assembly[] pluginAssemblies) =>
        FromSolution(solutionFolder, new EmulatorOptions(), pluginAssemblies);

    public static DataverseEmulator FromSolution(string solutionFolder, EmulatorOptions options, params Assembly[] pluginAssemblies)
    {
        var catalog = new MetadataCatalog();
        SolutionLoader.LoadInto(catalog, solutionFolder);
        StandardTables.LoadInto(catalog);
        catalog.Complete();
        var emulator = new DataverseEmulator(catalog, options, pluginAssemblies);
        emulator.Seed(EnvironmentVariableDefinitions.Read(solutionFolder).ToArray());
        return emulator;
    }

    /// <summary>Only the standard tables, no steps: for tests of platform behaviour alone.</summary>
    public static DataverseEmulator StandardTablesOnly(EmulatorOptions? options = null)
    {
        var catalog = new MetadataCatalog();
        StandardTables.LoadInto(catalog);
        catalog.Complete();
        return new DataverseEmulator(catalog, options ?? new EmulatorOptions(), Array.Empty<Assembly>());
    }

    /// <summary>Acts as the default user, a system administrator.</summary>
    public IOrganizationService Service { get; }

    public MetadataCatalog Metadata => _engine.Catalog;

    public EmulatorOptions Options => _engine.Options;

    public EmulatorClock Clock => _engine.Clock;

    public UserDirectory Users => _engine.Users;

    /// <summary>Every step execution, in order: plugin type, message, table, stage, mode, depth.</summary>
    public IReadOnlyList<FiredStep> FiredSteps => _engine.FiredSteps;

    /// <summary>Everything plugins wrote to ITracingService, with the execution that wrote it.</summary>
    public IReadOnlyList<TraceEntry> Traces => _engine.Traces;

    public RequestCounters Requests => _engine.Counters;

    /// <summary>
    /// Stored rows that queries and key checks have read since the last <see cref="ResetObservations"/>: a scan counts the
    /// table, an indexed read what the index returned. Shows whether a read is O(result) or O(table).
    /// </summary>
    public long RowsExamined => _engine.Store.RowsExamined;

    public IReadOnlyList<SystemJob> SystemJobs => _engine.AsyncQueue.Jobs;

    public int PendingAsyncJobs => _engine.AsyncQueue.Pending;

    public IReadOnlyList<string> Warnings => _engine.Warnings;

    /// <summary>How many plugin instances exist: one per step that has fired, however often.</summary>
    public int PluginInstanceCount => _engine.PluginTypes.InstanceCount;

    /// <summary>A service acting as <paramref name="userId"/> (CallerId impersonation).</summary>
    public IOrganizationService ServiceAs(Guid userId) =>
        new EmulatedOrganizationService(_engine, new CallFrame { UserId = userId, InitiatingUserId = userId });

    /// <summary>IOrganizationServiceFactory for code that takes one; null means SYSTEM.</summary>
    public IOrganizationService CreateOrganizationService(Guid? userId) => ServiceAs(userId ?? Users.SystemUserId);

    /// <summary>
    /// Adds a user (systemuser and usersettings rows). Non-administrators are subject to column security. With
    /// <paramref name="roles"/> (names of the solution's security roles) the user's table privileges are checked too;
    /// without, they are not, so tests about other behaviour need no role set-up.
    /// </summary>
    public Guid CreateUser(string fullName, bool isAdministrator = false, int uiLanguageId = 1033, IEnumerable<string>? roles = null) =>
        CreateUser(Guid.NewGuid(), fullName, isAdministrator, uiLanguageId, roles);

    /// <summary>Adds a user with a known id, for steps registered to run as that user.</summary>
    public Guid CreateUser(Guid id, string fullName, bool isAdministrator = false, int uiLanguageId = 1033,
        IEnumerable<string>? roles = null)
    {
        AddUser(id, fullName, isAdministrator, uiLanguageId);
        if (roles is not null) Users.AssignRoles(id, roles);
        return id;
    }

    /// <summary>
    /// Writes rows directly, as already existing data: validated against metadata, but no steps fire and nothing is counted.
    /// </summary>
    public void Seed(params Entity[] rows)
    {
        lock (_engine.Gate)
        {
            foreach (var row in rows) row.Id = _engine.Rows.Create(row, Users.SystemUserId, enforceSecurity: false);
        }
    }

    /// <summary>The committed row with every column, or null. Reads bypass security and counters.</summary>
    public Entity? Get(string table, Guid id) => _engine.Rows.Read(table, id);

    /// <summary>Committed rows of a table, in creation order.</summary>
    public IReadOnlyList<Entity> All(string table) =>
        _engine.Store.Rows(_engine.Catalog.Table(table).LogicalName)
            .Select(r => _engine.Rows.Project(_engine.Catalog.Table(table), r, new ColumnSet(true))).ToList();

    public int Count(string table) => _engine.Store.Count(_engine.Catalog.Table(table).LogicalName);

    /// <summary>Runs queued async steps (and any they queue) until none is left. Returns how many plugin executions ran.</summary>
    public int DrainAsyncJobs(DrainOrder order = DrainOrder.Fifo)
    {
        lock (_engine.Gate) return _engine.AsyncQueue.Drain(order);
    }

    /// <summary>Secure configuration is not part of a solution: a test supplies it per step name before the step first runs.</summary>
    public void SetSecureConfiguration(string stepName, string secureConfiguration)
    {
        var step = _engine.Catalog.Steps.FirstOrDefault(s => s.Name == stepName)
            ?? throw new ArgumentException($"No step named '{stepName}'.", nameof(stepName));
        _engine.PluginTypes.SetSecureConfiguration(step.Id, secureConfiguration);
    }

    /// <summary>
    /// Makes every execution of the named step take <paramref name="duration"/> on the emulator clock, so tests can drive the
    /// 2-minute operation timeout, the slow-plugin warning and the execution-time throttling limit without waiting.
    /// </summary>
    public void SetPluginDuration(string stepName, TimeSpan duration)
    {
        var step = _engine.Catalog.Steps.FirstOrDefault(s => s.Name == stepName)
            ?? throw new ArgumentException($"No step named '{stepName}'.", nameof(stepName));
        lock (_engine.Gate) _engine.StepDurations[step.Id] = duration;
    }

    /// <summary>Forgets fired steps, traces and request counts (not data), so a test can measure one act.</summary>
    public void ResetObservations()
    {
        _engine.FiredSteps.Clear();
        _engine.Traces.Clear();
        _engine.Counters.Reset();
        _engine.Store.RowsExamined = 0;
    }

    private void SeedPlatformRows()
    {
        Seed(new Entity("businessunit", Users.RootBusinessUnitId) { ["name"] = "Root" });
        // As in Dataverse, nobody signs in as SYSTEM: the row is disabled (plugins find it as the disabled user named SYSTEM).
        AddUser(Users.SystemUserId, "SYSTEM", administrator: true, 1033, disabled: true);
        AddUser(Users.DefaultUserId, "Test Administrator", administrator: true, 1033);
    }

    private void AddUser(Guid id, string fullName, bool administrator, int uiLanguageId, bool disabled = false)
    {
        _engine.Users.Register(id, administrator, Users.RootBusinessUnitId);
        Seed(
            new Entity("systemuser", id)
            {
                ["fullname"] = fullName, ["isdisabled"] = disabled,
                ["businessunitid"] = new EntityReference("businessunit", Users.RootBusinessUnitId),
            },
            new Entity("usersettings", id) { ["uilanguageid"] = uiLanguageId });
    }
}
