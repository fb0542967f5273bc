import { wordPattern } from "./wordPattern";

// What the blameless-language check looks for. Each rule is a phrase family that points at a
// person instead of at the work, replays the incident with hindsight, or ends the inquiry early
// ("root cause is where you stop looking"). The suggestions are written to be read mid-sentence
// by the person typing: short, kind, and offering a better question rather than a verdict.

/** The kinds of wording the check flags, in the order a legend lists them. */
export const LANGUAGE_CATEGORIES = [
  "counterfactual",
  "blame",
  "human-error",
  "single-cause",
  "why-question",
  "hindsight",
] as const;
export type LanguageCategory = (typeof LANGUAGE_CATEGORIES)[number];

/** Human-readable names of the categories, for tooltips and the report's language review. */
export const LANGUAGE_CATEGORY_LABELS: Readonly<Record<LanguageCategory, string>> = {
  counterfactual: "Counterfactual",
  blame: "Blame or judgement",
  "human-error": "“Human error”",
  "single-cause": "Single-cause framing",
  "why-question": "“Why” aimed at a person",
  hindsight: "Hindsight or minimising",
};

export interface LanguageRule {
  /** Stable id, e.g. "should-have"; tests and docs refer to rules by it. */
  id: string;
  category: LanguageCategory;
  /** The phrases the rule covers, for docs and legends. */
  phrases: readonly string[];
  /** Global, case-insensitive, whole-word regex over apostrophe-normalised text. */
  pattern: RegExp;
  suggestion: string;
  /**
   * A negation just before the phrase states a ground rule ("there is no single root cause",
   * "not to find fault", "nobody is to blame"); such a sentence is how these words should be
   * used, so it is not flagged.
   */
  groundRule: boolean;
  /** A further check on a match, for what a regex expresses badly. */
  accept?: (text: string, match: RegExpExecArray) => boolean;
}

// "should have a runbook" is a recommendation, "should have checked" a counterfactual: a noun
// phrase or an infinitive after "have" means the sentence looks forward, not back.
const NOT_A_NOUN_PHRASE = String.raw`(?!\s+(?:a|an|the|some|any|more|fewer|less|enough|better|no|our|their|its|this|that|these|those|one|two|three|several|many|much|each|every|to)(?![\p{L}]))`;

const PEOPLE = "i|we|you|he|she|they|someone|somebody|anyone|anybody|nobody|everyone";
const PERSON_NOUNS =
  "on-?call|engineers?|operators?|developers?|responders?|reviewers?|team|admins?|sres?|lead|manager|author|person|people";

// Verbs of attention and duty: "failed to notice" judges a person; "failed to start" describes
// a process and is ordinary technical language.
const DUTY_VERBS =
  "notice|check|follow|test|catch|see|spot|realise|realize|escalate|communicate|review|verify|update|read|respond|act|consider|monitor|document|warn|tell|inform|ask|page|confirm|double-check|validate|investigate|report|mention|understand|prevent|anticipate|think|look|pay|roll|revert|plan|prepare|coordinate|hand";

// Capitalised words after "why didn't" that are not names.
const NOT_NAMES = new Set([
  "the",
  "this",
  "that",
  "these",
  "those",
  "it",
  "its",
  "there",
  "a",
  "an",
  "our",
  "any",
  "all",
  "anything",
  "something",
  "nothing",
]);

/** A capitalised single word that is not CamelCase or ALL CAPS (tools, services) reads as a name. */
function looksLikeName(word: string): boolean {
  if (NOT_NAMES.has(word.toLowerCase())) return false;
  const first = word.charAt(0);
  const rest = word.slice(1);
  return /\p{Lu}/u.test(first) && !/\p{Lu}/u.test(rest) && !/\p{N}/u.test(word);
}

const rule = (
  id: string,
  category: LanguageCategory,
  phrases: readonly string[],
  source: string,
  suggestion: string,
  extra: { groundRule?: boolean; accept?: LanguageRule["accept"] } = {},
): LanguageRule => ({
  id,
  category,
  phrases,
  pattern: wordPattern(source),
  suggestion,
  groundRule: extra.groundRule ?? false,
  ...(extra.accept ? { accept: extra.accept } : {}),
});

/** Every rule of the blameless-language check, in the order findings are reported on ties. */
export const LANGUAGE_RULES: readonly LanguageRule[] = [
  rule(
    "should-have",
    "counterfactual",
    ["should have", "should’ve", "shouldn’t have"],
    String.raw`should(?:n't|\s+not)?(?:\s+have|'ve)${NOT_A_NOUN_PHRASE}`,
    "Describe what was known and expected at that moment rather than what we know now.",
  ),
  rule(
    "could-have",
    "counterfactual",
    ["(someone) could have", "could’ve"],
    // Only with a person as subject: "what could have told you?" asks about missing signals.
    String.raw`(?<=(?:^|[^\p{L}])(?:${PEOPLE}|${PERSON_NOUNS})\s+(?:(?:easily|just|simply|also|still|really|probably|definitely|totally)\s+)?)could(?:\s+have|'ve)${NOT_A_NOUN_PHRASE}`,
    "Name the options that were visible at the time, and what made the chosen one look right.",
  ),
  rule(
    "would-have",
    "counterfactual",
    ["would have", "would’ve", "wouldn’t have"],
    String.raw`would(?:n't|\s+not)?(?:\s+have|'ve)${NOT_A_NOUN_PHRASE}`,
    "The path not taken tells us little. Describe what did happen and what shaped it.",
  ),
  rule(
    "failed-to",
    "counterfactual",
    ["failed to (notice, check, escalate…)", "(someone) failed to"],
    String.raw`(?<=(?:^|[^\p{L}])(?:${PEOPLE}|${PERSON_NOUNS})\s+(?:(?:just|simply|also|then|completely)\s+)?)failed\s+to|failed\s+to(?=\s+(?:${DUTY_VERBS})(?![\p{L}]))`,
    "Say what the person was doing and seeing instead; “failed to” measures them against hindsight.",
  ),
  rule(
    "didnt-bother",
    "counterfactual",
    ["didn’t bother", "never bothered", "couldn’t be bothered"],
    String.raw`did(?:n't|\s+not)\s+(?:even\s+)?bother|never\s+bothered|(?:couldn't|could\s+not)\s+be\s+bothered`,
    "Assume a good reason: what else was competing for their time and attention?",
  ),
  rule(
    "if-only",
    "counterfactual",
    ["if only"],
    String.raw`if\s+only`,
    "The path not taken tells us little. Describe what did happen and what shaped it.",
  ),
  rule(
    "judgement",
    "blame",
    ["careless", "sloppy", "lazy", "incompetent", "negligent", "reckless", "irresponsible"],
    String.raw`careless(?:ly|ness)?|sloppy(?!\s+quorum)|sloppi(?:ly|ness)|lazy(?!\s+(?:load|init|eval|import|fetch|mode|compil|val|sequence|propert|list|stream))|laziness|incompeten(?:t|ce|tly)|negligen(?:t|ce|tly)|reckless(?:ly|ness)?|irresponsib(?:le|ly|ility)|stupid(?:ly|ity)?|idiot(?:s|ic)?|complacen(?:t|cy)`,
    "A judgement of a person hides the conditions. What pressures, tools or signals shaped the work?",
    { groundRule: true },
  ),
  rule(
    "fault",
    "blame",
    ["whose fault", "his/her/their fault", "at fault", "find fault"],
    String.raw`(?!(?:nobody|noone|no\s+one)'s)(?:my|your|his|her|their|our|whose|[\p{L}]+'s)\s+fault|at\s+fault|fault\s+(?:of|lies|lay)|find(?:ing|s)?\s+fault`,
    "We look for conditions, not culprits. What made this outcome possible?",
    { groundRule: true },
  ),
  rule(
    "blame",
    "blame",
    ["blame", "blamed", "to blame"],
    // "git blame" is a tool, not an accusation.
    String.raw`(?<!git\s+)blam(?:e|ed|es|ing)`,
    "We look for conditions, not culprits. What made this outcome possible?",
    { groundRule: true },
  ),
  rule(
    "mistake",
    "blame",
    ["mistake by", "his/her/their mistake", "made a mistake"],
    String.raw`mistakes?\s+(?:made\s+)?by|(?:my|your|his|her|their)\s+mistakes?|made\s+(?:a\s+|the\s+|that\s+|this\s+)?mistakes?`,
    "Describe the action and what made it seem reasonable then, not whose mistake it was.",
    { groundRule: true },
  ),
  rule(
    "human-error",
    "human-error",
    ["human error", "operator error", "user error"],
    String.raw`(?:human|operator|user|pilot)\s+errors?`,
    "“Human error” is where the questions start: what about the tools, timing or information made this step easy to take?",
    { groundRule: true },
  ),
  rule(
    "root-cause",
    "single-cause",
    ["root cause", "root-cause"],
    String.raw`root[\s-]+caus(?:e|es|ed|ing)`,
    "Incidents rarely have one root cause. Name the contributing factors that lined up.",
    { groundRule: true },
  ),
  rule(
    "the-cause",
    "single-cause",
    ["the cause", "the real cause", "the main cause"],
    String.raw`the\s+(?:(?:main|real|only|single|actual|primary|true|sole|underlying|ultimate|one)\s+)?cause`,
    "There is seldom a single cause. Try “a contributing factor”, and look for the others.",
    { groundRule: true },
  ),
  rule(
    "sole-cause",
    "single-cause",
    ["caused by … alone", "caused only by", "single cause"],
    String.raw`caused\s+(?:solely|only|entirely|purely|simply|just|exclusively)\s+by|(?:solely|only|entirely|purely|exclusively)\s+caused\s+by|caused\s+by\s[^.!?;\n]{1,60}?\salone|(?:single|sole)\s+cause`,
    "Several conditions usually combine. What else had to be true for this to happen?",
    { groundRule: true },
  ),
  rule(
    "why-person",
    "why-question",
    ["why did you", "why didn’t they", "why didn’t (name)"],
    String.raw`why\s+(?:did|didn't|do|don't|does|doesn't|would|wouldn't|could|couldn't|was|wasn't|were|weren't|had|hadn't|has|hasn't|have|haven't|is|isn't|are|aren't)(?:\s+not)?\s+(?:(?:${PEOPLE})|(?:the|our|their|his|her|your)\s+(?:${PERSON_NOUNS})|(?<name>[\p{L}][\p{L}'-]*))`,
    "Ask how or what instead: “what made that look like the right move then?” invites the story, not a defence.",
    {
      accept: (text, match) => {
        const name = match.groups?.name;
        if (name === undefined) return true;
        // Case-insensitive matching cannot see capitals; read the name from the original text.
        return looksLikeName(
          text.slice(match.index + match[0].length - name.length, match.index + match[0].length),
        );
      },
    },
  ),
  rule(
    "obviously",
    "hindsight",
    ["obviously", "obvious"],
    "obvious(?:ly)?",
    "It is rarely obvious at the time. Describe what the people involved could actually see.",
    // "It was not obvious then" is exactly the blameless point.
    { groundRule: true },
  ),
  rule(
    "clearly",
    "hindsight",
    ["clearly"],
    // "communicate clearly", "clearly labelled" describe how, not hindsight certainty.
    String.raw`(?<!(?<![\p{L}])(?:(?:communicat|explain|writ|label|mark|stat|document|speak|show|display|visib|think)[\p{L}]*|wrote|spoke|more|less|very|as|so|too|not|thought|see|seen|saw|read)\s+)clearly(?!\s+(?:label|mark|visib|written|document|stat|show|display))`,
    "It is rarely clear at the time. Describe what the people involved could actually see.",
  ),
  rule(
    "simply",
    "hindsight",
    ["simply"],
    String.raw`simply(?!\s+put)`,
    "“Simply” makes hard work sound trivial. Describe what the step actually took.",
  ),
  rule(
    "just-had-to",
    "hindsight",
    ["just had to", "should just", "simply had to", "all they had to do"],
    String.raw`(?:just|simply|only)\s+(?:had|needed|has|have|need)\s+to|(?:should|could|would)(?:n't)?\s+just|all\s+(?:you|they|he|she|we|i)\s+(?:had|needed|have|need)\s+to\s+do`,
    "“Just” makes hard work sound trivial. Describe what the step actually took.",
  ),
];
