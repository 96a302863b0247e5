using System;

namespace Microsoft.Xrm.Sdk.Workflow
{
    public interface IWorkflowContext : IExecutionContext
    {
        IWorkflowContext ParentContext { get; }

        string StageName { get; }

        int WorkflowCategory { get; }

        [Obsolete("This property is obsolete.")]
        int WorkflowMode { get; }
    }
}
