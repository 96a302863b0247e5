import { vi, type MockInstance } from "vitest";
import { type EntityMock, type FormItemMock, XrmMockGenerator } from "xrm-mock";

export const ContactId = "{6B29FC40-CA47-1067-B31D-00DD010662DA}";
export const BareContactId = "6B29FC40-CA47-1067-B31D-00DD010662DA";
export const English = 1033;
export const Spanish = 3082;

export interface FormOptions {
  readonly entityName: string;
  /** "" for an unsaved record. */
  readonly id?: string;
  /** 1 Create, 2 Update, 3 ReadOnly, 4 Disabled. */
  readonly formType?: number;
  readonly languageId?: number;
}

/** A fresh xrm-mock world (it replaces global Xrm) for one form. */
export function initialiseForm(options: FormOptions): Xrm.FormContext {
  XrmMockGenerator.initialise({ entity: { entityName: options.entityName, id: options.id ?? ContactId } });
  XrmMockGenerator.context.userSettings.languageId = options.languageId ?? English;
  const formContext = XrmMockGenerator.getFormContext();
  // xrm-mock replaces an empty id with a default one; an unsaved record really has "".
  if (options.id === "") (formContext.data.entity as EntityMock).id = "";
  const current = formContext.ui.formSelector.getCurrentItem() as FormItemMock | null;
  // xrm-mock defaults to Create (issue #26); most handlers are about existing records.
  if (current !== null) current.formType = options.formType ?? 2;
  return formContext;
}

export function eventContext(): Xrm.Events.EventContext {
  return XrmMockGenerator.getEventContext();
}

/** An execution context whose event source is the given attribute or tab, as the platform passes it. */
export function eventContextFor(source: object): Xrm.Events.EventContext {
  const base = XrmMockGenerator.getEventContext();
  return { ...base, getFormContext: () => base.getFormContext(), getEventSource: () => source } as unknown as Xrm.Events.EventContext;
}

/** Spies on every Web API entry point (and fetch) so a test can assert that nothing called the server. */
export function spyOnServerCalls(): MockInstance[] {
  const webApi = Xrm.WebApi as unknown as Record<string, unknown>;
  const online = Xrm.WebApi.online as unknown as Record<string, unknown>;
  const spies: MockInstance[] = [];
  for (const target of [webApi, online]) {
    for (const name of ["createRecord", "retrieveRecord", "retrieveMultipleRecords", "updateRecord", "deleteRecord", "execute", "executeMultiple"]) {
      if (typeof target[name] === "function") {
        spies.push(vi.spyOn(target as Record<string, () => Promise<unknown>>, name).mockRejectedValue(new Error(`unexpected ${name}`)));
      }
    }
  }
  spies.push(vi.spyOn(globalThis, "fetch").mockRejectedValue(new Error("unexpected fetch")));
  return spies;
}

export function totalCalls(spies: readonly MockInstance[]): number {
  return spies.reduce((sum, spy) => sum + spy.mock.calls.length, 0);
}

export function lookup(id: string, name: string, entityType: string): Xrm.LookupValue[] {
  return [{ id, name, entityType }];
}
