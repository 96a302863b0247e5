using System;
using System.Collections.Generic;
using System.Linq;
using Crm.Extensions.Emulator.Metadata;
using Crm.Extensions.Emulator.Observability;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Emulator.Pipeline;

public enum DrainOrder
{
    /// <summary>First queued, first run.</summary>
    Fifo,

    /// <summary>Last queued, first run: Dataverse guarantees no order, so tests can check they do not depend on one.</summary>
    Reversed,
}

/// <summary>
/// Async steps wait here as system jobs from the commit of their transaction until a test drains the queue.
/// A job failing with OperationStatus.Retry is attempted up to 4 times; any other failure is recorded on the job.
/// </summary>
internal sealed class AsyncQueue
{
    public const int MaxAttempts = 4;

    private readonly EmulatorEngine _engine;
    private readonly List<(StepRegistration Step, PluginExecutionContext Context, SystemJob Job)> _waiting = new();

    public AsyncQueue(EmulatorEngine engine) => _engine = engine;

    public List<SystemJob> Jobs { get; } = new();

    public int Pending => _waiting.Count;

    public void Enqueue(StepRegistration step, PluginExecutionContext context)
    {
        var job = new SystemJob(step.Name.Length > 0 ? step.Name : step.PluginTypeName);
        Jobs.Add(job);
        _waiting.Add((step, context, job));
    }

    /// <summary>Runs every waiting job, and any job those raise, until none is left. Returns how many executions ran.</summary>
    public int Drain(DrainOrder order)
    {
        var executions = 0;
        while (_waiting.Count > 0)
        {
            var batch = order == DrainOrder.Fifo ? _waiting.ToList() : Enumerable.Reverse(_waiting).ToList();
            _waiting.Clear();
            foreach (var (step, context, job) in batch) executions += Run(step, context, job);
        }

        return executions;
    }

    private int Run(StepRegistration step, PluginExecutionContext context, SystemJob job)
    {
        while (true)
        {
            job.Attempts++;
            try
            {
                // Outside any transaction: each call the async plugin makes commits on its own.
                _engine.Invoker.InvokeRaw(step, context, transaction: null);
                job.Status = SystemJobStatus.Succeeded;
                return job.Attempts;
            }
            catch (InvalidPluginExecutionException retry) when (retry.Status == OperationStatus.Retry && job.Attempts < MaxAttempts)
            {
                job.Messages.Add(retry.Message);
            }
            catch (Exception failure)
            {
                job.Status = SystemJobStatus.Failed;
                job.Error = StepInvoker.ToFault(failure).Detail.Message;
                job.Messages.Add(failure.Message);
                return job.Attempts;
            }
        }
    }
}
