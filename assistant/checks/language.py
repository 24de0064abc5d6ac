"""Does a post read as English? The rules that read speech acts (share-begging, sales-pitch,
mention-push) read English only, so a post in another language must say it was not read.

A note needs evidence of another language, never the mere absence of English: a post with
no English function word ("Electron 1.0", "HTML 5 Tutorial", a release title) is English
as far as anyone can tell, and a post too short to tell (two words, or nothing but tags,
links, mentions and emoji) gets no note. Two kinds of evidence:

- Another script. Letters of a script English is not written in (kana, Han, Hangul, Thai,
  Cyrillic, Arabic, Greek, Hebrew, the Indic scripts...) that outweigh the Latin letters
  (links and tags aside): a Han, kana, Hangul or Thai character counts as three letters,
  so "Had the best ramen at 一蘭 today!" stays English. The script names the language
  where one language writes it (kana: Japanese, Hangul: Korean, Han alone: Chinese, Thai,
  Greek, Hebrew); Cyrillic is Russian or Ukrainian by the letters (or, for Russian, the
  words) the other does not use; otherwise the note names the script ("Arabic script").
- The other language's most frequent words. For sixteen languages written in Latin letters,
  their function words and everyday adverbs (`de`, `und`, `nicht`, `aujourd'hui`, `hoy`,
  `vandaag`...), none of which is an English word: words English shares (`a`, `in`, `die`,
  `also`, `men`, `plus`, `sale`) count for no language. A post reads as another language
  when at least two distinct words of it are that language's and they outnumber its
  distinct English words (function words and a few everyday ones) more than two to one, so
  a post that switches to English for a sentence ("Gracias to everyone who came!") is read
  by the English rules, which is what they can do. Words inside a name written in capitals
  ("Café de la Paix", "Tour de France"; not in German, which capitalises its nouns) and
  acronyms ("LA", "EST"; unless the post shouts) are not the post's language; links,
  @mentions and #hashtags are not words. The language is named when it has more of these
  words than any other (Spanish and Portuguese share `de` and `que`, Danish and Norwegian
  most of theirs); otherwise "not English".

Why no language-identification library: measured on this project's real posts and drafts,
CLD2 (pycld2, Apache-2.0) calls "#github release: webvsc-ui 0.5.0" Danish, reliably, and a
German "Ich habe ein @YouTube-Video hochgeladen" English; py3langid (BSD-3-Clause) takes
~130 µs a text (a whole review takes ~70 µs) and is unsure of most short posts; lingua
(Apache-2.0) is a 96 MB wheel whose fast mode calls "HTML 5 Tutorial" Spanish at 0.81.
Statistical detectors are weakest on what a social feed is full of, short titles, names and
links, and the decision the note needs (is there positive evidence of another language?)
is what function words answer.

Cost: most posts are English in ASCII (or with emoji and quotes but no accented letter) and
are answered by one set intersection with the words the speech rules already split
(`words_of`, cached): fewer than two words of another language, no note. The full reading
runs only on the rest: a word list per post, or a look at the first letters of another
script.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter

from assistant.checks.signals import words_of
from assistant.text import LazyRe

# Fewer words than this (in Latin letters) is too short to tell.
MIN_WORDS = 3
# Less than this many letters in another script is too short to tell ("ありがとう", "谢谢",
# "Спасибо!"): about three words. A Han, kana, Hangul or Thai character carries about what
# three letters of an alphabet do, so six of them are enough.
MIN_SCRIPT_LETTERS = 16
DENSE_WEIGHT = 3
# The letters of another script whose scripts are looked up: enough to tell which it is.
SCRIPT_SAMPLE = 24
# Only the start of a long text (a blog post's body) is read: its language is clear by then.
READ_CHARS = 600


class Foreign:
    """What a post reads as: a language when it is told reliably, else the script it is
    written in, else neither (it does not read as English, but which language is unclear).
    `evidence` is what told it: the language's words found, or the first letters."""

    __slots__ = ("evidence", "language", "script")

    def __init__(self, language: str | None, script: str | None, evidence: str) -> None:
        self.language = language
        self.script = script
        self.evidence = evidence

    def __repr__(self) -> str:
        return f"Foreign({self.label!r}, {self.evidence!r})"

    @property
    def label(self) -> str:
        """"Spanish", "Cyrillic script" or "not English"."""
        if self.language:
            return self.language
        return f"{self.script} script" if self.script else "not English"

    @property
    def says(self) -> str:
        """What the post is, as the note says it: "reads as Spanish"."""
        if self.language:
            return f"reads as {self.language}"
        if self.script:
            return f"is written in {self.script} script"
        return "does not read as English"


# --- Latin-script languages ---------------------------------------------------------------

# Each language's most frequent words that are not English words. A word several of them
# use ("de", "que", "en") counts for each.
_WORDS: dict[str, str] = {
    "Spanish": """
        de el la los las del al y que en por para con una uno unos unas es está están estamos
        estoy su sus lo le se más muy pero como cuando hoy ahora aquí allí gracias nuestro
        nuestra nuestros nuestras este esta estos estas todo todos todas toda hay ya también
        desde hasta sin sobre entre puedes tu tus usted ustedes nosotros hola mañana nuevo
        nueva nuevos nuevas qué cómo dónde cuándo porque ser tiene tienen tenemos hacer aún así
        mi mis sí él ella ellos ellas les eso esto esa ese mejor día días ni nos vamos vemos
        fue son
        """,
    "Portuguese": """
        os da das dos na nas nos em um uma umas uns que de para com por não é está estão são
        mais muito muita mas como quando hoje agora aqui obrigado obrigada obrigados nosso
        nossa nossos nossas você vocês seu sua seus suas eu ele ela eles elas isso isto este
        esta esse essa também já pelo pela pelos pelas ao aos à às até sem sobre entre tem têm
        ter fazer onde novo nova novos novas porque melhor só dia dias vamos vossos vossas
        vosso vossa
        """,
    "French": """
        de le la les des du un une et est sont pour dans avec sur par pas que qui ce cette ces
        mais ou où nous vous je il elle ils elles ne se sa ses leur leurs notre nos votre vos
        au aux très aujourd'hui merci bonjour c'est j'ai n'est qu'il qu'on d'un d'une être
        avoir fait faire aussi déjà encore tout tous toutes toute été là ça après depuis sans
        sous entre nouvelle nouvelles nouveaux maintenant seulement demain ici
        était sommes êtes avons avez ont
        """,
    "Italian": """
        il lo gli della delle dei degli del nel nella nei nelle alla alle al è di che con non
        sono una uno anche più molto quando oggi ora grazie nostro nostra nostri nostre questo
        questa questi queste tutto tutti tutte ci si ho hai abbiamo siamo essere fare perché
        sempre già ancora nuovo nuova nuovi nuove mio mia tuo tua suo sua loro voi noi io lei
        lui ecco qui domani dal dalla sul sulla
        """,
    "German": """
        der das und ist nicht mit für auf dem des ein eine einen einem einer zu zum zur von
        vom im bei ich du wir ihr sie es sich auch noch nur schon jetzt heute hier sehr mehr
        wie wenn aber oder dass daß unser unsere unseren unserem unserer euch euer eure euren
        ihre ihren haben habe hast sind wird werden kann können gibt alle alles diese dieser
        dieses diesen kein keine keinen mal doch ja danke neue neuen neues neu über bis nach
        durch gegen ohne vor dir mich mein meine meinen dein deine bitte morgen gestern ganz
        immer wieder viel viele damit macht machen dann denn weil nun gerade seit
        """,
    "Dutch": """
        het een en van de niet met voor zijn dat op ook naar bij uit maar nog wel dan hoe wat
        wie wij jij je jullie ons onze mijn deze dit zo nu hier heel veel worden wordt heeft
        hebben kunnen geen alle nieuwe vandaag bedankt dank alleen morgen waar
        """,
    "Swedish": """
        och att är det som för med på av inte ett jag vi har om du de nu idag allt alla
        också mycket här från eller vad hur när kan ska skulle vår våra din dina mitt min
        tack hej
        """,
    "Norwegian": """
        og at er det som for med på av ikke et jeg vi har om du de nå i dag alt alle også
        mye her fra eller hva hvordan når kan skal vår våre din takk hei
        """,
    "Danish": """
        og at er det som for med på af ikke et jeg vi har om du de nu i dag alt alle også
        meget her fra eller hvad hvordan når kan skal vores din tak hej
        """,
    "Polish": """
        nie się jest że jak ale tak od dla są czy ten już mnie jestem bardzo dzisiaj dziękuję
        nasz nasza nasze naszym naszej naszego tylko przez przy być oraz który która które
        jeszcze jesteśmy za był była było dzień wszystkim wszystkich dzięki
        """,
    "Czech": """
        je se že jsem jsme jsou není jak od také už děkuji dnes náš naše který která které
        být bude jako nebo aby ještě velmi
        """,
    "Turkish": """
        ve bir bu için ile çok daha gibi ama yok olan olarak değil ben sen biz siz onlar şu
        teşekkürler bugün yeni
        """,
    "Indonesian": """
        dan yang di ke dari untuk dengan ini itu tidak akan juga kami kita saya anda sudah
        bisa atau pada dalam lebih hari terima kasih baru
        """,
    "Romanian": """
        și în este sunt pe cu din pentru care mai lui acest această azi astăzi mulțumim
        foarte dar
        """,
    "Vietnamese": """
        và của là có không được trong cho với này những các một người đã sẽ bạn chúng tôi
        """,
    "Tagalog": """
        ang ng sa mga ay ko mo naman po lang ito yung hindi kami tayo salamat
        """,
}
# English words, or tokens English text is full of: they count for no other language.
_ENGLISH_TOO = frozenset("""
    a i o e an am as at be by do go he if in is it me my no of on or so to up us we also
    die was will men man den hat bin war var till til her ha come dove sale plus son has
    had his per via pan ore post fine bio link sole solo mini pro ale ana ada net aus um
    co ta pa ma ok tv av er hey im van op heel dank alt din min tack ten ama ben sen biz
    yang hindi pe cu care sin hay ya em par encore sans sous nouveau non ho fare mo gut
""".split())
# English function words and everyday words: evidence against a note.
_ENGLISH = frozenset("""
    the of and to are were be been being it its it's this that these those with for from by
    about as or but not you your yours you're you've you'll we our ours we're we've we'll
    they their them they're he she his her him my mine i i'm i've i'll i'd us who what when
    where why how which there here have has had do does did don't doesn't didn't can can't
    could would should won't just if then than all any some more most very up out into over
    after before new get got thanks thank please today tomorrow tonight yes yeah lol omg
    one two every only off now check read see love great week day year time people way
    make made know need want like good best first last next isn't aren't wasn't let's
    that's what's there's here's it'll
""".split())

_LANGUAGES_OF: dict[str, tuple[str, ...]] = {}
for _language, _words in _WORDS.items():
    for _word in _words.split():
        if _word not in _ENGLISH_TOO and _word not in _ENGLISH:
            _LANGUAGES_OF[_word] = (*_LANGUAGES_OF.get(_word, ()), _language)
# Every word of another language, for the one set test most posts stop at.
_FOREIGN = frozenset(_LANGUAGES_OF)
# French and Italian elisions: l'équipe, d'un, dell'anno, c'è.
_ELIDED = {"l": ("French", "Italian"), "d": ("French",), "j": ("French",), "c": ("French",),
           "n": ("French",), "qu": ("French",), "s": ("French",), "m": ("French",),
           "dell": ("Italian",), "all": ("Italian",), "un": ("Italian",), "nell": ("Italian",),
           "dall": ("Italian",), "sull": ("Italian",)}
# German capitalises its nouns: words between two capitalised words are still German words.
_NO_NAMES = frozenset({"German"})

# Links (with a scheme, from www., or a bare domain with a path or a known ending), @mentions
# and #hashtags: none of them is a word of the post's language.
_LINK_OR_TAG = r"(?:[Hh][Tt][Tt][Pp][Ss]?://|[Ww][Ww][Ww]\.)\S+|[@#][\w.\-]+"
_NOT_WORDS = LazyRe(_LINK_OR_TAG + r"|\b(?=[\w\-]*\.\w)[\w.\-]+(?:/\S*)?")
# Latin letters, and those of them that are not ASCII (é, ß, ñ, the Vietnamese vowels).
_LETTERS = "a-zA-Z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff"
_ACCENTED = LazyRe("[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]")
# A word of the post (group 1), or what is not: a link, an @mention or a #hashtag (no group),
# a bare domain with its path (group 2: "elpais.com/es/la-casa").
_WORDS_OF_POST = LazyRe(
    _LINK_OR_TAG + rf"|([{_LETTERS}]+(?:'[{_LETTERS}]+)*)((?:\.[\w\-]+)+(?:/\S*)?)?")


# What may end a plain word: "week." and "hoy!" are the words "week" and "hoy".
_TRAILING = ".,!?;:"


def _post_words(text: str) -> list[str]:
    """The words of the post in `_WORDS_OF_POST`'s sense, in order, as written.

    No match of that pattern holds a space, so it reads a text as it reads each piece
    between spaces; in ASCII, a piece that is letters (trailing punctuation aside) is one
    word as it stands, and only the rest (links, tags, "don't", "e.g.") are searched:
    ~2.5x cheaper on a post of plain words, the same on one of links and tags."""
    if not text.isascii():
        return [word for word, domain in _WORDS_OF_POST.compiled.findall(text.replace("\u2019", "'"))
                if word and not domain]
    words = []
    for piece in text.split(" "):
        word = piece.rstrip(_TRAILING)
        # ASCII: [a-zA-Z]+; but "www.." is a link, not the word "www"
        if word.isalpha() and (word == piece or word.lower() != "www"):
            words.append(word)
        elif word:
            words += [w for w, domain in _WORDS_OF_POST.compiled.findall(piece) if w and not domain]
    return words


def _latin(text: str) -> Foreign | None:
    """What a text in Latin letters reads as, by the distinct words of each language in it
    ("de" three times is one word of evidence) against its distinct English words."""
    tokens = _post_words(text)
    if len(tokens) < MIN_WORDS:
        return None
    lowers = "\n".join(tokens).lower().split("\n")  # one call, not one a word
    distinct = set(lowers)
    found = distinct.intersection(_FOREIGN)
    if "'" in text or "\u2019" in text:  # l'équipe, dell'anno
        found.update(w for w in distinct if "'" in w and w.split("'", 1)[0] in _ELIDED)
    english = distinct.intersection(_ENGLISH)
    if "i" in english and "I" not in tokens:  # "i" is also Italian's article
        english.discard("i")
    # No language can have more words than all of them together.
    if len(found) < 2 or len(found) <= 2 * len(english):
        return None
    last = len(tokens) - 1
    kept: dict[str, None] = {}  # in the post's order, for the evidence
    names: set[str] = set()  # seen only inside a capitalised name
    for index in [i for i, word in enumerate(lowers) if word in found]:
        word = lowers[index]
        if word in kept:
            continue
        token = tokens[index]
        if token[0].islower():
            # a name in capitals: "Café de la Paix", "Tour de France", "Cirque du Soleil"
            if 0 < index < last and tokens[index - 1][0].isupper() and _capitalised_after(tokens, index):
                names.add(word)
                continue
        # An acronym is no word of a language ("LA", "OS", "EST"), unless the post shouts.
        elif len(token) > 1 and token.isupper() and not _shouting(tokens):
            continue
        kept[word] = None
    languages = {w: _LANGUAGES_OF.get(w) or _ELIDED[w.split("'", 1)[0]] for w in (*kept, *names)}
    counts: dict[str, int] = {}
    for word in kept:
        for language in languages[word]:
            counts[language] = counts.get(language, 0) + 1
    names.difference_update(kept)
    for word in names:  # German capitalises its nouns: its words count there too
        for language in languages[word]:
            if language in _NO_NAMES:
                counts[language] = counts.get(language, 0) + 1
    if not counts:
        return None
    best = max(counts, key=counts.__getitem__)
    most = counts[best]
    if most < 2 or most <= 2 * len(english):
        return None
    told = sum(1 for n in counts.values() if n == most) == 1
    shown = [w for w in (*kept, *(names if best in _NO_NAMES else ()))
             if best in languages[w]][:5]
    return Foreign(best if told else None, None, ", ".join(shown))


def _shouting(tokens: list[str]) -> bool:
    """True when most words are in capitals: then "DE" and "LA" are words, not acronyms."""
    return 2 * sum(1 for token in tokens if token.isupper()) > len(tokens)


def _capitalised_after(tokens: list[str], index: int) -> bool:
    """True when the next word that is not a function word ("de la Paix") is capitalised."""
    for token in tokens[index + 1:]:
        if token[0].isupper():
            return True
        if token.lower() not in _LANGUAGES_OF:
            return False
    return False


# --- other scripts ----------------------------------------------------------------------

# (first code point, script or None for gaps); Han, kana, Hangul and Thai are dense scripts.
_SCRIPTS: list[tuple[int, str | None]] = [
    (0x0370, "Greek"), (0x0400, "Cyrillic"), (0x0530, "Armenian"), (0x0590, "Hebrew"),
    (0x0600, "Arabic"), (0x0700, "Syriac"), (0x0750, "Arabic"), (0x0780, "Thaana"),
    (0x07C0, None), (0x08A0, "Arabic"), (0x0900, "Devanagari"), (0x0980, "Bengali"),
    (0x0A00, "Gurmukhi"), (0x0A80, "Gujarati"), (0x0B00, "Odia"), (0x0B80, "Tamil"),
    (0x0C00, "Telugu"), (0x0C80, "Kannada"), (0x0D00, "Malayalam"), (0x0D80, "Sinhala"),
    (0x0E00, "Thai"), (0x0E80, "Lao"), (0x0F00, "Tibetan"), (0x1000, "Myanmar"),
    (0x10A0, "Georgian"), (0x1100, "Hangul"), (0x1200, "Ethiopic"), (0x1380, None),
    (0x1780, "Khmer"), (0x1800, None), (0x1F00, "Greek"), (0x2000, None),
    (0x3040, "Kana"), (0x3100, None), (0x3130, "Hangul"), (0x3190, None), (0x31F0, "Kana"),
    (0x3200, None), (0x3400, "Han"), (0x4DC0, None), (0x4E00, "Han"), (0xA000, None),
    (0xAC00, "Hangul"), (0xD7B0, None), (0xF900, "Han"), (0xFB00, None), (0xFB1D, "Hebrew"),
    (0xFB50, "Arabic"), (0xFE00, None), (0xFE70, "Arabic"), (0xFF00, None), (0xFF66, "Kana"),
    (0xFFA0, None),
]
_STARTS = [start for start, _ in _SCRIPTS]
_NON_LATIN = LazyRe(
    "[\u0370-\u07bf\u08a0-\u109f\u10a0-\u137f\u1780-\u17ff\u1f00-\u1fff\u3040-\u30ff"
    "\u3130-\u318f\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
    "\ufb1d-\ufdff\ufe70-\ufefc\uff66-\uff9f]+")
_HAN_AND_KANA = {"Han", "Kana"}
_DENSE = frozenset({"Han", "Kana", "Hangul", "Thai", "Lao", "Khmer", "Myanmar", "Tibetan"})
# The language a script names on its own; the others are named by the script.
_LANGUAGE_OF_SCRIPT = {"Kana": "Japanese", "Hangul": "Korean", "Han": "Chinese", "Thai": "Thai",
                       "Greek": "Greek", "Hebrew": "Hebrew", "Georgian": "Georgian",
                       "Armenian": "Armenian", "Lao": "Lao", "Khmer": "Khmer",
                       "Myanmar": "Burmese", "Sinhala": "Sinhala"}
# Cyrillic: Russian writes ы and э, which Ukrainian and Bulgarian do not; Ukrainian і, ї, є
# and ґ, which Russian does not; Bulgarian ъ inside words, which Russian hardly does. Words
# only Russian uses tell a short post without ы or э. Other letters (Belarusian ў, Serbian
# ј, Kazakh ә...) leave the script named.
_RUSSIAN_LETTERS = frozenset("ыэ")
_UKRAINIAN_LETTERS = frozenset("іїєґ")
_OTHER_CYRILLIC = frozenset("ўәғқңөұүһјљњћџђѓќѕъ")
_RUSSIAN_WORDS = frozenset("""
    что это как только сегодня мы вы для из же со уже или всё все так вас нас наш наша наше
    ваш ваша сейчас скидка скидкой скидки купите будет есть очень спасибо здесь
""".split())
_CYRILLIC_WORD = LazyRe(r"[\u0400-\u04ff]+")
_LATIN_LETTERS = LazyRe(f"[{_LETTERS}]+")


def _cyrillic(text: str, letters: frozenset[str]) -> str | None:
    """Russian or Ukrainian when the letters or words say so; None: the script only."""
    if letters & _UKRAINIAN_LETTERS:
        return "Ukrainian" if not letters & (_RUSSIAN_LETTERS | _OTHER_CYRILLIC) else None
    if letters & _OTHER_CYRILLIC:
        return None
    if letters & _RUSSIAN_LETTERS:
        return "Russian"
    words = {w.lower() for w in _CYRILLIC_WORD.compiled.findall(text)}
    return "Russian" if words & _RUSSIAN_WORDS else None


_SCRIPT_OF: dict[str, str | None] = {}  # a letter's script, None for marks and symbols


def _script_of(char: str) -> str | None:
    script = _SCRIPTS[bisect_right(_STARTS, ord(char)) - 1][1] if char.isalpha() else None
    _SCRIPT_OF[char] = script
    return script


def _other_script(text: str, runs: list[str]) -> Foreign | None:
    """What `text` reads as when the letters of another script (`letters`) outweigh its
    Latin letters; None when they do not, or are too few to tell. The scripts are told
    from the first letters: a post does not change script half-way often enough to pay
    for reading every letter of a million."""
    first = runs[0]
    sample = first[:SCRIPT_SAMPLE] if len(first) >= SCRIPT_SAMPLE else "".join(runs)[:SCRIPT_SAMPLE]
    letters = sum(map(len, runs))
    if not _SCRIPT_OF.keys() >= set(sample):
        for char in sample:
            _script_of(char)
    kinds = set(map(_SCRIPT_OF.__getitem__, sample))
    kinds.discard(None)
    if not kinds:
        return None
    if len(kinds) == 1 or kinds == _HAN_AND_KANA:  # one script, or Japanese: most posts
        only = "Kana" if "Kana" in kinds else kinds.pop()
        if only is None:  # never: None was discarded (for the type checker)
            return None
        script = only
        per_letter = float(DENSE_WEIGHT if script in _DENSE else 1)
    else:
        scripts = Counter(s for s in map(_SCRIPT_OF.__getitem__, sample) if s is not None)
        script = max(scripts, key=scripts.__getitem__)
        if script == "Han" and "Kana" in scripts:  # Japanese writes Han and kana together
            script = "Kana"
        per_letter = sum(n * DENSE_WEIGHT if s in _DENSE else n for s, n in scripts.items()) / len(sample)
    weight = per_letter * letters
    if weight < MIN_SCRIPT_LETTERS:
        return None
    if weight < len(text) - letters and weight < sum(map(len, _LATIN_LETTERS.compiled.findall(text))):
        clean = _NOT_WORDS.compiled.sub(" ", text)  # links and tags are no Latin words of the post
        if weight < sum(map(len, _LATIN_LETTERS.compiled.findall(clean))):
            return None
    shown = sample[:12]
    language = _LANGUAGE_OF_SCRIPT.get(script)
    if script == "Cyrillic":
        language = _cyrillic(text, frozenset("".join(runs).lower()))
    return Foreign(language, None if language else script, shown)


# --- the reading ------------------------------------------------------------------------

def foreign_language(text: str) -> Foreign | None:
    """What `text` reads as when it is not English, or None: English, or too short to tell."""
    if text.isascii():
        # most posts: fewer than two words of another language, even counting links and tags
        if len(_FOREIGN.intersection(words_of(text))) < 2:
            return None
    else:
        text = text[:READ_CHARS]
        runs = _NON_LATIN.compiled.findall(text)
        if runs:
            read = _other_script(text, runs)
            if read is not None:
                return read
        elif not _ACCENTED.compiled.search(text) and len(_FOREIGN.intersection(words_of(text))) < 2:
            return None  # emoji and quotes, no accented letter: as for ASCII
    return _latin(text[:READ_CHARS])
