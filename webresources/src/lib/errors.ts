/**
 * The user-facing text of a failed Xrm.WebApi call. Plugins refuse with a localized
 * InvalidPluginExecutionException whose message is meant for the user, so it is shown as is.
 */
export function errorMessage(error: unknown, fallback: string): string {
  if (typeof error === "object" && error !== null && "message" in error) {
    const message = error.message;
    if (typeof message === "string" && message.trim() !== "") return message;
  }
  return fallback;
}
