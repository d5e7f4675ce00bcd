/** A word's forms by `Intl.PluralRules` category; a category without its own form takes `other`. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

const rules = new Map<string, Intl.PluralRules>();

/**
 * The form of `forms` that `count` takes in `lang`, by the language's own rules rather than
 * `count > 1`: French says "0 contact", "1 contact", "2 contacts"; English "0 contacts",
 * "1 contact", "2 contacts".
 */
export function plural(lang: string, count: number, forms: PluralForms): string {
  let rule = rules.get(lang);
  if (!rule) rules.set(lang, (rule = new Intl.PluralRules(lang)));
  return forms[rule.select(count)] ?? forms.other;
}
