using System;

namespace Microsoft.Xrm.Sdk.Workflow
{
    public interface IWorkflowArgument
    {
        object ArgumentValue { get; }
    }

    [Serializable]
    [AttributeUsage(AttributeTargets.All)]
    public sealed class ArgumentRequiredAttribute : Attribute, IWorkflowArgument
    {
        public ArgumentRequiredAttribute()
        {
        }

        public ArgumentRequiredAttribute(bool value)
        {
            Value = value;
        }

        public bool Value { get; set; }

        public object ArgumentValue => Value;
    }

    [Serializable]
    [AttributeUsage(AttributeTargets.All)]
    public sealed class ArgumentTargetAttribute : Attribute, IWorkflowArgument
    {
        public ArgumentTargetAttribute()
        {
        }

        public ArgumentTargetAttribute(bool value)
        {
            Value = value;
        }

        public bool Value { get; set; }

        public object ArgumentValue => Value;
    }

    [Serializable]
    [AttributeUsage(AttributeTargets.All)]
    public sealed class ArgumentDescriptionAttribute : Attribute, IWorkflowArgument
    {
        public ArgumentDescriptionAttribute()
        {
        }

        public ArgumentDescriptionAttribute(string value)
        {
            Value = value;
        }

        public string Value { get; set; } = string.Empty;

        public object ArgumentValue => Value;
    }
}
