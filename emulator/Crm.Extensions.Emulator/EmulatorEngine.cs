using System;
using System.Collections.Generic;
using System.ServiceModel;
using Crm.Extensions.Emulator.Faults;
using Crm.Extensions.Emulator.Messages;
using Crm.Extensions.Emulator.Metadata;
using Crm.Extensions.Emulator.Observability;
using Crm.Extensions.Emulator.Pipeline;
using Crm.Extensions.Emulator.Query;
using Crm.Extensions.Emulator.Security;
using Crm.Extensions.Emulator.Storage;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Emulator;

/// <summary>The emulator's parts, wired once. Every request enters through <see cref="Execute"/>.</summary>
internal sealed class EmulatorEngine
{
    private static readonly HashSet<string> ReadOnlyMessages = new(StringComparer.OrdinalIgnoreCase) { "Retrieve", "RetrieveMultiple",
        "WhoAmI" };

    public EmulatorEngine(MetadataCatalog catalog, EmulatorOptions options)
    {
        Catalog = catalog;
        Options = options;
        Clock = new EmulatorClock(options.StartTimeUtc);
        Users = new UserDirectory(catalog);
        FieldSecurity = new FieldSecurity(Users);
        Rows = new RowOperations(catalog, Store, FieldSecurity, () => Clock.UtcNow, () => Options.NewRowId());
        Queries = new QueryEngine(catalog, Store, Rows, FieldSecurity, () => Clock.UtcNow, Users.BusinessUnitOf) {
            FiscalCalendar = () => Options.FiscalCalendar };
        Duplicates = new DuplicateDetector(options, Store);
        Shares = new Shares(Store);
        Privileges = new PrivilegeChecker(Users, Shares);
        Queries.CanRead = Privileges.CanRead;
        Queries.Principal = PrincipalOf;
        Queries.PrimaryName = Rows.PrimaryName;
        Invoker = new StepInvoker(this);
        AsyncQueue = new AsyncQueue(this);
        Runner = new PipelineRunner(this);
        Limits = new ServiceLimits(options, Clock);
        Router = new MessageRouter(this);
    }

    public object Gate { get; } = new();

    public MetadataCatalog Catalog { get; }

    public EmulatorOptions Options { get; }

    public EmulatorClock Clock { get; }

    public DataStore Store { get; } = new();

    public UserDirectory Users { get; }

    public FieldSecurity FieldSecurity { get; }

    public RowOperations Rows { get; }

    public QueryEngine Queries { get; }

    public DuplicateDetector Duplicates { get; }

    public PrivilegeChecker Privileges { get; }

    public Shares Shares { get; }

    public PluginTypeRegistry PluginTypes { get; } = new();

    public StepInvoker Invoker { get; }

    public AsyncQueue AsyncQueue { get; }

    public PipelineRunner Runner { get; }

    public ServiceLimits Limits { get; }

    public MessageRouter Router { get; }

    public RequestCounters Counters { get; } = new();

    public List<FiredStep> FiredSteps { get; } = new();

    public List<TraceEntry> Traces { get; } = new();

    public List<string> Warnings { get; } = new();

    /// <summary>Simulated run time per step id, added to the clock each time the step's plugin runs.</summary>
    public Dictionary<Guid, TimeSpan> StepDurations { get; } = new();

    public OrganizationResponse Execute(OrganizationRequest request, CallFrame frame)
    {
        if (request is null) throw new ArgumentNullException(nameof(request));
        if (string.IsNullOrEmpty(request.RequestName))
        {
            throw PlatformFault.InvalidArgument("The request has no RequestName. / La solicitud no tiene RequestName.");
        }
        if (frame.FromPlugin) return ExecuteSerialised(request, frame);
        Limits.EnterCallerRequest();
        try
        {
            return ExecuteSerialised(request, frame);
        }
        finally
        {
            Limits.LeaveCallerRequest();
        }
    }

    /// <summary>
    /// One request at a time: the engine's state (rows, undo log, observations) is not thread-safe, so concurrent callers
    /// queue here. Plugin calls re-enter on the thread that already holds the gate.
    /// </summary>
    private OrganizationResponse ExecuteSerialised(OrganizationRequest request, CallFrame frame)
    {
        lock (Gate)
        {
            Counters.Count(request.RequestName, frame.FromPlugin);
            if (!frame.FromPlugin) Limits.OnCallerRequest();
            var started = Clock.UtcNow;
            Clock.Advance(Options.ClockAdvancePerRequest);
            if (frame.Transaction?.DoomedBy is not null) throw NoActiveTransaction();
            try
            {
                var response = Router.Route(request, frame);
                Counters.CountRows(response, frame.FromPlugin);
                return response;
            }
            catch (Exception exception) when (IsMalformedRequest(exception))
            {
                // A request the platform cannot read fails as a fault, never as a .NET exception of the service's own code.
                var fault = PlatformFault.InvalidArgument($"The {request.RequestName} request is not valid: {exception.Message}");
                if (frame.Transaction is not null && !ReadOnlyMessages.Contains(request.RequestName
                    ?? "")) frame.Transaction.DoomedBy ??= fault;
                throw fault;
            }
            catch (FaultException<OrganizationServiceFault> fault)
                when (frame.Transaction is not null && !ReadOnlyMessages.Contains(request.RequestName))
            {
                // A failed write inside a transaction dooms it, even if the plugin that made the call catches the fault.
                frame.Transaction.DoomedBy ??= fault;
                throw;
            }
            finally
            {
                if (!frame.FromPlugin) Limits.RecordExecution(started, Clock.UtcNow - started);
            }
        }
    }

    /// <summary>The caller's language (usersettings.uilanguageid, 1033 when unknown). Teams and reports are not modelled: none.</summary>
    public PrincipalFacts PrincipalOf(Guid userId) =>
        new(LanguageOf(userId), Array.Empty<Guid>(), Array.Empty<Guid>());

    public int LanguageOf(Guid userId) => Store.Find("usersettings", userId)?.Get("uilanguageid") is int language ? language : 1033;

    private static bool IsMalformedRequest(Exception exception) =>
        exception is NotSupportedException or InvalidCastException or KeyNotFoundException
        or NullReferenceException or FormatException or OverflowException or ArgumentException or IndexOutOfRangeException
        or System.Xml.XmlException;

    public static FaultException<OrganizationServiceFault> NoActiveTransaction() => PlatformFault.Create(ErrorCodes.UnexpectedError,
        "There is no active transaction. This error is usually caused by custom plug-ins that ignore errors from service calls and "
            + "continue processing.");
}
