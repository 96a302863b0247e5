using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query
{
    [DataContract(Name = "ColumnSet", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class ColumnSet : IExtensibleDataObject
    {
        public ColumnSet()
        {
        }

        public ColumnSet(bool allColumns)
        {
            AllColumns = allColumns;
        }

        public ColumnSet(params string[] columns)
        {
            AddColumns(columns);
        }

        [DataMember]
        public bool AllColumns { get; set; }

        [DataMember]
        public DataCollection<string> Columns { get; set; } = new DataCollection<string>();

        [DataMember]
        public DataCollection<XrmAttributeExpression> AttributeExpressions { get; set; } = new DataCollection<XrmAttributeExpression>();

        public ExtensionDataObject ExtensionData { get; set; }

        public void AddColumns(params string[] columns)
        {
            if (columns == null) throw new ArgumentNullException(nameof(columns));
            foreach (var column in columns) AddColumn(column);
        }

        public void AddColumn(string column) => Columns.Add(column);
    }

    /// <summary>An aggregate or group-by column of a QueryExpression.</summary>
    [DataContract(Name = "AttributeExpression", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class XrmAttributeExpression : IExtensibleDataObject
    {
        public XrmAttributeExpression()
        {
        }

        public XrmAttributeExpression(string attributeName)
        {
            AttributeName = attributeName;
        }

        public XrmAttributeExpression(string attributeName, XrmAggregateType aggregateType)
            : this(attributeName)
        {
            AggregateType = aggregateType;
        }

        public XrmAttributeExpression(string attributeName, XrmAggregateType aggregateType, string alias)
            : this(attributeName, aggregateType)
        {
            Alias = alias;
        }

        public XrmAttributeExpression(string attributeName, XrmAggregateType aggregateType, string alias,
            XrmDateTimeGrouping dateTimeGrouping)
            : this(attributeName, aggregateType, alias)
        {
            DateTimeGrouping = dateTimeGrouping;
        }

        [DataMember]
        public string AttributeName { get; set; }

        [DataMember]
        public XrmAggregateType AggregateType { get; set; }

        [DataMember]
        public string Alias { get; set; }

        [DataMember]
        public bool HasGroupBy { get; set; }

        [DataMember]
        public XrmDateTimeGrouping DateTimeGrouping { get; set; }

        public ExtensionDataObject ExtensionData { get; set; }
    }
}
