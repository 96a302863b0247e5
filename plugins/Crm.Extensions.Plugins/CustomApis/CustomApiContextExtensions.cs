using Crm.Extensions.Plugins.Framework;

namespace Crm.Extensions.Plugins.CustomApis;

/// <summary>Reads and writes a custom API's parameters by their declaration, so a handler names nothing the XML does not declare.</summary>
public static class CustomApiContextExtensions
{
    /// <summary>The input's value; default when the caller left an optional input out.</summary>
    public static T? Input<T>(this PluginContext context, RequestParameter<T> parameter) =>
        context.Input<T>(parameter.Name);

    public static void SetOutput<T>(this PluginContext context, ResponseProperty<T> property, T value) =>
        context.SetOutput(property.Name, value!);
}
