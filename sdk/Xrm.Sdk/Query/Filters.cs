using System;
using System.Collections;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query
{
    [DataContract(Name = "ConditionExpression", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class ConditionExpression : IExtensibleDataObject
    {
        public ConditionExpression()
        {
        }

        public ConditionExpression(string attributeName, ConditionOperator conditionOperator, params object[] values)
            : this(null, attributeName, conditionOperator, false, values)
        {
        }

        public ConditionExpression(string entityName, string attributeName, ConditionOperator conditionOperator, params object[] values)
            : this(entityName, attributeName, conditionOperator, false, values)
        {
        }

        public ConditionExpression(string entityName, string attributeName, ConditionOperator conditionOperator, bool compareColumns,
            object[] values)
        {
            EntityName = entityName;
            AttributeName = attributeName;
            Operator = conditionOperator;
            CompareColumns = compareColumns;
            if (values != null) Values.AddRange(values);
        }

        public ConditionExpression(string entityName, string attributeName, ConditionOperator conditionOperator, bool compareColumns,
            object value)
            : this(entityName, attributeName, conditionOperator, compareColumns, new[] { value })
        {
        }

        public ConditionExpression(string attributeName, ConditionOperator conditionOperator, bool compareColumns, object value)
            : this(null, attributeName, conditionOperator, compareColumns, new[] { value })
        {
        }

        public ConditionExpression(string attributeName, ConditionOperator conditionOperator, bool compareColumns, object[] values)
            : this(null, attributeName, conditionOperator, compareColumns, values)
        {
        }

        public ConditionExpression(string attributeName, ConditionOperator conditionOperator, object value)
            : this(null, attributeName, conditionOperator, false, new[] { value })
        {
        }

        public ConditionExpression(string entityName, string attributeName, ConditionOperator conditionOperator, object value)
            : this(entityName, attributeName, conditionOperator, false, new[] { value })
        {
        }

        public ConditionExpression(string attributeName, ConditionOperator conditionOperator)
            : this(null, attributeName, conditionOperator, false, Array.Empty<object>())
        {
        }

        public ConditionExpression(string entityName, string attributeName, ConditionOperator conditionOperator)
            : this(entityName, attributeName, conditionOperator, false, Array.Empty<object>())
        {
        }

        public ConditionExpression(string attributeName, ConditionOperator conditionOperator, ICollection values)
            : this(null, attributeName, conditionOperator, false, ToArray(values))
        {
        }

        [DataMember(Order = 60)]
        public string EntityName { get; set; }

        [DataMember]
        public bool CompareColumns { get; set; }

        [DataMember]
        public string AttributeName { get; set; }

        [DataMember]
        public ConditionOperator Operator { get; set; }

        [DataMember]
        public DataCollection<object> Values { get; private set; } = new DataCollection<object>();

        public ExtensionDataObject ExtensionData { get; set; }

        private static object[] ToArray(ICollection values)
        {
            if (values == null) return Array.Empty<object>();
            var array = new object[values.Count];
            values.CopyTo(array, 0);
            return array;
        }
    }

    [DataContract(Name = "FilterExpression", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class FilterExpression : IExtensibleDataObject
    {
        public FilterExpression()
        {
        }

        public FilterExpression(LogicalOperator filterOperator)
        {
            FilterOperator = filterOperator;
        }

        [DataMember]
        public LogicalOperator FilterOperator { get; set; }

        [DataMember(Order = 82, EmitDefaultValue = false)]
        public string FilterHint { get; set; }

        [DataMember(Order = 51)]
        public bool IsQuickFindFilter { get; set; }

        [DataMember]
        public DataCollection<ConditionExpression> Conditions { get; private set; } = new DataCollection<ConditionExpression>();

        [DataMember]
        public DataCollection<FilterExpression> Filters { get; private set; } = new DataCollection<FilterExpression>();

        public ExtensionDataObject ExtensionData { get; set; }

        public void AddCondition(string attributeName, ConditionOperator conditionOperator, params object[] values) =>
            Conditions.Add(new ConditionExpression(attributeName, conditionOperator, values));

        public void AddCondition(string entityName, string attributeName, ConditionOperator conditionOperator, params object[] values) =>
            Conditions.Add(new ConditionExpression(entityName, attributeName, conditionOperator, values));

        public void AddCondition(string attributeName, ConditionOperator conditionOperator, bool compareColumns, object[] values) =>
            Conditions.Add(new ConditionExpression(attributeName, conditionOperator, compareColumns, values));

        public void AddCondition(string entityName, string attributeName, ConditionOperator conditionOperator, bool compareColumns,
            object[] values) =>
            Conditions.Add(new ConditionExpression(entityName, attributeName, conditionOperator, compareColumns, values));

        public void AddCondition(string attributeName, ConditionOperator conditionOperator, bool compareColumns, object value) =>
            Conditions.Add(new ConditionExpression(attributeName, conditionOperator, compareColumns, value));

        public void AddCondition(string entityName, string attributeName, ConditionOperator conditionOperator, bool compareColumns,
            object value) =>
            Conditions.Add(new ConditionExpression(entityName, attributeName, conditionOperator, compareColumns, value));

        public void AddCondition(ConditionExpression condition) => Conditions.Add(condition);

        public FilterExpression AddFilter(LogicalOperator logicalOperator)
        {
            var child = new FilterExpression(logicalOperator);
            Filters.Add(child);
            return child;
        }

        public void AddFilter(FilterExpression childFilter) => Filters.Add(childFilter);
    }
}
