using Crm.Extensions.Domain.Localization;
using Crm.Extensions.Plugins.Lifecycle;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.CustomApis;

/// <summary>The contract of cx_EvaluateLifecycle; its handler is <see cref="EvaluateLifecycle"/>.</summary>
public static class EvaluateLifecycleApi
{
    public const string UniqueName = "cx_EvaluateLifecycle";

    public static readonly CustomApiDefinition Definition = new(
        UniqueName,
        typeof(EvaluateLifecycle),
        displayName: new(
            "Evaluate lifecycle",
            "Evaluar ciclo de vida"),
        description: new(
            "Moves customers into the time-based lifecycle stages (at risk, lapsed), writing one transition per change.",
            "Mueve a los clientes a las etapas del ciclo de vida que dependen del tiempo (en riesgo, inactivo) y escribe una transición " +
            "por cambio."),
        executePrivilegeName: "prvWritecx_CrmStrategy",
        request: [Request.Cursor, Request.Customer, Request.PageSize],
        response: [Response.Cursor, Response.More, Response.Transitions]);

    public static class Request
    {
        public static readonly RequestParameter<string> Cursor = new(
            nameof(Cursor),
            isOptional: true,
            displayName: new(
                "Cursor",
                "Cursor"),
            description: new(
                "Where the previous call stopped (its Cursor output); empty starts with the first customer.",
                "Dónde se detuvo la llamada anterior (su salida Cursor); vacío empieza por el primer cliente."));

        public static readonly RequestParameter<EntityReference> Customer = new(
            nameof(Customer),
            isOptional: true,
            displayName: new(
                "Customer",
                "Cliente"),
            description: new(
                "One contact or account to evaluate; empty evaluates every customer whose stage can age.",
                "Un contacto o cuenta que evaluar; vacío evalúa a todos los clientes cuya etapa puede envejecer."));

        public static readonly RequestParameter<int?> PageSize = new(
            nameof(PageSize),
            isOptional: true,
            displayName: new(
                "Page size",
                "Tamaño de página"),
            description: new(
                "Customers evaluated in this call, 1 to 5,000; empty is 5,000. Call again with the returned Cursor while More is true.",
                "Clientes evaluados en esta llamada, de 1 a 5.000; vacío es 5.000. Vuelva a llamar con el Cursor devuelto mientras More " +
                "sea verdadero."));
    }

    public static class Response
    {
        public static readonly ResponseProperty<string> Cursor = new(
            nameof(Cursor),
            displayName: new(
                "Cursor",
                "Cursor"),
            description: new(
                "Where this call stopped; pass it to the next call while More is true.",
                "Dónde se detuvo esta llamada; páselo a la siguiente llamada mientras More sea verdadero."));

        public static readonly ResponseProperty<bool> More = new(
            nameof(More),
            displayName: new(
                "More",
                "Hay más"),
            description: new(
                "True when customers are left for the next call: call again with Cursor.",
                "Verdadero cuando quedan clientes para la siguiente llamada: vuelva a llamar con Cursor."));

        public static readonly ResponseProperty<int> Transitions = new(
            nameof(Transitions),
            displayName: new(
                "Transitions",
                "Transiciones"),
            description: new(
                "How many customers changed stage.",
                "Cuántos clientes cambiaron de etapa."));
    }
}
