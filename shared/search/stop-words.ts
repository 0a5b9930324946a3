// English stop words for the search index: the Snowball English list (snowballstem.org, english/stop.txt),
// minus its apostrophe forms, which our tokenizer never produces. In their place come the fragments that
// splitting contractions at the apostrophe leaves behind ("don't" → "don" + "t", "we've" → "we" + "ve"),
// except the ones that are also real words or names ("don", "won", "can").
// All entries are folded (lower-case, no diacritics), because isStopWord is asked about folded terms.

const SNOWBALL_ENGLISH = `
i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers herself
it its itself they them their theirs themselves what which who whom this that these those am is are was were be
been being have has had having do does did doing would should could ought a an the and but if or because as until
while of at by for with about against between into through during before after above below to from up down in out
on off over under again further then once here there when where why how all any both each few more most other some
such no nor not only own same so than too very`;

const CONTRACTION_FRAGMENTS = `
s t d ll m re ve isn aren wasn weren hasn haven hadn doesn didn couldn wouldn shouldn mustn needn shan mightn`;

export const ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set(
  `${SNOWBALL_ENGLISH} ${CONTRACTION_FRAGMENTS}`.split(/\s+/).filter((word) => word !== ''),
);
