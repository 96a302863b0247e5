using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query
{
    [DataContract(Name = "QueryExpression", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class QueryExpression : QueryBase
    {
        public QueryExpression()
        {
        }

        public QueryExpression(string entityName)
        {
            EntityName = entityName;
        }

        [DataMember]
        public bool Distinct { get; set; }

        [DataMember]
        public bool NoLock { get; set; }

        [DataMember]
        public QueryExpression SubQueryExpression { get; set; }

        [DataMember]
        public PagingInfo PageInfo { get; set; } = new PagingInfo();

        [DataMember]
        public string QueryHints { get; set; }

        [DataMember]
        public string DataSource { get; set; }

        [DataMember]
        public FilterExpression Criteria { get; set; } = new FilterExpression();

        [DataMember]
        public string EntityName { get; set; }

        [DataMember]
        public ColumnSet ColumnSet { get; set; } = new ColumnSet();

        [DataMember]
        public int? TopCount { get; set; }

        [DataMember]
        public DataCollection<LinkEntity> LinkEntities { get; private set; } = new DataCollection<LinkEntity>();

        [DataMember]
        public DataCollection<OrderExpression> Orders { get; private set; } = new DataCollection<OrderExpression>();

        public void AddOrder(string attributeName, OrderType orderType) => Orders.Add(new OrderExpression(attributeName, orderType));

        public void AddOrder(string attributeName, OrderType orderType, string alias, string entityName) =>
            Orders.Add(new OrderExpression(attributeName, orderType, alias, entityName));

        public LinkEntity AddLink(string linkToEntityName, string linkFromAttributeName, string linkToAttributeName) =>
            AddLink(linkToEntityName, linkFromAttributeName, linkToAttributeName, JoinOperator.Inner);

        public LinkEntity AddLink(string linkToEntityName, string linkFromAttributeName, string linkToAttributeName,
            JoinOperator joinOperator)
        {
            var link = new LinkEntity(EntityName, linkToEntityName, linkFromAttributeName, linkToAttributeName, joinOperator);
            LinkEntities.Add(link);
            return link;
        }
    }

    [DataContract(Name = "LinkEntity", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class LinkEntity : IExtensibleDataObject
    {
        public LinkEntity()
        {
        }

        public LinkEntity(string linkFromEntityName, string linkToEntityName, string linkFromAttributeName, string linkToAttributeName,
            JoinOperator joinOperator)
        {
            LinkFromEntityName = linkFromEntityName;
            LinkToEntityName = linkToEntityName;
            LinkFromAttributeName = linkFromAttributeName;
            LinkToAttributeName = linkToAttributeName;
            JoinOperator = joinOperator;
        }

        [DataMember]
        public string LinkFromAttributeName { get; set; }

        [DataMember]
        public string LinkFromEntityName { get; set; }

        [DataMember]
        public string LinkToEntityName { get; set; }

        [DataMember]
        public string LinkToAttributeName { get; set; }

        [DataMember]
        public JoinOperator JoinOperator { get; set; }

        [DataMember]
        public FilterExpression LinkCriteria { get; set; } = new FilterExpression();

        [DataMember]
        public ColumnSet Columns { get; set; } = new ColumnSet();

        [DataMember]
        public string EntityAlias { get; set; }

        [DataMember]
        public DataCollection<LinkEntity> LinkEntities { get; private set; } = new DataCollection<LinkEntity>();

        [DataMember(Order = 80)]
        public DataCollection<OrderExpression> Orders { get; private set; } = new DataCollection<OrderExpression>();

        public ExtensionDataObject ExtensionData { get; set; }

        public LinkEntity AddLink(string linkToEntityName, string linkFromAttributeName, string linkToAttributeName) =>
            AddLink(linkToEntityName, linkFromAttributeName, linkToAttributeName, JoinOperator.Inner);

        public LinkEntity AddLink(string linkToEntityName, string linkFromAttributeName, string linkToAttributeName,
            JoinOperator joinOperator)
        {
            var link = new LinkEntity(LinkToEntityName, linkToEntityName, linkFromAttributeName, linkToAttributeName, joinOperator);
            LinkEntities.Add(link);
            return link;
        }
    }

    [DataContract(Name = "OrderExpression", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class OrderExpression : IExtensibleDataObject
    {
        public OrderExpression()
        {
        }

        public OrderExpression(string attributeName, OrderType orderType)
        {
            AttributeName = attributeName;
            OrderType = orderType;
        }

        public OrderExpression(string attributeName, OrderType orderType, string alias)
            : this(attributeName, orderType)
        {
            Alias = alias;
        }

        public OrderExpression(string attributeName, OrderType orderType, string alias, string entityName)
            : this(attributeName, orderType, alias)
        {
            EntityName = entityName;
        }

        [DataMember]
        public string AttributeName { get; set; }

        [DataMember]
        public OrderType OrderType { get; set; }

        [DataMember]
        public string Alias { get; set; }

        [DataMember]
        public string EntityName { get; set; }

        public ExtensionDataObject ExtensionData { get; set; }
    }
}
