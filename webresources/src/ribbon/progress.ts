/**
 * Runs a Web API operation behind the platform's progress indicator and always closes it,
 * so a refusal never leaves the user behind a spinner.
 */
export async function withProgress<T>(message: string, operation: () => PromiseLike<T>): Promise<T> {
  Xrm.Utility.showProgressIndicator(message);
  try {
    return await operation();
  } finally {
    Xrm.Utility.closeProgressIndicator();
  }
}
