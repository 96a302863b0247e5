/**
 * Runtime copies of the Client API enum values this project uses.
 *
 * `XrmEnum.*` in @types/xrm is an ambient const enum: esbuild emits `XrmEnum.FormType.Create`
 * literally and the browser throws a ReferenceError. The casts keep the values typed as the enums.
 */
/* eslint-disable @typescript-eslint/no-unsafe-enum-assignment -- the cast is the point: a literal typed as its enum member */
export const FormType = {
  Create: 1 as XrmEnum.FormType.Create,
  Update: 2 as XrmEnum.FormType.Update,
  ReadOnly: 3 as XrmEnum.FormType.ReadOnly,
  Disabled: 4 as XrmEnum.FormType.Disabled,
} as const;
/* eslint-enable @typescript-eslint/no-unsafe-enum-assignment */

export const FormNotificationLevel = {
  Info: "INFO",
  Warning: "WARNING",
  Error: "ERROR",
} as const satisfies Record<string, Xrm.FormNotificationLevel>;

/** Tab display state "expanded" is the tab the user is looking at in Unified Interface. */
export const DisplayStateExpanded: Xrm.DisplayState = "expanded";

/** statecode 0 is "Active" on every custom table and on contact/account. */
export const StateCodeActive = 0;

/** getMetadata().operationType of Xrm.WebApi.online.execute. */
export const OperationType = { Action: 0, Function: 1, Crud: 2 } as const;

/** getMetadata().parameterTypes[*].structuralProperty. */
export const StructuralProperty = { PrimitiveType: 1, EntityType: 5 } as const;
