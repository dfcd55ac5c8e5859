/**
 * Edits of a deduction or bonus sentence that need no new id (the amount).
 * Those that create (a rule, its fact type, a group, a field) are in
 * create-commands.ts, loaded when first used: ids come from pinyin-pro.
 */
import { setValue, type Command } from '../document/index.ts';

/** A fixed amount, or (undefined) none yet: the engine asks for it. */
export function setRulePoints(rulePointer: string, value: number | undefined): Command {
  return setValue(`${rulePointer}/points`, value === undefined ? undefined : { kind: 'fixed', value });
}

