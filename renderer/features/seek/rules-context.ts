/** The compiled mute and keep rules, provided once by the Seek view so each river row can mark kept stories. */
import { createContext, useContext } from 'react';
import { compileRules, type RuleMatcher } from '../../../shared/feeds/mute-rules';

const noRules = compileRules([]);

export const RulesContext = createContext<RuleMatcher>(noRules);

export function useRuleMatcher(): RuleMatcher {
  return useContext(RulesContext);
}
