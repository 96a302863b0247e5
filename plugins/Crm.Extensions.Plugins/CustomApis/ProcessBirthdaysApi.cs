using System;
using Crm.Extensions.Domain.Localization;
using Crm.Extensions.Plugins.Intimacy;

namespace Crm.Extensions.Plugins.CustomApis;

/// <summary>The contract of cx_ProcessBirthdays; its handler is <see cref="ProcessBirthdays"/>.</summary>
public static class ProcessBirthdaysApi
{
    public const string UniqueName = "cx_ProcessBirthdays";

    public static readonly CustomApiDefinition Definition = new(
        UniqueName,
        typeof(ProcessBirthdays),
        displayName: new(
            "Process birthdays",
            "Procesar cumpleaños"),
        description: new(
            "For the daily flow: one greeting task per owner for the contacts whose birthday is on the date, and each member's yearly " +
            "birthday bonus. A re-run the same day creates nothing twice.",
            "Para el flujo diario: una tarea de felicitación por propietario para los contactos que cumplen años en la fecha, y el bono " +
            "anual de cumpleaños de cada socio. Repetirlo el mismo día no crea nada dos veces."),
        executePrivilegeName: "prvWritecx_LoyaltyProgram",
        request: [Request.Date],
        response: [Response.Bonuses, Response.Greeted, Response.Tasks]);

    public static class Request
    {
        public static readonly RequestParameter<DateTime?> Date = new(
            nameof(Date),
            isOptional: true,
            displayName: new(
                "Date",
                "Fecha"),
            description: new(
                "The flow's local date to greet; empty means today (UTC). A future date is refused.",
                "La fecha local del flujo en la que felicitar; vacío significa hoy (UTC). Se rechaza una fecha futura."));
    }

    public static class Response
    {
        public static readonly ResponseProperty<int> Bonuses = new(
            nameof(Bonuses),
            displayName: new(
                "Bonuses",
                "Bonos"),
            description: new(
                "Birthday bonuses credited to the loyalty ledger in this run.",
                "Bonos de cumpleaños abonados en el libro de puntos en esta ejecución."));

        public static readonly ResponseProperty<int> Greeted = new(
            nameof(Greeted),
            displayName: new(
                "Greeted",
                "Felicitados"),
            description: new(
                "Contacts whose birthday is on the date.",
                "Contactos cuyo cumpleaños cae en la fecha."));

        public static readonly ResponseProperty<int> Tasks = new(
            nameof(Tasks),
            displayName: new(
                "Tasks",
                "Tareas"),
            description: new(
                "Greeting tasks created in this run (one per owner and day).",
                "Tareas de felicitación creadas en esta ejecución (una por propietario y día)."));
    }
}
