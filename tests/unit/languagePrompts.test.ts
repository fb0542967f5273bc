import { describe, expect, it } from "vitest";
import { checkLanguage } from "../../shared/language";
import { SCRIPTS, type Script } from "../../shared/meeting";

/** Every piece of shipped text a participant reads: names, titles, goals, prompts, card prompts. */
function shippedTexts(script: Script): { where: string; text: string }[] {
  return [
    { where: "name", text: script.name },
    ...script.phases.flatMap((p) => [
      { where: `${p.id}.title`, text: p.title },
      { where: `${p.id}.goal`, text: p.goal },
      ...p.prompts.map((q, i) => ({ where: `${p.id}:${i}`, text: q.text })),
    ]),
    ...Object.entries(script.cardPrompts).flatMap(([kind, questions]) =>
      (questions ?? []).map((text, i) => ({ where: `${kind}.${i}`, text })),
    ),
  ];
}

const ruleIds = (text: string) => checkLanguage(text).map((f) => f.ruleId);

describe("the language of the shipped scripts", () => {
  const texts = Object.values(SCRIPTS).flatMap((script) =>
    shippedTexts(script).map((t) => ({ ...t, where: `${script.id} ${t.where}` })),
  );

  it("covers every shipped script", () => {
    expect(Object.keys(SCRIPTS).length).toBeGreaterThanOrEqual(2);
    expect(texts.length).toBeGreaterThan(20);
  });

  it("flags the blaming phrases prompts must avoid", () => {
    expect(ruleIds("Why did you restart the database?")).toEqual(["why-person"]);
    expect(ruleIds("What was the root cause?")).toEqual(["root-cause"]);
    expect(ruleIds("Who should have caught this?")).toEqual(["should-have"]);
    expect(ruleIds("Whose fault was it? Nobody knew.")).toEqual(["fault"]);
    expect(ruleIds("Let us not rush. Then we blame the deploy.")).toEqual(["blame"]);
    expect(ruleIds("It was human error.")).toEqual(["human-error"]);
  });

  it("allows the words in a sentence that negates them: a ground rule", () => {
    expect(ruleIds("We are here to learn, not to find fault.")).toEqual([]);
    expect(ruleIds("There is no single root cause.")).toEqual([]);
    expect(ruleIds("Nobody is to blame.")).toEqual([]);
    expect(ruleIds("This is a blameless review.")).toEqual([]);
    expect(ruleIds("Why did you not restart it?")).toEqual(["why-person"]);
  });

  it("finds nothing to nudge in any shipped text", () => {
    const flagged = texts
      .map((t) => ({ ...t, found: checkLanguage(t.text).map((f) => f.phrase) }))
      .filter((t) => t.found.length > 0);
    expect(flagged).toEqual([]);
  });

  it("uses the words only in set-the-stage sentences stating the ground rule", () => {
    const words = /why did you|root cause|should have|fault|blame/i;
    // Names may say "Blameless"; prompts are what the room reads out, phase or card ones.
    const prompts = texts.filter((t) => /(:|\.)\d+$/.test(t.where));
    const sentences = prompts.flatMap((t) =>
      t.text.split(/(?<=[.!?])\s+/).map((sentence) => ({ where: t.where, sentence })),
    );
    const uses = sentences.filter((s) => words.test(s.sentence));
    expect(uses.length).toBeGreaterThan(0);
    for (const use of uses) {
      expect(use.where, use.sentence).toMatch(/ stage:\d+$/);
      expect(use.sentence, use.where).toMatch(/\b(not|no|nobody)\b|blameless/i);
    }
  });
});
