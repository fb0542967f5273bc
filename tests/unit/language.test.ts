import { describe, expect, it } from "vitest";
import {
  checkLanguage,
  LANGUAGE_CATEGORIES,
  LANGUAGE_CATEGORY_LABELS,
  LANGUAGE_RULES,
} from "../../shared/language";

/** [sentence, the phrases flagged in it, in order (empty: nothing flagged)] */
const TABLE: [string, string[]][] = [
  // counterfactuals
  ["He should have checked the logs first.", ["should have"]],
  ["She shouldn't have restarted the primary.", ["shouldn't have"]],
  ["They should’ve paged the database team.", ["should’ve"]],
  ["We could have rolled back sooner.", ["could have"]],
  ["It would have been caught in staging.", ["would have"]],
  ["The on-call failed to notice the alert.", ["failed to"]],
  ["They failed to roll back in time.", ["failed to"]],
  ["He didn’t bother to check the dashboard.", ["didn’t bother"]],
  ["He did not bother reading the runbook.", ["did not bother"]],
  ["If only we had waited for the canary.", ["If only"]],
  // blame and character
  ["That was careless.", ["careless"]],
  ["A sloppy deploy on a Friday.", ["sloppy"]],
  ["He was lazy about the review.", ["lazy"]],
  ["The team was INCOMPETENT.", ["INCOMPETENT"]],
  ["Negligent handling of the keys.", ["Negligent"]],
  ["It was Bob's fault.", ["Bob's fault"]],
  ["Whose fault was it? Nobody knew.", ["Whose fault"]],
  ["Let us not rush. Then we blame the deploy.", ["blame"]],
  ["The outage was a mistake by the release manager.", ["mistake by"]],
  ["I didn't check because it was his fault.", ["his fault"]],
  // human error
  ["It was human error.", ["human error"]],
  ["Classic operator error, nothing more.", ["operator error"]],
  // single-cause framing
  ["What was the root cause?", ["root cause"]],
  ["We root-caused it to the cache.", ["root-caused"]],
  ["The cause was a bad config.", ["The cause"]],
  ["The real cause is the retry storm.", ["The real cause"]],
  ["It was caused by the config change alone.", ["caused by the config change alone"]],
  ["This was caused solely by the migration.", ["caused solely by"]],
  // why aimed at a person
  ["Why did you restart the database?", ["Why did you"]],
  ["Why didn't they escalate?", ["Why didn't they"]],
  ["why didn’t the on-call page anyone", ["why didn’t the on-call"]],
  ["Why didn't Priya escalate?", ["Why didn't Priya"]],
  ["Why did you not restart it?", ["Why did you"]],
  // hindsight and minimisers
  ["Obviously the flag was wrong.", ["Obviously"]],
  ["Clearly, the alert was noisy.", ["Clearly"]],
  ["It was clearly a bad idea.", ["clearly"]],
  ["They simply forgot the migration.", ["simply"]],
  ["He just had to restart it.", ["just had to"]],
  ["You should just read the runbook.", ["should just"]],
  ["She simply had to flip the flag.", ["simply had to"]],
  ["All they had to do was wait.", ["All they had to do"]],
  // several in one text, in order
  [
    "Obviously he should have known; it was human error.",
    ["Obviously", "should have", "human error"],
  ],

  // not flagged: forward-looking, technical, negated ground rules, other words
  ["We should have a runbook for failovers.", []],
  ["We would have to restart every node.", []],
  ["We couldn't have known that then.", []],
  ["What could have told you otherwise at the time?", []],
  ["It could have been much worse.", []],
  ["We stopped saying “root cause” and “human error”.", []],
  ["The deploy failed to start.", []],
  ["The health check failed to connect to the database.", []],
  ["I just deployed the fix.", []],
  ["We had just finished the migration.", []],
  ["Adjust the threshold and justify the change.", []],
  ["There is no single root cause.", []],
  ["This is not about blame.", []],
  ["This isn't about who is to blame.", []],
  ["Nobody is to blame.", []],
  ["It was nobody's fault.", []],
  ["We are here to learn, not to find fault.", []],
  ["This is a blameless review.", []],
  ["Blameless, blame-free, and kind.", []],
  ["It wasn't human error; the UI hid the button.", []],
  ["It was not obvious at the time.", []],
  ["A non-obvious interaction between retries and timeouts.", []],
  ["We need to communicate clearly during incidents.", []],
  ["The button was clearly labelled.", []],
  ["git blame showed the commit from May.", []],
  ["The disk was faulty and fault tolerance kicked in.", []],
  ["Lazy loading broke the settings page.", []],
  ["The sloppy quorum accepted the write.", []],
  ["Why didn't the alert fire?", []],
  ["Why didn't PagerDuty page anyone?", []],
  ["Because the cache was cold, latency rose.", []],
  ["What made that look like the right move then?", []],
  ["Simply put, the queue was full.", []],
  ["A shoulder-height shelf, a blameworthy-free zone? No: blamed-on words only.", []],
];

describe("checkLanguage", () => {
  it.each(TABLE)("%s", (sentence, phrases) => {
    expect(checkLanguage(sentence).map((f) => f.phrase)).toEqual(phrases);
  });

  it("has a table of at least forty sentences, both flagged and clean", () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(40);
    expect(TABLE.filter(([, p]) => p.length === 0).length).toBeGreaterThanOrEqual(20);
    expect(TABLE.filter(([, p]) => p.length > 0).length).toBeGreaterThanOrEqual(20);
  });

  it("gives offsets that slice out the phrase, in the original text", () => {
    for (const [sentence] of TABLE) {
      for (const finding of checkLanguage(sentence)) {
        expect(sentence.slice(finding.start, finding.end)).toBe(finding.phrase);
        expect(finding.start).toBeLessThan(finding.end);
      }
    }
    const text = "Line one.\nThey didn’t bother. ✨ Then it was human error.";
    const [bother, error] = checkLanguage(text);
    expect(bother).toMatchObject({ start: 15, end: 28, category: "counterfactual" });
    expect(error).toMatchObject({ start: text.indexOf("human"), end: text.length - 1 });
  });

  it("reports category, rule and a suggestion for each finding", () => {
    const [finding] = checkLanguage("He should have checked.");
    expect(finding).toEqual({
      start: 3,
      end: 14,
      phrase: "should have",
      category: "counterfactual",
      ruleId: "should-have",
      suggestion:
        "Describe what was known and expected at that moment rather than what we know now.",
    });
  });

  it("keeps one finding where phrases overlap: the earliest, then the longest", () => {
    expect(checkLanguage("The single cause was DNS.").map((f) => f.phrase)).toEqual([
      "The single cause",
    ]);
  });

  it("is not fooled by a rule's regex state between calls", () => {
    const text = "root cause, root cause";
    expect(checkLanguage(text)).toHaveLength(2);
    expect(checkLanguage(text)).toHaveLength(2);
  });

  it("handles empty text and text without letters", () => {
    expect(checkLanguage("")).toEqual([]);
    expect(checkLanguage("12:04 — 503 × 40")).toEqual([]);
  });

  it("stays fast on long text (roughly linear)", () => {
    const paragraph =
      "At 14:02 the deploy went out and we should have waited, but the alert was noisy and nobody is to blame. ";
    const text = paragraph.repeat(2_000);
    const started = performance.now();
    const findings = checkLanguage(text);
    const elapsed = performance.now() - started;
    expect(findings).toHaveLength(2_000);
    // Generous: a quadratic scan of 200 kB would take seconds.
    expect(elapsed).toBeLessThan(1_000);
  });
});

describe("LANGUAGE_RULES", () => {
  it("lists every rule with an id, phrases, a category and a short suggestion", () => {
    const ids = LANGUAGE_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of LANGUAGE_RULES) {
      expect(rule.phrases.length).toBeGreaterThan(0);
      expect(LANGUAGE_CATEGORIES).toContain(rule.category);
      expect(rule.suggestion.length).toBeLessThanOrEqual(130);
      expect(rule.pattern.flags).toContain("g");
      expect(rule.pattern.flags).toContain("i");
    }
  });

  it("covers every category, each with a label", () => {
    const used = new Set(LANGUAGE_RULES.map((r) => r.category));
    for (const category of LANGUAGE_CATEGORIES) {
      expect(used.has(category), category).toBe(true);
      expect(LANGUAGE_CATEGORY_LABELS[category]).toBeTruthy();
    }
  });

  it("has suggestions that do not themselves use flagged language", () => {
    for (const rule of LANGUAGE_RULES) {
      expect(checkLanguage(rule.suggestion), rule.id).toEqual([]);
    }
  });
});
