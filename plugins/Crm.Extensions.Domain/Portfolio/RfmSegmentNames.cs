using System;
using Crm.Extensions.Domain.Localization;

namespace Crm.Extensions.Domain.Portfolio;

/// <summary>Display names of segments and groups, for cx_customersegment names and user messages.</summary>
public static class RfmSegmentNames
{
    public static LocalizedText For(RfmSegment segment) => segment switch
    {
        RfmSegment.Champions => new LocalizedText("Champions", "Campeones"),
        RfmSegment.Loyal => new LocalizedText("Loyal", "Fieles"),
        RfmSegment.PotentialLoyalists => new LocalizedText("Potential loyalists", "Potencialmente fieles"),
        RfmSegment.New => new LocalizedText("New", "Nuevos"),
        RfmSegment.Promising => new LocalizedText("Promising", "Prometedores"),
        RfmSegment.NeedAttention => new LocalizedText("Need attention", "Requieren atención"),
        RfmSegment.AboutToSleep => new LocalizedText("About to sleep", "A punto de dormirse"),
        RfmSegment.AtRisk => new LocalizedText("At risk", "En riesgo"),
        RfmSegment.CantLose => new LocalizedText("Can't lose", "No podemos perderlos"),
        RfmSegment.Hibernating => new LocalizedText("Hibernating", "Hibernando"),
        RfmSegment.Prospect => new LocalizedText("Prospect", "Prospectos"),
        _ => throw new ArgumentOutOfRangeException(nameof(segment), segment, "Unknown segment."),
    };

    /// <summary>"Champions (contacts)" / "Campeones (contactos)": one name per cx_customersegment row.</summary>
    public static LocalizedText For(SegmentGroup group)
    {
        var segment = For(group.Segment);
        return group.Type == CustomerType.Contact
            ? new LocalizedText(segment.English + " (contacts)", segment.Spanish + " (contactos)")
            : new LocalizedText(segment.English + " (accounts)", segment.Spanish + " (cuentas)");
    }
}
