// Texts of the phone page (served by the hub, not by the app's i18n): Czech first, English
// complete. Also the explanations of ballot problems and of the hub's answers, so a phone says
// in words what is wrong before anything reaches the app.
import type { BallotIssue } from '../voting/validate';
import type { PhoneResultCode } from './protocol';

export type PhoneLang = 'cs' | 'en';

/** Czech plural: 1 bod, 2–4 body, 5+ bodů (also 0). */
export function czPlural(n: number, one: string, few: string, many: string): string {
  const abs = Math.abs(n);
  if (abs === 1) return one;
  if (abs >= 2 && abs <= 4) return few;
  return many;
}

const cs = {
  lang: 'cs',
  title: 'Hlasování',
  switchLang: 'English',
  noSession: 'Hlasování z telefonů teď neprobíhá.',
  joinTitle: 'Přihlášení',
  joinHelp:
    'Zadejte osobní kód, který jste dostali při prezenci od předsedajícího (např. KX4 HQ7).',
  joinLabel: 'Váš kód',
  joinButton: 'Přihlásit',
  joinUnknown: 'Tento kód neznáme. Zkontrolujte ho, prosím.',
  joinInUse: 'Tento kód už používá jiný telefon. Požádejte o pomoc u stolu.',
  joinDeviceHasCode: 'Tento telefon už je přihlášen pod jiným kódem.',
  joinRateLimited: 'Příliš mnoho pokusů. Zkuste to za chvíli.',
  votingAs: 'Hlasujete jako',
  anonymousNote:
    'Anonymní veřejné hlasování: jeden hlas z jednoho telefonu, bez jmen. Není to hlasování členů.',
  waiting: 'Čekáme, až předsedající otevře hlasování.',
  refresh: 'Obnovit',
  back: 'Zpět na hlasování',
  paused:
    'Hlasování z telefonů je přerušené nebo skončilo: počítač předsedajícího není připojen. Až bude hlasování pokračovat, obnovte stránku.',
  votedWait: 'Už jste hlasoval(a). Váš hlas je uložen. Počkejte na další hlasování.',
  secret: 'Tajné hlasování: nikdo neuvidí, jak jste hlasoval(a).',
  named: 'Veřejné hlasování: u hlasu bude vaše jméno.',
  send: 'Odeslat hlas',
  yes: 'Pro',
  no: 'Proti',
  abstain: 'Zdržuji se',
  blankChoice: 'Nevybírám nic',
  chooseOne: 'Vyberte jednu možnost.',
  chooseUpTo: (n: number) =>
    `Vyberte nejvýše ${n} ${czPlural(n, 'možnost', 'možnosti', 'možností')}.`,
  pointsHelp: (n: number) => `Rozdělte ${n} ${czPlural(n, 'bod', 'body', 'bodů')} mezi možnosti.`,
  rankHelp: 'Ťukejte na možnosti od nejlepší. Dalším ťuknutím pořadí zrušíte.',
  rankNoJsHelp: 'U každé možnosti vyberte pořadí (1 = nejlepší).',
  rankPlace: 'Pořadí',
  rankNone: '–',
  scoreHelp: (lo: number, hi: number) => `Ohodnoťte každou možnost od ${lo} do ${hi}.`,
  sending: 'Odesílám…',
  emptyVote: 'Vyberte, prosím, jak hlasujete.',
  emptyAsk:
    'Nic jste nevybrali. Hlas se započítá jako zdržení se. Chcete opravdu hlasovat prázdně?',
  emptyConfirm: 'Ano, hlasovat prázdně (zdržet se)',
  leftLabel: 'Zbývá bodů:',
  overLabel: 'Rozdáno navíc bodů:',
  result: {
    STORED: 'Děkujeme, váš hlas je uložen.',
    ALREADY_VOTED: 'Už jste hlasoval(a).',
    POLL_CLOSED: 'Hlasování už je ukončené.',
    UNKNOWN_POLL: 'Toto hlasování neznáme. Obnovte stránku.',
    INVALID_BALLOT: 'Hlas není platný:',
    NOT_JOINED: 'Nejdřív se přihlaste svým kódem.',
    NOT_ENTITLED: 'Podle prezence nemáte v tomto hlasování hlas. Obraťte se na předsedajícího.',
    RATE_LIMITED: 'Příliš mnoho pokusů. Zkuste to za chvíli.',
    MALFORMED: 'Hlas se nepodařilo přečíst. Obnovte stránku a zkuste to znovu.',
    TOO_LARGE: 'Zpráva je příliš velká.',
    UNAVAILABLE: 'Hlas se teď nepodařilo uložit. Zkuste ho odeslat znovu.',
  } satisfies Record<PhoneResultCode, string>,
  pending: 'Hlas je odeslán a čeká na uložení…',
  // The result page of a form's ballot (GET /receipt after POST /vote) names its poll: a
  // reload of an old result never reads as a vote in the poll open now.
  quoted: (title: string) => `„${title}“`,
  storedIn: (poll: string) => `Děkujeme. Váš hlas v hlasování „${poll}“ je uložen.`,
  alreadyIn: (poll: string) => `V hlasování „${poll}“ jste už hlasoval(a).`,
  closedIn: (poll: string) => `Hlasování „${poll}“ už je ukončené.`,
  pendingIn: (poll: string) => `Hlas v hlasování „${poll}“ je odeslán a čeká na uložení…`,
  pollEnded: 'Toto hlasování už skončilo.',
  nowVoting: 'Hlasuje se o:',
  voteNow: 'Hlasovat',
  offline: 'Spojení se ztratilo, zkouším znovu…',
  issue: (i: BallotIssue, label: (id?: string) => string): string => {
    const o = label(i.optionId);
    switch (i.code) {
      case 'TOO_FEW_CHOICES':
        return `Vyberte aspoň ${i.limit ?? 1}.`;
      case 'TOO_MANY_CHOICES':
        return `Vyberte nejvýše ${i.limit ?? 1}.`;
      case 'TOO_MANY_POINTS':
        return `Rozdělil(a) jste ${i.actual} ${czPlural(i.actual ?? 0, 'bod', 'body', 'bodů')}, můžete nejvýše ${i.limit}.`;
      case 'POINTS_NOT_ALL_SPENT':
        return `Rozdělte všech ${i.limit} ${czPlural(i.limit ?? 0, 'bod', 'body', 'bodů')}.`;
      case 'OVER_OPTION_CAP':
        return `${o}: nejvýše ${i.limit} ${czPlural(i.limit ?? 0, 'bod', 'body', 'bodů')} na jednu možnost.`;
      case 'MISSING_SCORE':
        return 'Ohodnoťte každou možnost.';
      case 'SCORE_OUT_OF_SCALE':
        return `${o}: hodnocení mimo stupnici.`;
      case 'RANK_GAP':
        return `V pořadí chybí místo ${i.rank}.`;
      case 'DUPLICATE_RANK':
        return `Místo ${i.rank} je vybrané dvakrát.`;
      case 'RANK_OUT_OF_RANGE':
        return `${o}: pořadí může být nejvýše ${i.limit}.`;
      case 'DUPLICATE_OPTION':
        return `${o} je vybrané dvakrát.`;
      case 'UNKNOWN_OPTION':
        return 'Vybraná možnost v tomto hlasování není. Obnovte stránku.';
      default:
        return 'Hlas neodpovídá pravidlům hlasování. Obnovte stránku.';
    }
  },
};

export type PhoneTexts = typeof cs;

const en: PhoneTexts = {
  lang: 'en',
  title: 'Voting',
  switchLang: 'Česky',
  noSession: 'Phone voting is not running right now.',
  joinTitle: 'Sign in',
  joinHelp: 'Enter the personal code the chair gave you at check-in (e.g. KX4 HQ7).',
  joinLabel: 'Your code',
  joinButton: 'Sign in',
  joinUnknown: 'We do not know this code. Please check it.',
  joinInUse: 'Another phone already uses this code. Please ask at the desk.',
  joinDeviceHasCode: 'This phone is already signed in with another code.',
  joinRateLimited: 'Too many attempts. Please try again in a moment.',
  votingAs: 'Voting as',
  anonymousNote:
    'Anonymous public vote: one vote per phone, no names. This is not a vote of members.',
  waiting: 'Waiting for the chair to open a vote.',
  refresh: 'Refresh',
  back: 'Back to voting',
  paused:
    "Phone voting is paused or has ended: the chair's computer is not connected. Refresh the page when voting continues.",
  votedWait: 'You have already voted. Your vote is stored. Please wait for the next vote.',
  secret: 'Secret ballot: nobody will see how you voted.',
  named: 'Named vote: your name is recorded with your vote.',
  send: 'Send my vote',
  yes: 'Yes',
  no: 'No',
  abstain: 'Abstain',
  blankChoice: 'No choice',
  chooseOne: 'Choose one option.',
  chooseUpTo: (n) => `Choose at most ${n} ${n === 1 ? 'option' : 'options'}.`,
  pointsHelp: (n) => `Share ${n} ${n === 1 ? 'point' : 'points'} among the options.`,
  rankHelp: 'Tap the options from the best one. Tap again to take it back.',
  rankNoJsHelp: 'Choose a place for each option (1 = best).',
  rankPlace: 'Place',
  rankNone: '–',
  scoreHelp: (lo, hi) => `Rate every option from ${lo} to ${hi}.`,
  sending: 'Sending…',
  emptyVote: 'Please choose how you vote.',
  emptyAsk:
    'You have chosen nothing. The vote will count as an abstention. Do you really want to cast an empty vote?',
  emptyConfirm: 'Yes, cast an empty vote (abstain)',
  leftLabel: 'Points left:',
  overLabel: 'Points over the limit:',
  result: {
    STORED: 'Thank you, your vote is stored.',
    ALREADY_VOTED: 'You have already voted.',
    POLL_CLOSED: 'This vote is already closed.',
    UNKNOWN_POLL: 'We do not know this vote. Please refresh the page.',
    INVALID_BALLOT: 'The vote is not valid:',
    NOT_JOINED: 'Please sign in with your code first.',
    NOT_ENTITLED: 'The attendance list gives you no vote here. Please ask the chair.',
    RATE_LIMITED: 'Too many attempts. Please try again in a moment.',
    MALFORMED: 'The vote could not be read. Refresh the page and try again.',
    TOO_LARGE: 'The message is too large.',
    UNAVAILABLE: 'The vote could not be stored just now. Please send it again.',
  },
  pending: 'Your vote is sent and waiting to be stored…',
  quoted: (title) => `“${title}”`,
  storedIn: (poll) => `Thank you. Your vote in “${poll}” is stored.`,
  alreadyIn: (poll) => `You have already voted in “${poll}”.`,
  closedIn: (poll) => `The vote “${poll}” is already closed.`,
  pendingIn: (poll) => `Your vote in “${poll}” is sent and waiting to be stored…`,
  pollEnded: 'This vote has ended.',
  nowVoting: 'Now voting on:',
  voteNow: 'Vote',
  offline: 'Connection lost, trying again…',
  issue: (i, label) => {
    const o = label(i.optionId);
    switch (i.code) {
      case 'TOO_FEW_CHOICES':
        return `Choose at least ${i.limit ?? 1}.`;
      case 'TOO_MANY_CHOICES':
        return `Choose at most ${i.limit ?? 1}.`;
      case 'TOO_MANY_POINTS':
        return `You gave ${i.actual} points; the most is ${i.limit}.`;
      case 'POINTS_NOT_ALL_SPENT':
        return `Give all ${i.limit} points.`;
      case 'OVER_OPTION_CAP':
        return `${o}: at most ${i.limit} points per option.`;
      case 'MISSING_SCORE':
        return 'Please rate every option.';
      case 'SCORE_OUT_OF_SCALE':
        return `${o}: rating outside the scale.`;
      case 'RANK_GAP':
        return `Place ${i.rank} is missing.`;
      case 'DUPLICATE_RANK':
        return `Place ${i.rank} is chosen twice.`;
      case 'RANK_OUT_OF_RANGE':
        return `${o}: the place can be at most ${i.limit}.`;
      case 'DUPLICATE_OPTION':
        return `${o} is chosen twice.`;
      case 'UNKNOWN_OPTION':
        return 'The chosen option is not in this vote. Please refresh the page.';
      default:
        return 'The vote does not follow the rules of this poll. Please refresh the page.';
    }
  },
};

export const PHONE_TEXTS: Record<PhoneLang, PhoneTexts> = { cs, en };

/**
 * The toggle's cookie first; without it the phone browser's own preference (Accept-Language):
 * English when English comes before Czech (and Slovak), Czech otherwise.
 */
export function phoneLang(cookie: string | undefined, acceptLanguage?: string): PhoneLang {
  if (cookie === 'en' || cookie === 'cs') return cookie;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .slice(0, 20)
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.split('-')[0]!, q: q === undefined ? 1 : Number(q), i };
    })
    .filter((l) => l.q > 0 && (l.tag === 'en' || l.tag === 'cs' || l.tag === 'sk'))
    .sort((a, b) => b.q - a.q || a.i - b.i);
  return ranked[0]?.tag === 'en' ? 'en' : 'cs';
}
