// Public API of the blameless-language check: a pure function from text to findings, used by
// the editor's live nudge, the report's language review and the tests of shipped prompts.

export { checkLanguage, type LanguageFinding } from "./checkLanguage";
export {
  LANGUAGE_CATEGORIES,
  LANGUAGE_CATEGORY_LABELS,
  LANGUAGE_RULES,
  type LanguageCategory,
  type LanguageRule,
} from "./languageRules";
