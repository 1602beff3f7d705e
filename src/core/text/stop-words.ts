/**
 * Small stop-word lists for the shipped locales (en, zh, ja), written for short customer comments:
 * function words only. Negations (not, no, never, 不, 没, 没有, ない, ません) are deliberately NOT
 * stop words: "not helpful" and "不好" carry the opinion.
 */
const EN = `a about above after again all also am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have
having he her here hers herself him himself his how i i'm i've i'd i'll if in into is it it's its itself
just let's me more most my myself of off on once only or other our ours ourselves out over own same she
should so some such than that that's the their theirs them themselves then there there's these they
they're this those through to too under until up very was we we're were what when where which while
who whom why will with would you you're your yours yourself yourselves get got one really also us`;

const ZH = `的 了 是 我 你 他 她 它 们 我们 你们 他们 在 也 有 和 与 及 就 都 而 这 那 这个 那个 之 还 又 吗 呢
吧 啊 呀 一个 一些 因为 所以 但是 但 如果 就是 还是 或者 被 把 给 让 从 对 到 着 过 会 能 要 可以 自己 什么 这样
那样 已经 一下 得 地 个 很 比较 非常`;

const JA = `の に は を た が で て と し れ さ ある いる も する から な こと として い や れる など なっ この
ため その あっ よう また もの という あり まで られ なる へ か だ これ によって により おり より による なり
られる において ば なかっ について せ だっ できる それ う ので なお のみ でき き つ における および いう さらに
でも ら たり たち ます です でし まし ました 私 とても`;

function listOf(text: string): string[] {
  return text.split(/\s+/).filter((word) => word !== '');
}

/** The shipped stop-word lists by locale. */
export const STOP_WORDS: Readonly<Record<'en' | 'zh' | 'ja', readonly string[]>> = {
  en: listOf(EN),
  zh: listOf(ZH),
  ja: listOf(JA),
};

/**
 * The stop words of every shipped locale together (the lists are of different scripts, so mixed
 * English, Chinese and Japanese comments are all cleaned), plus any extra words.
 */
export function stopWordSet(extra: Iterable<string> = []): Set<string> {
  const set = new Set<string>([...STOP_WORDS.en, ...STOP_WORDS.zh, ...STOP_WORDS.ja]);
  for (const word of extra) set.add(word);
  return set;
}
