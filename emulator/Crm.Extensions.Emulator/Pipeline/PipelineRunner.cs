using System;
using System.Collections.Generic;
using System.Linq;
using Crm.Extensions.Emulator.Faults;
using Crm.Extensions.Emulator.Metadata;
using Crm.Extensions.Emulator.Storage;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Emulator.Pipeline;

/// <summary>What one operation needs from the pipeline: its lanes and the platform's main operation (stage 30).</summary>
internal sealed class PipelineOperation
{
    public required List<PipelineLane> Lanes { get; init; }

    /// <summary>Runs inside the transaction after PreOperation; returns the response whose Results become OutputParameters.</summary>
    public required Func<Transaction, OrganizationResponse> Main { get; init; }

    /// <summary>Reads current rows by id for images; null when the message has none.</summary>
    public Func<string, Guid, Entity?>? ReadRow { get; init; }

    /// <summary>
    /// The platform's privilege check, run after PreValidation and before the transaction's stages; null when the message has none.
    /// </summary>
    public Action? Authorize { get; init; }

    /// <summary>Custom APIs: results limited to the declared response properties.</summary>
    public Func<string, bool>? IsResponseProperty { get; init; }
}

/// <summary>
/// The event pipeline: PreValidation (10, outside the transaction at the top level), PreOperation (20), the main
/// operation (30), PostOperation (40), steps in Rank order; async PostOperation steps queued for after commit.
/// One transaction per top-level request; any exception rolls back every write, including nested calls.
/// </summary>
internal sealed class PipelineRunner
{
    private readonly EmulatorEngine _engine;

    public PipelineRunner(EmulatorEngine engine) => _engine = engine;

    public OrganizationResponse Run(PipelineOperation operation, CallFrame frame, OrganizationRequest request)
    {
        var depth = frame.Depth + 1;
        if (depth > _engine.Options.MaxDepth)
        {
            throw PlatformFault.Create(ErrorCodes.SdkCorrelationTokenDepthTooHigh,
                "This workflow job was canceled because the workflow that started it included an infinite loop. Correct the workflow " +
                "logic and try again.");
        }

        PrepareLanes(operation, frame, request, depth);
        var isTopLevel = frame.Transaction is null;
        foreach (var lane in operation.Lanes) CaptureRows(operation, lane, lane.PreRows);

        RunStage(operation, 10, frame.Transaction);
        operation.Authorize?.Invoke();
        var transaction = frame.Transaction ?? _engine.Store.Begin();
        var started = _engine.Clock.UtcNow;
        try
        {
            foreach (var lane in operation.Lanes) lane.OperationContext.IsInTransaction = true;
            RunStage(operation, 20, transaction);

            var response = operation.Main(transaction);
            foreach (var lane in operation.Lanes)
            {
                foreach (var result in response.Results) lane.OperationContext.OutputParameters[result.Key] = result.Value;
                if (lane.PrimaryEntityId == Guid.Empty && response.Results.TryGetValue("id", out var id) && id is Guid created)
                    lane.PrimaryEntityId = created;
                lane.OperationContext.PrimaryEntityId = lane.PrimaryEntityId;
                CaptureRows(operation, lane, lane.PostRows);
            }

            RunStage(operation, 40, transaction);
            QueueAsyncSteps(operation, transaction);
            CopyOutputs(operation, response);

            _engine.Limits.CheckDuration(started);
            if (isTopLevel)
            {
                if (transaction.DoomedBy is not null) throw EmulatorEngine.NoActiveTransaction();
                transaction.Commit();
            }

            return response;
        }
        catch
        {
            if (isTopLevel && transaction.IsOpen) transaction.Rollback();
            throw;
        }
    }

    private void PrepareLanes(PipelineOperation operation, CallFrame frame, OrganizationRequest request, int depth)
    {
        var operationId = Guid.NewGuid();
        var createdOn = _engine.Clock.UtcNow;
        foreach (var lane in operation.Lanes)
        {
            lane.Steps = _engine.Catalog.Steps.Where(s => s.AppliesTo(lane.Message, lane.Table)).OrderBy(s => s.Stage).ThenBy(s => s.Rank)
                .ToList();
            PluginExecutionContext NewContext(int stage) => new()
            {
                Depth = depth,
                MessageName = lane.Message,
                PrimaryEntityName = lane.Table,
                RequestId = request.RequestId,
                InputParameters = lane.Input,
                SharedVariables = InheritedSharedVariables(frame, request),
                UserId = frame.UserId,
                InitiatingUserId = frame.InitiatingUserId,
                BusinessUnitId = _engine.Users.BusinessUnitOf(frame.UserId),
                OrganizationId = _engine.Users.OrganizationId,
                PrimaryEntityId = lane.PrimaryEntityId,
                CorrelationId = frame.CorrelationId,
                IsInTransaction = frame.Transaction is not null,
                OperationId = operationId,
                OperationCreatedOn = createdOn,
                Stage = stage,
                ParentContext = frame.ParentContext!,
            };

            lane.PreValidationContext = NewContext(10);
            lane.OperationContext = NewContext(20);
            // Stage 20/40 steps read what stage 10 steps shared through ParentContext.SharedVariables.
            lane.OperationContext.ParentContext = lane.PreValidationContext;
        }
    }

    private static ParameterCollection InheritedSharedVariables(CallFrame frame, OrganizationRequest request)
    {
        var shared = new ParameterCollection();
        if (frame.ParentContext is not null)
        {
            foreach (var pair in frame.ParentContext.SharedVariables) shared[pair.Key] = pair.Value;
        }

        if (request.Parameters.TryGetValue("tag", out var tag)) shared["tag"] = tag;
        return shared;
    }

    private void RunStage(PipelineOperation operation, int stage, Transaction? transaction)
    {
        foreach (var lane in operation.Lanes)
        {
            var stageContext = stage == 10 ? lane.PreValidationContext : lane.OperationContext;
            foreach (var step in lane.Steps)
            {
                if (step.Stage != stage || step.IsAsync || !lane.PassesFilter(step)) continue;
                var context = StepContext(lane, step, stageContext, mode: 0);
                _engine.Invoker.InvokeSync(step, context, transaction);
            }
        }
    }

    private PluginExecutionContext StepContext(PipelineLane lane, StepRegistration step, PluginExecutionContext stageContext, int mode)
    {
        var context = stageContext.ForStep(step.Stage, mode, step.RunAsUserId ?? stageContext.UserId);
        context.PrimaryEntityId = lane.PrimaryEntityId;
        // The tag optional parameter is an immutable shared variable: a step cannot change what the next one sees.
        if (lane.Input.TryGetValue("tag", out var tag)) context.SharedVariables["tag"] = tag;
        ImageBuilder.Apply(lane, step, context);
        return context;
    }

    private void QueueAsyncSteps(PipelineOperation operation, Transaction transaction)
    {
        foreach (var lane in operation.Lanes)
        {
            foreach (var step in lane.Steps.Where(s => s.IsAsync && s.Stage == 40 && lane.PassesFilter(s)))
            {
                var snapshot = Snapshot(StepContext(lane, step, lane.OperationContext, mode: 1));
                transaction.AfterCommit.Add(() => _engine.AsyncQueue.Enqueue(step, snapshot));
            }
        }
    }

    /// <summary>Async steps get a serialized copy of the context, as the system job stores it: later changes do not leak in.</summary>
    private static PluginExecutionContext Snapshot(PluginExecutionContext context)
    {
        var copy = context.ForStep(context.Stage, context.Mode, context.UserId);
        copy.IsInTransaction = false;
        copy.InputParameters = CopyParameters(context.InputParameters);
        copy.OutputParameters = CopyParameters(context.OutputParameters);
        copy.SharedVariables = CopyParameters(context.SharedVariables);
        copy.PreEntityImages = context.PreEntityImages;
        copy.PostEntityImages = context.PostEntityImages;
        copy.PreEntityImagesCollection = context.PreEntityImagesCollection;
        copy.PostEntityImagesCollection = context.PostEntityImagesCollection;
        return copy;
    }

    private static ParameterCollection CopyParameters(ParameterCollection source)
    {
        var copy = new ParameterCollection();
        foreach (var pair in source) copy[pair.Key] = ValueCopier.Copy(pair.Value);
        return copy;
    }

    private static void CaptureRows(PipelineOperation operation, PipelineLane lane, Dictionary<Guid, Entity> into)
    {
        if (operation.ReadRow is null || !lane.SupportsImages || !lane.Steps.Any(s => s.Images.Count > 0)) return;
        foreach (var id in lane.TargetIds())
        {
            if (id != Guid.Empty && operation.ReadRow(lane.Table, id) is { } row) into[id] = row;
        }
    }

    private static void CopyOutputs(PipelineOperation operation, OrganizationResponse response)
    {
        if (operation.IsResponseProperty is null) return;
        foreach (var pair in operation.Lanes[0].OperationContext.OutputParameters)
        {
            if (operation.IsResponseProperty(pair.Key)) response.Results[pair.Key] = pair.Value;
        }
    }
}
