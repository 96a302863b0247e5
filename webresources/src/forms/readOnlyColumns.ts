/**
 * Disables every control of each column (body, header and business-process-flow copies),
 * because plugins own these values and a user edit would be overwritten or rejected.
 */
export function lockColumns(formContext: Xrm.FormContext, columns: readonly string[]): void {
  for (const column of columns) {
    formContext.getAttribute(column)?.controls.forEach((control) => {
      control.setDisabled(true);
    });
  }
}
