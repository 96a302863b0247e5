using System.Collections.Generic;
using System.Runtime.Serialization;
using Microsoft.Xrm.Sdk.Metadata;

namespace Microsoft.Xrm.Sdk
{
    [DataContract(Name = "Label", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class Label : IExtensibleDataObject
    {
        public Label()
        {
            LocalizedLabels = new LocalizedLabelCollection();
        }

        public Label(string label, int languageCode)
            : this()
        {
            var localized = new LocalizedLabel(label, languageCode);
            LocalizedLabels.Add(localized);
            UserLocalizedLabel = localized;
        }

        public Label(LocalizedLabel userLocalizedLabel, LocalizedLabel[] labels)
        {
            UserLocalizedLabel = userLocalizedLabel;
            LocalizedLabels = new LocalizedLabelCollection(labels ?? new LocalizedLabel[0]);
        }

        [DataMember]
        public LocalizedLabelCollection LocalizedLabels { get; set; }

        [DataMember]
        public LocalizedLabel UserLocalizedLabel { get; set; }

        public ExtensionDataObject ExtensionData { get; set; }
    }

    [DataContract(Name = "LocalizedLabel", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class LocalizedLabel : MetadataBase
    {
        public LocalizedLabel()
        {
        }

        public LocalizedLabel(string label, int languageCode)
        {
            Label = label;
            LanguageCode = languageCode;
        }

        [DataMember]
        public string Label { get; set; }

        [DataMember]
        public int LanguageCode { get; set; }

        [DataMember]
        public bool? IsManaged { get; internal set; }
    }

    [CollectionDataContract(Name = "LocalizedLabelCollection", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
    public sealed class LocalizedLabelCollection : DataCollection<LocalizedLabel>
    {
        public LocalizedLabelCollection()
        {
        }

        public LocalizedLabelCollection(IList<LocalizedLabel> list)
            : base(list)
        {
        }
    }
}
