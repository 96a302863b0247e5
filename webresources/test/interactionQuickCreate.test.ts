import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { XrmMockGenerator } from "xrm-mock";
import * as InteractionForm from "../src/forms/interaction";
import { Interaction, InteractionChannel, InteractionKind } from "../src/lib/schema";
import { eventContext, initialiseForm, spyOnServerCalls, totalCalls } from "./support/xrm";

describe("interaction quick-create form", () => {
  let formContext: Xrm.FormContext;
  const now = new Date("2026-03-14T09:26:53Z");

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(now);
    formContext = initialiseForm({ entityName: Interaction.table, id: "", formType: 1 });
    XrmMockGenerator.Attribute.createDate(Interaction.occurredOn);
    XrmMockGenerator.Attribute.createOptionSet(Interaction.channel);
    XrmMockGenerator.Attribute.createOptionSet(Interaction.kind);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  const value = (column: string): unknown => formContext.getAttribute(column)!.getValue();

  it("defaults occurred on to now, the channel to phone and the kind to behavioural", () => {
    const spies = spyOnServerCalls();
    InteractionForm.onLoad(eventContext());
    expect(value(Interaction.occurredOn)).toEqual(now);
    expect(value(Interaction.channel)).toBe(InteractionChannel.Phone);
    expect(value(Interaction.kind)).toBe(InteractionKind.Behavioural);
    expect(totalCalls(spies)).toBe(0);
  });

  it("keeps values mapped in from the parent record", () => {
    formContext.getAttribute(Interaction.channel)!.setValue(InteractionChannel.Email);
    InteractionForm.onLoad(eventContext());
    expect(value(Interaction.channel)).toBe(InteractionChannel.Email);
    expect(value(Interaction.kind)).toBe(InteractionKind.Behavioural);
  });

  it("leaves an existing interaction alone", () => {
    formContext = initialiseForm({ entityName: Interaction.table, formType: 2 });
    XrmMockGenerator.Attribute.createOptionSet(Interaction.kind);
    InteractionForm.onLoad(eventContext());
    expect(value(Interaction.kind)).toBeNull();
  });
});
