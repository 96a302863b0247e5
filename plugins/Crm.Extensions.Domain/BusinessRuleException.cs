using System;
using Crm.Extensions.Domain.Localization;

namespace Crm.Extensions.Domain;

/// <summary>A rule refused the operation. The plugin layer shows <see cref="Text"/> to the user in their language.</summary>
public sealed class BusinessRuleException : Exception
{
    public BusinessRuleException(LocalizedText text)
        : base(text?.English)
    {
        Text = text ?? throw new ArgumentNullException(nameof(text));
    }

    public LocalizedText Text { get; }
}
