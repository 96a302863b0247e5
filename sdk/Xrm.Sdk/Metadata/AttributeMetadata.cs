using System.Collections.Generic;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Metadata
{
    [DataContract(Name = "AttributeMetadata", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata")]
    [KnownType(typeof(StringAttributeMetadata))]
    [KnownType(typeof(MemoAttributeMetadata))]
    [KnownType(typeof(IntegerAttributeMetadata))]
    [KnownType(typeof(BigIntAttributeMetadata))]
    [KnownType(typeof(DecimalAttributeMetadata))]
    [KnownType(typeof(DoubleAttributeMetadata))]
    [KnownType(typeof(MoneyAttributeMetadata))]
    [KnownType(typeof(DateTimeAttributeMetadata))]
    [KnownType(typeof(BooleanAttributeMetadata))]
    [KnownType(typeof(PicklistAttributeMetadata))]
    [KnownType(typeof(MultiSelectPicklistAttributeMetadata))]
    [KnownType(typeof(StateAttributeMetadata))]
    [KnownType(typeof(StatusAttributeMetadata))]
    [KnownType(typeof(EntityNameAttributeMetadata))]
    [KnownType(typeof(LookupAttributeMetadata))]
    [KnownType(typeof(UniqueIdentifierAttributeMetadata))]
    public class AttributeMetadata : MetadataBase
    {
        public AttributeMetadata()
        {
        }

        protected AttributeMetadata(AttributeTypeCode attributeType)
        {
            AttributeType = attributeType;
        }

        protected AttributeMetadata(AttributeTypeCode attributeType, string schemaName)
        {
            AttributeType = attributeType;
            SchemaName = schemaName;
        }

        [DataMember]
        public string LogicalName { get; set; }

        [DataMember]
        public string SchemaName { get; set; }

        [DataMember]
        public string EntityLogicalName { get; internal set; }

        [DataMember]
        public AttributeTypeCode? AttributeType { get; internal set; }

        [DataMember]
        public string AttributeOf { get; internal set; }

        [DataMember]
        public Label DisplayName { get; set; }

        [DataMember]
        public AttributeRequiredLevelManagedProperty RequiredLevel { get; set; }

        [DataMember]
        public bool? IsPrimaryId { get; internal set; }

        [DataMember]
        public bool? IsPrimaryName { get; internal set; }

        [DataMember]
        public bool? IsCustomAttribute { get; internal set; }

        [DataMember]
        public bool? IsSecured { get; set; }

        [DataMember]
        public bool? IsValidForCreate { get; internal set; }

        [DataMember]
        public bool? IsValidForRead { get; internal set; }

        [DataMember]
        public bool? IsValidForUpdate { get; internal set; }
    }

    [DataContract(Name = "StringAttributeMetadata", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata")]
    public sealed class StringAttributeMetadata : AttributeMetadata
    {
        public StringAttributeMetadata()
            : base(AttributeTypeCode.String)
        {
        }

        public StringAttributeMetadata(string schemaName)
            : base(AttributeTypeCode.String, schemaName)
        {
        }

        [DataMember]
        public int? MaxLength { get; set; }
    }

    [DataContract(Name = "MemoAttributeMetadata", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata")]
    public sealed class MemoAttributeMetadata : AttributeMetadata
    {
        public MemoAttributeMetadata()
            : base(AttributeTypeCode.Memo)
        {
        }

        public MemoAttributeMetadata(string schemaName)
            : base(AttributeTypeCode.Memo, schemaName)
        {
        }

        [DataMember]
        public int? MaxLength { get; set; }
    }

    [DataContract(Name = "IntegerAttributeMetadata", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata")]
    public sealed class IntegerAttributeMetadata : AttributeMetadata
    {
        public IntegerAttributeMetadata()
            : base(AttributeTypeCode.Integer)
        {
        }

        public IntegerAttributeMetadata(string schemaName)
            : base(AttributeTypeCode.Integer, schemaName)
        {
        }

        [DataMember]
        public int? MinValue { get; set; }

        [DataMember]
        public int? MaxValue { get; set; }
    }

    [DataContract(Name = "BigIntAttributeMetadata", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata")]
    public sealed class BigIntAttributeMetadata : AttributeMetadata
    {
        public BigIntAttributeMetadata()
            : base(AttributeTypeCode.BigInt)
        {
        }

        public BigIntAttributeMetadata(string schemaName)
            : base(AttributeTypeCode.BigInt, schemaName)
        {
        }

        [DataMember]
        public long? MinValue { get; set; }

        [DataMember]
        public long? MaxValue { get; set; }
    }

    [DataContract(Name = "DecimalAttributeMetadata", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata")]
    public sealed class DecimalAttributeMetadata : AttributeMetadata
    {
        public DecimalAttributeMetadata()
            : base(AttributeTypeCode.Decimal)
        {
        }

        public DecimalAttributeMetadata(string schemaName)
            : base(AttributeTypeCode.Decimal, schemaName)
        {
        }

        [DataMember]
        public decimal? MinValue { get; set; }

        [DataMember]
        public decimal? MaxValue { get; set; }

        [DataMember]
        public int? Precision { get; set; }
    }

    [DataContract(Name = "DoubleAttributeMetadata", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata")]
    public sealed class DoubleAttributeMetadata : AttributeMetadata
    {
        public DoubleAttributeMetadata()
            : base(AttributeTypeCode.Double)
        {
        }

        public DoubleAttributeMetadata(string schemaName)
            : base(AttributeTypeCode.Double, schemaName)
        {
        }

        [DataMember]
        public double? MinValue { get; set; }

        [DataMember]
        public double? MaxValue { get; set; }

        [DataMember]
        public int? Precision { get; set; }
    }

    [DataContract(Name = "MoneyAttributeMetadata", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata")]
    public sealed class MoneyAttributeMetadata : AttributeMetadata
    {
        public MoneyAttributeMetadata()
            : base(AttributeTypeCode.Money)
        {
        }

        public MoneyAttributeMetadata(string schemaName)
            : base(AttributeTypeCode.Money, schemaName)
        {
        }

        [DataMember]
        public double? MinValue { get; set; }

        [DataMember]
        public double? MaxValue { get; set; }

        [DataMember]
        public int? Precision { get; set; }
    }

    [DataContract(Name = "DateTimeAttributeMetadata", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata")]
    public sealed class DateTimeAttributeMetadata : AttributeMetadata
    {
        public DateTimeAttributeMetadata()
            : base(AttributeTypeCode.DateTime)
        {
        }

        public DateTimeAttributeMetadata(string schemaName)
            : base(AttributeTypeCode.DateTime, schemaName)
        {
        }
    }

    [DataContract(Name = "UniqueIdentifierAttributeMetadata", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata")]
    public sealed class UniqueIdentifierAttributeMetadata : AttributeMetadata
    {
        public UniqueIdentifierAttributeMetadata()
            : base(AttributeTypeCode.Uniqueidentifier)
        {
        }

        public UniqueIdentifierAttributeMetadata(string schemaName)
            : base(AttributeTypeCode.Uniqueidentifier, schemaName)
        {
        }
    }

    [DataContract(Name = "LookupAttributeMetadata", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata")]
    public sealed class LookupAttributeMetadata : AttributeMetadata
    {
        public LookupAttributeMetadata()
            : base(AttributeTypeCode.Lookup)
        {
        }

        [DataMember]
        public string[] Targets { get; set; }
    }

    [DataContract(Name = "BooleanAttributeMetadata", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata")]
    public sealed class BooleanAttributeMetadata : AttributeMetadata
    {
        public BooleanAttributeMetadata()
            : base(AttributeTypeCode.Boolean)
        {
        }

        public BooleanAttributeMetadata(string schemaName, BooleanOptionSetMetadata optionSet)
            : base(AttributeTypeCode.Boolean, schemaName)
        {
            OptionSet = optionSet;
        }

        [DataMember]
        public bool? DefaultValue { get; set; }

        [DataMember]
        public BooleanOptionSetMetadata OptionSet { get; set; }
    }

    [DataContract(Name = "EnumAttributeMetadata", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata")]
    public abstract class EnumAttributeMetadata : AttributeMetadata
    {
        protected EnumAttributeMetadata()
        {
        }

        protected EnumAttributeMetadata(AttributeTypeCode attributeType, string schemaName)
            : base(attributeType, schemaName)
        {
        }

        [DataMember]
        public OptionSetMetadata OptionSet { get; set; }
    }

    [DataContract(Name = "PicklistAttributeMetadata", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata")]
    public sealed class PicklistAttributeMetadata : EnumAttributeMetadata
    {
        public PicklistAttributeMetadata()
            : base(AttributeTypeCode.Picklist, null)
        {
        }

        public PicklistAttributeMetadata(string schemaName)
            : base(AttributeTypeCode.Picklist, schemaName)
        {
        }

        [DataMember]
        public int? DefaultFormValue { get; set; }
    }

    [DataContract(Name = "MultiSelectPicklistAttributeMetadata", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata")]
    public sealed class MultiSelectPicklistAttributeMetadata : EnumAttributeMetadata
    {
        public MultiSelectPicklistAttributeMetadata()
            : base(AttributeTypeCode.Virtual, null)
        {
        }

        public MultiSelectPicklistAttributeMetadata(string schemaName)
            : base(AttributeTypeCode.Virtual, schemaName)
        {
        }
    }

    [DataContract(Name = "StateAttributeMetadata", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata")]
    public sealed class StateAttributeMetadata : EnumAttributeMetadata
    {
        public StateAttributeMetadata()
            : base(AttributeTypeCode.State, null)
        {
        }
    }

    [DataContract(Name = "StatusAttributeMetadata", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata")]
    public sealed class StatusAttributeMetadata : EnumAttributeMetadata
    {
        public StatusAttributeMetadata()
            : base(AttributeTypeCode.Status, null)
        {
        }
    }

    [DataContract(Name = "EntityNameAttributeMetadata", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata")]
    public sealed class EntityNameAttributeMetadata : EnumAttributeMetadata
    {
        public EntityNameAttributeMetadata()
            : base(AttributeTypeCode.EntityName, null)
        {
        }
    }

    [DataContract(Name = "OptionSetMetadataBase", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata")]
    [KnownType(typeof(OptionSetMetadata))]
    [KnownType(typeof(BooleanOptionSetMetadata))]
    public abstract class OptionSetMetadataBase : MetadataBase
    {
        [DataMember]
        public string Name { get; set; }

        [DataMember]
        public Label DisplayName { get; set; }

        [DataMember]
        public bool? IsGlobal { get; set; }

        [DataMember]
        public OptionSetType? OptionSetType { get; set; }
    }

    [DataContract(Name = "OptionSetMetadata", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata")]
    public sealed class OptionSetMetadata : OptionSetMetadataBase
    {
        public OptionSetMetadata()
        {
            Options = new OptionMetadataCollection();
        }

        public OptionSetMetadata(OptionMetadataCollection options)
        {
            Options = options;
        }

        [DataMember]
        public OptionMetadataCollection Options { get; internal set; }
    }

    [DataContract(Name = "BooleanOptionSetMetadata", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata")]
    public sealed class BooleanOptionSetMetadata : OptionSetMetadataBase
    {
        public BooleanOptionSetMetadata()
        {
        }

        public BooleanOptionSetMetadata(OptionMetadata trueOption, OptionMetadata falseOption)
        {
            TrueOption = trueOption;
            FalseOption = falseOption;
        }

        [DataMember]
        public OptionMetadata TrueOption { get; set; }

        [DataMember]
        public OptionMetadata FalseOption { get; set; }
    }

    [DataContract(Name = "OptionMetadata", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata")]
    [KnownType(typeof(StatusOptionMetadata))]
    public class OptionMetadata : MetadataBase
    {
        public OptionMetadata()
        {
        }

        public OptionMetadata(int value)
        {
            Value = value;
        }

        public OptionMetadata(Label label, int? value)
        {
            Label = label;
            Value = value;
        }

        [DataMember]
        public int? Value { get; set; }

        [DataMember]
        public Label Label { get; set; }
    }

    [DataContract(Name = "StatusOptionMetadata", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata")]
    public sealed class StatusOptionMetadata : OptionMetadata
    {
        public StatusOptionMetadata()
        {
        }

        public StatusOptionMetadata(int value, int? state)
            : base(value)
        {
            State = state;
        }

        [DataMember]
        public int? State { get; set; }
    }

    [CollectionDataContract(Name = "OptionMetadataCollection", Namespace = "http://schemas.microsoft.com/xrm/2011/Metadata")]
    public sealed class OptionMetadataCollection : DataCollection<OptionMetadata>
    {
        public OptionMetadataCollection()
        {
        }

        public OptionMetadataCollection(IList<OptionMetadata> list)
            : base(list)
        {
        }
    }
}
