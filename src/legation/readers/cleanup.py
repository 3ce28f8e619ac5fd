"""Making read text fit to be a Document: clean characters, English only, ISO dates."""

from __future__ import annotations

import datetime as dt
import email.utils
import re
import unicodedata
from collections import Counter

from ..dates import BadDate, FuzzyDate

# Breaks that some tools write instead of "\n": keep them as line ends so that the words
# on either side do not run together when the character is removed.
_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_DROP = re.compile(r"[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f\ufeff]")


def clean_text(text: str) -> str:
    """Line ends normalised to LF and control characters (other than newline and tab)
    removed. Done before the Document exists, so every later character offset refers to
    exactly this string."""
    text = _BREAKS.sub("\n", text)
    text = _DROP.sub("", text)
    return text.strip()


def clean_line(text: object) -> str:
    """A title or author: one line, no control characters."""
    if text is None:
        return ""
    return " ".join(clean_text(str(text)).split())


# Short, frequent words that hardly occur in other languages' running text. The other lists
# only serve to name the language in the message the user sees.
_FUNCTION_WORDS = {
    "English": "the of and to is that for was with on are it as by from at this be has have "
    "had an which were said its their will not or his her they he she been would after who",
    "French": "le la les des du et est une dans que qui pour pas au aux sur avec ce cette sont "
    "par ont été il elle ses son leur à mais lors",
    "German": "der die das und ist nicht ein eine zu den dem mit sich des auf für von wurde "
    "auch es im sie bei nach hat sind werden dass aus",
    "Spanish": "el los las del y en que por con una para es se su al lo como más fue sus",
    "Italian": "il di che e per un della non sono è con gli nel alla anche si dei delle",
    "Portuguese": "o os da do das dos em não uma um para com é foi pelo pela ao",
    "Dutch": "de het een en van niet op dat zijn met voor werd ook bij aan naar",
}
_WORD_SETS = {lang: set(words.split()) for lang, words in _FUNCTION_WORDS.items()}
_WORD = re.compile(r"[^\W\d_]+")
_SHORT = 8  # fewer words than this cannot be judged; keep them
_SAMPLE_WORDS = 3000  # the first few thousand words tell as much as the whole article


def non_english(text: str) -> str | None:
    """None when the text is (or may be) English, else a short name of what it looks like.
    Cheap by design: it only has to tell an English article from one in another language."""
    script = _foreign_script(text[:20_000])
    if script:
        return script
    words = _WORD.findall(text[:50_000].lower())[:_SAMPLE_WORDS]
    if len(words) < _SHORT:
        return None
    counts = Counter(words)
    share = {
        lang: sum(counts[w] for w in vocab) / len(words) for lang, vocab in _WORD_SETS.items()
    }
    english = share.pop("English")
    lang, best = max(share.items(), key=lambda item: item[1])
    # English news prose runs at roughly 25-40% of these words; a quoted foreign sentence or
    # a list of names lowers that but does not raise another language above it.
    if english >= 0.12 or best < 0.1 or best <= english * 1.5:
        return None
    return lang


_SCRIPTS = (
    ("CYRILLIC", "Cyrillic script"),
    ("ARABIC", "Arabic script"),
    ("CJK", "Chinese/Japanese script"),
    ("HIRAGANA", "Japanese"),
    ("KATAKANA", "Japanese"),
    ("HANGUL", "Korean"),
    ("GREEK", "Greek"),
    ("HEBREW", "Hebrew"),
    ("DEVANAGARI", "Devanagari script"),
    ("THAI", "Thai"),
    ("ARMENIAN", "Armenian"),
    ("GEORGIAN", "Georgian"),
)


def _foreign_script(text: str) -> str | None:
    """Most letters outside the Latin alphabet: not English, however few words there are
    (Chinese or Japanese have no spaces to count words by)."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 20:
        return None
    latin = sum(1 for c in letters if c < "\u0250")
    if latin / len(letters) > 0.5:
        return None
    names = Counter()
    for c in letters:
        if c >= "\u0250":
            name = unicodedata.name(c, "")
            names[next((label for key, label in _SCRIPTS if name.startswith(key)), "")] += 1
    label = names.most_common(1)[0][0] if names else ""
    return label or "a non-Latin script"


_ISO_START = re.compile(
    r"^\s*(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?:[T ][\d:.]+(?:Z|[+-][\d:]+)?)?\s*$"
)


def to_date(value: object) -> FuzzyDate | None:
    """A FuzzyDate from whatever a source gives: ISO with any time or zone, RFC 822 (feeds,
    e-mail), a datetime, or prose such as '5 March 2024'. None when it cannot be read:
    a bad date in a source does not make the article unreadable."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return FuzzyDate.of(value.date())
    if isinstance(value, dt.date):
        return FuzzyDate.of(value)
    text = str(value).strip()
    if not text:
        return None
    iso = _ISO_START.match(text)
    try:
        if iso:
            return FuzzyDate.parse("-".join(g for g in iso.groups() if g))
        try:
            return FuzzyDate.of(email.utils.parsedate_to_datetime(text).date())
        except (TypeError, ValueError, IndexError):
            pass
        return _dateparser(text)
    except BadDate:
        return None


def _dateparser(text: str) -> FuzzyDate | None:
    try:
        from dateparser.date import DateDataParser  # slow to import: only when needed
    except ImportError:
        return None
    try:
        found = DateDataParser(settings={"PREFER_DAY_OF_MONTH": "first"}).get_date_data(text)
    except Exception:  # dateparser raises assorted errors on odd input; the date is optional
        return None
    when = found.date_obj if found else None
    if when is None:
        return None
    period = found.period or "day"
    if period == "year":
        return FuzzyDate.parse(f"{when.year:04d}")
    if period == "month":
        return FuzzyDate.parse(f"{when.year:04d}-{when.month:02d}")
    return FuzzyDate.of(when.date())
