namespace Microsoft.Xrm.Sdk.Workflow
{
    public interface IWorkflowContext : IExecutionContext
    {
        IWorkflowContext ParentContext { get; }

        string StageName { get; }

        int WorkflowCategory { get; }

        /// <summary>0 = background, 1 = real-time. Documented as obsolete; not marked [Obsolete] because that is unverified.</summary>
        int WorkflowMode { get; }
    }
}
