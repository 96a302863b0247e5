using System;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Crm.Extensions.Domain.Localization;

namespace Crm.Extensions.Domain.Loyalty.Ledger;

/// <summary>
/// The reasons the product writes on ledger rows, in both languages. A row keeps its reason in English only (cx_reason is
/// one text column), so the points statement gives it back in the reader's language by matching the English sentence to
/// its template and filling the Spanish one with the same values (numbers, ISO dates, the reward's name). A reason the
/// product did not word (an adjustment's note, a grant's own text) is shown as it was typed.
/// </summary>
public static class LedgerReasons
{
    // English and Spanish templates of LedgerEntries, BonusPlanner and GrantPoints; LedgerReasonsTests pins them to those.
    // A class, not a tuple: the net462 deployables have no System.ValueTuple.
    private static readonly ReasonTemplate[] Templates = new[]
    {
        Template("Purchase on invoice line, limited to {0} points by the program's maximum balance.",
            "Compra en línea de factura, limitada a {0} puntos por el saldo máximo del programa."),
        Template("Purchase on invoice line.", "Compra en línea de factura."),
        Template("Birthday bonus.", "Bonificación de cumpleaños."),
        Template("Points granted by a workflow.", "Puntos concedidos por un proceso."),
        Template("Return or cancellation of the invoice line.", "Devolución o anulación de la línea de factura."),
        Template("Redeemed for the reward \"{0}\".", "Canjeados por la recompensa \"{0}\"."),
        Template("Refund of the cancelled redemption of \"{0}\".", "Reembolso del canje cancelado de \"{0}\"."),
        Template("Points earned on {0} expired on {1}.", "Los puntos ganados el {0} vencieron el {1}."),
    };

    /// <summary>The stored (English) reason in both languages; a reason of no template is the same text in both.</summary>
    public static LocalizedText Localize(string? stored)
    {
        var text = stored ?? string.Empty;
        foreach (var template in Templates)
        {
            var match = template.English.Match(text);
            if (match.Success)
            {
                var values = match.Groups.Cast<Group>().Skip(1).Select(group => (object)group.Value).ToArray();
                return new LocalizedText(text, string.Format(CultureInfo.InvariantCulture, template.Spanish, values));
            }
        }

        return new LocalizedText(text, text);
    }

    private static ReasonTemplate Template(string english, string spanish)
    {
        // Each {n} of the English sentence becomes a capture; the rest must match exactly.
        var pattern = Regex.Replace(Regex.Escape(english), @"\\\{(\d)}", "(.+)");
        return new ReasonTemplate(
            new Regex("^" + pattern + "$", RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromSeconds(1)), spanish);
    }

    private sealed class ReasonTemplate
    {
        public ReasonTemplate(Regex english, string spanish)
        {
            English = english;
            Spanish = spanish;
        }

        public Regex English { get; }

        public string Spanish { get; }
    }
}
