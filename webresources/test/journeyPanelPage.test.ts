// @vitest-environment jsdom
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/** journey.html carries its fixed labels in English with the Spanish twin in data-es; the script swaps them. */
const html = readFileSync(join(dirname(fileURLToPath(import.meta.url)), "../src/html/journey/journey.html"), "utf8");
const page = new DOMParser().parseFromString(html, "text/html");

describe("journey.html", () => {
  it("gives every fixed label a Spanish twin", () => {
    const labelled = [...page.querySelectorAll<HTMLElement>("[data-es]")];
    expect(labelled.length).toBeGreaterThan(30);
    for (const element of labelled) {
      expect(element.textContent.trim(), element.dataset["es"]).not.toBe("");
      expect((element.dataset["es"] ?? "").trim(), element.textContent).not.toBe("");
      expect(element.children, "a label holds text only, so swapping it loses no markup").toHaveLength(0);
    }
  });

  it("leaves no visible English text outside a label with a twin", () => {
    const walker = page.createTreeWalker(page.body, NodeFilter.SHOW_TEXT);
    const untranslated: string[] = [];
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const text = (node.textContent ?? "").trim();
      if (text === "" || node.parentElement?.closest("[data-es]") !== null) continue;
      // The status line is written by the script in the user's language from its first run.
      if (node.parentElement?.id === "cx-status") continue;
      untranslated.push(text);
    }
    expect(untranslated).toEqual([]);
  });

  it("runs no inline script or style (strict CSP)", () => {
    expect(page.querySelectorAll("script:not([src]), style, [style]")).toHaveLength(0);
    const handlers = [...page.querySelectorAll("*")]
      .flatMap((element) => element.getAttributeNames().filter((name) => name.startsWith("on")));
    expect(handlers).toEqual([]);
  });
});
