/**
 * Seeded open comments for a satisfaction survey: wording depends on the respondent's
 * satisfaction (1–10), in English or Chinese. Used by `scripts/generate-survey-comments.ts`
 * (the sample survey's comment column) and by the distinctiveTerms benchmark.
 */
import { seededRandom } from '../../src/core/math/random.ts';

type Band = 'low' | 'mid' | 'high';

const EN: Record<Band, string[]> = {
  low: [
    'delivery was slow', 'the parcel arrived late', 'customer service never called back', 'the staff were rude',
    'too expensive for what you get', 'the app keeps crashing', 'refund took weeks', 'poor quality, it broke after a week',
    'hidden fees on the bill', 'nobody answered the phone', 'waited on hold for an hour', 'I will not order again',
  ],
  mid: [
    'delivery was okay', 'price is fair', 'the app works most of the time', 'staff were polite but slow',
    'quality is as expected', 'could be cheaper', 'checkout was a bit confusing', 'nothing special',
  ],
  high: [
    'fast delivery', 'great customer service', 'friendly staff', 'excellent quality', 'good value for money',
    'easy to use app', 'quick refund', 'always on time', 'highly recommend', 'the support team solved my problem quickly',
  ],
};

const ZH: Record<Band, string[]> = {
  low: ['送货太慢', '客服态度很差', '价格太贵', '质量不好', '退款很慢', '电话没人接', '包装破损', '不会再买了'],
  mid: ['送货还可以', '价格一般', '质量还行', '客服回复有点慢', '没什么特别'],
  high: ['送货很快', '客服很热情', '质量很好', '性价比高', '服务周到', '值得推荐', '退款很快'],
};

const EN_OPENERS = ['', '', 'Overall, ', 'Honestly, ', 'To be fair, '];
const ZH_JOIN = ['，', '。', '，'];

/** Bands on the 1–10 scale: below 6.5 complaints, 6.5–8 lukewarm, from 8 praise. */
function bandOf(satisfaction: number): Band {
  if (satisfaction < 6.5) return 'low';
  if (satisfaction < 8) return 'mid';
  return 'high';
}

/**
 * One comment for a respondent with this satisfaction (1–10): one to three phrases, mostly from
 * the respondent's band and sometimes from a neighbouring one (people mix praise and complaint).
 */
export function commentFor(satisfaction: number, language: 'en' | 'zh', random: () => number): string {
  const band = bandOf(satisfaction);
  const pools = language === 'en' ? EN : ZH;
  const count = 1 + Math.floor(random() * 3);
  const phrases: string[] = [];
  for (let k = 0; k < count; k++) {
    const mixed = random() < 0.2 ? (band === 'high' ? 'mid' : band === 'low' ? 'mid' : random() < 0.5 ? 'low' : 'high') : band;
    const pool = pools[mixed];
    const phrase = pool[Math.floor(random() * pool.length)];
    if (!phrases.includes(phrase)) phrases.push(phrase);
  }
  if (language === 'zh') return phrases.map((p, k) => (k === 0 ? p : ZH_JOIN[Math.floor(random() * ZH_JOIN.length)] + p)).join('') + '。';
  const opener = EN_OPENERS[Math.floor(random() * EN_OPENERS.length)];
  const text = phrases.join(random() < 0.5 ? ', ' : ' and ');
  const sentence = opener + text;
  return sentence.charAt(0).toUpperCase() + sentence.slice(1) + '.';
}

/**
 * `n` respondents with a satisfaction score, an NPS answer and a comment (a share left blank), for
 * the benchmark: satisfaction uniform on 1–10, the NPS answer following it with noise.
 */
export function generateComments(n: number, seed: number): { comment: string; recommend: number }[] {
  const random = seededRandom(seed);
  const rows: { comment: string; recommend: number }[] = [];
  for (let i = 0; i < n; i++) {
    const satisfaction = 1 + random() * 9;
    const recommend = Math.max(0, Math.min(10, Math.round(satisfaction + (random() - 0.5) * 3)));
    const language = random() < 0.7 ? 'en' : 'zh';
    rows.push({ comment: random() < 0.15 ? '' : commentFor(satisfaction, language, random), recommend });
  }
  return rows;
}
